/**
 * What dd's `if=` and `of=` name, once opened (coreutils 9.7 dd.c main(): the input is
 * opened first, then the output with O_CREAT unless conv=nocreat, O_EXCL with conv=excl,
 * O_TRUNC unless conv=notrunc or seek=): a regular file (its content descriptors), a
 * character device (/dev/zero, /dev/urandom, /dev/null, /dev/full by their device numbers),
 * a disk (/dev/sda: accepted and counted, its contents are not stored), standard input or
 * output. An open that fails is the errno open(2) gives, which dd prints as
 * `failed to open 'NAME': ...`.
 */
import type { Errno } from '../engines/kernel/errno';
import type { BlockDevice } from '../engines/kernel/types';
import type { CommandContext } from './command-spec';
import { RATE, deviceRate, filesystemRate } from './dd-throughput';
import type { DdOperands } from './dd-operands';
import { dirname, resolvePath } from './path';

/** Where dd reads from. */
export type DdSource =
  /** A stream without end: /dev/zero (and /dev/full, which reads as zeros) or /dev/urandom and /dev/random. */
  | { kind: 'stream'; data: 'zero' | 'random'; rate: number }
  /** A regular file (or a /proc file) read through the VFS; `size` is st_size (0 for /proc). */
  | { kind: 'file'; path: string; size: number; rate: number }
  /** A disk or partition: `size` bytes that read as zeros (contents are not stored). */
  | { kind: 'block'; device: BlockDevice; size: number; rate: number }
  /** Standard input (a pipe, or a file with `<`), or a device that reads nothing (/dev/null). */
  | { kind: 'stdin'; text: string; seekable: boolean; rate: number }
  /** A directory: opening works, reading fails with EISDIR. */
  | { kind: 'dir'; rate: number };

/** Where dd writes to. */
export type DdTarget =
  | { kind: 'stdout'; fd: 1 | 2; rate: number }
  /** A character device that takes writes (/dev/null, /dev/zero...) or refuses them (/dev/full: ENOSPC). */
  | { kind: 'sink'; refuse: Errno | null; rate: number }
  /** A regular file on a filesystem; `disk` is the speed of the disks under it. */
  | { kind: 'file'; path: string; rate: number; disk: number }
  /** A file in /proc: opening works for root, writing fails with EIO (procfs files without a write handler). */
  | { kind: 'proc'; rate: number }
  | { kind: 'block'; device: BlockDevice; size: number; rate: number };

/** An opened endpoint or the errno of the failed open. */
export type Opened<T> = { ok: true; value: T } | { ok: false; errno: Errno };

/** The disk group of Debian (base-passwd), which may open disks besides root. */
const DISK_GID = 6;
/** A character device by its major:minor (Documentation/admin-guide/devices.txt). */
const CHAR = { null: '1:3', zero: '1:5', full: '1:7', random: '1:8', urandom: '1:9', tty: '5:0' } as const;

function blockDevice(ctx: CommandContext, rdev: [number, number] | undefined): BlockDevice | undefined {
  return rdev ? ctx.world.kernel[ctx.vfs.host]?.devices.find((d) => d.major === rdev[0] && d.minor === rdev[1]) : undefined;
}

/** Disks are 0660 root:disk (udev 50-udev-default.rules): others get EACCES. */
function mayOpenDisk(ctx: CommandContext): boolean {
  return ctx.proc.uid === 0 || ctx.proc.gid === DISK_GID;
}

/** The stat(2) of `path` as open(2) would see it: nofollow refuses a final symbolic link (ELOOP). */
function statFor(ctx: CommandContext, path: string, nofollow: boolean): ReturnType<CommandContext['vfs']['stat']> {
  if (nofollow) {
    const l = ctx.vfs.stat(path, false);
    if (l.ok && l.value.type === 'symlink') return { ok: false, errno: 'ELOOP' };
  }
  return ctx.vfs.stat(path);
}

