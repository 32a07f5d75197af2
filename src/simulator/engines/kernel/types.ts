/**
 * The kernel's state for one host, as plain JSON: block devices, superblocks (mounted
 * filesystems), namespaces (each mount namespace with its mount table), processes, and
 * shared space pools. Drivers keep their own data inside their superblock.
 */
import type { Content } from './content';

/** What an inode is (the `ls -l` first letter: - d l c b p s). */
export type NodeType = 'file' | 'dir' | 'symlink' | 'chr' | 'blk' | 'fifo' | 'sock';

/** stat(2) of an inode, IDs as stored on disk (host IDs; namespaces translate them). */
export interface Attr {
  ino: number;
  type: NodeType;
  /** Permission bits with setuid/setgid/sticky (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  size: number;
  /** 512-byte blocks allocated (st_blocks). */
  blocks: number;
  /** Preferred I/O size (st_blksize). */
  blksize: number;
  /** Times in virtual ms since the epoch. */
  atime: number;
  mtime: number;
  ctime: number;
  /** Device numbers of a character or block device. */
  rdev?: [number, number];
  /** A symlink's target. */
  target?: string;
}

/** statfs(2) of a filesystem, in bytes and inodes (what `df` shows). */
export interface StatFs {
  /** Fundamental block size (f_frsize). */
  bsize: number;
  size: number;
  used: number;
  avail: number;
  files: number;
  ffree: number;
}

/** A mounted filesystem: one per mount of a device or dataset; bind mounts share it. */
export interface Superblock {
  id: string;
  /** The driver that implements it (`memfs`, `procfs`, `devtmpfs`, `sysfs`, `pmxcfs`; later `zfs`, `ext4`, `nfs`). */
  driver: string;
  /** The type `mount` and `df -T` show (`zfs`, `ext4`, `proc`, `fuse`, `tmpfs`...). */
  fstype: string;
  /** What was mounted: a device path, a dataset name, `proc`, `udev`. */
  source: string;
  /** Filesystem-wide options shown after the per-mount ones (`xattr,noacl,casesensitive`). */
  options: string;
  /** Mounted read-only: writes fail with EROFS. */
  readOnly?: boolean;
  /** Capacity in bytes for filesystems that own their space (tmpfs, ext4); datasets use `space`. */
  capacity?: number;
  /** A shared space pool (a ZFS pool) whose free bytes this filesystem draws from. */
  space?: string;
  /** The driver's own data (memfs: its inode table). */
  data: unknown;
  /**
   * The files belong to what was mounted (a dataset on its pool), not to the mount: the
   * superblock outlives an umount and the next mount of the same source takes it again.
   * Without it (tmpfs), the last umount drops the files, as on Linux.
   */
  persistent?: boolean;
}

/** A pool of bytes several filesystems share (the simulator's stand-in for a ZFS pool's free space until the ZFS engine). */
export interface Space {
  size: number;
  used: number;
}

/** One line of a mount table (/proc/self/mountinfo). */
export interface MountEntry {
  /** Mount ID, unique per host. */
  id: number;
  /** The mount this one sits on (0 for the root). */
  parent: number;
  /** Where it is mounted, an absolute path in its namespace. */
  path: string;
  sb: string;
  /** The directory of the filesystem it shows (`/` except for bind mounts). */
  root: string;
  /** Per-mount options (`rw,nosuid,nodev,relatime`). */
  options: string;
  /** An idmapped mount (mount_setattr(2) MOUNT_ATTR_IDMAP): on-disk IDs shown as other kernel IDs; idmapped-mount.ts. */
  idmap?: MountIdmapExtent[];
}

/** One extent of an idmapped mount: on-disk IDs `disk…disk+count-1` are kernel IDs `kernel…`. */
export interface MountIdmapExtent {
  type: 'u' | 'g';
  disk: number;
  kernel: number;
  count: number;
}

/** Namespace types (namespaces(7)). */
export type NsType = 'mnt' | 'uts' | 'ipc' | 'pid' | 'net' | 'user' | 'cgroup' | 'time';

/** An ID map line: IDs `inside … inside+count` are `outside … outside+count` in the parent namespace. */
export interface IdMapEntry {
  inside: number;
  outside: number;
  count: number;
}

/** A namespace object. Type-specific parts are filled for that type only. */
export interface Namespace {
  /** The inode number /proc/PID/ns/TYPE shows (`mnt:[4026531841]`). */
  inum: number;
  type: NsType;
  /** The parent namespace (pid and user namespaces nest). */
  parent?: number;
  /** The user namespace that owns it. */
  owner?: number;
  /** user: uid_map and gid_map (empty until written, identity for the initial one). */
  uidMap?: IdMapEntry[];
  gidMap?: IdMapEntry[];
  /** mnt: the mount table. */
  mounts?: MountEntry[];
  /** uts: the host name. */
  hostname?: string;
  /** pid: the next PID given out inside (1 for the first process, its init). */
  nextPid?: number;
  /** cgroup: the cgroup that is `/` inside (cgroup_namespaces(7)); the real root when left out. */
  cgroupRoot?: string;
}

