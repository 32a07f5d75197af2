/**
 * A new dataset's runtime state: an empty object set whose metadata (the dnode of its
 * root directory, the master node, the ZPL objects) already takes a few sectors, which is
 * why an empty filesystem REFERs 24K at ashift 9 and 96K at ashift 12 in OpenZFS 2.x.
 */
import { stableHash } from '../random';
import type { World } from '../world';
import type { DatasetState, PoolState } from './state';

/** Bytes an empty dataset refers to: 48 sectors at ashift 9 (24K), 24 at ashift 12 (96K). */
export function emptyReferenced(ashift: number): number {
  return Math.max(24 * 1024, 24 * 2 ** ashift);
}

/** A new dataset created in `txg`. */
export function newDataset(world: World, host: string, pool: PoolState, name: string, type: DatasetState['type'], txg: number): DatasetState {
  // Volumes have no ZPL directory objects: their metadata is smaller (an empty zvol REFERs 56K at ashift 12; 12K at 9).
  const meta = type === 'volume' ? Math.max(12 * 1024, 14 * 2 ** pool.ashift) : emptyReferenced(pool.ashift);
  const vdev = pool.vdevs[0];
  if (vdev) vdev.alloc += meta;
  return {
    name,
    type,
    guid: stableHash(world.seed, 'ds-guid', host, name),
    createtxg: txg,
    creation: world.clock,
    snapshots: [],
    objects: {},
    live: { [txg]: meta },
    dead: {},
    saved: [],
  };
}
