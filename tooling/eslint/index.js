import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The one ESLint flat config of the monorepo. A package's eslint.config.js is
 * `export default tracershop({ tsconfigRootDir: import.meta.dirname })`.
 */
export function tracershop({ tsconfigRootDir, browser = false } = {}) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.turbo/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: {
        globals: browser ? { ...globals.browser } : { ...globals.node },
        parserOptions: tsconfigRootDir ? { tsconfigRootDir } : {},
      },
      rules: {
        curly: ['error', 'all'],
        eqeqeq: ['error', 'always', { null: 'ignore' }],
        'no-console': 'off',
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
        ],
        '@typescript-eslint/consistent-type-imports': 'error',
      },
    },
    prettier,
  );
}

export default tracershop();
