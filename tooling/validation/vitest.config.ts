import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  test: {
    // The PDF test starts Chromium: give it time on a busy machine.
    testTimeout: 60_000,
  },
});
