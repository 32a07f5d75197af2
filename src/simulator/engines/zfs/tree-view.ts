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
import { poolOfName, poolState } from './pool';
import { datasetRefreservation } from './volume-space';
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
  blocks: (BlockView | null)[];
}

/** The whole view of one dataset. */
export interface ZfsTreeView {
  pool: string;
  dataset: string;
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

/** The view of `dataset` on `host`, or null when there is no such dataset. */
export function zfsTreeView(world: World, host: string, dataset: string): ZfsTreeView | null {
  const pool = poolState(world, host, poolOfName(dataset));
  const ds = pool?.datasets[dataset];
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!pool || !ds || !lab) return null;
  const paths = inodePaths(headInodes(world, host, dataset));
  const latest = Math.max(0, ...Object.values(ds.objects).flatMap((o) => o.blocks.map((b) => (b ? unpackBp(b)[0] : 0))));
  const faults = hasFaults(pool);
  const files: FileView[] = Object.entries(ds.objects)
    .map(([key, object]) => {
      const ino = Number(key);
      const blocks = object.blocks.map((packed, index): BlockView | null => {
        const bp = packed ? unpackBp(packed) : null;
        return bp
          ? {
              index,
              birth: bp[0],
              lsize: bp[1],
              psize: bp[2],
              asize: bp[3],
              checksum: bp[4],
              dva: { vdev: bp[5], offset: bp[6] },
              sharedWith: ds.snapshots.filter((s) => s.txg >= bp[0]).map((s) => s.name),
              lastWrite: bp[0] === latest,
              damaged: faults && damagedBlock(pool, bp),
            }
          : null;
      });
      const birth = Math.max(0, ...blocks.map((b) => b?.birth ?? 0));
      // An indirect block's checksum covers the block pointers it holds.
      const indirect = { checksum: blockChecksum([{ kind: 'text', text: object.blocks.map((b) => (b ? unpackBp(b)[4] : '0')).join(',') }]), birth };
      return { path: paths.get(ino) ?? `<0x${ino.toString(16)}>`, ino, indirect, blocks };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const space = datasetSpace(pool, ds, (n) => datasetRefreservation(lab, pool, n), externalUsed(world, host, pool));
  return {
    pool: pool.name,
    dataset,
    uberblock: { magic: '0x00bab10c', txg: pool.txg, timestamp: Math.floor(pool.syncedAt / 1000) },
    files,
    snapshots: ds.snapshots.map((s) => ({ name: s.name, txg: s.txg, used: snapshotUsed(pool, ds, s), referenced: asSpace(pool, s.referenced) })),
    space,
  };
}