/** Opens `if=` (null: standard input). */
export function openSource(ctx: CommandContext, ops: DdOperands): Opened<DdSource> {
  const stdin = (): Opened<DdSource> => ({ ok: true, value: { kind: 'stdin', text: ctx.stdin ?? '', seekable: ctx.stdinIsFile, rate: RATE.pipe } });
  if (ops.input === null) return stdin();
  const path = resolvePath(ctx.cwd, ops.input);
  if (path === '/dev/stdin') return stdin();
  const st = statFor(ctx, path, ops.iflag.has('nofollow'));
  if (!st.ok) return st;
  const attr = st.value;
  if (ops.iflag.has('directory') && attr.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
  if (attr.type === 'dir') return { ok: true, value: { kind: 'dir', rate: RATE.pageCacheRead } };
  if (attr.type === 'chr') {
    const id = `${attr.rdev?.[0]}:${attr.rdev?.[1]}`;
    if (id === CHAR.zero || id === CHAR.full) return { ok: true, value: { kind: 'stream', data: 'zero', rate: RATE.zero } };
    if (id === CHAR.random || id === CHAR.urandom) return { ok: true, value: { kind: 'stream', data: 'random', rate: RATE.random } };
    if (id === CHAR.tty) return stdin();
    // /dev/null and the other character devices read nothing here.
    return { ok: true, value: { kind: 'stdin', text: '', seekable: true, rate: RATE.zero } };
  }
  if (attr.type === 'blk') {
    const device = blockDevice(ctx, attr.rdev);
    if (!device) return { ok: false, errno: 'ENODEV' };
    if (!mayOpenDisk(ctx)) return { ok: false, errno: 'EACCES' };
    return { ok: true, value: { kind: 'block', device, size: device.size, rate: deviceRate(ctx.world, ctx.vfs.host, device) } };
  }
  return { ok: true, value: { kind: 'file', path, size: attr.size, rate: RATE.pageCacheRead } };
}

/** What opening `of=` did: the target, and a problem with the ftruncate that seek= asks for (reported, then the copy goes on). */
export type OpenedTarget = { ok: true; value: DdTarget; truncateErrno?: Errno } | { ok: false; errno: Errno };

/**
 * Opens `of=` (null: standard output), creating and truncating as dd does. `seekBytes` is
 * where writing starts; `seekRecords` says whether seek= named whole blocks (then the file is
 * cut there with ftruncate instead of being opened with O_TRUNC).
 */
export function openTarget(ctx: CommandContext, ops: DdOperands, seekBytes: number): OpenedTarget {
  if (ops.output === null) return { ok: true, value: { kind: 'stdout', fd: 1, rate: RATE.pipe } };
  const path = resolvePath(ctx.cwd, ops.output);
  if (path === '/dev/stdout') return { ok: true, value: { kind: 'stdout', fd: 1, rate: RATE.pipe } };
  if (path === '/dev/stderr') return { ok: true, value: { kind: 'stdout', fd: 2, rate: RATE.pipe } };
  const notrunc = ops.conv.has('notrunc');
  let st = statFor(ctx, path, ops.oflag.has('nofollow'));
  if (!st.ok && st.errno === 'ENOENT' && !ops.conv.has('nocreat')) {
    const made = ctx.vfs.create(path, { type: 'file' });
    if (!made.ok) {
      // procfs has no create: the kernel's lookup of the new name already fails with ENOENT.
      const parent = ctx.vfs.resolve(dirname(path));
      return { ok: false, errno: parent.ok && parent.value.sb.driver === 'procfs' ? 'ENOENT' : made.errno };
    }
    st = ctx.vfs.stat(path);
  } else if (st.ok && ops.conv.has('excl')) return { ok: false, errno: 'EEXIST' };
  if (!st.ok) return st;
  const attr = st.value;
  if (attr.type === 'dir') return { ok: false, errno: 'EISDIR' };
  if (ops.oflag.has('directory')) return { ok: false, errno: 'ENOTDIR' };
  if (attr.type === 'chr') {
    const id = `${attr.rdev?.[0]}:${attr.rdev?.[1]}`;
    if (id === CHAR.tty) return { ok: true, value: { kind: 'stdout', fd: 1, rate: RATE.pipe } };
    return { ok: true, value: { kind: 'sink', refuse: id === CHAR.full ? 'ENOSPC' : null, rate: Infinity } };
  }
  if (attr.type === 'blk') {
    const device = blockDevice(ctx, attr.rdev);
    if (!device) return { ok: false, errno: 'ENODEV' };
    if (!mayOpenDisk(ctx)) return { ok: false, errno: 'EACCES' };
    return { ok: true, value: { kind: 'block', device, size: device.size, rate: deviceRate(ctx.world, ctx.vfs.host, device) } };
  }
  const where = ctx.vfs.resolve(path);
  if (where.ok && where.value.sb.driver === 'procfs') return { ok: true, value: { kind: 'proc', rate: RATE.pipe } };
  const disk = where.ok ? filesystemRate(ctx.world, ctx.vfs.host, where.value.sb) : RATE.virtual;
  const value: DdTarget = { kind: 'file', path, rate: RATE.pageCacheWrite, disk };
  // O_TRUNC when neither seek= (in blocks) nor conv=notrunc; open(2) fails on a read-only file system.
  const seekRecords = ops.seek.records > 0;
  if (!seekRecords && !notrunc) {
    const cut = ctx.vfs.resize(path, 0);
    return cut.ok ? { ok: true, value } : { ok: false, errno: cut.errno };
  }
  // Opened for writing without truncation: a write of nothing tells whether writing is allowed.
  const probe = ctx.vfs.writeContent(path, [], { offset: attr.size });
  if (!probe.ok) return { ok: false, errno: probe.errno };
  if (seekRecords && !notrunc) {
    const cut = ctx.vfs.resize(path, seekBytes);
    if (!cut.ok) return { ok: true, value, truncateErrno: cut.errno };
  }
  return { ok: true, value };
}
