import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTool, runTool } from './support/tools';

// The project's own shell scripts pass `bash -n` and shellcheck, as every exported
// script will (DESIGN.md, "Real tools the tests use").
const root = new URL('../..', import.meta.url).pathname;
const scripts = [
  ...readdirSync(join(root, 'scripts')).filter((f) => f.endsWith('.sh')).map((f) => join(root, 'scripts', f)),
  join(root, '.ci', 'run'),
];

describe('project shell scripts', () => {
  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
  });
  for (const script of scripts) {
    it(`${script.slice(root.length)} passes bash -n and shellcheck`, () => {
      const bashN = runTool(requireTool('bash'), ['-n', script]);
      expect(bashN.stderr).toBe('');
      expect(bashN.status).toBe(0);
      const sc = runTool(requireTool('shellcheck'), ['--shell=bash', '--severity=style', script]);
      expect(sc.stdout).toBe('');
      expect(sc.status).toBe(0);
    });
  }
  it('shellcheck really reports a broken script (the check can fail)', () => {
    const sc = runTool(requireTool('shellcheck'), ['--shell=bash', '-'], 'echo $1\nrm -rf $dir/*\n');
    expect(sc.status).not.toBe(0);
    expect(sc.stdout).toContain('SC2086');
  });
});
