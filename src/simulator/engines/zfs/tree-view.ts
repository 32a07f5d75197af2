/**
 * `zfsTreeView(world, host, dataset)`: what the sandbox's ZFS view draws, as pure data — the
 * uberblock, the dataset's files with their block pointers (checksum of the child, birth
 * txg, sizes, DVA), the indirect block above each file's data blocks (its checksum covers
 * its children's checksums, as a blkptr's does), which snapshots share each block, which
 * blocks the last txg wrote (the copy-on-write path), damaged blocks, and the space figures.
 */
import type { World } from '../world';
import { unpackBp } from './block-pointer';
import { blockChecksum } from './checksum';
import { hasFaults } from './faults';
import { asSpace, datasetSpace, snapshotUsed, type DatasetSpace } from './space';
import { inodePaths } from './scrub';
import type { BlockPointer, PoolState } from './state';
import { headInodes } from './versions';
import { poolOfName, poolState, TXG_TIMEOUT_MS } from './pool';
import { datasetQuotas, datasetRefreservation } from './volume-space';
import { externalUsed } from './kernel-space';

/** One data block in the view. */
export interface BlockView {
  index: number;
  birth: number;
  lsize: number;
  psize: number;
  asize: number;
  checksum: string;
  dva: { vdev: number; offset: number };
  /** Snapshots that hold this block too (born at or before their txg). */
  sharedWith: string[];
  /** Written by the latest txg: on the path the last write created. */
  lastWrite: boolean;
  /** Some copy of it is damaged on a leaf (a read or scrub would repair or lose it). */
  damaged: boolean;
}

/** A file: its indirect block and data blocks. */
export interface FileView {
  path: string;
  ino: number;
  indirect: { checksum: string; birth: number };
  /**
   * The blocks the view needs, in index order (holes left out): the first
   * {@link VIEW_BLOCKS_PER_FILE}, then as many again of the damaged or newly written ones after them.
   * `blockCount` tells how many data blocks the file has in all.
   */
  blocks: (BlockView | null)[];
  blockCount: number;
}

/** Blocks per file the view model carries at most (beyond the damaged and newly written ones). */
export const VIEW_BLOCKS_PER_FILE = 32;
/** Files the view model carries at most (files with damaged or new blocks first). */
export const VIEW_FILES = 64;

/** The whole view of one dataset. */
export interface ZfsTreeView {
  pool: string;
  dataset: string;
  /** Files in the dataset in all (`files` holds at most {@link VIEW_FILES}). */
  fileCount: number;
  uberblock: { magic: string; txg: number; timestamp: number };
  files: FileView[];
  snapshots: { name: string; txg: number; used: number; referenced: number }[];
  space: DatasetSpace;
}

function damagedBlock(pool: PoolState, bp: BlockPointer): boolean {
  const [, , , asize, , vdevIndex, offset] = bp;
  const v = pool.vdevs[vdevIndex];
  if (!v) return false;
  const n = v.type.startsWith('raidz') ? v.leaves.length : 1;
  const from = Math.floor(offset / n);
  const to = Math.ceil((offset + asize) / n);
  return v.leaves.some((l) => {
    const h = pool.health?.[l];
    return !!h && (h.failed === true || h.offline === true || h.damaged.some(([a, b]) => a < to && from < b));
  });
}

/**
 * The view of `dataset` on `host`, or null when there is no such dataset. Read-only: it
 * never changes the world (the worker calls it between lines and a replay does not), so a
 * txg the 5 s timeout would have synced by now is shown as synced without syncing it.
 * Its size is bounded (a 1 GiB file has 8,192 blocks; the view draws a handful).
 */
export function zfsTreeView(world: World, host: string, dataset: string): ZfsTreeView | null {
  const pool = poolState(world, host, poolOfName(dataset));
  const ds = pool?.datasets[dataset];
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!pool || !ds || !lab) return null;
  const head = headInodes(world, host, dataset);
  const paths = inodePaths(head);
  // zfs_txg_timeout: the open txg counts as synced once 5 s have passed since the last sync.
  const timedOut = world.clock - pool.syncedAt >= TXG_TIMEOUT_MS;
  const txg = timedOut ? pool.openTxg : pool.txg;
  const syncedAt = timedOut ? pool.syncedAt + TXG_TIMEOUT_MS * Math.floor((world.clock - pool.syncedAt) / TXG_TIMEOUT_MS) : pool.syncedAt;
  // The copy-on-write path of the last write: blocks born in the open txg when it holds
  // changes (its journal), else in the last synced one.
  const newest = pool.journal ? pool.openTxg : pool.txg;
  const faults = hasFaults(pool);
  const blockView = (packed: string | null | undefined, index: number): BlockView | null => {
    if (!packed) return null;
    const bp = unpackBp(packed);
    return {
      index,
      birth: bp[0],
      lsize: bp[1],
      psize: bp[2],
      asize: bp[3],
      checksum: bp[4],
      dva: { vdev: bp[5], offset: bp[6] },
      sharedWith: ds.snapshots.filter((s) => s.txg >= bp[0]).map((s) => s.name),
      lastWrite: bp[0] === newest,
      damaged: faults && damagedBlock(pool, bp),
    };
  };
  // Regular files: those with blocks, and empty ones (a file nobody wrote has no object yet).
  const inos = new Set<number>(Object.keys(ds.objects).map(Number));
  for (const [ino] of paths) if (head?.inodes[ino]?.type === 'file') inos.add(ino);
  const all: FileView[] = [...inos].map((ino) => {
    const object = ds.objects[String(ino)];
    const packed = object?.blocks ?? [];
    let birth = 0;
    let count = 0;
    const keep: BlockView[] = [];
    let marked = 0;
    for (let index = 0; index < packed.length; index++) {
      const raw = packed[index];
      if (!raw) continue;
      count++;
      const bp = unpackBp(raw);
      const born = bp[0];
      if (born > birth) birth = born;
      // The first blocks, then damaged or newly written ones further on, each up to the cap.
      const special = born === newest || (faults && damagedBlock(pool, bp));
      if (keep.length < VIEW_BLOCKS_PER_FILE || (special && marked < VIEW_BLOCKS_PER_FILE)) {
        if (keep.length >= VIEW_BLOCKS_PER_FILE) marked++;
        const b = blockView(raw, index);
        if (b) keep.push(b);
      }
    }
    // An indirect block's checksum covers the block pointers it holds.
    const indirect = { checksum: blockChecksum([{ kind: 'text', text: packed.map((b) => (b ? unpackBp(b)[4] : '0')).join(',') }]), birth };
    return { path: paths.get(ino) ?? `<0x${ino.toString(16)}>`, ino, indirect, blocks: keep, blockCount: count };
  });
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Files with damaged or new blocks first when there are too many to carry.
  const marked = (f: FileView) => f.blocks.some((b) => !!b && (b.damaged || b.lastWrite));
  const files = all.length <= VIEW_FILES ? all : [...all.filter(marked), ...all.filter((f) => !marked(f))].slice(0, VIEW_FILES).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const space = datasetSpace(pool, ds, (n) => datasetRefreservation(lab, pool, n), externalUsed(world, host, pool), (n) => datasetQuotas(lab, n));
  return {
    pool: pool.name,
    dataset,
    fileCount: all.length,
    uberblock: { magic: '0x00bab10c', txg, timestamp: Math.floor(syncedAt / 1000) },
    files,
    snapshots: ds.snapshots.map((s) => ({ name: s.name, txg: s.txg, used: snapshotUsed(pool, ds, s), referenced: asSpace(pool, s.referenced) })),
    space,
  };
}
