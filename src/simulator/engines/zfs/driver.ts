/**
 * The `zfs` filesystem driver: a dataset's files and directories are kept as memfs inodes
 * (names, modes, content descriptors), and every change also goes through the ZFS engine —
 * records become blocks with checksums and birth txgs (records.ts), changed files keep
 * their old versions for the snapshots (versions.ts), and df/stat see ZFS's space figures.
 * `.zfs/snapshot/NAME/` shows each snapshot read-only (zfs_ctldir.c; hidden from readdir
 * with snapdir=hidden, as by default).
 */
// @sim zfs filesystem | OpenZFS 2.3: records of recordsize with checksum, birth txg, lsize/psize (compression), COW with deadlists, st_blocks from allocated size, .zfs/snapshot/NAME read-only
import type { Host } from '../../model/host';
import { contentLength } from '../kernel/content';
import { registerDriver, type FsDriver, type FsEnv } from '../kernel/driver';
import type { Errno } from '../kernel/errno';
import { memfs } from '../kernel/memfs';
import type { Attr, MemfsData, Superblock } from '../kernel/types';
import { unpackBp } from './block-pointer';
import { checkBlock, hasFaults, recordPermanentError } from './faults';
import { catchUpTxg, poolOfName, poolState } from './pool';
import { errorPath } from './scrub';
import { propertyValue } from './properties';
import { freeObject, objectAllocated, rewriteRecords, type WritePolicy } from './records';
import { asSpace, datasetSpace, quotaRoom } from './space';
import type { DatasetState, PoolState, SnapshotState } from './state';
import { inodeAt, keepAbsence, keepVersion } from './versions';
import { datasetQuotas, datasetRefreservation } from './volume-space';
import { externalUsed, refreshKernelSpace } from './kernel-space';

/** zfs_ctldir.h: inode numbers of `.zfs`, `.zfs/snapshot` and `.zfs/shares`. */
const CTL_ROOT = 0xffffffffffff;
const CTL_SNAPDIR = 0xfffffffffffd;
const CTL_SHARES = 0xfffffffffffe;
/** Inodes inside a snapshot: txg × 2^32 + the head's inode number (simplified numbering). */
const SNAP_SHIFT = 2 ** 32;

interface Ctx {
  host: Host;
  pool: PoolState;
  ds: DatasetState;
  data: MemfsData;
}

function context(env: FsEnv): Ctx | null {
  const host = env.world.lab.hosts.find((h) => h.name === env.host);
  const pool = poolState(env.world, env.host, poolOfName(env.sb.source));
  const ds = pool?.datasets[env.sb.source];
  if (!host || !pool || !ds) return null;
  catchUpTxg(env.world, pool);
  return { host, pool, ds, data: env.sb.data as MemfsData };
}

/** The dataset's write policy from its effective properties. */
function policyOf(c: Ctx): WritePolicy {
  const rs = propertyValue(c.host, c.ds.name, 'recordsize')?.value ?? '128K';
  const m = /^(\d+)([KM]?)$/.exec(rs);
  const recordsize = m ? Number(m[1]) * (m[2] === 'M' ? 2 ** 20 : m[2] === 'K' ? 1024 : 1) : 131072;
  const checksum = propertyValue(c.host, c.ds.name, 'checksum')?.value;
  return { recordsize, compression: propertyValue(c.host, c.ds.name, 'compression')?.value !== 'off', checksum: checksum === 'off' ? 'off' : checksum === 'sha256' || checksum === 'sha512' ? 'sha256' : 'fletcher4' };
}

/** memfs sees the dataset without a shared space: the ZFS engine decides ENOSPC. */
function inner(env: FsEnv, data?: MemfsData): FsEnv {
  const sb: Superblock = { ...env.sb, capacity: Number.MAX_SAFE_INTEGER, data: data ?? env.sb.data };
  delete sb.space;
  return { ...env, sb };
}

/** A snapshot by the txg an inode number carries. */
function snapshotOf(ds: DatasetState, ino: number): SnapshotState | undefined {
  const txg = Math.floor(ino / SNAP_SHIFT);
  return ds.snapshots.find((s) => s.txg === txg);
}

/** An env whose inode table holds only `ino` as the snapshot sees it. */
function snapEnv(env: FsEnv, c: Ctx, snap: SnapshotState, ino: number): FsEnv | null {
  const node = inodeAt(c.ds, c.data, ino, snap.txg);
  if (!node) return null;
  return inner(env, { inodes: { [ino]: node }, next: 0, root: c.data.root });
}

function ctlAttr(env: FsEnv, ino: number, nlink: number): Attr {
  const t = env.world.kernel[env.host]?.bootTime ?? env.world.clock;
  return { ino, type: 'dir', mode: 0o555, uid: 0, gid: 0, nlink, size: 0, blocks: 0, blksize: 512, atime: t, mtime: t, ctime: t };
}

