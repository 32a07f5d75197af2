import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, zipBundle } from '../../../src/simulator/exporters';
import { loadExportLabs } from '../../unit/exporters/export-labs';
import { requireTool } from '../support/tools';

// The sandbox's download, read by Info-ZIP unzip 6.0: the archive tests clean, zipinfo shows
// (unzip -Z) unix permissions and the fixed stamp, and extracting it gives every file with its text and
// mode (scripts 0755), as `hlab export` writes them.
const work = mkdtempSync(join(tmpdir(), 'hlab-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('zipBundle read by unzip', () => {
  const lab = loadExportLabs().find((l) => l.id === 'seed-000-r630-truenas-iscsi')?.lab;
  if (!lab) throw new Error('seed 000 is missing');
  const files = exportBundle(lab);
  const zip = join(work, 'bundle.zip');
  writeFileSync(zip, zipBundle(files));

  it('tests clean and lists unix modes and 2026-01-01 00:00 for every entry', () => {
    const test = spawnSync(requireTool('unzip'), ['-tq', zip], { encoding: 'utf8' });
    expect(test.stdout).toMatch(/^No errors detected in compressed data of /);
    expect(test.status).toBe(0);
    const listing = spawnSync(requireTool('unzip'), ['-Z', '-T', zip], { encoding: 'utf8' }).stdout.split('\n').filter((l) => /^[-d]r/.test(l));
    expect(listing).toHaveLength(files.length);
    for (const [i, line] of listing.entries()) {
      const file = files[i];
      expect(line, file?.path).toMatch(new RegExp(`^${file?.executable ? '-rwxr-xr-x' : '-rw-r--r--'} .* unx .* 20260101\\.000000 ${file?.path.replace(/[.]/g, '\\.')}$`));
    }
  });

  it('extracts every file with its text and mode', () => {
    const out = join(work, 'out');
    const run = spawnSync(requireTool('unzip'), ['-q', zip, '-d', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const file of files) {
      expect(readFileSync(join(out, file.path), 'utf8'), file.path).toBe(file.content);
      expect(statSync(join(out, file.path)).mode & 0o777, file.path).toBe(file.executable ? 0o755 : 0o644);
    }
  });
});
