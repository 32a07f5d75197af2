#!/usr/bin/env node
// `npm test`: everything, in the order a failure is cheapest to find.
//   1. the Debian test tools (scripts/install-test-tools.sh installs any that are missing;
//      when one cannot be had, the run fails and names the package — never a silent skip)
//   2. types (simulator without DOM, site, CLI, .astro files) and lint
//   3. unit tests and real-tool tests (vitest projects `unit` and `real`)
//   4. the site build, then browser tests against it (Playwright + Debian's Chromium)
// It ends with one line `N passed, N failed` summing every test run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs just those stages

/** Runs one stage, streaming its output; returns true when it exited 0. */
function stage(name, command, args, env = {}) {
  if (only.length && !only.includes(name)) return true;
  const started = performance.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  return ok;
}

const failures = [];
// npm puts node_modules/.bin (and its pinned Node 24) first on PATH for `npm test`.
const run = (name, [bin, ...args], env) => stage(name, bin, args, env) || failures.push(name);

if (!stage('tools', 'bash', ['scripts/install-test-tools.sh'])) {
  console.error('\nThe real-tool and browser tests need the Debian packages named above.');
  failures.push('tools');
}
run('types', ['tsc', '-p', 'src/simulator/tsconfig.json', '--noEmit']);
run('types', ['tsc', '-p', 'src/simulator/cli/tsconfig.json', '--noEmit']);
// astro check first: it generates .astro/types.d.ts (astro:content), which the root tsc needs.
run('types', ['astro', 'check', '--minimumSeverity', 'warning']);
run('types', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('lint', ['eslint', '.']);

const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const projects = failures.includes('tools') ? ['--project', 'unit'] : [];
run('vitest', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (projects.length) failures.push('real (not run: tools missing)');

const playwrightJson = join(tmp, 'playwright.json');
rmSync(playwrightJson, { force: true });
if (run('build', ['astro', 'build']) === true && !failures.includes('tools')) {
  run('e2e', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
} else if (!only.length || only.includes('e2e')) {
  failures.push('e2e (not run: build failed or tools missing)');
}

// One closing line for people and for CI.
let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
}
console.log('');
if (failures.length) console.log(`stages that failed: ${[...new Set(failures)].join(', ')}`);
if (failures.length && failed === 0) failed = 1; // a failed stage (types, lint, build) counts as a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
