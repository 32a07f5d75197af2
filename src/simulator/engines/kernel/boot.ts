/**
 * Booting a host's kernel: the block devices from the lab's disks (partitioned as the
 * installers and `zpool create` leave them), the root filesystem and the usual virtual
 * filesystems mounted as a Debian 13 host mounts them, the datasets of the lab's pools
 * mounted at their mountpoints, the base directory tree, and PID 1 with the daemons.
 */
// @sim kernel boot | Debian 13 with systemd: sysfs, proc, udev devtmpfs, devpts, /run, cgroup2, /dev/shm, /run/lock; pmxcfs FUSE on /etc/pve (Proxmox VE 9); OpenZFS datasets at their mountpoints (TrueNAS altroot /mnt); merged /usr
import type { Host } from '../../model/host';
import { mountedPath } from '../../model/mountpoints';
import { poolDisks } from '../../model/storage';
import type { World } from '../world';
import { hostKernel } from '../world';
import { addDisk, partitionDisk, type PartitionSpec } from './devices';
import { labEtcTree } from './drivers/lab-etc';
import { HOST_MEMORY_KIB } from './host-kind';
import { newMemfs } from './memfs';
import { addMount, addSuperblock } from './mounts';
import { FIRST_DYNAMIC_INUM, INIT_NS_INUM, initialNamespaces } from './namespaces';
import { dirname } from './path';
import { startDaemons } from './processes';
import type { HostKernel, MountEntry, NsType, Superblock } from './types';
import { createVfs, type Vfs } from './vfs';
import './drivers/cgroupfs';
import './drivers/devtmpfs';
import './drivers/pmxcfs';
import './drivers/procfs';
import './drivers/sysfs';

const MiB = 1 << 20;
const GiB = 1 << 30;

/** An empty kernel state for a host. */
export function emptyKernel(hostname: string, now: number): HostKernel {
  return {
    devices: [],
    superblocks: {},
    spaces: {},
    namespaces: initialNamespaces(hostname),
    initNs: { ...INIT_NS_INUM } as Record<NsType, number>,
    processes: {},
    nextPid: 1,
    nextMountId: 22,
    nextInum: FIRST_DYNAMIC_INUM,
    nextSuperblock: 0,
    nextPty: 0,
    bootTime: now,
  };
}

/** A view of a host's files as root in its initial namespaces (for boot and engines). */
export function rootVfs(world: World, host: string): Vfs {
  return createVfs({ world, host, mntNs: hostKernel(world, host).initNs.mnt, uid: 0, gid: 0 });
}

/** The pool whose dataset is mounted at `/` on this host (Proxmox's rpool/ROOT/pve-1), if any. */
function rootDataset(host: Host): string | undefined {
  return host.datasets.find((d) => d.properties?.mountpoint === '/')?.name;
}

/**
 * Usable bytes of a pool, roughly: stripe adds, a mirror gives its smallest disk, RAIDZ-P
 * gives (N − P) × smallest, less the slop space (1/32, at least 128 MiB, at most 128 GiB).
 * A stand-in for df until the ZFS engine computes allocation exactly.
 */
export function approximatePoolBytes(host: Host, pool: string, partSize: (disk: string) => number): number {
  const p = host.pools.find((x) => x.name === pool);
  if (!p) return 0;
  let total = 0;
  for (const vdev of p.vdevs) {
    const sizes = vdev.disks.map(partSize);
    const min = Math.min(...sizes);
    if (vdev.type === 'stripe') total += sizes.reduce((a, b) => a + b, 0);
    else if (vdev.type === 'mirror') total += min;
    else total += (sizes.length - Number(vdev.type.slice(5))) * min;
  }
  const slop = Math.min(128 * GiB, Math.max(128 * MiB, Math.floor(total / 32)));
  return Math.max(0, total - slop);
}

