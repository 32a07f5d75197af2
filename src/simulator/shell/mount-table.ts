/**
 * The mount table as util-linux's libmount reads it from /proc/self/mountinfo, for mount,
 * findmnt and lsblk: one entry per mount of the process's namespace, with the superblock's
 * type and source, the per-mount (VFS) and filesystem options, and the options merged as
 * libmount merges them (libmount/src/fs.c merge_optstr: `rw` or `ro` first, then the VFS
 * options, then the filesystem's, without their own `rw`/`ro`).
 */
import { superblockDev } from '../engines/kernel/drivers/procfs';
import type { World } from '../engines/world';
import type { Vfs } from './vfs';

/** A libmount filesystem entry (struct libmnt_fs from a mountinfo line). */
export interface MountFs {
  id: number;
  parent: number;
  /** `MAJ:MIN` of the filesystem (mountinfo field 3). */
  devno: string;
  /** The directory of the filesystem this mount shows (`/` except for bind mounts). */
  root: string;
  target: string;
  source: string;
  fstype: string;
  /** Per-mount options (`rw,relatime`). */
  vfsOptions: string;
  /** Superblock options as mountinfo has them (`rw,xattr,noacl`). */
  fsOptions: string;
  /** What `mount` and findmnt OPTIONS show. */
  options: string;
}

/** libmount utils.c pseudofs[]: filesystems without a device (findmnt --real/--pseudo, -D). */
const PSEUDO_FS = new Set([
  'anon_inodefs', 'apparmorfs', 'autofs', 'bdev', 'binder', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'cpuset', 'debugfs', 'devfs', 'devpts',
  'devtmpfs', 'dlmfs', 'dmabuf', 'drm', 'efivarfs', 'fuse', 'fuse.archivemount', 'fuse.avfsd', 'fuse.dumpfs', 'fuse.encfs', 'fuse.gvfs-fuse-daemon',
  'fuse.gvfsd-fuse', 'fuse.lxcfs', 'fuse.portal', 'fuse.rofiles-fuse', 'fuse.vmware-vmblock', 'fuse.xwmfs', 'fusectl', 'hugetlbfs', 'ipathfs', 'mqueue',
  'nfsd', 'none', 'nsfs', 'overlay', 'pidfs', 'pipefs', 'proc', 'pstore', 'ramfs', 'resctrl', 'rootfs', 'rpc_pipefs', 'securityfs', 'selinuxfs',
  'smackfs', 'sockfs', 'spufs', 'sysfs', 'tmpfs', 'tracefs', 'vboxsf', 'virtiofs',
]);

/** mnt_fs_is_pseudofs(). */
export function isPseudoFs(fstype: string): boolean {
  return PSEUDO_FS.has(fstype);
}

/** merge_optstr(): one option string from the VFS and filesystem ones, `rw`/`ro` once and first. */
export function mergeOptions(vfs: string, fs: string): string {
  if (vfs === fs) return vfs;
  const all = [...vfs.split(','), ...fs.split(',')].filter((o) => o !== '');
  const ro = all.includes('ro');
  const rest = all.filter((o) => o !== 'rw' && o !== 'ro');
  return [ro ? 'ro' : 'rw', ...rest].join(',');
}

/** The entries of the mount table `vfs` sees, in mountinfo order. */
export function mountEntries(world: World, vfs: Vfs): MountFs[] {
  const k = world.kernel[vfs.host];
  if (!k) return [];
  const out: MountFs[] = [];
  for (const m of vfs.mounts()) {
    const sb = k.superblocks[m.sb];
    if (!sb) continue;
    // procfs mountinfo: super options are "rw"/"ro" followed by the superblock's own.
    const fsOptions = [sb.readOnly ? 'ro' : 'rw', sb.options].filter((o) => o !== '').join(',');
    out.push({
      id: m.id,
      // procfs writes the root's parent as 1, as a host's initial namespace shows it.
      parent: m.parent === 0 ? 1 : m.parent,
      devno: superblockDev(m.sb, world, vfs.host),
      root: m.root,
      target: m.path,
      source: sb.source,
      fstype: sb.fstype,
      vfsOptions: m.options,
      fsOptions,
      options: mergeOptions(m.options, fsOptions),
    });
  }
  return out;
}

/**
 * lib/match.c match_fstype(): does `type` match a `-t` list such as `ext4,zfs`? A leading
 * `no` negates the whole list (`nozfs,tmpfs` is neither), and `noTYPE` items exclude.
 */
export function matchFstype(type: string, pattern: string): boolean {
  let no = false;
  let list = pattern;
  if (list.startsWith('no')) {
    no = true;
    list = list.slice(2);
  }
  const lower = type.toLowerCase();
  for (const item of list.split(',')) {
    const it = item.toLowerCase();
    if (it.startsWith('no') && it.slice(2) === lower) return false;
    if (it === lower) return !no;
  }
  return no;
}
