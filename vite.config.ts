import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

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
      '/api': api,
      '/healthz': api,
    },
  },
});
