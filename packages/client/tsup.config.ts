import { defineConfig } from 'tsup';

export default defineConfig((options) => ({
  entry: ['src/index.ts'],
  format: ['esm'],
  // The router's types stay an import of '@tracershop/api' (the monorepo resolves it to the
  // api's source); tsup's declaration bundler still sets baseUrl, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  external: ['@tracershop/api'],
  clean: options.watch === undefined || options.watch === false,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
}));
