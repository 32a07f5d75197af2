/**
 * How long a simulated `dd` takes: a deterministic throughput model, so the seconds and
 * rate on its last line (and the virtual clock) depend only on what was copied, from where
 * to where. Representative figures, not measurements of any one machine:
 * - /dev/zero reads at 10 GB/s, /dev/urandom and /dev/random at 400 MB/s (the kernel's
 *   ChaCha20 generator on one core), /dev/null takes writes for free;
 * - regular files are read from the page cache at 5 GB/s and written into it at 2 GB/s;
 *   with conv=fsync/fdatasync the written bytes are then flushed at the disk's speed, and
 *   oflag=sync/dsync/direct writes at the disk's speed throughout;
 * - disks by type: HDD 200 MB/s, SATA SSD 520 MB/s, NVMe 3.2 GB/s, virtual 1 GB/s, an
 *   iSCSI LUN 110 MB/s (gigabit Ethernet); a file's disk is its pool's slowest disk (ZFS)
 *   or its partition's disk; tmpfs is memory;
 * - each read(2) and write(2) costs 1 µs, and starting up 30 µs.
 */
import type { World } from '../engines/world';
import type { BlockDevice, Superblock } from '../engines/kernel/types';

/** Bytes per second. */
export const RATE = {
  zero: 10e9,
  random: 400e6,
  pageCacheRead: 5e9,
  pageCacheWrite: 2e9,
  memory: 5e9,
  pipe: 2e9,
  hdd: 200e6,
  ssd: 520e6,
  nvme: 3.2e9,
  virtual: 1e9,
  iscsi: 110e6,
} as const;

/** Nanoseconds per read(2) or write(2), and to start. */
export const SYSCALL_NS = 1000;
export const STARTUP_NS = 30_000;

/** The speed of a block device (a partition goes at its disk's speed). */
export function deviceRate(world: World, host: string, dev: BlockDevice): number {
  const devices = world.kernel[host]?.devices ?? [];
  const whole = dev.type === 'part' ? (devices.find((d) => d.name === dev.parent) ?? dev) : dev;
  if (whole.transport === 'iscsi') return RATE.iscsi;
  if (whole.rotational) return RATE.hdd;
  if (whole.transport === 'nvme') return RATE.nvme;
  if (whole.transport === 'sata') return RATE.ssd;
  return RATE.virtual;
}

/** The speed of the disks under a filesystem: memory for tmpfs, the slowest disk of a ZFS pool, the disk of a partition. */
export function filesystemRate(world: World, host: string, sb: Superblock): number {
  if (sb.fstype === 'tmpfs' || sb.fstype === 'ramfs' || sb.fstype === 'devtmpfs') return RATE.memory;
  const devices = world.kernel[host]?.devices ?? [];
  if (sb.fstype === 'zfs') {
    const pool = sb.space ?? sb.source.split('/')[0];
    const lab = world.lab.hosts.find((h) => h.name === host);
    const disks = lab?.pools.find((p) => p.name === pool)?.vdevs.flatMap((v) => v.disks) ?? [];
    const rates = disks.map((d) => devices.find((x) => x.name === d)).filter((d): d is BlockDevice => d !== undefined).map((d) => deviceRate(world, host, d));
    return rates.length > 0 ? Math.min(...rates) : RATE.virtual;
  }
  const dev = devices.find((d) => `/dev/${d.name}` === sb.source);
  return dev ? deviceRate(world, host, dev) : RATE.virtual;
}

/** What a copy did, for its duration. */
export interface CopyWork {
  readCalls: number;
  writeCalls: number;
  bytesRead: number;
  bytesWritten: number;
  /** Bytes per second of the source and the target (Infinity: free). */
  readRate: number;
  writeRate: number;
  /** Bytes flushed at the end (conv=fsync) and how fast. */
  flushBytes?: number;
  flushRate?: number;
}

/** The copy's duration in nanoseconds. */
export function copyNanoseconds(work: CopyWork): number {
  const t = (bytes: number, rate: number): number => (rate === Infinity || bytes === 0 ? 0 : (bytes * 1e9) / rate);
  return Math.round(
    STARTUP_NS + SYSCALL_NS * (work.readCalls + work.writeCalls) + t(work.bytesRead, work.readRate) + t(work.bytesWritten, work.writeRate) + t(work.flushBytes ?? 0, work.flushRate ?? Infinity),
  );
}
