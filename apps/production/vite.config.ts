import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app sends its version with every call; the api (TRACERSHOP_VERSION, default its
// package version) tells an app of another version to reload.
const apiPackage = JSON.parse(
  readFileSync(new URL('../api/package.json', import.meta.url), 'utf8'),
) as { version: string };
const version = process.env.TRACERSHOP_VERSION ?? apiPackage.version;

export default defineConfig({
  base: '/production/',
  plugins: [react()],
  define: { __TRACERSHOP_VERSION__: JSON.stringify(version) },
  // Initial JavaScript must stay under 250 KB gzip (the build prints the sizes); the whole
  // entry chunk is ~180 KB gzip, so the minified-size warning is moved above it.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 800,
  },
  // `npm run dev`: the api on :8080 answers calls, live events and documents; the other
  // app's dev server answers its own pages, so the shop ↔ production switch works here too.
  server: {
    port: 5174,
    strictPort: true,
    proxy: {
      '/trpc': { target: 'http://localhost:8080', ws: true },
      '/documents': { target: 'http://localhost:8080' },
      '/shop': { target: 'http://localhost:5173', ws: true },
    },
  },
});
