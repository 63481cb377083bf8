import { tracershop } from '@tracershop/eslint-config';

export default [
  { ignores: ['artifacts/**', 'playwright-report/**', 'test-results/**'] },
  ...tracershop({ tsconfigRootDir: import.meta.dirname }),
];