/** The dataset's space figures. */
function spaceOf(env: FsEnv, c: Ctx) {
  return datasetSpace(c.pool, c.ds, (n) => datasetRefreservation(c.host, c.pool, n), externalUsed(env.world, env.host, c.pool), (n) => datasetQuotas(c.host, n));
}

/** Why `delta` more bytes do not fit: EDQUOT past a quota or refquota, ENOSPC when the pool is full; null when they fit. */
function fits(env: FsEnv, c: Ctx, delta: number): 'ENOSPC' | 'EDQUOT' | null {
  if (delta <= 0) return null;
  if (quotaRoom(c.pool, c.ds, (n) => datasetRefreservation(c.host, c.pool, n), (n) => datasetQuotas(c.host, n)) < delta) return 'EDQUOT';
  return spaceOf(env, c).available >= delta ? null : 'ENOSPC';
}

/** Calls one of memfs's optional operations (EROFS when it has none). */
function call<A extends unknown[], R>(fn: ((env: FsEnv, ...args: A) => R) | undefined, env: FsEnv, ...args: A): R | 'EROFS' {
  return fn ? fn(env, ...args) : 'EROFS';
}

const driver: FsDriver = {
  name: 'zfs',
  readOnlyErrno: 'EROFS',
  root: (env) => memfs.root(inner(env)),
  getattr(env, ino) {
    const c = context(env);
    if (ino === CTL_ROOT) return ctlAttr(env, ino, 4);
    if (ino === CTL_SNAPDIR) return ctlAttr(env, ino, 2 + (c?.ds.snapshots.length ?? 0));
    if (ino === CTL_SHARES) return ctlAttr(env, ino, 2);
    if (c && ino >= SNAP_SHIFT) {
      const snap = snapshotOf(c.ds, ino);
      const real = ino % SNAP_SHIFT;
      const e = snap ? snapEnv(env, c, snap, real) : null;
      const attr = e ? memfs.getattr(e, real) : null;
      return attr ? { ...attr, ino } : null;
    }
    const attr = memfs.getattr(inner(env), ino);
    if (!attr || !c || attr.type !== 'file') return attr;
    // st_blocks: the file's allocated blocks (zfs_getattr_fast: dmu_object_size_from_db).
    return { ...attr, blocks: Math.ceil(asSpace(c.pool, objectAllocated(c.ds.objects[ino])) / 512), blksize: c.ds.objects[ino]?.blksz ?? attr.blksize };
  },
  lookup(env, dir, name) {
    const c = context(env);
    const root = memfs.root(inner(env));
    if (dir === root && name === '.zfs' && c) return CTL_ROOT;
    if (dir === CTL_ROOT) return name === 'snapshot' ? CTL_SNAPDIR : name === 'shares' ? CTL_SHARES : 'ENOENT';
    if (dir === CTL_SHARES) return 'ENOENT';
    if (dir === CTL_SNAPDIR) {
      const snap = c?.ds.snapshots.find((s) => s.name === name);
      return snap ? snap.txg * SNAP_SHIFT + root : 'ENOENT';
    }
    if (c && dir >= SNAP_SHIFT) {
      const snap = snapshotOf(c.ds, dir);
      const real = dir % SNAP_SHIFT;
      const e = snap ? snapEnv(env, c, snap, real) : null;
      if (!snap || !e) return 'ENOENT';
      const child = memfs.lookup(e, real, name);
      return typeof child === 'number' ? snap.txg * SNAP_SHIFT + child : child;
    }
    return memfs.lookup(inner(env), dir, name);
  },
  readdir(env, dir) {
    const c = context(env);
    if (dir === CTL_ROOT) return ['shares', 'snapshot'];
    if (dir === CTL_SHARES) return [];
    if (dir === CTL_SNAPDIR) return c ? c.ds.snapshots.map((s) => s.name) : [];
    if (c && dir >= SNAP_SHIFT) {
      const snap = snapshotOf(c.ds, dir);
      const real = dir % SNAP_SHIFT;
      const e = snap ? snapEnv(env, c, snap, real) : null;
      return e ? memfs.readdir(e, real) : 'ENOENT';
    }
    return memfs.readdir(inner(env), dir);
  },
  read(env, ino) {
    const c = context(env);
    if (ino === CTL_ROOT || ino === CTL_SNAPDIR || ino === CTL_SHARES) return 'EISDIR';
    if (c && ino >= SNAP_SHIFT) {
      const snap = snapshotOf(c.ds, ino);
      const real = ino % SNAP_SHIFT;
      const e = snap ? snapEnv(env, c, snap, real) : null;
      return e ? memfs.read(e, real) : 'ENOENT';
    }
    if (c && hasFaults(c.pool)) {
      // Every block is checked against its checksum; a block with no good copy fails the read (EIO).
      const object = c.ds.objects[ino];
      let lost = false;
      for (const bp of object?.blocks ?? []) if (bp && !checkBlock(c.pool, unpackBp(bp)).ok) lost = true;
      if (lost) {
        recordPermanentError(c.pool, errorPath(env.world, env.host, c.ds, ino));
        return 'EIO';
      }
    }
    return memfs.read(inner(env), ino);
  },
  statfs(env) {
    const c = context(env);
    if (!c) return memfs.statfs(env);
    const space = spaceOf(env, c);
    const files = Object.keys(c.data.inodes).length;
    // zfs_statvfs: f_frsize 512; blocks = referenced + available, free = available.
    return { bsize: 512, size: space.referenced + space.available, used: space.referenced, avail: space.available, files: files + Math.floor(space.available / 512), ffree: Math.floor(space.available / 512) };
  },
  write(env, ino, data, offset, truncate) {
    if (ino >= SNAP_SHIFT) return 'EROFS';
    const c = context(env);
    if (!c) return call(memfs.write, inner(env), ino, data, offset, truncate);
    // What the file grows by: rewriting bytes it has takes their old blocks' place.
    const before = contentLength(c.data.inodes[ino]?.content ?? []);
    const end = truncate ? offset + contentLength(data) : Math.max(before, offset + contentLength(data));
    const full = fits(env, c, Math.max(0, end - before));
    if (full) return full;
    keepVersion(c.pool, c.ds, c.data, ino);
    const problem = call(memfs.write, inner(env), ino, data, offset, truncate);
    if (problem) return problem;
    const content = c.data.inodes[ino]?.content ?? [];
    rewriteRecords(c.pool, c.ds, ino, content, contentLength(content), offset, truncate ? Infinity : offset + contentLength(data), policyOf(c));
    refreshKernelSpace(env.world, c.host, c.pool);
    return null;
  },
  resize(env, ino, size) {
    if (ino >= SNAP_SHIFT) return 'EROFS';
    const c = context(env);
    if (!c) return call(memfs.resize, inner(env), ino, size);
    const before = contentLength(c.data.inodes[ino]?.content ?? []);
    keepVersion(c.pool, c.ds, c.data, ino);
    const problem = call(memfs.resize, inner(env), ino, size);
    if (problem) return problem;
    const content = c.data.inodes[ino]?.content ?? [];
    rewriteRecords(c.pool, c.ds, ino, content, size, Math.min(before, size), Infinity, policyOf(c));
    refreshKernelSpace(env.world, c.host, c.pool);
    return null;
  },
  create(env, dir, name, node) {
    if (dir >= SNAP_SHIFT || dir === CTL_ROOT || dir === CTL_SNAPDIR || dir === CTL_SHARES) return 'EROFS';
    const c = context(env);
    if (c) keepVersion(c.pool, c.ds, c.data, dir);
    const ino = call(memfs.create, inner(env), dir, name, node);
    if (c && typeof ino === 'number') keepAbsence(c.pool, c.ds, ino);
    return ino;
  },
  remove(env, dir, name) {
    if (dir >= SNAP_SHIFT || dir === CTL_ROOT || dir === CTL_SNAPDIR) return 'EROFS';
    const c = context(env);
    const ino = memfs.lookup(inner(env), dir, name);
    if (c) {
      keepVersion(c.pool, c.ds, c.data, dir);
      if (typeof ino === 'number') keepVersion(c.pool, c.ds, c.data, ino);
    }
    const problem = call(memfs.remove, inner(env), dir, name);
    if (!problem && c && typeof ino === 'number' && !c.data.inodes[ino]) {
      freeObject(c.pool, c.ds, ino);
      refreshKernelSpace(env.world, c.host, c.pool);
    }
    return problem;
  },
  rename(env, fromDir, fromName, toDir, toName) {
    if (fromDir >= SNAP_SHIFT || toDir >= SNAP_SHIFT) return 'EROFS';
    const c = context(env);
    const moved = memfs.lookup(inner(env), fromDir, fromName);
    const replaced = memfs.lookup(inner(env), toDir, toName);
    if (c) for (const ino of [fromDir, toDir, moved, replaced]) if (typeof ino === 'number') keepVersion(c.pool, c.ds, c.data, ino);
    const problem: Errno | null = call(memfs.rename, inner(env), fromDir, fromName, toDir, toName);
    if (!problem && c && typeof replaced === 'number' && replaced !== moved && !c.data.inodes[replaced]) freeObject(c.pool, c.ds, replaced);
    return problem;
  },
  setattr(env, ino, change) {
    if (ino >= SNAP_SHIFT || ino === CTL_ROOT || ino === CTL_SNAPDIR || ino === CTL_SHARES) return 'EROFS';
    const c = context(env);
    if (c) keepVersion(c.pool, c.ds, c.data, ino);
    return call(memfs.setattr, inner(env), ino, change);
  },
};

registerDriver(driver);
