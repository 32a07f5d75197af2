/**
 * Space figures of datasets and snapshots, from the live blocks (by birth txg) and the
 * deadlist (by birth and kill txg), following zfsprops(7) and dsl_dataset.c:
 * - referenced: bytes reachable from the dataset (or from the snapshot when it was taken);
 * - usedbysnapshots: what destroying every snapshot would free (every dead block);
 * - a snapshot's used: blocks only it holds (born after the previous snapshot, killed
 *   before the next one was taken);
 * - written: referenced bytes born after the latest snapshot;
 * - used = usedbydataset + usedbysnapshots + usedbychildren + usedbyrefreservation.
 * Bytes are allocated bytes scaled by the vdev's deflate ratio (RAIDZ parity left out).
 */
import { deflate } from './capacity';
import { poolDataSpace } from './pool';
import type { DatasetState, PoolState, SnapshotState } from './state';

/** The space columns `zfs list -o space` shows, in bytes. */
export interface DatasetSpace {
  used: number;
  available: number;
  referenced: number;
  usedbysnapshots: number;
  usedbydataset: number;
  usedbychildren: number;
  usedbyrefreservation: number;
  written: number;
}

/** Allocated bytes as dataset space (the first vdev's deflate ratio; simplified for mixed pools). */
export function asSpace(pool: PoolState, asize: number): number {
  const v = pool.vdevs[0];
  return v ? deflate(v, asize, pool.ashift) : asize;
}

function sum(values: Record<string, number>, keep: (key: string) => boolean = () => true): number {
  let n = 0;
  for (const [k, v] of Object.entries(values)) if (keep(k)) n += v;
  return n;
}

/** Bytes the head of a dataset refers to (raw allocated). */
export function referencedRaw(ds: DatasetState): number {
  return sum(ds.live);
}

/** Raw bytes written since the latest snapshot (all of it without one; for a clone, since its origin). */
export function writtenRaw(ds: DatasetState): number {
  const last = Math.max(ds.snapshots[ds.snapshots.length - 1]?.txg ?? 0, ds.originTxg ?? 0);
  return sum(ds.live, (k) => Number(k) > last);
}

/** Raw bytes only the head holds (a clone shares what was born before its origin with the origin snapshot). */
export function ownRaw(ds: DatasetState): number {
  return ds.originTxg === undefined ? referencedRaw(ds) : sum(ds.live, (k) => Number(k) > (ds.originTxg ?? 0));
}

/** Bytes only `snap` holds: dead blocks born after the previous snapshot and killed before the next was taken. */
export function snapshotUsed(pool: PoolState, ds: DatasetState, snap: SnapshotState): number {
  const i = ds.snapshots.indexOf(snap);
  const prev = ds.snapshots[i - 1]?.txg ?? 0;
  const next = ds.snapshots[i + 1]?.txg ?? Infinity;
  return asSpace(
    pool,
    sum(ds.dead, (k) => {
      const [birth, killed] = k.split(':').map(Number) as [number, number];
      return birth > prev && birth <= snap.txg && killed <= next;
    }),
  );
}

/**
 * Bytes destroying the snapshots `first..last` (indexes into the dataset's snapshots, oldest
 * first) would free (lzc_snaprange_space): dead blocks born after the snapshot before the
 * range, at or before its last one, and killed before the snapshot after it.
 */
export function snapshotRangeUsed(pool: PoolState, ds: DatasetState, first: number, last: number): number {
  const prev = ds.snapshots[first - 1]?.txg ?? 0;
  const end = ds.snapshots[last]?.txg ?? 0;
  const next = ds.snapshots[last + 1]?.txg ?? Infinity;
  return asSpace(
    pool,
    sum(ds.dead, (k) => {
      const [birth, killed] = k.split(':').map(Number) as [number, number];
      return birth > prev && birth <= end && killed <= next;
    }),
  );
}

/** The children of a dataset (one level down) in a pool. */
export function childrenOf(pool: PoolState, name: string): DatasetState[] {
  const prefix = `${name}/`;
  return Object.values(pool.datasets).filter((d) => d.name.startsWith(prefix) && !d.name.slice(prefix.length).includes('/'));
}

/** The space a dataset and everything below it uses (its USED). */
export function datasetUsed(pool: PoolState, ds: DatasetState, refreservation: (name: string) => number): number {
  const own = asSpace(pool, ownRaw(ds));
  const snaps = asSpace(pool, sum(ds.dead));
  const children = childrenOf(pool, ds.name).reduce((n, c) => n + datasetUsed(pool, c, refreservation), 0);
  const reserv = Math.max(0, refreservation(ds.name) - own);
  return own + snaps + children + reserv;
}

/**
 * Every space figure of a dataset. `refreservation` gives each dataset's refreservation in
 * bytes; `external` is pool space used outside the block trees (kernel-space.ts).
 */
export function datasetSpace(pool: PoolState, ds: DatasetState, refreservation: (name: string) => number, external = 0, quotas: (name: string) => { quota?: number; refquota?: number } = () => ({})): DatasetSpace {
  const referenced = asSpace(pool, referencedRaw(ds));
  const usedbysnapshots = asSpace(pool, sum(ds.dead));
  const usedbychildren = childrenOf(pool, ds.name).reduce((n, c) => n + datasetUsed(pool, c, refreservation), 0);
  const usedbyrefreservation = Math.max(0, refreservation(ds.name) - referenced);
  const root = pool.datasets[pool.name];
  const poolUsed = root ? datasetUsed(pool, root, refreservation) : 0;
  // AVAIL: the pool's free space; a dataset's own unused refreservation is still its to use.
  const poolAvailable = Math.max(0, poolDataSpace(pool) - poolUsed - external) + usedbyrefreservation;
  const available = Math.min(poolAvailable, quotaRoom(pool, ds, refreservation, quotas));
  const usedbydataset = asSpace(pool, ownRaw(ds));
  return {
    used: usedbydataset + usedbysnapshots + usedbychildren + usedbyrefreservation,
    available,
    referenced,
    usedbysnapshots,
    usedbydataset,
    usedbychildren,
    usedbyrefreservation,
    written: asSpace(pool, writtenRaw(ds)),
  };
}

/**
 * Bytes a dataset may still grow by under the quotas (Infinity without any): its
 * `refquota` less what it references, and every `quota` on it or an ancestor less that
 * dataset's USED (dsl_dir.c dsl_dir_space_available walks up the parents; dsl_dataset.c
 * dsl_dataset_space checks refquota). Writes past it fail with EDQUOT.
 */
export function quotaRoom(pool: PoolState, ds: DatasetState, refreservation: (name: string) => number, quotas: (name: string) => { quota?: number; refquota?: number }): number {
  let room = Infinity;
  const own = quotas(ds.name).refquota;
  if (own !== undefined) room = Math.min(room, Math.max(0, own - asSpace(pool, referencedRaw(ds))));
  for (let name: string | null = ds.name; name; name = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : null) {
    const q = quotas(name).quota;
    const at = pool.datasets[name];
    if (q !== undefined && at) room = Math.min(room, Math.max(0, q - datasetUsed(pool, at, refreservation)));
  }
  return room;
}

/** Raw bytes allocated in a pool (`zpool list` ALLOC): every vdev's allocations. */
export function poolAllocated(pool: PoolState): number {
  return pool.vdevs.reduce((n, v) => n + v.alloc, 0);
}
