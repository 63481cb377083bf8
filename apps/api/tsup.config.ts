import { defineConfig } from 'tsup';

export default defineConfig({
  // main and cli are their own entries: `npm start` and operators run them from dist.
  entry: ['src/index.ts', 'src/main.ts', 'src/cli.ts'],
  format: ['esm'],
  // No declarations: the apps take AppRouter's types from src (package.json "types").
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
