import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BESKYT_API lets a second API instance (say, a test database) sit behind the dev server.
const api = process.env.BESKYT_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // One bundle for a staff app that is loaded once per working day; React + Mantine alone are ~600 kB.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      // A plain '/api' prefix would also swallow the module /api.ts.
      '^/api/': api,
      '/healthz': api,
    },
  },
});
