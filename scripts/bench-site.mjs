#!/usr/bin/env node
// The sandbox's figures on the built site (issue 10, "Performance"), printed, never asserted:
//   - navigation → usable prompt on /lab/ (target ≤ 400 ms), a fresh browser context per run
//   - a line's round trip through the real worker: the API call alone, and the whole line as
//     the page runs it (run + session log + localStorage save); median ≤ 5 ms, p99 ≤ 20 ms
//   - JavaScript shipped to /lab/ (page scripts, their chunks and the worker), gzip (≤ 250 KB)
//   - that handbook pages without a <Lab> reference none of that JavaScript
// Usage: node scripts/bench-site.mjs [--dir DIST] [--port N] [--runs N] [--lines N]
// Needs a built site (npx astro build) and Debian's Chromium (/usr/bin/chromium).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createSiteServer } from './serve.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const root = new URL('..', import.meta.url).pathname;
const dist = resolve(option('dir', process.env.HLAB_DIST ?? join(root, 'dist')));
const port = Number(option('port', process.env.HLAB_PORT ?? '4410'));
const runs = Number(option('runs', '10'));
const lineCount = Number(option('lines', '300'));
const base = `http://127.0.0.1:${port}`;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n) => `${n.toFixed(1)} ms`;

/** The q-quantile (0..1) of numbers, nearest rank. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const server = createSiteServer(dist);
await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  // 1. Navigation → usable prompt: the element marks `hlab-ready` (performance.mark) when the
  //    first prompt is drawn and input is accepted; its startTime counts from navigation start.
  const readyTimes = [];
  const shipped = new Map();
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (i === 0) {
      page.on('response', async (response) => {
        const url = response.url();
        if (!/\.m?js(\?|$)/.test(new URL(url).pathname)) return;
        try {
          shipped.set(url, gzipSync(await response.body()).length);
        } catch {
          // a response without a body (redirect) ships nothing
        }
      });
    }
    await page.goto(`${base}/lab/`);
    await page.waitForSelector('hlab-lab[data-state="ready"]', { timeout: 15_000 });
    readyTimes.push(await page.evaluate(() => performance.getEntriesByName('hlab-ready')[0]?.startTime ?? NaN));
    if (i === 0) await page.waitForLoadState('networkidle');
    await context.close();
  }
  console.log(`/lab/ navigation → usable prompt (${runs} fresh contexts): median ${ms(quantile(readyTimes, 0.5))}, max ${ms(Math.max(...readyTimes))} (target ≤ 400 ms)`);

  // 2. A line's round trip through the worker.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/lab/`);
  await page.waitForSelector('hlab-lab[data-state="ready"]');
  const timings = await page.evaluate(async (count) => {
    const lab = document.querySelector('hlab-lab');
    const session = lab.session;
    const lines = ['echo hello', 'ls /', 'zpool list', 'cat /etc/hostname', 'id'];
    const api = [];
    const whole = [];
    for (let i = 0; i < count; i++) {
      const line = lines[i % lines.length];
      let t = performance.now();
      await session.client.call((remote) => remote.complete(line, line.length));
      api.push(performance.now() - t);
      t = performance.now();
      await session.run(line);
      whole.push(performance.now() - t);
    }
    return { api, whole };
  }, lineCount);
  console.log(`worker round trip, complete() call (${lineCount}): median ${ms(quantile(timings.api, 0.5))}, p99 ${ms(quantile(timings.api, 0.99))}`);
  console.log(`worker round trip, a whole line as the page runs it (run + log + save, ${lineCount}): median ${ms(quantile(timings.whole, 0.5))}, p99 ${ms(quantile(timings.whole, 0.99))} (target median ≤ 5 ms, p99 ≤ 20 ms)`);
  await context.close();

  // 3. JavaScript shipped to /lab/.
  const total = [...shipped.values()].reduce((a, b) => a + b, 0);
  console.log(`JavaScript loaded by /lab/: ${shipped.size} files, ${kb(total)} gzip (target ≤ 250 kB)`);
  for (const [url, size] of [...shipped].sort((a, b) => b[1] - a[1])) console.log(`  ${new URL(url).pathname}  ${kb(size)}`);

  // 4. Pages without a <Lab> reference none of the lab's JavaScript.
  const labScripts = [...shipped.keys()].map((u) => new URL(u).pathname);
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const pages = walk(dist).filter((f) => f.endsWith('.html') && !f.includes(`${join(dist, 'pagefind')}`));
  const homeScripts = new Set([...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]));
  const labOnly = labScripts.filter((s) => !homeScripts.has(s));
  let withLab = 0;
  const leaking = [];
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    if (html.includes('<hlab-lab')) {
      withLab++;
      continue;
    }
    const refs = labOnly.filter((s) => html.includes(s));
    if (refs.length) leaking.push(`${relative(dist, file)}: ${refs.join(', ')}`);
  }
  console.log(`pages with a <Lab>: ${withLab}; pages without one: ${pages.length - withLab}, of which ship lab JavaScript: ${leaking.length}`);
  for (const line of leaking) console.log(`  ${line}`);
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
