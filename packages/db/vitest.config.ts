import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  test: {
    // Integration files each create their own databases (MariaDB ones are slow to build);
    // running files one after another keeps the MariaDB server and the machine responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    // Says which tests this machine's missing peers (MariaDB, Redis, slapd, …) skip.
    globalSetup: ['./test/testPeers.setup.ts'],
  },
});
