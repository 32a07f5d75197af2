/**
 * Idmapped mounts (mount_setattr(2) with MOUNT_ATTR_IDMAP, Linux ≥ 5.12): through such a
 * mount an inode's on-disk owner is seen as another kernel ID, and IDs written through it
 * are stored as the on-disk ID they map to. IDs outside the mount's extents pass unchanged
 * (pve-container's per-mount `idmap=` falls back to the container's map for them).
 */
// @sim kernel idmapped mounts | mount_setattr(2) MOUNT_ATTR_IDMAP: owners translated disk → kernel on stat, kernel → disk on create/chown, others unchanged
import type { MountEntry } from './types';

/** The kernel ID an on-disk ID shows as through `mount`. */
export function diskToKernel(mount: MountEntry, type: 'u' | 'g', id: number): number {
  const e = mount.idmap?.find((x) => x.type === type && id >= x.disk && id < x.disk + x.count);
  return e ? e.kernel + (id - e.disk) : id;
}

/** The on-disk ID a kernel ID is stored as through `mount`. */
export function kernelToDisk(mount: MountEntry, type: 'u' | 'g', id: number): number {
  const e = mount.idmap?.find((x) => x.type === type && id >= x.kernel && id < x.kernel + x.count);
  return e ? e.disk + (id - e.kernel) : id;
}
