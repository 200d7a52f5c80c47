import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a .br and a .gz beside every built script, style sheet and page: the server sends the one the
 * browser accepts (src/server/http/web-app.ts), compressed once at build time at the highest setting.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'beskyt-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })) as string[];
      await Promise.all(
        files
          .filter((f) => /\.(js|css|html|svg|json)$/.test(f))
          .map(async (f) => {
            const file = path.join(outDir, f);
            const body = await readFile(file);
            await writeFile(
              `${file}.br`,
              await promisify(brotliCompress)(body, {
                params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
              }),
            );
            await writeFile(`${file}.gz`, await promisify(gzip)(body, { level: 9 }));
          }),
      );
    },
  };
}

// BESKYT_API lets a second API instance (say, a test database) sit behind the dev server.
const api = process.env.BESKYT_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
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
