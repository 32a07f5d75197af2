import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportedIdmap, subidLines } from '../../../src/simulator/exporters/pve-idmap-export';
import { checkIdmap, ContainerSchema, HostSchema, parseIdmapLine, type Container, type IdmapEntry } from '../../../src/simulator/model';

const ct = (fields: Record<string, unknown>): Container => ContainerSchema.parse({ vmid: 110, ...fields });
const bind = (index: number, idmap: string) => ({ index, source: `/srv/m${index}`, mp: `/m${index}`, idmap });

/** Where container id `id` of type `type` lands on the host under `entries` (undefined: unmapped). */
function hostId(entries: readonly IdmapEntry[], type: 'u' | 'g', id: number): number | undefined {
  const e = entries.find((x) => x.type === type && id >= x.container && id < x.container + x.count);
  return e === undefined ? undefined : e.host + (id - e.container);
}

describe('exportedIdmap', () => {
  it('keeps idmap= on the mount for Proxmox VE 9 and the container map as written', () => {
    const out = exportedIdmap(ct({ mounts: [bind(0, 'u:1005:1005:1;g:1005:1005:1')] }), { pve: 9 });
    expect(out.container.mounts[0]?.idmap).toBe('u:1005:1005:1;g:1005:1005:1');
    expect(out.container.idmap).toEqual([]);
    expect(out.dropped).toEqual([]);
  });

  it('folds a mount map into the default map for Proxmox VE 8', () => {
    const out = exportedIdmap(ct({ mounts: [bind(0, 'u:1005:1005:1;g:1005:1005:1')] }), { pve: 8 });
    expect(out.container.mounts[0]?.idmap).toBeUndefined();
    expect(out.container.idmap).toEqual(['u 0 100000 1005', 'u 1005 1005 1', 'u 1006 101006 64530', 'g 0 100000 1005', 'g 1005 1005 1', 'g 1006 101006 64530']);
  });

  it('moves a container id whose host id a mount now takes above every host id in use', () => {
    const out = exportedIdmap(ct({ idmap: ['u 0 100000 1000', 'u 1000 1000 1', 'u 1001 101001 64535', 'g 0 100000 65536'], mounts: [bind(0, 'u:2000:1000:2')] }), { pve: 8 });
    expect(out.container.idmap).toEqual(['u 0 100000 1000', 'u 1000 165536 1', 'u 1001 101001 999', 'u 2000 1000 2', 'u 2002 102002 63534', 'g 0 100000 65536']);
  });

  it('leaves passthrough out on 8 (it would map container root to host root) and names the mount', () => {
    const out = exportedIdmap(ct({ mounts: [bind(3, 'passthrough')] }), { pve: 8 });
    expect(out.dropped).toEqual(['mp3']);
    expect(out.container.idmap).toEqual([]);
  });

  it('drops a privileged container\'s mount idmaps on 8 (they apply to unprivileged ones only; 8 would refuse the option)', () => {
    const c = ct({ unprivileged: false, mounts: [bind(0, 'u:1:1:1')] });
    const out = exportedIdmap(c, { pve: 8 });
    expect(out.container.mounts[0]?.idmap).toBeUndefined();
    expect(out.container.idmap).toEqual([]);
    expect(out.dropped).toEqual(['mp0']);
    expect(exportedIdmap(c, { pve: 9 }).container).toBe(c);
  });

  it('folds any mount maps into a map the model accepts, that sends every requested id where asked and keeps the rest', () => {
    const entry = fc.record({ type: fc.constantFrom('u', 'g'), container: fc.integer({ min: 0, max: 70000 }), host: fc.integer({ min: 0, max: 300000 }), count: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), (mounts) => {
        const text = mounts.map((m) => m.map((e) => `${e.type}:${e.container}:${e.host}:${e.count}`).join(';'));
        const out = exportedIdmap(ct({ mounts: text.map((t, i) => bind(i, t)) }), { pve: 8 });
        expect(checkIdmap(out.container.idmap, true)).toEqual([]);
        const entries = out.container.idmap.map((l) => parseIdmapLine(l) as IdmapEntry);
        // The first mount's first entry always wins: it overlaps nothing before it.
        const first = mounts[0]?.[0] as IdmapEntry;
        expect(hostId(entries, first.type, first.container)).toBe(first.host);
        // A container id outside every requested range keeps the default offset unless its host id was taken.
        const all = mounts.flat();
        const requested = (type: string, id: number) => all.some((e) => e.type === type && id >= e.container && id < e.container + e.count);
        const taken = (type: string, id: number) => all.some((e) => e.type === type && id >= e.host && id < e.host + e.count);
        for (const id of [0, 1, 999, 1000, 65535]) {
          if (!requested('u', id) && !taken('u', 100000 + id)) expect(hostId(entries, 'u', id)).toBe(100000 + id);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('subidLines', () => {
  const host = HostSchema.parse({ name: 'pve', kind: 'proxmox', subuid: ['root:100000:65536'] });
  it('keeps the declared lines and adds merged root ranges the maps need that nothing covers', () => {
    const entries: IdmapEntry[] = [
      { type: 'u', container: 0, host: 100000, count: 1000 },
      { type: 'u', container: 1000, host: 1000, count: 2 },
      { type: 'u', container: 1002, host: 1002, count: 1 },
      { type: 'u', container: 1003, host: 165536, count: 5 },
    ];
    expect(subidLines(host, [{ entries }], 'u')).toEqual(['root:100000:65536', 'root:1000:3', 'root:165536:5']);
  });
  it('needs nothing for a host without containers that declares nothing', () => {
    expect(subidLines(HostSchema.parse({ name: 'pve', kind: 'proxmox' }), [], 'g')).toEqual([]);
  });
});
