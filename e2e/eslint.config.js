import { tracershop } from '@tracershop/eslint-config';

export default [
  { ignores: ['artifacts/**'] },
  ...tracershop({ tsconfigRootDir: import.meta.dirname }),
];
