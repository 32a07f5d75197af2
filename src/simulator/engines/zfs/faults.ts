/**
 * Faults and self-healing. Silent corruption marks byte ranges of one leaf as damaged; a
 * failed leaf returns nothing. Every read of a block checks it against the checksum its
 * parent holds: a mirror or RAIDZ with enough good copies returns good data, rewrites the
 * bad copy and counts CKSUM on the bad leaf (vdev_mirror_io_done, vdev_raidz_io_done);
 * without redundancy the block is lost, the read fails with EIO and the file is listed as a
 * permanent error (spa_log_error). Simplified: a block on RAIDZ takes offset/N … (offset+asize)/N
 * on every leaf.
 */
// @sim zpool | OpenZFS 2.3 self-healing: checksum errors counted per leaf, mirror/RAIDZ repair from good copies or parity, permanent errors without redundancy
import type { World } from '../world';
import { parityOf } from './capacity';
import type { BlockPointer, LeafHealth, PoolState, VdevState } from './state';

/** The health record of a leaf, created on first use. */
export function leafHealth(pool: PoolState, leaf: string): LeafHealth {
  const all = (pool.health ??= {});
  return (all[leaf] ??= { damaged: [], read: 0, write: 0, cksum: 0 });
}

/** The byte range a block takes on each leaf of its top-level vdev. */
function leafRange(pool: PoolState, vdev: number, offset: number, asize: number): [number, number] {
  const v = pool.vdevs[vdev];
  if (!v || !v.type.startsWith('raidz')) return [offset, offset + asize];
  const n = v.leaves.length;
  return [Math.floor(offset / n), Math.ceil((offset + asize) / n)];
}

function overlaps(ranges: [number, number][], from: number, to: number): boolean {
  return ranges.some(([a, b]) => a < to && from < b);
}

/** Removes `from … to` from a leaf's damaged ranges (the repair write). */
function heal(h: LeafHealth, from: number, to: number): void {
  const out: [number, number][] = [];
  for (const [a, b] of h.damaged) {
    if (b <= from || a >= to) out.push([a, b]);
    else {
      if (a < from) out.push([a, from]);
      if (b > to) out.push([to, b]);
    }
  }
  h.damaged = out;
}

/** What reading one block found. */
export interface BlockCheck {
  ok: boolean;
  /** Bytes rewritten on damaged leaves. */
  repaired: number;
}

/** A leaf that answers no I/O: failed (UNAVAIL) or taken offline (OFFLINE). */
export function isDown(h: LeafHealth | undefined): boolean {
  return Boolean(h && (h.failed || h.offline));
}

/** Redundancy of a top-level vdev: how many of its leaves may be down. */
export function redundancyOf(v: Pick<VdevState, 'type' | 'leaves'>): number {
  return v.type === 'mirror' ? v.leaves.length - 1 : parityOf(v.type);
}

/** True when a pool has any damage or failure at all (reads skip checking otherwise). */
export function hasFaults(pool: PoolState): boolean {
  return Object.values(pool.health ?? {}).some((h) => isDown(h) || h.damaged.length > 0);
}

/** Reads one block: verifies every copy, repairs from a good one, counts CKSUM on bad leaves. */
export function checkBlock(pool: PoolState, bp: BlockPointer, repair = true): BlockCheck {
  const [, , , asize, , vdevIndex, offset] = bp;
  const v = pool.vdevs[vdevIndex];
  if (!v) return { ok: true, repaired: 0 };
  const [from, to] = leafRange(pool, vdevIndex, offset, asize);
  const bad = v.leaves.filter((l) => {
    const h = pool.health?.[l];
    return h && (isDown(h) || overlaps(h.damaged, from, to));
  });
  if (bad.length === 0) return { ok: true, repaired: 0 };
  const redundancy = v.type === 'mirror' ? v.leaves.length - 1 : parityOf(v.type);
  const recoverable = bad.length <= redundancy;
  let repaired = 0;
  for (const l of bad) {
    const h = leafHealth(pool, l);
    if (isDown(h)) continue;
    h.cksum += 1;
    if (recoverable && repair) {
      heal(h, from, to);
      repaired += to - from;
    }
  }
  if (!recoverable) {
    const counts = (pool.vdevCksum ??= {});
    counts[String(vdevIndex)] = (counts[String(vdevIndex)] ?? 0) + 1;
    counts.pool = (counts.pool ?? 0) + 1;
  }
  return { ok: recoverable, repaired };
}

/** Records a file with a permanent error (once). */
export function recordPermanentError(pool: PoolState, path: string): void {
  const list = (pool.errors ??= []);
  if (!list.includes(path)) list.push(path);
}

/** The leaf of a pool that lives on `disk` (the disk itself or one of its partitions). */
export function leafOnDisk(world: World, host: string, pool: PoolState, disk: string): string | undefined {
  const devices = world.kernel[host]?.devices ?? [];
  for (const v of pool.vdevs) for (const l of v.leaves) {
    const dev = devices.find((d) => d.name === l);
    if (l === disk || dev?.parent === disk) return l;
  }
  return undefined;
}

/** Damages a leaf's bytes `offset … offset+length` (vdev space); by default everything allocated on its vdev so far. */
export function corruptLeaf(pool: PoolState, leaf: string, offset?: number, length?: number): [number, number] {
  const vdevIndex = pool.vdevs.findIndex((v) => v.leaves.includes(leaf));
  const v = pool.vdevs[vdevIndex];
  const n = v?.type.startsWith('raidz') ? v.leaves.length : 1;
  const from = offset ?? 0;
  const to = length !== undefined ? from + length : Math.ceil((v?.next ?? 0) / n);
  if (to > from) leafHealth(pool, leaf).damaged.push([from, to]);
  return [from, to];
}

/** A leaf fails (UNAVAIL): every read of it fails over to the other copies. */
export function failLeaf(pool: PoolState, leaf: string): void {
  leafHealth(pool, leaf).failed = true;
}

/** The pool's state: DEGRADED with a failed leaf its vdev can do without, UNAVAIL/FAULTED beyond, else ONLINE. */
export function poolHealth(pool: PoolState): 'ONLINE' | 'DEGRADED' | 'UNAVAIL' {
  let state: 'ONLINE' | 'DEGRADED' | 'UNAVAIL' = 'ONLINE';
  for (const v of pool.vdevs) {
    const failed = v.leaves.filter((l) => isDown(pool.health?.[l])).length;
    if (failed === 0) continue;
    const redundancy = v.type === 'mirror' ? v.leaves.length - 1 : parityOf(v.type);
    if (failed > redundancy) return 'UNAVAIL';
    state = 'DEGRADED';
  }
  return state;
}

/** The state of one top-level vdev (as poolHealth, for one vdev). */
export function vdevHealth(pool: PoolState, index: number): 'ONLINE' | 'DEGRADED' | 'UNAVAIL' {
  const v = pool.vdevs[index];
  if (!v) return 'ONLINE';
  const failed = v.leaves.filter((l) => isDown(pool.health?.[l])).length;
  if (failed === 0) return 'ONLINE';
  const redundancy = v.type === 'mirror' ? v.leaves.length - 1 : parityOf(v.type);
  return failed > redundancy ? 'UNAVAIL' : 'DEGRADED';
}
