import { defineConfig } from 'tsup';

export default defineConfig({
  // main is its own entry: `npm start` and operators run it from dist.
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  // tsup's declaration bundler still sets baseUrl, which TypeScript 6 deprecates.
  dts: { entry: 'src/index.ts', compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
