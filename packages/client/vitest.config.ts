import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  test: {
    // The examples' test starts a real site (`tracershop serve`) and runs scripts against it.
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
