/**
 * The ZFS engine's slot of the World (`world.engines.zfs`), as plain JSON: per host, the
 * runtime state of its pools (vdevs, txgs, datasets with their block trees and snapshots)
 * and volumes (their bytes as content descriptors and the /dev/zdN they appear as).
 * Configuration (which pools, datasets and zvols exist, their properties) lives in the lab
 * model; this is what a real pool keeps on its disks.
 */
import type { Content } from '../kernel/content';
import type { World } from '../world';

/** Runtime state of one zvol. */
export interface ZvolState {
  /** Full dataset name (`tank/vol`). */
  dataset: string;
  /** Its block device (`zd0`, `zd16`: minors 16 apart, zvol_os.c ZVOL_MINOR_BITS 4). */
  device: string;
  /** Bytes (volsize, a multiple of volblocksize). */
  volsize: number;
  volblocksize: number;
  /** Bytes the volume reserves in its pool (0 when sparse). */
  refreservation: number;
  /** Its bytes: a hole where nothing was written (a sparse volume reads zeros there). */
  data: Content;
  /** Bytes charged to the pool's space: max(refreservation, allocated blocks). */
  charged: number;
}

/**
 * A block pointer, packed as a tuple to keep the state small (1 GiB of 128K records is
 * 8,192 of them): birth txg, logical size, physical size (after compression), allocated
 * size (sectors and RAIDZ parity), the checksum of the child, and one DVA (top-level vdev,
 * offset). sys/spa.h blkptr_t holds up to three DVAs; copies=1 needs one.
 */
export type BlockPointer = [birth: number, lsize: number, psize: number, asize: number, checksum: string, vdev: number, offset: number];

/** A block pointer as stored (block-pointer.ts packBp). */
export type PackedBlockPointer = string;

/** The block tree of one file (a dnode): a block pointer per record, null for a hole. */
export interface ObjectState {
  /** Bytes per record (the dataset's recordsize when the file outgrew one block). */
  blksz: number;
  blocks: (PackedBlockPointer | null)[];
}

/** A snapshot: a txg mark (O(1): nothing is copied when it is taken). */
export interface SnapshotState {
  name: string;
  txg: number;
  guid: number;
  /** Virtual ms it was taken (the `creation` property). */
  creation: number;
  /** Bytes it referenced when taken. */
  referenced: number;
  /** Bytes written since the previous snapshot, when taken. */
  written: number;
}

/** A version of a file saved the first time it changed after a snapshot (what that snapshot still shows). */
export interface SavedVersion {
  ino: number;
  /** The txg it was saved in: it is what every snapshot with txg < savedTxg sees, up to the previous save. */
  savedTxg: number;
  /** The inode as it was (memfs StoredInode), null when the file did not exist yet. */
  inode: unknown;
  object: ObjectState | null;
}

/** A filesystem or volume dataset. */
export interface DatasetState {
  name: string;
  type: 'filesystem' | 'volume';
  guid: number;
  createtxg: number;
  creation: number;
  /** The snapshot it was cloned from (`pool/fs@snap`), for clones. */
  origin?: string;
  /** The origin snapshot's txg: blocks born at or before it belong to the origin, not to the clone. */
  originTxg?: number;
  /** A clone's kills of blocks from before its origin (held by the origin snapshot): bytes by `birth:killedTxg:vdev`. */
  originDead?: Record<string, number>;
  snapshots: SnapshotState[];
  /** Files by inode number. */
  objects: Record<string, ObjectState>;
  /** Live (head) allocated bytes by birth txg. */
  live: Record<string, number>;
  /** Freed blocks still held by snapshots: bytes by `birth:killedTxg:vdev`. */
  dead: Record<string, number>;
  /** Earlier versions of changed files, for snapshots and rollback. */
  saved: SavedVersion[];
}

/** A top-level vdev. */
export interface VdevState {
  type: 'stripe' | 'mirror' | 'raidz1' | 'raidz2' | 'raidz3';
  /** Leaf devices (`sdb1`, `sdc1`, or whole disks). */
  leaves: string[];
  /** Bytes per leaf usable for data (the smallest leaf, less the labels). */
  leafSize: number;
  /** Next free offset (a bump allocator: simplified, real ZFS uses metaslabs and reuses freed space). */
  next: number;
  /** Bytes allocated on it (raw, parity included). */
  alloc: number;
  /**
   * A RAIDZ vdev's width before `zpool attach` expanded it (vdev_raidz.c vd_original_width):
   * the space accounting (deflate ratio) keeps the original data-to-parity ratio.
   */
  originalWidth?: number;
}

