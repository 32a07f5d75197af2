#!/usr/bin/env node
// `npm run bench`: prints the figures the issues set targets for. Nothing here asserts;
// the numbers are read by people and noted on issues.
//   - site build wall time (target: under 60 s on this machine kind)
//   - built site: pages, total size, and per page the gzip size of HTML, JS and CSS a
//     first visit loads (Starlight's own budget: HTML <= 7 kB, JS <= 27 kB, CSS <= 16.75 kB)
//   - the simulator: parseLab on every lab file, and shell lines per second (in-process)
//   - the sandbox on /lab/: navigation to a usable prompt, a line through the worker, JS shipped
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

if (!process.argv.includes('--no-build')) {
  const t0 = performance.now();
  const build = spawnSync('astro', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`site build: ${seconds.toFixed(1)} s (exit ${build.status}; target < 60 s)`);
  if (build.status !== 0) process.exit(1);
}

const files = walk(dist);
const pages = files.filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
console.log(`built site: ${pages.length} pages, ${files.length} files, ${kb(total)} on disk`);
console.log('first-visit gzip sizes per page (HTML / JS / CSS):');
for (const page of pages.sort()) {
  const html = readFileSync(page, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const asset of new Set(assets)) {
    let body;
    try {
      body = readFileSync(join(dist, asset));
    } catch {
      continue;
    }
    if (asset.endsWith('.js')) js += gzipSync(body).length;
    else css += gzipSync(body).length;
  }
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  console.log(
    `  /${relative(dist, page).replace(/index\.html$/, '')}  ${kb(gzipSync(html).length)} / ${kb(js)} / ${kb(css)}${inlineCss ? ` (+${kb(gzipSync(inlineCss).length)} inline CSS, counted in HTML)` : ''}`,
  );
}

// --expose-gc: the heap figures collect garbage before they read the heap.
const sim = spawnSync('tsx', [join(root, 'scripts/bench-simulator.ts')], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim() } });
// The sandbox on the built site in Chromium: time to a usable prompt, a line's round trip
// through the worker, JavaScript shipped to /lab/ (scripts/bench-site.mjs).
const site = spawnSync('node', [join(root, 'scripts/bench-site.mjs'), '--dir', dist], { cwd: root, stdio: 'inherit' });
process.exit(sim.status || site.status || 0);
