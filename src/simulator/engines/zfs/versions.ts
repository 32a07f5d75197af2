/**
 * What snapshots see of a dataset's files. Taking a snapshot copies nothing (a txg mark);
 * the first time a file or directory changes after a snapshot, its inode and block pointers
 * as they were are kept (its old blocks stay allocated, on the deadlist), so the snapshot
 * still shows them. Cost is per changed file, never per snapshot or per byte of data.
 */
import type { MemfsData, StoredInode } from '../kernel/types';
import type { World } from '../world';
import { hostKernel } from '../world';
import { latestSnapshotTxg } from './records';
import type { DatasetState, PoolState } from './state';
import { journalChange } from './txg-journal';

/** The memfs data (inode table) of a mounted dataset's head, if mounted. */
export function headInodes(world: World, host: string, dataset: string): MemfsData | undefined {
  for (const sb of Object.values(hostKernel(world, host).superblocks)) {
    if (sb.driver === 'zfs' && sb.source === dataset) return sb.data as MemfsData;
  }
  return undefined;
}

/** Keeps inode `ino` as it is now for the snapshots, unless it was already kept since the latest one. */
export function keepVersion(pool: PoolState, ds: DatasetState, data: MemfsData, ino: number): void {
  journalChange(pool, ds, data, ino);
  const last = latestSnapshotTxg(ds);
  if (last === 0) return;
  for (let i = ds.saved.length - 1; i >= 0; i--) {
    const v = ds.saved[i];
    if (v && v.ino === ino && v.savedTxg > last) return;
  }
  const inode = data.inodes[ino];
  const object = ds.objects[ino];
  ds.saved.push({
    ino,
    savedTxg: pool.openTxg,
    inode: inode ? (JSON.parse(JSON.stringify(inode)) as unknown) : null,
    object: object ? { blksz: object.blksz, blocks: object.blocks.slice() } : null,
  });
}

/** Records that `ino` did not exist before now (a file created after the latest snapshot). */
export function keepAbsence(pool: PoolState, ds: DatasetState, ino: number): void {
  journalChange(pool, ds, null, ino);
  if (latestSnapshotTxg(ds) === 0) return;
  ds.saved.push({ ino, savedTxg: pool.openTxg, inode: null, object: null });
}

/** Inode `ino` as the snapshot of `txg` sees it (null: absent), given the head's inode table. */
export function inodeAt(ds: DatasetState, data: MemfsData | undefined, ino: number, txg: number): StoredInode | null {
  let best: { savedTxg: number; inode: unknown } | undefined;
  for (const v of ds.saved) if (v.ino === ino && v.savedTxg > txg && (!best || v.savedTxg < best.savedTxg)) best = v;
  if (best) return (best.inode as StoredInode | null) ?? null;
  return data?.inodes[ino] ?? null;
}
