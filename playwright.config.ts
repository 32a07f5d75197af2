// Browser tests of the built site (dist/), in Debian's Chromium; see tests/e2e/.
// `npm test` builds the site first; these tests never build it themselves.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// HLAB_DIST / HLAB_PORT let several people test their own build at once (default: dist/, 4329).
const PORT = Number(process.env.HLAB_PORT ?? 4329);
const DIST = process.env.HLAB_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${PORT}`;

if (!existsSync(new URL(`./${DIST}/index.html`, import.meta.url)) && !existsSync(`${DIST}/index.html`)) {
  throw new Error('playwright: dist/index.html is missing. Build the site first: npx astro build (or npm run build).');
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --dir ${DIST}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 15_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Debian's Chromium: never `playwright install` (no downloads on these machines).
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
});
