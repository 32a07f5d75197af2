/**
 * The filesystem-driver interface: what a filesystem must answer for the VFS to resolve
 * paths, list, read and change files in it. Drivers work on inode numbers inside one
 * superblock; the VFS (vfs.ts) walks paths and mounts. Engines add their own drivers
 * (the ZFS engine a `zfs` driver, the kernel issue `nfs`, the iSCSI issue `ext4`) with
 * registerDriver; a driver keeps its state inside its superblock's `data` (plain JSON).
 * Every operation returns a value or an Errno; none throws for anything a reader can do.
 */
import type { World } from '../world';
import type { Content } from './content';
import type { Errno } from './errno';
import type { Attr, NodeType, StatFs, Superblock } from './types';

/** What a driver call is about: the World, the host and the superblock. */
export interface FsEnv {
  world: World;
  host: string;
  sb: Superblock;
  /** The process looking (procfs's /proc/self), when known. */
  pid?: number;
  /**
   * Computed trees kept for the life of one VFS view (one command), cleared by every change
   * made through that view; a command that changes engine state directly takes a new view.
   */
  cache?: Map<string, unknown>;
}

/** A new inode's attributes. */
export interface NewNode {
  type: NodeType;
  mode: number;
  uid: number;
  gid: number;
  rdev?: [number, number];
  target?: string;
}

/** Attributes that chmod, chown and touch change. */
export interface AttrChange {
  mode?: number;
  uid?: number;
  gid?: number;
  atime?: number;
  mtime?: number;
}

/** A filesystem driver. Missing mutating operations mean the filesystem cannot be changed (`readOnlyErrno`). */
export interface FsDriver {
  name: string;
  /** The errno a change to this filesystem gets when the driver has no such operation: EROFS, or EACCES for procfs/sysfs. */
  readOnlyErrno: Errno;
  /**
   * Files open for writing and only the write fails (procfs: a file without a write handler
   * gives EIO from proc_reg_write), so an empty write (`>` truncating) succeeds.
   */
  failsAtWrite?: boolean;
  /** The errno for creating a name that does not exist (default `readOnlyErrno`; procfs: ENOENT). */
  createErrno?: Errno;
  /** The errno for removing or renaming a name (default `readOnlyErrno`; procfs: EPERM). */
  removeErrno?: Errno;
  /** The errno for chmod/chown/utimes (default `readOnlyErrno`). */
  setattrErrno?: Errno;
  root(env: FsEnv): number;
  getattr(env: FsEnv, ino: number): Attr | null;
  lookup(env: FsEnv, dir: number, name: string): number | Errno;
  readdir(env: FsEnv, dir: number): string[] | Errno;
  read(env: FsEnv, ino: number): Content | Errno;
  statfs(env: FsEnv): StatFs;
  /** Writes `data` at `offset`; `truncate` drops what follows it. */
  write?(env: FsEnv, ino: number, data: Content, offset: number, truncate: boolean): Errno | null;
  /** Sets the size (ftruncate). */
  resize?(env: FsEnv, ino: number, size: number): Errno | null;
  create?(env: FsEnv, dir: number, name: string, node: NewNode): number | Errno;
  /** Removes a name; directories only when empty (rmdir). */
  remove?(env: FsEnv, dir: number, name: string): Errno | null;
  /** Moves a name inside this filesystem (rename(2); the VFS refuses moves between filesystems with EXDEV). */
  rename?(env: FsEnv, fromDir: number, fromName: string, toDir: number, toName: string): Errno | null;
  setattr?(env: FsEnv, ino: number, change: AttrChange): Errno | null;
}

const DRIVERS = new Map<string, FsDriver>();

/** Makes a driver available to superblocks whose `driver` is its name. */
export function registerDriver(driver: FsDriver): void {
  DRIVERS.set(driver.name, driver);
}

/** The driver for a superblock, or undefined when no such driver is registered. */
export function driverFor(sb: Superblock): FsDriver | undefined {
  return DRIVERS.get(sb.driver);
}