/** Health of a leaf device: damaged byte ranges (offsets in the top-level vdev's space), error counters, failure. */
export interface LeafHealth {
  damaged: [number, number][];
  read: number;
  write: number;
  cksum: number;
  /** The disk is gone or dead (UNAVAIL). */
  failed?: boolean;
  /** Taken offline with `zpool offline` (OFFLINE): not read or written until onlined. */
  offline?: boolean;
}

/** The last scrub or resilver (pool scan stats: pss_func, state, times, bytes). */
export interface ScanState {
  /** pss_func: a scrub unless set. */
  func?: 'resilver';
  /** The leaf being resilvered (shown `(resilvering)` while in progress). */
  target?: string;
  /** A replace in progress: the leaf being replaced and the state it shows under `replacing-N`. */
  replacing?: { old: string; state: 'ONLINE' | 'OFFLINE' | 'UNAVAIL' };
  start: number;
  /** Virtual ms it ends (it is in progress while the clock is before it). */
  end: number;
  examined: number;
  repaired: number;
  errors: number;
}

/** The state before the open txg's changes: per dataset its accounting and each changed inode; per vdev its allocator. */
export interface TxgJournal {
  txg: number;
  vdevs: { next: number; alloc: number }[];
  datasets: Record<string, { live: Record<string, number>; dead: Record<string, number>; saved: number; inodes: Record<string, { inode: unknown; object: ObjectState | null }> }>;
}

/** A pool. */
export interface PoolState {
  name: string;
  guid: number;
  ashift: number;
  vdevs: VdevState[];
  /** The last synced txg (the uberblock's ub_txg) and the open one. */
  txg: number;
  openTxg: number;
  /** Virtual ms of the last sync (zfs_txg_timeout: a sync every 5 s). */
  syncedAt: number;
  datasets: Record<string, DatasetState>;
  /** `zpool history` lines: [virtual ms, command]. */
  history: [number, string][];
  /** Leaves with damage, errors or a failure, by leaf device name. */
  health?: Record<string, LeafHealth>;
  /** Error counters of top-level vdevs (by index) and the pool, for unrecoverable blocks. */
  vdevCksum?: Record<string, number>;
  /** Files with permanent errors (`zpool status -v`), as paths. */
  errors?: string[];
  scan?: ScanState;
  /** What the open txg changed, to undo it when the power goes before it syncs (txg-journal.ts). */
  journal?: TxgJournal;
  /** Made by `zpool create` on whole disks (status names the disks, not installer links). */
  wholeDisks?: boolean;
  /**
   * Separate log vdevs. Simplified: nothing is allocated on them (the ZIL and synchronous
   * writes are not simulated); they show in status, list and iostat and can be removed.
   */
  logs?: VdevState[];
  /** Cache (L2ARC) leaves: shown, never read from (the ARC is not simulated). */
  cache?: string[];
  /** Hot-spare leaves, AVAIL until `zpool replace` takes one. */
  spares?: string[];
  /** The last RAIDZ expansion (pool_raidz_expand_stat_t): vdev index, virtual start/end, bytes reflowed. */
  expand?: { vdev: number; start: number; end: number; bytes: number };
}

/** A pool after `zpool export`: its disks' contents and the lab configuration it takes back on import. */
export interface ExportedPool {
  state: PoolState;
  /** The lab's pool, datasets and volumes of it, as they were (model/storage.ts shapes). */
  lab: { pool: unknown; datasets: unknown[]; zvols: unknown[] };
  zvols: ZvolState[];
  space?: { size: number; used: number };
}

/** The ZFS state of one host. */
export interface ZfsHostState {
  zvols: Record<string, ZvolState>;
  pools: Record<string, PoolState>;
  /** Pools exported on this host, importable again from its disks. */
  exported?: Record<string, ExportedPool>;
}

/** `world.engines.zfs`. */
export interface ZfsState {
  hosts: Record<string, ZfsHostState>;
}

/** The engine's state, created on first use. */
export function zfsState(world: World): ZfsState {
  const existing = world.engines.zfs as ZfsState | undefined;
  if (existing) return existing;
  const made: ZfsState = { hosts: {} };
  world.engines.zfs = made;
  return made;
}

/** The ZFS state of `host`, created on first use. */
export function zfsHost(world: World, host: string): ZfsHostState {
  const state = zfsState(world);
  const existing = state.hosts[host];
  if (existing) return existing;
  const made: ZfsHostState = { zvols: {}, pools: {} };
  state.hosts[host] = made;
  return made;
}