/** Partitions a disk in a pool gets: the root pool as the Proxmox and TrueNAS installers lay it out, data pools as `zpool create` does. */
function poolPartitions(host: Host, pool: string, rootPool: string | undefined): PartitionSpec[] {
  if (pool === rootPool || (host.kind === 'truenas' && pool === 'boot-pool')) {
    // Proxmox's installer (Proxmox::Install partition_bootable_disk, sgdisk -a1 -n1:34:2047
    // -n2:2048:+1G -n3:0:0): BIOS boot 1007 KiB before the first MiB, EFI 1 GiB, ZFS the rest.
    // TrueNAS's installer: 1 MiB BIOS boot, 512 MiB EFI, the boot pool the rest.
    return host.kind === 'truenas'
      ? [{ size: MiB, typeName: 'BIOS boot' }, { size: 512 * MiB, typeName: 'EFI System', fstype: 'vfat' }, { size: 0, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' }]
      : [{ size: 1007 * 1024, start: 34 * 512, typeName: 'BIOS boot' }, { size: GiB, typeName: 'EFI System', fstype: 'vfat' }, { size: 0, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' }];
  }
  if (host.kind === 'truenas') return [{ size: 0, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' }];
  // libzfs zpool_label_disk(): partition 1 for data ("zfs-<guid>"), partition 9 of 8 MiB reserved at the end.
  return [{ size: -8 * MiB, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' }, { size: 8 * MiB, number: 9, typeName: 'Solaris reserved 1' }];
}

/** Debian 13's top-level tree (merged /usr: /bin, /sbin, /lib are links into /usr). */
const BASE_DIRS: [string, number][] = [
  ['/boot', 0o755], ['/dev', 0o755], ['/etc', 0o755], ['/etc/iscsi', 0o755], ['/etc/pve', 0o755], ['/home', 0o755], ['/media', 0o755], ['/mnt', 0o755],
  ['/opt', 0o755], ['/proc', 0o555], ['/root', 0o700], ['/run', 0o755], ['/srv', 0o755], ['/sys', 0o555], ['/tmp', 0o1777], ['/usr', 0o755],
  ['/usr/bin', 0o755], ['/usr/sbin', 0o755], ['/usr/lib', 0o755], ['/usr/lib64', 0o755], ['/usr/local', 0o755], ['/usr/local/bin', 0o755], ['/usr/share', 0o755],
  ['/var', 0o755], ['/var/cache', 0o755], ['/var/lib', 0o755], ['/var/log', 0o755], ['/var/spool', 0o755], ['/var/tmp', 0o1777],
];

/** mkdir -p through a view: each missing directory with `mode` (exactly: no umask), root-owned. */
export function mkdirs(vfs: Vfs, path: string, mode = 0o755): void {
  if (path === '/' || vfs.kind(path) !== null) return;
  mkdirs(vfs, dirname(path));
  vfs.mkdir(path, mode);
  vfs.setattr(path, { mode });
}

/**
 * Mounts a new filesystem at `path` in the host's initial mount namespace, making the
 * mountpoint directory first as `zfs mount` and systemd do. The one operation boot and the
 * engines use to bring a filesystem up (a dataset at its mountpoint, a tmpfs, later ext4 on a LUN).
 */
export function mountFilesystem(world: World, host: string, sb: Omit<Superblock, 'id'>, path: string, mountOptions: string): MountEntry {
  const made = addSuperblock(world, host, sb);
  mkdirs(rootVfs(world, host), path);
  return addMount(world, host, hostKernel(world, host).initNs.mnt, made.id, path, mountOptions);
}

/**
 * Mounts a pool's filesystem dataset where ZFS would (model/mountpoints.ts mountedPath, with
 * TrueNAS's /mnt altroot), drawing on the pool's space, with the ZFS engine's `zfs` driver
 * (engines/zfs/driver.ts: files as records and blocks, inodes kept as memfs keeps them).
 * Returns null for `none`, `legacy` and the root dataset.
 */
export function mountDataset(world: World, host: Host, dataset: string): MountEntry | null {
  const path = mountedPath(host, dataset);
  if (!path || path === '/') return null;
  const pool = dataset.split('/')[0] as string;
  const options = host.kind === 'truenas' ? 'rw,noatime' : 'rw,relatime';
  // A dataset mounted before keeps its files in its superblock: mount that one again.
  const k = hostKernel(world, host.name);
  const known = Object.values(k.superblocks).find((sb) => sb.driver === 'zfs' && sb.source === dataset);
  if (known) {
    mkdirs(rootVfs(world, host.name), path);
    return addMount(world, host.name, k.initNs.mnt, known.id, path, options);
  }
  return mountFilesystem(world, host.name, { driver: 'zfs', fstype: 'zfs', source: dataset, options: 'xattr,noacl,casesensitive', space: pool, persistent: true, data: newMemfs(world.clock) }, path, options);
}

/** Boots one host's kernel into `world.kernel[host.name]`. */
export function bootKernel(world: World, host: Host): void {
  const k = emptyKernel(host.hostname ?? host.name, world.clock);
  world.kernel[host.name] = k;
  const name = host.name;
  for (const disk of host.disks) addDisk(world, name, disk);

  // Partitions of pool disks, and the pools' space.
  const rootDs = rootDataset(host);
  const rootPool = rootDs?.split('/')[0];
  for (const pool of host.pools) {
    for (const disk of poolDisks(pool)) {
      const parts = poolPartitions(host, pool.name, rootPool);
      const total = k.devices.find((d) => d.name === disk)?.size ?? 0;
      partitionDisk(world, name, disk, parts.map((p) => (p.size < 0 ? { ...p, size: Math.floor((total - 2 * MiB + p.size) / MiB) * MiB } : p)));
    }
    const partSize = (disk: string): number => {
      const parts = k.devices.filter((d) => d.parent === disk && d.fstype === 'zfs_member');
      return parts[0]?.size ?? k.devices.find((d) => d.name === disk)?.size ?? 0;
    };
    k.spaces[pool.name] = { size: approximatePoolBytes(host, pool.name, partSize), used: 0 };
  }

  // The root filesystem: a ZFS root dataset (Proxmox on ZFS, TrueNAS's boot pool) or ext4 on the first disk.
  const mnt = k.initNs.mnt;
  let rootSb;
  if (rootDs) {
    rootSb = addSuperblock(world, name, { driver: 'memfs', fstype: 'zfs', source: rootDs, options: 'xattr,noacl,casesensitive', space: rootPool as string, data: newMemfs(world.clock, 0o755, 'lab-etc') });
  } else if (host.kind === 'truenas') {
    const bootPool = host.pools.find((p) => p.name === 'boot-pool') ? 'boot-pool' : host.pools[0]?.name;
    rootSb = addSuperblock(world, name, {
      driver: 'memfs',
      fstype: bootPool ? 'zfs' : 'ext4',
      source: bootPool ? `${bootPool}/ROOT/25.10.1` : '/dev/sda1',
      options: bootPool ? 'xattr,posixacl,casesensitive' : 'errors=remount-ro',
      ...(bootPool ? { space: bootPool } : { capacity: 16 * GiB }),
      data: newMemfs(world.clock, 0o755, 'lab-etc'),
    });
  } else {
    const first = k.devices.find((d) => d.type === 'disk' && !host.pools.some((p) => poolDisks(p).includes(d.name)));
    const part = first ? partitionDisk(world, name, first.name, [{ size: 0, typeName: 'Linux filesystem', fstype: 'ext4' }])[0] : undefined;
    rootSb = addSuperblock(world, name, {
      driver: 'memfs',
      fstype: 'ext4',
      source: part ? `/dev/${part.name}` : '/dev/root',
      options: 'errors=remount-ro',
      capacity: part ? Math.floor(part.size * 0.93) : 32 * GiB,
      data: newMemfs(world.clock, 0o755, 'lab-etc'),
    });
  }
  addMount(world, name, mnt, rootSb.id, '/', 'rw,relatime');
  const vfs = rootVfs(world, name);
  for (const [dir, mode] of BASE_DIRS) mkdirs(vfs, dir, mode);
  for (const [link, target] of [['/bin', 'usr/bin'], ['/sbin', 'usr/sbin'], ['/lib', 'usr/lib'], ['/lib64', 'usr/lib64']] as const) vfs.create(link, { type: 'symlink', mode: 0o777, target });
  for (const path of labEtcTree(host).keys()) mkdirs(vfs, dirname(path));
  for (const user of host.users) mkdirs(vfs, user.home ?? (user.name === 'root' ? '/root' : `/home/${user.name}`), user.name === 'root' ? 0o700 : 0o755);
  for (const user of host.users) if (user.name !== 'root') vfs.setattr(user.home ?? `/home/${user.name}`, { uid: user.uid, gid: user.gid });

  // The virtual filesystems, as systemd mounts them on Debian 13 (mount(8) output of a fresh install).
  const memKiB = HOST_MEMORY_KIB;
  const virtual: [string, string, string, string, string, string][] = [
    ['sysfs', 'sysfs', 'sysfs', '/sys', 'rw,nosuid,nodev,noexec,relatime', ''],
    ['procfs', 'proc', 'proc', '/proc', 'rw,relatime', ''],
    ['devtmpfs', 'devtmpfs', 'udev', '/dev', 'rw,nosuid,relatime', `size=${memKiB / 2}k,nr_inodes=${memKiB / 8},mode=755,inode64`],
    ['memfs', 'devpts', 'devpts', '/dev/pts', 'rw,nosuid,noexec,relatime', 'gid=5,mode=620,ptmxmode=000'],
    ['memfs', 'tmpfs', 'tmpfs', '/run', 'rw,nosuid,nodev,noexec,relatime', `size=${Math.floor(memKiB / 40) * 4}k,mode=755,inode64`],
    ['cgroupfs', 'cgroup2', 'cgroup2', '/sys/fs/cgroup', 'rw,nosuid,nodev,noexec,relatime', ''],
    ['memfs', 'tmpfs', 'tmpfs', '/dev/shm', 'rw,nosuid,nodev', 'inode64'],
    ['memfs', 'tmpfs', 'tmpfs', '/run/lock', 'rw,nosuid,nodev,noexec,relatime', 'size=5120k,inode64'],
  ];
  for (const [driver, fstype, source, path, mountOpts, sbOpts] of virtual) {
    const capacity = fstype === 'tmpfs' ? (path === '/run/lock' ? 5 * MiB : path === '/run' ? Math.floor(memKiB / 40) * 4 * 1024 : (memKiB / 2) * 1024) : 0;
    mountFilesystem(world, name, { driver, fstype, source, options: sbOpts, capacity, data: driver === 'memfs' ? newMemfs(world.clock, path === '/dev/shm' ? 0o1777 : 0o755) : null }, path, mountOpts);
  }
  if (host.kind === 'proxmox') {
    // pve-cluster: pmxcfs is a FUSE filesystem on /etc/pve.
    const sb = addSuperblock(world, name, { driver: 'pmxcfs', fstype: 'fuse', source: '/dev/fuse', options: 'user_id=0,group_id=0,default_permissions,allow_other', data: null });
    addMount(world, name, mnt, sb.id, '/etc/pve', 'rw,nosuid,nodev,relatime');
  }

  // Datasets: each pool's filesystems at their mountpoints, parents first.
  for (const ds of [...host.pools.map((p) => p.name), ...host.datasets.map((d) => d.name)]) {
    if (ds === rootDs || (host.kind === 'truenas' && ds.split('/')[0] === 'boot-pool')) continue;
    mountDataset(world, host, ds);
  }
  // Storage directories Proxmox creates for a `dir` storage (pve-storage DirPlugin activate_storage).
  for (const s of host.proxmox?.storage ?? []) {
    if (s.type !== 'dir') continue;
    for (const sub of ['', '/template/cache', '/template/iso', '/dump', '/images', '/private', '/snippets']) mkdirs(vfs, s.path + sub);
  }
  startDaemons(world, name, host.kind);
}
