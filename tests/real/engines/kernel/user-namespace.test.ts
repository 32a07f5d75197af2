import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNamespace, idInNamespace, INIT_NS_INUM } from '../../../../src/simulator/engines/kernel/namespaces';
import { writeIdMap } from '../../../../src/simulator/engines/kernel/user-namespace';
import { boot } from '../../../../src/simulator/engines';
import { starterLab } from '../../../unit/shell/sim-fixture';
import { kernelMapBatch } from '../../support/idmap-batch';

// The kernel engine's map_write (engines/kernel/user-namespace.ts, whose rules the lab model
// shares) against Linux: 1,300 generated uid_map writes, each to a fresh `unshare -U` child.
// The simulator must accept exactly what the kernel accepts, read the map back in the same
// text, and show files owned by sample host IDs with the same owner from inside.

const SAMPLES = [...Array.from({ length: 72 }, (_, i) => i), 1000, 65534, 65535, 100000, 101000, 165535, 4294967290, 4294967294];

const small = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 14 }));
const big = fc.tuple(fc.constantFrom(0, 1000, 65536, 100000, 4294967280, 4294967294, 4294967295, 4294967296), fc.constantFrom(0, 100000, 4294967285, 4294967290, 4294967295), fc.constantFrom(0, 1, 5, 10, 65536, 4294967295));
const line = fc.oneof({ weight: 8, arbitrary: small }, { weight: 1, arbitrary: big });
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\t');
const text = fc
  .tuple(fc.array(fc.tuple(line, sep, sep), { minLength: 0, maxLength: 7 }), fc.constantFrom('\n', '\n', '\n', '', '\n\n', ' \n', 'x\n'), fc.constantFrom('', '', '', ' '))
  .map(([lines, end, lead]) => lines.map(([[a, b, c], s1, s2], i) => `${i === 0 ? lead : ''}${a}${s1}${b}${s2}${c}`).join('\n') + end);
// Long maps around the 340-line and one-page limits.
const long = fc.tuple(fc.integer({ min: 330, max: 345 }), fc.constantFrom(10, 100000, 1000000)).map(([n, base]) => Array.from({ length: n }, (_, i) => `${i} ${base + i} 1\n`).join(''));

// Six or more disjoint extents in any order: the kernel sorts maps of more than five extents.
const shuffled = fc
  .tuple(fc.integer({ min: 6, max: 12 }), fc.integer({ min: 0, max: 1000 }))
  .map(([n, seed]) => {
    const lines = Array.from({ length: n }, (_, i) => `${i * 5} ${1000 + ((i * 7 + seed) % n) * 5} 5\n`);
    return lines.map((l, i) => lines[(i * 5 + seed) % n] as string).filter((l, i, all) => all.indexOf(l) === i).join('');
  });

describe('uid_map writes: simulator and Linux agree', () => {
  it('on 1,300 generated maps: acceptance, read-back text and owners seen inside', () => {
    const maps = [...fc.sample(text, { numRuns: 1150, seed: 20261201 }), ...fc.sample(long, { numRuns: 50, seed: 7 }), ...fc.sample(shuffled, { numRuns: 100, seed: 11 })];
    const kernel = kernelMapBatch(maps, SAMPLES);
    expect(kernel).toHaveLength(maps.length);
    const w = boot(structuredClone(starterLab), 1);
    const k = w.kernel.pve!;
    let accepted = 0;
    maps.forEach((map, i) => {
      const real = kernel[i]!;
      const ns = createNamespace(w, 'pve', 'user', INIT_NS_INUM.user);
      const sim = writeIdMap(w, 'pve', ns.inum, 'uid', map);
      expect(sim, JSON.stringify(map)).toBe(real.errno);
      const back = (ns.uidMap ?? []).map((e) => `${String(e.inside).padStart(10)} ${String(e.outside).padStart(10)} ${String(e.count).padStart(10)}\n`).join('');
      expect(back, JSON.stringify(map)).toBe(real.readBack);
      expect(SAMPLES.map((id) => idInNamespace(k, ns.inum, id, 'uid')), JSON.stringify(map)).toEqual(real.owners);
      if (sim === null) accepted++;
    });
    // Both outcomes are well represented.
    expect(accepted).toBeGreaterThan(150);
    expect(maps.length - accepted).toBeGreaterThan(150);
  }, 300_000);
});
