/**
 * Every script the target-side exporters write, for every example lab (plus the hostile
 * and loopback test labs), passes `bash -n` and shellcheck with no finding; every JSON-RPC
 * document parses as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { TARGET_EXPORTERS } from '../../../src/simulator/exporters/target-bundle';
import { loadExampleLabs } from '../../unit/exporters/example-labs';
import { requireTool } from '../support/tools';
import { loopbackLabText, mustParse } from './target-labs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hlab-target-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const labs = [
  ...loadExampleLabs().map(({ id, lab }) => ({ id, lab })),
  { id: 'hostile-target', lab: mustParse(readFileSync(join(ROOT, 'tests/fixtures/labs/hostile-target.yaml'), 'utf8')) },
  { id: 'loopback', lab: mustParse(loopbackLabText(3291)) },
];
const files = labs.flatMap(({ id, lab }) => TARGET_EXPORTERS.flatMap((e) => e(lab, DEFAULT_EXPORT_OPTIONS)).map((f) => ({ name: `${id}/${f.path}`, content: f.content })));
for (const f of files) {
  mkdirSync(dirname(join(dir, f.name)), { recursive: true });
  writeFileSync(join(dir, f.name), f.content);
}
const scripts = files.filter((f) => f.name.endsWith('.sh'));

describe('target-side scripts under real tools', () => {
  it('cover every kind of file on the labs with iSCSI targets', () => {
    const kinds = new Set(files.map((f) => f.name.split('/').pop()));
    expect([...kinds].sort()).toEqual(['preflight.sh', 'targetcli-iscsi.sh', 'tgtadm-iscsi.sh', 'truenas-iscsi.jsonrpc.json', 'truenas-iscsi.sh']);
  });

  it.each(scripts.map((s) => ({ name: s.name })))('bash -n $name', ({ name }) => {
    const r = spawnSync(requireTool('bash'), ['-n', join(dir, name)], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it(`shellcheck finds nothing in the ${scripts.length} scripts`, () => {
    const r = spawnSync(requireTool('shellcheck'), ['--shell=bash', '--severity=style', ...scripts.map((s) => join(dir, s.name))], { encoding: 'utf8', timeout: 120_000 });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('every JSON-RPC document is a JSON array of JSON-RPC 2.0 requests', () => {
    for (const f of files.filter((x) => x.name.endsWith('.json'))) {
      const doc = JSON.parse(f.content) as { jsonrpc: string; id: string; method: string; params: unknown[] }[];
      expect(doc.every((r) => r.jsonrpc === '2.0' && typeof r.id === 'string' && typeof r.method === 'string' && Array.isArray(r.params))).toBe(true);
    }
  });
});
