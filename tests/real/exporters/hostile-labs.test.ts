import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, type ExportFile } from '../../../src/simulator/exporters';
import { formatIssue, parseLab, type Lab } from '../../../src/simulator/model';
import { shellcheckFindingsParallel, writeBundle } from './support/bundle-on-disk';
import { benignValues, hostileValues, labFromValues, type LabValues } from './support/hostile-lab';
import { shellSkeleton } from './support/shell-skeleton';

// 1,000 generated labs with names and texts as hostile as the model allows (quotes, $(…),
// backticks, globs, ;, &, |, \, #, newlines, non-ASCII), PVE 9 and 8 alternately: in every
// script of the whole bundle (every exporter's) no lab string reaches the shell unquoted:
// each script has the same unquoted skeleton (shell-skeleton.ts) as the script rendered
// from the same lab with harmless values. Every script of every bundle passes shellcheck
// (each distinct text once: ~10,000 scripts, two shellcheck processes at a time).
const RUNS = 1000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function parse(values: LabValues): Lab {
  const parsed = parseLab(JSON.stringify(labFromValues(values)), { filename: 'generated.json' });
  if (!parsed.ok) throw new Error(`generated lab is not valid:\n${parsed.errors.map((e) => formatIssue(e)).join('\n')}`);
  return parsed.lab;
}

describe('bundles of generated labs with hostile names', () => {
  const samples = fc.sample(hostileValues, { numRuns: RUNS, seed: 20261202 });
  const bundles = samples.map((values, n) => {
    const options = { pve: n % 2 === 0 ? 9 : 8 } as const;
    return { values, hostile: exportBundle(parse(values), options), benign: exportBundle(parse(benignValues(values)), options) };
  });

  it('every generated lab is valid and exports scripts', () => {
    expect(bundles).toHaveLength(RUNS);
    for (const b of bundles) expect(b.hostile.filter((f) => f.executable).length).toBeGreaterThanOrEqual(5);
  });

  it('no lab string reaches the shell unquoted in any script', () => {
    for (const { hostile, benign, values } of bundles) {
      const scripts = (files: ExportFile[]) => new Map(files.filter((f) => f.executable).map((f) => [f.path.replace(/^[^/]+/, ''), f.content]));
      const safe = scripts(benign);
      for (const [path, content] of scripts(hostile)) {
        expect(shellSkeleton(content), `${path} of ${JSON.stringify(values)}`).toBe(shellSkeleton(safe.get(path) ?? ''));
      }
    }
  });

  it('every script of every bundle passes shellcheck', () => {
    // Scripts without lab strings (subid-setup.sh, mostly) come out the same for many labs: check each text once.
    const unique = new Map<string, ExportFile>();
    for (const { hostile } of bundles) for (const f of hostile) if (f.executable) unique.set(f.content, f);
    const files = [...unique.values()].map((f, n) => ({ ...f, path: `${n}/${f.path}` }));
    expect(files.length).toBeGreaterThan(RUNS);
    const dir = writeBundle(files);
    dirs.push(dir);
    expect(shellcheckFindingsParallel(files.map((f) => join(dir, f.path)))).toEqual([]);
  }, 900_000);
});

describe('the skeleton check can fail', () => {
  it('sees a value pasted unquoted, or inside double quotes, but not one inside single quotes or a comment', () => {
    const base = shellSkeleton("zfs create tank/a\n# note\necho 'x'\n");
    expect(shellSkeleton("zfs create tank/a$(id)\n# note\necho 'x'\n")).not.toBe(base);
    expect(shellSkeleton('zfs create "tank/a`id`"\n# note\necho \'x\'\n')).not.toBe(shellSkeleton('zfs create "tank/a"\n# note\necho \'x\'\n'));
    expect(shellSkeleton("zfs create 'tank/a$(id)'\\''b'\n# no$te;\necho 'x; y'\n")).toBe(base);
    expect(shellSkeleton("zfs create tank/a\n# note\n; rm -rf /\necho 'x'\n")).not.toBe(base);
  });
});
