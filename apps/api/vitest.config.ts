import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  test: {
    // Each file starts real servers on real databases; one file at a time keeps the
    // two-core machine and MariaDB responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    // Says which tests this machine's missing peers (MariaDB, Redis, slapd, …) skip.
    globalSetup: ['./test/testPeers.setup.ts'],
  },
});
