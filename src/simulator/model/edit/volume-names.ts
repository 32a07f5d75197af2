/**
 * Names Proxmox VE gives new guest volumes, for lab entries that leave `volume` out
 * (`pct create … --rootfs local-zfs:8` allocates one).
 */
// @sim model volume-name | Proxmox VE 8 pve-storage src/PVE/Storage/Plugin.pm get_next_vm_diskname, DirPlugin/ZFSPoolPlugin alloc_image
import type { Host } from '../host';

/** A volume the guest already has on some storage: `{ storage: 'local-zfs', volume: 'subvol-101-disk-0' }`. */
export interface StorageVolume {
  storage: string;
  volume: string;
}

/** How many volumes one guest may have on a storage (Plugin.pm $MAX_VOLUMES_PER_GUEST). */
const MAX_VOLUMES_PER_GUEST = 1024;

/**
 * The name Proxmox would give the next container volume of `vmid` on `storage`: the lowest
 * `disk-N` not yet taken on that storage (Plugin.pm get_next_vm_diskname), spelled the way
 * the storage type spells it: `subvol-101-disk-0` on zfspool (container volumes are
 * `subvol` datasets), `101/vm-101-disk-0.raw` on dir and nfs, `vm-101-disk-0` on lvm and
 * the rest. Without the host (storage type unknown) the zfspool form is used.
 * @example nextContainerVolume(pve, 'local-zfs', 101, []) // 'subvol-101-disk-0'
 */
export function nextContainerVolume(host: Host | undefined, storage: string, vmid: number, taken: readonly StorageVolume[]): string {
  const type = host?.proxmox?.storage.find((s) => s.id === storage)?.type ?? 'zfspool';
  const used = new Set<number>();
  for (const v of taken) {
    if (v.storage !== storage) continue;
    const m = new RegExp(`(?:^|/)(?:vm|subvol)-${vmid}-disk-(\\d+)`).exec(v.volume);
    if (m) used.add(Number(m[1]));
  }
  let n = 0;
  while (used.has(n) && n < MAX_VOLUMES_PER_GUEST) n++;
  if (type === 'zfspool') return `subvol-${vmid}-disk-${n}`;
  if (type === 'dir' || type === 'nfs') return `${vmid}/vm-${vmid}-disk-${n}.raw`;
  return `vm-${vmid}-disk-${n}`;
}
