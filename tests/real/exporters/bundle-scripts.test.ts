import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../src/simulator/exporters';
import { loadExportLabs } from '../../unit/exporters/export-labs';
import { requireTool, runTool } from '../support/tools';
import { shellcheckFindings, writeBundle } from './support/bundle-on-disk';

// Every script of the whole bundle (every exporter's, for Proxmox VE 8 and 9) of every
// example lab passes `bash -n` and shellcheck with no finding at any severity.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const bundles = loadExportLabs().flatMap(({ id, lab }) => ([8, 9] as const).map((pve) => ({ name: `${id} pve${pve}`, files: exportBundle(lab, { pve }) })));

describe('exported scripts of every example lab', () => {
  it.each(bundles)('$name: bash -n and shellcheck find nothing', ({ files }) => {
    const dir = writeBundle(files);
    dirs.push(dir);
    const scripts = files.filter((f) => f.executable).map((f) => join(dir, f.path));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const syntax = runTool(requireTool('bash'), ['-n', script]);
      expect(syntax.stderr, script).toBe('');
      expect(syntax.status, script).toBe(0);
    }
    expect(shellcheckFindings(scripts)).toEqual([]);
  });

  it('every script starts with a bash shebang and stops at the first error (preflight.sh goes on: it reports every check)', () => {
    for (const { files } of bundles) {
      for (const f of files.filter((x) => x.executable)) {
        expect(f.content, f.path).toMatch(/^#!(\/bin\/bash|\/usr\/bin\/env bash)\n/);
        expect(f.content, f.path).toMatch(f.path.endsWith('/preflight.sh') ? /^set -uo pipefail$/m : /^set -euo pipefail$/m);
      }
    }
  });
});
