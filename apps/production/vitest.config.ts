import react from '@vitejs/plugin-react';
import { vitestConfig } from '@tracershop/vitest-config';

export default vitestConfig({
  plugins: [react()],
  define: { __TRACERSHOP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['./src/testing/setupTests.ts'],
  },
});
