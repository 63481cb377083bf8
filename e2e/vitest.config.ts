import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One browser and one api at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
