/**
 * Snapshots: taking one syncs the open txg and records it (O(1): dsl_dataset_snapshot_sync
 * only writes the new dsl_dataset_phys); destroying one frees the blocks only it held;
 * rolling back to the latest puts the head back as it was (dsl_dataset_rollback).
 */
import type { MemfsData, StoredInode } from '../kernel/types';
import { stableHash } from '../random';
import type { World } from '../world';
import { syncTxg } from './pool';
import { referencedRaw, writtenRaw } from './space';
import type { DatasetState, PoolState, SnapshotState } from './state';
import { headInodes } from './versions';

/** Takes snapshot `name` of a dataset (the caller checked the name is free). */
export function takeSnapshot(world: World, host: string, pool: PoolState, ds: DatasetState, name: string): SnapshotState {
  const txg = syncTxg(world, pool);
  const snap: SnapshotState = { name, txg, guid: stableHash(world.seed, 'snap-guid', host, ds.name, name, String(txg)), creation: world.clock, referenced: referencedRaw(ds), written: writtenRaw(ds) };
  ds.snapshots.push(snap);
  return snap;
}

/** True when some snapshot of `ds` holds a block born in `birth` and killed in `killed`. */
function held(ds: DatasetState, birth: number, killed: number): boolean {
  return ds.snapshots.some((s) => s.txg >= birth && s.txg < killed);
}

/** Frees the dead blocks no snapshot holds any more. */
function pruneDead(pool: PoolState, ds: DatasetState): void {
  for (const [key, bytes] of Object.entries(ds.dead)) {
    const [birth, killed, vdev] = key.split(':').map(Number) as [number, number, number];
    if (held(ds, birth, killed)) continue;
    const v = pool.vdevs[vdev];
    if (v) v.alloc -= bytes;
    delete ds.dead[key];
  }
  // Saved versions only the destroyed snapshots needed go too.
  ds.saved = ds.saved.filter((v) => ds.snapshots.some((s) => s.txg < v.savedTxg) || (ds.originTxg !== undefined && ds.originTxg < v.savedTxg));
}

/** Destroys a snapshot of a dataset; the blocks only it held are freed. */
export function destroySnapshot(world: World, pool: PoolState, ds: DatasetState, name: string): boolean {
  const i = ds.snapshots.findIndex((s) => s.name === name);
  if (i < 0) return false;
  ds.snapshots.splice(i, 1);
  pruneDead(pool, ds);
  syncTxg(world, pool);
  return true;
}

/**
 * Rolls a dataset back to its latest snapshot: files changed since are put back as they
 * were, files made since go, blocks born since are freed and the dead blocks it held are
 * live again.
 */
export function rollbackToLatest(world: World, host: string, pool: PoolState, ds: DatasetState): void {
  const snap = ds.snapshots[ds.snapshots.length - 1];
  if (!snap) return;
  const data: MemfsData | undefined = headInodes(world, host, ds.name);
  const restored = new Set<number>();
  const later = ds.saved.filter((v) => v.savedTxg > snap.txg).sort((a, b) => a.savedTxg - b.savedTxg);
  for (const v of later) {
    if (restored.has(v.ino)) continue;
    restored.add(v.ino);
    if (data) {
      if (v.inode) data.inodes[v.ino] = JSON.parse(JSON.stringify(v.inode)) as StoredInode;
      else delete data.inodes[v.ino];
    }
    if (v.object) ds.objects[v.ino] = { blksz: v.object.blksz, blocks: v.object.blocks.slice() };
    else delete ds.objects[v.ino];
  }
  ds.saved = ds.saved.filter((v) => v.savedTxg <= snap.txg);
  // Blocks born after the snapshot are freed; blocks killed after it are live again.
  for (const [birth, bytes] of Object.entries(ds.live)) {
    if (Number(birth) <= snap.txg) continue;
    delete ds.live[birth];
    const v = pool.vdevs[0];
    if (v) v.alloc -= bytes;
  }
  for (const [key, bytes] of Object.entries(ds.dead)) {
    const [birth, killed] = key.split(':').map(Number) as [number, number];
    if (killed > snap.txg) {
      ds.live[birth] = (ds.live[birth] ?? 0) + bytes;
      delete ds.dead[key];
    }
  }
  syncTxg(world, pool);
}
