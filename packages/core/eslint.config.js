import { tracershop } from '@tracershop/eslint-config';

export default [
  ...tracershop({ tsconfigRootDir: import.meta.dirname }),
  {
    // core is pure: no I/O and no clock reads ("now" is always an argument).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core has no I/O.' },
            {
              group: [
                'fs',
                'net',
                'http',
                'https',
                'child_process',
                'sequelize',
                'mysql2',
                'sqlite3',
              ],
              message: 'core has no I/O.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass "now" as an argument.' },
        { object: 'Temporal', property: 'Now', message: 'Pass "now" as an argument.' },
        { object: 'performance', property: 'now', message: 'Pass "now" as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass "now" as an argument.',
        },
      ],
    },
  },
];
