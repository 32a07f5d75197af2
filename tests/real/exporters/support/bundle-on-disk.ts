/**
 * Bundles on disk for the real-tool tests: write exportBundle's files into a temporary
 * folder (scripts 0755, as `hlab export` writes them), and check many scripts with
 * shellcheck in one call.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExportFile } from '../../../../src/simulator/exporters';
import { spawnSync } from 'node:child_process';
import { requireTool } from '../../support/tools';

/** Writes `files` under a new temporary folder (or `dir`) and returns it. */
export function writeBundle(files: readonly ExportFile[], dir = mkdtempSync(join(tmpdir(), 'hlab-bundle-'))): string {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, { mode: file.executable ? 0o755 : 0o644 });
  }
  return dir;
}

/**
 * shellcheck (every severity, bash) over `paths` in batches of 200: the findings as
 * shellcheck's gcc-format lines (`FILE:LINE:COL: level: message [SCnnnn]`), empty when clean.
 */
export function shellcheckFindings(paths: readonly string[]): string[] {
  const shellcheck = requireTool('shellcheck');
  const findings: string[] = [];
  for (let i = 0; i < paths.length; i += 200) {
    const batch = paths.slice(i, i + 200);
    // No 30 s cap (runTool's): 200 files can take longer on a busy machine.
    const run = spawnSync(shellcheck, ['--shell=bash', '--severity=style', '--format=gcc', ...batch], { encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0 && !run.stdout) throw new Error(`shellcheck failed (status ${run.status}, ${run.signal ?? 'no signal'}): ${run.stderr}`);
    findings.push(...run.stdout.split('\n').filter((l) => l !== ''));
  }
  return findings;
}

/**
 * shellcheck findings for many files, two shellcheck processes at a time (xargs -P 2, 300
 * files each): the 2-core machines the suite runs on check ~10,000 scripts in about a minute.
 */
export function shellcheckFindingsParallel(paths: readonly string[]): string[] {
  const shellcheck = requireTool('shellcheck');
  const run = spawnSync('xargs', ['-0', '-P', '2', '-n', '300', shellcheck, '--shell=bash', '--severity=style', '--format=gcc'], { input: paths.map((p) => `${p}\0`).join(''), encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  // xargs exits 123 when a shellcheck run found something, which the findings then show.
  if (run.status !== 0 && run.status !== 123) throw new Error(`shellcheck (through xargs) failed (status ${run.status}, ${run.signal ?? 'no signal'}): ${run.stderr}`);
  if (run.status === 123 && !run.stdout) throw new Error(`shellcheck failed without findings: ${run.stderr}`);
  return run.stdout.split('\n').filter((l) => l !== '');
}

