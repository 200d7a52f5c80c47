import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BESKYT_API lets a second API instance (say, a test database) sit behind the dev server.
const api = process.env.BESKYT_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    // WEB_OUT_DIR keeps parallel local builds (several e2e runs on one machine) apart; the default is what npm start serves.
    outDir: process.env.WEB_OUT_DIR ? path.resolve(process.env.WEB_OUT_DIR) : '../../dist/web',
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
