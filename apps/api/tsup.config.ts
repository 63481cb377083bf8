import { defineConfig } from 'tsup';

export default defineConfig({
  // main is its own entry: `npm start` and operators run it from dist.
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  // No declarations: the apps take AppRouter's types from src (package.json "types").
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
