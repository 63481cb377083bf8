import { defineConfig } from 'tsup';

export default defineConfig((options) => ({
  entry: ['src/index.ts'],
  format: ['esm'],
  // tsup's declaration bundler still sets baseUrl, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  // `npm run dev` watches: the previous build stays in place until the new one is written, so
  // the api and the Vite servers never find dist/ empty.
  clean: options.watch === undefined || options.watch === false,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
}));
