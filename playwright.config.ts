import { defineConfig, devices } from '@playwright/test';

// E2E_BASE_URL points the tests at a server that is already running (say, `vite` in front of a dev API)
// instead of starting tests/e2e/serve.ts.
const external = process.env.E2E_BASE_URL;
// E2E_PORT lets two runs on one machine use different ports (serve.ts reads it too).
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  // Parallel local runs keep their traces and screenshots apart (the default is test-results/).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  webServer: external
    ? undefined
    : {
        command: 'npx tsx tests/e2e/serve.ts',
        url: `http://127.0.0.1:${port}/healthz`,
        timeout: 180_000,
        reuseExistingServer: false,
        // SIGTERM lets serve.ts stop PostgreSQL and remove its temporary data folder (the default is SIGKILL).
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
        stdout: 'pipe',
        stderr: 'pipe',
      },
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
