import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig();