/** A process. `pid` is its PID in the host's initial PID namespace. */
export interface Process {
  pid: number;
  ppid: number;
  /** PIDs in each PID namespace it is in, outermost first (/proc/PID/status NSpid). */
  nspid: number[];
  uid: number;
  gid: number;
  /** The command name (`comm`, 15 characters at most). */
  comm: string;
  /** argv, as /proc/PID/cmdline has it. */
  args: string[];
  cwd: string;
  /** The controlling terminal (`pts/0`) or null. */
  tty: string | null;
  /** R running, S sleeping, I idle kernel thread... */
  state: string;
  /** Start time, virtual ms. */
  start: number;
  /** Virtual memory and resident set, KiB. */
  vsz: number;
  rss: number;
  /** The namespaces it is in, by inode number. */
  ns: Record<NsType, number>;
  /** A kernel thread (`[kthreadd]`, no memory, no cmdline). */
  kernel?: boolean;
  /** Its cgroup v2 path (`/lxc/101/ns/init.scope`); the root cgroup when left out. */
  cgroup?: string;
}

/** How a block device is backed. */
export type Backing =
  | { kind: 'disk'; disk: string }
  | { kind: 'partition'; of: string; start: number }
  | { kind: 'zvol'; dataset: string }
  | { kind: 'iscsi'; target: string; portal: string; lun: number };

/** A block device in the registry (/dev, /sys/block, lsblk). */
export interface BlockDevice {
  name: string;
  major: number;
  minor: number;
  /** Bytes. */
  size: number;
  logicalSector: number;
  physicalSector: number;
  type: 'disk' | 'part';
  /** The whole disk a partition belongs to, and its number. */
  parent?: string;
  partition?: number;
  model: string;
  /** SCSI vendor (sysfs device/vendor): `ATA` for SATA disks; an iSCSI LUN reports its target's (SCST on TrueNAS: `TrueNAS`, LIO: `LIO-ORG`). */
  vendor?: string;
  serial: string;
  /** Spinning disk (lsblk ROTA). */
  rotational: boolean;
  removable: boolean;
  readOnly: boolean;
  /** Transport (lsblk TRAN): sata, nvme, iscsi, virtio... */
  transport: string;
  /** Partition type name and label (lsblk PARTTYPENAME, PARTLABEL). */
  partTypeName?: string;
  partLabel?: string;
  /** Filesystem signature on it (lsblk FSTYPE, blkid). */
  fstype?: string;
  backing: Backing;
}

/** The kernel state of one host. */
export interface HostKernel {
  devices: BlockDevice[];
  superblocks: Record<string, Superblock>;
  spaces: Record<string, Space>;
  /** Namespaces by inode number. */
  namespaces: Record<string, Namespace>;
  /** The initial namespaces (what PID 1 is in). */
  initNs: Record<NsType, number>;
  processes: Record<string, Process>;
  nextPid: number;
  nextMountId: number;
  nextInum: number;
  nextSuperblock: number;
  /** Number of the next pseudo-terminal (/dev/pts/N). */
  nextPty: number;
  /** Boot time, virtual ms (/proc/uptime, ps START of the daemons). */
  bootTime: number;
  /** cgroup v2 groups below the root, by path (`/lxc/101`); cgroup.ts. */
  cgroups?: Record<string, Cgroup>;
  /** The kernel ring buffer (dmesg): lines with their time since boot in ms. */
  log?: { at: number; text: string }[];
}

/** A cgroup v2 group with the limits and counters the handbook reads (cgroup-v2.rst). */
export interface Cgroup {
  /** memory.max and memory.high in bytes; null is `max`. */
  memoryMax: number | null;
  memoryHigh: number | null;
  /** memory.swap.max in bytes; null is `max`. */
  swapMax: number | null;
  /** pids.max; null is `max`. */
  pidsMax: number | null;
  /** cpu.max: quota and period in µs; quota null is `max`. */
  cpuQuota: number | null;
  cpuPeriod: number;
  /** memory.events counters. */
  events: { low: number; high: number; max: number; oom: number; oom_kill: number };
  /** pids.events `max`: forks refused. */
  pidsRefused: number;
}

/** The memfs driver's data: an inode table. */
export interface MemfsData {
  inodes: Record<string, StoredInode>;
  next: number;
  root: number;
  /** Derived files shown on top (the lab's /etc files): the overlay's name in the driver registry. */
  overlay?: string;
}

/** An inode stored by memfs. */
export interface StoredInode {
  type: NodeType;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  atime: number;
  mtime: number;
  ctime: number;
  content?: Content;
  /** Directory entries: name → inode number. */
  entries?: Record<string, number>;
  /** A directory's parent inode (the root is its own parent). */
  parent?: number;
  rdev?: [number, number];
  target?: string;
}
