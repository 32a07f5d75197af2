/**
 * A container's volumes on the host: the rootfs (and volume mount points) of a container on
 * a `zfspool` storage are datasets `<pool>/subvol-<vmid>-disk-<n>` (pve-storage
 * ZFSPoolPlugin alloc_image with `subvol` format), added to the lab model and mounted as
 * ZFS mounts them (kernel boot.ts mountDataset). `pct create` fills the rootfs from the
 * template with owners shifted by the container's ID map (pct's restore runs tar in the
 * container's user namespace).
 */
// @sim pct rootfs | pve-storage ZFSPoolPlugin subvol-VMID-disk-N datasets mounted at their mountpoint; the template unpacked with IDs shifted by the container's map
import type { Container } from '../../model/container';
import type { Host } from '../../model/host';
import type { IdmapEntry } from '../../model/idmap';
import { mountedPath } from '../../model/mountpoints';
import { mkdirs, mountDataset, rootVfs } from '../kernel/boot';
import { mountTable } from '../kernel/mounts';
import type { MountEntry } from '../kernel/types';
import type { World } from '../world';
import { hostKernel } from '../world';
import { createFilesystem } from '../zfs/dataset-ops';
import { templateTree } from './template-tree';

/** The dataset behind a `STORAGE:VOLUME` on a zfspool storage, or null for other storage types. */
export function volumeDataset(host: Host, storage: string, volume: string): string | null {
  const s = host.proxmox?.storage.find((x) => x.id === storage);
  return s && s.type === 'zfspool' ? `${s.pool}/${volume}` : null;
}

/** The host mount of a dataset in the initial mount namespace, if it is mounted. */
export function datasetMount(world: World, host: string, dataset: string): MountEntry | undefined {
  const k = hostKernel(world, host);
  return mountTable(world, host, k.initNs.mnt).find((m) => k.superblocks[m.sb]?.source === dataset && m.root === '/');
}

/**
 * Makes sure a volume dataset exists in the model (refquota = size, as ZFSPoolPlugin sets)
 * and is mounted; returns its host mount, or an error text.
 */
export function ensureVolume(world: World, hostName: string, dataset: string, size: number): MountEntry | string {
  const existing = datasetMount(world, hostName, dataset);
  if (existing) return existing;
  const find = (): Host | undefined => world.lab.hosts.find((h) => h.name === hostName);
  if (!find()?.datasets.some((d) => d.name === dataset)) {
    // Through the ZFS engine, as `zfs create -o refquota=SIZE` (ZFSPoolPlugin alloc_image), so
    // `zfs list` shows the volume and its files are blocks of the pool.
    const made = createFilesystem(world, hostName, dataset, { refquota: String(size) });
    if (!made.ok) return made.error.message;
    const mounted = datasetMount(world, hostName, dataset);
    if (mounted) return mounted;
  }
  const host = find() as Host;
  return mountDataset(world, host, dataset) ?? `dataset ${dataset} has no mountpoint`;
}

/** A container ID as the host stores it, through the container's map (root inside → 100000 for the default map). */
export function hostIdOf(map: readonly IdmapEntry[], type: 'u' | 'g', id: number, unprivileged: boolean): number {
  if (!unprivileged && map.length === 0) return id;
  const e = map.find((m) => m.type === type && id >= m.container && id < m.container + m.count);
  return e ? e.host + (id - e.container) : 65534;
}

/** Unpacks the template into the rootfs mounted at `path` on the host, owners through `map`. */
export function unpackTemplate(world: World, hostName: string, path: string, ct: Container, map: readonly IdmapEntry[]): void {
  const vfs = rootVfs(world, hostName);
  for (const node of templateTree(ct.template ?? 'debian-12', ct.hostname ?? `CT${ct.vmid}`)) {
    const at = node.path === '/' ? path : `${path}${node.path}`;
    if (node.type === 'dir') mkdirs(vfs, at, node.mode);
    else if (node.type === 'symlink') vfs.create(at, { type: 'symlink', mode: 0o777, target: node.target as string });
    else vfs.write(at, node.text ?? '', false);
    vfs.setattr(at, { ...(node.type === 'symlink' ? {} : { mode: node.mode }), uid: hostIdOf(map, 'u', node.uid, ct.unprivileged), gid: hostIdOf(map, 'g', node.gid, ct.unprivileged) }, false);
  }
}

/** Where a container's rootfs dataset is mounted on the host (for `pct mount`-free access), if known. */
export function rootfsPath(host: Host, ct: Container): string | undefined {
  if (!ct.rootfs?.volume) return undefined;
  const ds = volumeDataset(host, ct.rootfs.storage, ct.rootfs.volume);
  return ds ? mountedPath(host, ds) : undefined;
}
