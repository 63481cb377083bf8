import { defineConfig } from 'tsup';

export default defineConfig({
  // The command (`npm run validation`, `npm run validation:check`) runs from dist.
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
