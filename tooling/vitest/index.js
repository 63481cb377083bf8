import { defineConfig, mergeConfig } from 'vitest/config';

/** Settings every package's tests share; a package may merge its own on top. */
export const base = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

export function vitestConfig(overrides = {}) {
  return mergeConfig(base, defineConfig(overrides));
}
