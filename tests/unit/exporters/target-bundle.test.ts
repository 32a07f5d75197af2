import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { TARGET_EXPORTERS, TARGET_EXPORTER_PARTS } from '../../../src/simulator/exporters/target-bundle';
import { truenasRequests } from '../../../src/simulator/exporters/truenas-jsonrpc';
import { linuxTargets } from '../../../src/simulator/exporters/linux-target-plan';
import { loadExampleLabs } from './example-labs';
import { expectGolden, GOLDEN_DIR } from './golden-file';

const labs = loadExampleLabs();
const files = labs.flatMap(({ id, lab }) => TARGET_EXPORTERS.flatMap((exporter) => exporter(lab, DEFAULT_EXPORT_OPTIONS)).map((file) => ({ id, file })));

/** Every file under a directory, relative to tests/golden/. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [relative(GOLDEN_DIR, join(dir, e.name))]));
}

describe('target-side exporters on the example labs', () => {
  it.each(files.map(({ id, file }) => ({ name: `${id}/${file.path}`, file })))('$name matches its golden file', ({ name, file }) => {
    expectGolden(`target/${name}`, file.content);
  });

  it('leave no stale golden files', () => {
    expect(filesUnder(join(GOLDEN_DIR, 'target')).sort()).toEqual(files.map(({ id, file }) => `target/${id}/${file.path}`).sort());
  });

  it('write each file into its host folder, scripts executable, text ending with one newline', () => {
    for (const { id, file } of files) {
      const lab = labs.find((l) => l.id === id)?.lab;
      expect(lab?.hosts.map((h) => h.name)).toContain(file.host);
      expect(file.path.startsWith(`${file.host}/`)).toBe(true);
      expect(file.executable === true).toBe(file.path.endsWith('.sh'));
      expect(file.content.endsWith('\n') && !file.content.endsWith('\n\n')).toBe(true);
      if (file.path.endsWith('.sh')) expect(file.content.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    }
  });

  it('order preflight first, then the TrueNAS script before its JSON-RPC twin, then tgt and LIO', () => {
    const order = (suffix: string) => files.find(({ file }) => file.path.endsWith(suffix))?.file.order;
    expect([order('preflight.sh'), order('truenas-iscsi.sh'), order('.jsonrpc.json'), order('tgtadm-iscsi.sh'), order('targetcli-iscsi.sh')]).toEqual([0, 10, 11, 12, 13]);
    expect(TARGET_EXPORTER_PARTS.map((p) => p.part)).toEqual([null, 'truenas', 'truenas', 'tgt', 'targetcli']);
  });
});

describe('truenas-iscsi.jsonrpc.json', () => {
  const seed = labs.find((l) => l.id === 'seed-000-r630-truenas-iscsi')?.lab;
  const truenas = seed?.hosts.find((h) => h.name === 'truenas');
  it('sends the zvol, the five objects and the service calls in dependency order, ids as $ref', () => {
    const requests = truenas ? truenasRequests(truenas) : [];
    expect(requests.map((r) => `${r.id} ${r.method}`)).toEqual([
      'zvol-MyMassStorage/nextcloud pool.dataset.create',
      'portal-1 iscsi.portal.create',
      'initiator-1 iscsi.initiator.create',
      'target-1 iscsi.target.create',
      'extent-1 iscsi.extent.create',
      'targetextent-1 iscsi.targetextent.create',
      'service-enable service.update',
      'service-start service.control',
    ]);
    expect(requests[3]?.params).toEqual([{ name: 'nextcloud', alias: 'Nextcloud data', mode: 'ISCSI', groups: [{ portal: { $ref: 'portal-1' }, initiator: { $ref: 'initiator-1' }, authmethod: 'NONE', auth: null }] }]);
    expect(requests[5]?.params).toEqual([{ target: { $ref: 'target-1' }, extent: { $ref: 'extent-1' }, lunid: 0 }]);
    // Every $ref names an earlier request.
    const seen = new Set<string>();
    for (const r of requests) {
      for (const ref of JSON.stringify(r.params).matchAll(/"\$ref":"([^"]+)"/g)) expect(seen.has(ref[1] as string)).toBe(true);
      seen.add(r.id);
    }
  });
});

describe('the Linux target plan (tgtadm, targetcli)', () => {
  const base = labs.find((l) => l.id === 'every-field')?.lab.hosts.find((h) => h.name === 'truenas');
  it('allows the initiator group IQNs, binds CHAP by tag and serves the zvol', () => {
    expect(base && linuxTargets(base)).toEqual([
      {
        tid: 1,
        iqn: 'iqn.2005-10.org.freenas.ctl:nextcloud',
        luns: [{ lunid: 0, extent: 'nextcloud', backing: { kind: 'zvol', name: 'MyMassStorage/nextcloud', size: 500 * 2 ** 30 }, blocksize: 512, readonly: false, serial: null }],
        allowed: ['iqn.1993-08.org.debian:01:e7dd6e7909d'],
        ignored: [],
        incoming: [{ user: 'pve', secret: 's3cretpassw0rd' }],
        outgoing: [],
      },
    ]);
  });

  it('opens a target to all for a group without initiator group or with an empty one, and to nobody without groups', () => {
    if (!base?.iscsi?.target) throw new Error('every-field has a target');
    const cfg = base.iscsi.target;
    const variant = (groups: typeof cfg.targets[number]['groups'], initiators = cfg.initiators) => linuxTargets({ ...base, iscsi: { target: { ...cfg, initiators, targets: [{ ...cfg.targets[0]!, groups }] } } })[0];
    expect(variant([{ portal: 1, initiator: null, authmethod: 'NONE', auth: null }])?.allowed).toBe('all');
    expect(variant([{ portal: 1, initiator: 1, authmethod: 'NONE', auth: null }], [{ id: 1, initiators: [], comment: '' }])?.allowed).toBe('all');
    expect(variant([])?.allowed).toEqual([]);
    const withIp = variant([{ portal: 1, initiator: 1, authmethod: 'NONE', auth: null }], [{ id: 1, initiators: ['192.168.5.146'], comment: '' }]);
    expect([withIp?.allowed, withIp?.ignored, withIp?.incoming]).toEqual([[], ['192.168.5.146'], []]);
  });
});
