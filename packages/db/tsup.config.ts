import { defineConfig } from 'tsup';

export default defineConfig((options) => ({
  // cli is its own entry so that `tracershop` (bin) and the root db:* scripts run from dist.
  entry: ['src/index.ts', 'src/cli.ts', 'src/testing.ts'],
  format: ['esm'],
  // tsup's declaration bundler still sets baseUrl, which TypeScript 6 deprecates.
  dts: {
    entry: ['src/index.ts', 'src/testing.ts'],
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  // `npm run dev` watches: the previous build stays in place until the new one is written, so
  // the api and the Vite servers never find dist/ empty.
  clean: options.watch === undefined || options.watch === false,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
}));
