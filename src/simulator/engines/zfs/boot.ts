/**
 * The ZFS boot step (order 20, after the kernel and the network): the lab's pools are
 * imported with their datasets (pool.ts openPool, what `zpool create` and `zfs create` use)
 * and the volumes come up as block devices through the same operation `zfs create -V` uses
 * (zvol.ts attachZvol), as zfs-import.target and zvol_os's minors do on a real boot.
 */
import type { Host } from '../../model/host';
import { registerBootStep } from '../boot';
import type { World } from '../world';
import { refreshKernelSpace } from './kernel-space';
import { openPool } from './pool';
import { zfsHost } from './state';
import { attachZvol } from './zvol';

/** Boots one host's ZFS state. */
export function bootZfs(world: World, host: Host): void {
  for (const pool of host.pools) openPool(world, host, pool);
  for (const zvol of host.zvols) attachZvol(world, host.name, zvol);
  for (const pool of Object.values(zfsHost(world, host.name).pools)) refreshKernelSpace(world, host, pool);
}

registerBootStep({ name: 'zfs', order: 20, run: bootZfs });
