import { tracershop } from '@tracershop/eslint-config';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  ...tracershop({ tsconfigRootDir: import.meta.dirname, browser: true }),
  reactHooks.configs.flat.recommended,
];
