/**
 * Mounting an ext4 device: the first mount on a host reads the metadata into a new
 * superblock (that host's cache); a second mount of the same device on the same host shares
 * that superblock, as the kernel's sget() does — only another host gets its own copy.
 */
import { addMount, addSuperblock } from '../kernel/mounts';
import type { Errno } from '../kernel/errno';
import type { MountEntry } from '../kernel/types';
import { hostKernel, type World } from '../world';
import { loadExt4 } from './ext4-mkfs';
import type { Ext4Mount } from './ext4-driver';

/** Mounts `/dev/NAME` (ext4) at `path` in mount namespace `mntNs`. EINVAL: no ext4 there. */
export function mountExt4(world: World, host: string, mntNs: number, devName: string, path: string, readOnly: boolean): MountEntry | Errno {
  const k = hostKernel(world, host);
  const source = `/dev/${devName}`;
  let sb = Object.values(k.superblocks).find((s) => s.driver === 'ext4' && (s.data as Ext4Mount).device === devName);
  if (!sb) {
    const loaded = loadExt4(world, host, devName);
    if (typeof loaded === 'string') return loaded;
    sb = addSuperblock(world, host, { driver: 'ext4', fstype: 'ext4', source, options: '', capacity: loaded.blocks * 4096, data: loaded });
  }
  return addMount(world, host, mntNs, sb.id, path, readOnly ? 'ro,relatime' : 'rw,relatime');
}

/** Whether a device is mounted anywhere on a host (mke2fs refuses then). */
export function isDeviceMounted(world: World, host: string, devName: string): boolean {
  const k = hostKernel(world, host);
  return Object.values(k.superblocks).some((s) => s.source === `/dev/${devName}`);
}
