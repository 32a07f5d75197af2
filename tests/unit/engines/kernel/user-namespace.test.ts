import { describe, expect, it } from 'vitest';
import { createNamespace, idInNamespace, INIT_NS_INUM } from '../../../../src/simulator/engines/kernel/namespaces';
import { parseMapText, writeIdMap } from '../../../../src/simulator/engines/kernel/user-namespace';
import { checkIdmap } from '../../../../src/simulator/model';
import { world } from '../world-fixture';

function fresh() {
  const w = world();
  const ns = createNamespace(w, 'pve', 'user', INIT_NS_INUM.user);
  return { w, ns, k: w.kernel.pve! };
}

describe('uid_map/gid_map writes (map_write)', () => {
  it('accepts the Proxmox default map and translates both ways, 65534 when unmapped', () => {
    const { w, ns, k } = fresh();
    expect(writeIdMap(w, 'pve', ns.inum, 'uid', '0 100000 65536\n')).toBeNull();
    expect(ns.uidMap).toEqual([{ inside: 0, outside: 100000, count: 65536 }]);
    expect(idInNamespace(k, ns.inum, 101000, 'uid')).toBe(1000);
    expect(idInNamespace(k, ns.inum, 1000, 'uid')).toBe(65534);
  });

  it('allows one successful write only (EPERM after)', () => {
    const { w, ns } = fresh();
    expect(writeIdMap(w, 'pve', ns.inum, 'uid', '0 100000 65536')).toBeNull();
    expect(writeIdMap(w, 'pve', ns.inum, 'uid', '0 200000 1')).toBe('EPERM');
  });

  it.each([
    ['count 0', '0 100000 0\n'],
    ['overlap inside', '0 100000 1000\n500 200000 10\n'],
    ['overlap outside', '0 100000 1000\n2000 100500 10\n'],
    ['wrap past 2^32-1', '0 4294967290 10\n'],
    ['(u32)-1 as a start', '4294967295 0 1\n'],
    ['a missing field', '0 100000\n'],
    ['trailing junk', '0 100000 1 x\n'],
    ['an empty line between', '0 100000 1\n\n5 5 1\n'],
    ['341 lines', Array.from({ length: 341 }, (_, i) => `${i} ${i + 10} 1\n`).join('')],
    ['a page or more', Array.from({ length: 340 }, (_, i) => `${i} ${100000 + i} 1\n`).join('')],
    ['nothing', ''],
  ])('refuses %s with EINVAL', (_name, text) => {
    const { w, ns } = fresh();
    expect(writeIdMap(w, 'pve', ns.inum, 'uid', text)).toBe('EINVAL');
    expect(ns.uidMap).toEqual([]);
  });

  it('parses whitespace as the kernel does (leading spaces, tabs, no final newline)', () => {
    expect(parseMapText('  0\t100000   65536')).toEqual([{ first: 0, lower: 100000, count: 65536 }]);
  });

  it('needs every range mapped in the parent namespace (nested)', () => {
    const { w, ns } = fresh();
    writeIdMap(w, 'pve', ns.inum, 'uid', '0 100000 65536\n');
    const inner = createNamespace(w, 'pve', 'user', ns.inum);
    expect(writeIdMap(w, 'pve', inner.inum, 'uid', '0 60000 10000\n')).toBe('EINVAL');
    expect(writeIdMap(w, 'pve', inner.inum, 'uid', '0 1000 1\n')).toBeNull();
    expect(idInNamespace(w.kernel.pve!, inner.inum, 101000, 'uid')).toBe(0);
  });

  it('is the same rule the lab model applies', () => {
    const lines = ['u 0 100000 1000', 'u 500 200000 10'];
    const { w, ns } = fresh();
    expect(checkIdmap(lines, false)[0]?.message).toBe("invalid map entry 'u 500 200000 10': container uid 500 is also mapped by entry 'u 0 100000 1000'");
    expect(writeIdMap(w, 'pve', ns.inum, 'uid', '0 100000 1000\n500 200000 10\n')).toBe('EINVAL');
  });
});
