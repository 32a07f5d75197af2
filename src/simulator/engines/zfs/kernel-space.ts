/**
 * Keeps the kernel's shared space of a pool (HostKernel.spaces, what the memfs-backed root
 * dataset and the zvol block backend draw on) in step with the ZFS engine's accounting, so
 * every dataset of a pool shows the same AVAIL in df and `zfs list`. The kernel's `used`
 * counts what lives outside the engine's block trees (files of the memfs-backed root
 * dataset, zvol data); its `size` is what the engine leaves them.
 */
import type { Host } from '../../model/host';
import type { World } from '../world';
import { hostKernel } from '../world';
import { poolDataSpace } from './pool';
import { asSpace, datasetUsed, referencedRaw } from './space';
import type { PoolState } from './state';
import { datasetRefreservation } from './volume-space';
import { zfsHost } from './state';

/** Bytes the engine's datasets use, less the volumes' reservations (the kernel's space already charges those). */
function engineOwnUsed(host: Host, pool: PoolState): number {
  const root = pool.datasets[pool.name];
  if (!root) return 0;
  const used = datasetUsed(pool, root, (n) => datasetRefreservation(host, pool, n));
  let reserved = 0;
  for (const ds of Object.values(pool.datasets)) if (ds.type === 'volume') reserved += Math.max(0, datasetRefreservation(host, pool, ds.name) - asSpace(pool, referencedRaw(ds)));
  return used - reserved;
}

/** Bytes of the pool outside the engine's block trees (memfs root files, zvol charges beyond their reservation). */
export function externalUsed(world: World, host: string, pool: PoolState): number {
  const space = hostKernel(world, host).spaces[pool.name];
  if (!space) return 0;
  let reserved = 0;
  for (const z of Object.values(zfsHost(world, host).zvols)) if (z.dataset.split('/')[0] === pool.name) reserved += z.refreservation;
  return Math.max(0, space.used - reserved);
}

/** Sets the kernel space's size so its free bytes equal the pool's AVAIL. */
export function refreshKernelSpace(world: World, host: Host, pool: PoolState): void {
  const space = hostKernel(world, host.name).spaces[pool.name];
  if (!space) return;
  space.size = Math.max(0, poolDataSpace(pool) - engineOwnUsed(host, pool));
}
