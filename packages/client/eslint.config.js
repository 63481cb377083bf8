import { tracershop } from '@tracershop/eslint-config';

export default tracershop({ tsconfigRootDir: import.meta.dirname });
