/**
 * The ZFS boot step (order 20, after the kernel and the network): the lab's volumes come up
 * as block devices through the same operation `zfs create -V` uses (zvol.ts attachZvol),
 * as zfs-import.target and zvol_os's minors do on a real boot.
 */
import type { Host } from '../../model';
import { registerBootStep } from '../boot';
import type { World } from '../world';
import { attachZvol } from './zvol';

/** Boots one host's ZFS state. */
export function bootZfs(world: World, host: Host): void {
  for (const zvol of host.zvols) attachZvol(world, host.name, zvol);
}

registerBootStep({ name: 'zfs', order: 20, run: bootZfs });
