/**
 * The `ext4` filesystem driver on any block device. A mount's superblock holds that host's
 * cached copy of the metadata (ext4-disk.ts reads it at mount); every change is written
 * through to the device (inode slots, directory blocks, bitmaps) and file data goes to the
 * blocks the inode's extents name. Space follows ext4_statfs (ext4-layout.ts).
 */
// @sim ext4 driver | Linux ext4 on a block device: 4 KiB blocks, inodes from 12 (lost+found is 11), first-fit extents, ENOSPC at f_bfree, ENOTEMPTY/EEXIST/ENAMETOOLONG as ext4 gives them; statfs as ext4_statfs
import { contentLength, resizeContent, sliceContent, textContent, writeContent, type Content } from '../kernel/content';
import { findDevice } from '../kernel/devices';
import { registerDriver, type FsDriver, type FsEnv } from '../kernel/driver';
import type { Errno } from '../kernel/errno';
import type { Attr, BlockDevice } from '../kernel/types';
import { readData, writeBitmaps, writeData, writeInode, type Bitmaps, type InodeRec } from './ext4-disk';
import { FIRST_INODE } from './ext4-layout';

const BLOCK = 4096;
const NAME_MAX = 255;
/** The root directory's inode (EXT2_ROOT_INO). */
export const ROOT_INO = 2;

/** What an ext4 mount keeps in its superblock. */
export interface Ext4Mount {
  device: string;
  blocks: number;
  inodes: number;
  dataStart: number;
  overhead: number;
  reserved: number;
  resvClusters: number;
  inode: Record<string, InodeRec & { p?: number }>;
  dirs: Record<string, Record<string, number>>;
  bitmaps: Bitmaps;
}

const mnt = (env: FsEnv): Ext4Mount => env.sb.data as Ext4Mount;
const dev = (env: FsEnv): BlockDevice | undefined => findDevice(env.world, env.host, mnt(env).device);

/** Blocks in use (data region), from the bitmap runs. */
export function usedBlocks(b: Bitmaps): number {
  return b.blocks.reduce((n, [, c]) => n + c, 0);
}

/** First-fit allocation of `count` blocks from `from`; null when the device is full. */
export function allocateBlocks(m: Ext4Mount, count: number): [number, number][] | null {
  const runs = [...m.bitmaps.blocks].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let need = count;
  let at = m.dataStart;
  const take = (start: number, end: number) => {
    const n = Math.min(need, end - start);
    if (n > 0) {
      out.push([start, n]);
      need -= n;
    }
  };
  for (const [s, c] of runs) {
    if (need === 0) break;
    if (s > at) take(at, s);
    at = Math.max(at, s + c);
  }
  if (need > 0) take(at, m.blocks);
  if (need > 0) return null;
  m.bitmaps.blocks = mergeRuns([...m.bitmaps.blocks, ...out]);
  return out;
}

/** Sorted, merged block runs. */
function mergeRuns(runs: [number, number][]): [number, number][] {
  const sorted = runs.filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, c] of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] >= s) last[1] = Math.max(last[1], s + c - last[0]);
    else out.push([s, c]);
  }
  return out;
}

/** Frees block runs. */
function freeBlocks(m: Ext4Mount, runs: [number, number][]): void {
  let cur = m.bitmaps.blocks;
  for (const [fs, fc] of runs) {
    const next: [number, number][] = [];
    for (const [s, c] of cur) {
      const e = s + c;
      const fe = fs + fc;
      if (fe <= s || fs >= e) next.push([s, c]);
      else {
        if (fs > s) next.push([s, fs - s]);
        if (fe < e) next.push([fe, e - fe]);
      }
    }
    cur = next;
  }
  m.bitmaps.blocks = cur;
}

/** Blocks held by extents. */
const extentBlocks = (x: [number, number][]) => x.reduce((n, [, c]) => n + c, 0);

/** Grows or shrinks an inode's extents to hold `bytes`; ENOSPC past f_bfree. */
function fitExtents(m: Ext4Mount, rec: InodeRec, bytes: number): Errno | null {
  const want = Math.ceil(bytes / BLOCK);
  const have = extentBlocks(rec.x);
  if (want > have) {
    const got = allocateBlocks(m, want - have);
    if (!got) return 'ENOSPC';
    rec.x = [...rec.x, ...got];
  } else if (want < have) {
    let keep = want;
    const kept: [number, number][] = [];
    const freed: [number, number][] = [];
    for (const [s, c] of rec.x) {
      const k = Math.min(keep, c);
      if (k > 0) kept.push([s, k]);
      if (c > k) freed.push([s + k, c - k]);
      keep -= k;
    }
    rec.x = kept;
    freeBlocks(m, freed);
  }
  return null;
}

/** Writes an inode and the bitmaps through to the device. */
function flush(env: FsEnv, inos: number[]): Errno | null {
  const d = dev(env);
  if (!d) return 'EIO';
  const m = mnt(env);
  for (const ino of inos) {
    const rec = m.inode[ino];
    const { p: _parent, ...onDisk } = rec ?? ({} as InodeRec & { p?: number });
    const err = writeInode(env.world, env.host, d, ino, rec ? (onDisk as InodeRec) : null);
    if (err) return err;
  }
  m.bitmaps.inodes = Object.keys(m.inode).map(Number).sort((a, b) => a - b);
  return writeBitmaps(env.world, env.host, d, m.bitmaps);
}

/** Writes a directory's entries into its data blocks. */
function flushDir(env: FsEnv, ino: number): Errno | null {
  const d = dev(env);
  const m = mnt(env);
  const rec = m.inode[ino];
  if (!d || !rec) return 'EIO';
  const text = JSON.stringify(m.dirs[ino] ?? {}).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const blocks = Math.max(rec.t === 'dir' && ino === 11 ? 4 : 1, Math.ceil((text.length + 1) / BLOCK));
  const err = fitExtents(m, rec, blocks * BLOCK);
  if (err) return err;
  rec.s = blocks * BLOCK;
  const data: Content = [...textContent(text), { kind: 'zero', length: 1 }];
  return writeData(env.world, env.host, d, rec, resizeContent(data, rec.s), sliceContent);
}

/** stat(2) of a cached inode. */
function attrOf(ino: number, r: InodeRec): Attr {
  const a: Attr = { ino, type: r.t, mode: r.m, uid: r.u, gid: r.g, nlink: r.n, size: r.t === 'symlink' ? (r.l ?? '').length : r.s, blocks: extentBlocks(r.x) * 8, blksize: BLOCK, atime: r.a, mtime: r.mt, ctime: r.c };
  if (r.l !== undefined) a.target = r.l;
  return a;
}


/**
 * Replaces a regular file's data with `change(old)`: the extents are refitted first (ENOSPC
 * leaves the file as it was), then the bytes go to the device and the inode is flushed.
 */
function rewrite(env: FsEnv, ino: number, change: (old: Content) => Content): Errno | null {
  const m = mnt(env);
  const r = m.inode[ino];
  const d = dev(env);
  if (!r) return 'ENOENT';
  if (r.t === 'dir') return 'EISDIR';
  if (!d) return 'EIO';
  const old = readData(env.world, env.host, d, r);
  if (typeof old === 'string') return old;
  const next = change(old);
  const size = contentLength(next);
  const err = fitExtents(m, r, size);
  if (err) return err;
  r.s = size;
  r.mt = r.c = env.world.clock;
  return writeData(env.world, env.host, d, r, next, sliceContent) ?? flush(env, [ino]);
}

/** The ext4 driver. */
export const ext4Driver: FsDriver = {
  name: 'ext4',
  readOnlyErrno: 'EROFS',
  root: () => ROOT_INO,
  getattr(env, ino) {
    const r = mnt(env).inode[ino];
    return r ? attrOf(ino, r) : null;
  },
  lookup(env, dir, name) {
    const r = mnt(env).inode[dir];
    if (!r) return 'ENOENT';
    if (r.t !== 'dir') return 'ENOTDIR';
    const entries = mnt(env).dirs[dir] ?? {};
    return Object.hasOwn(entries, name) ? (entries[name] as number) : 'ENOENT';
  },
  readdir(env, dir) {
    const r = mnt(env).inode[dir];
    if (!r) return 'ENOENT';
    if (r.t !== 'dir') return 'ENOTDIR';
    return Object.keys(mnt(env).dirs[dir] ?? {});
  },
  read(env, ino) {
    const r = mnt(env).inode[ino];
    const d = dev(env);
    if (!r) return 'ENOENT';
    if (r.t === 'dir') return 'EISDIR';
    if (!d) return 'EIO';
    return readData(env.world, env.host, d, r);
  },
  statfs(env) {
    const m = mnt(env);
    const total = m.blocks - m.overhead;
    const free = Math.max(0, total - usedBlocks(m.bitmaps));
    const used = Object.keys(m.inode).length + (FIRST_INODE - 2);
    return { bsize: BLOCK, size: total * BLOCK, used: (total - free) * BLOCK, avail: Math.max(0, free - m.reserved - m.resvClusters) * BLOCK, files: m.inodes, ffree: m.inodes - used };
  },
  write(env, ino, data, offset, truncate) {
    return rewrite(env, ino, (old) => writeContent(old, offset, data, truncate));
  },
  resize(env, ino, size) {
    return rewrite(env, ino, (old) => resizeContent(old, size));
  },
  create(env, dir, name, spec) {
    const m = mnt(env);
    const parent = m.inode[dir];
    if (!parent) return 'ENOENT';
    if (parent.t !== 'dir') return 'ENOTDIR';
    if (name.length > NAME_MAX) return 'ENAMETOOLONG';
    if (Object.hasOwn(m.dirs[dir] ?? {}, name)) return 'EEXIST';
    let ino = FIRST_INODE + 1;
    while (m.inode[ino]) ino++;
    if (ino > m.inodes) return 'ENOSPC';
    const now = env.world.clock;
    const rec: InodeRec & { p?: number } = { t: spec.type, m: spec.mode & 0o7777, u: spec.uid, g: spec.gid, n: spec.type === 'dir' ? 2 : 1, s: 0, a: now, mt: now, c: now, x: [] };
    if (spec.target !== undefined) rec.l = spec.target;
    m.inode[ino] = rec;
    (m.dirs[dir] ??= {})[name] = ino;
    parent.mt = parent.c = now;
    if (spec.type === 'dir') {
      rec.p = dir;
      parent.n++;
      m.dirs[ino] = {};
      const err = flushDir(env, ino);
      if (err) {
        delete m.inode[ino];
        delete m.dirs[ino];
        delete m.dirs[dir]?.[name];
        parent.n--;
        return err;
      }
    }
    return flushDir(env, dir) ?? flush(env, [ino, dir]) ?? ino;
  },
  remove(env, dir, name) {
    const m = mnt(env);
    const ino = m.dirs[dir]?.[name];
    if (ino === undefined || !Object.hasOwn(m.dirs[dir] ?? {}, name)) return 'ENOENT';
    const r = m.inode[ino];
    const parent = m.inode[dir];
    if (!r || !parent) return 'ENOENT';
    if (r.t === 'dir' && Object.keys(m.dirs[ino] ?? {}).length > 0) return 'ENOTEMPTY';
    delete m.dirs[dir]?.[name];
    parent.mt = parent.c = env.world.clock;
    if (r.t === 'dir') parent.n--;
    r.n -= r.t === 'dir' ? 2 : 1;
    if (r.n <= 0) {
      freeBlocks(m, r.x);
      delete m.inode[ino];
      delete m.dirs[ino];
    }
    return flushDir(env, dir) ?? flush(env, [ino, dir]);
  },
  rename(env, fromDir, fromName, toDir, toName) {
    const m = mnt(env);
    const ino = m.dirs[fromDir]?.[fromName];
    if (ino === undefined || !Object.hasOwn(m.dirs[fromDir] ?? {}, fromName)) return 'ENOENT';
    const r = m.inode[ino];
    const to = m.inode[toDir];
    const from = m.inode[fromDir];
    if (!r || !to || !from) return 'ENOENT';
    if (to.t !== 'dir') return 'ENOTDIR';
    if (toName.length > NAME_MAX) return 'ENAMETOOLONG';
    if (r.t === 'dir') for (let at: number | undefined = toDir, guard = 0; at !== undefined && guard < 4096; guard++, at = at === ROOT_INO ? undefined : m.inode[at]?.p) if (at === ino) return 'EINVAL';
    const existing = m.dirs[toDir]?.[toName];
    if (existing !== undefined && Object.hasOwn(m.dirs[toDir] ?? {}, toName)) {
      if (existing === ino) return null;
      const target = m.inode[existing];
      if (target?.t === 'dir' && r.t !== 'dir') return 'EISDIR';
      if (target && target.t !== 'dir' && r.t === 'dir') return 'ENOTDIR';
      const removed = ext4Driver.remove?.(env, toDir, toName) ?? null;
      if (removed) return removed;
    }
    delete m.dirs[fromDir]?.[fromName];
    (m.dirs[toDir] ??= {})[toName] = ino;
    if (r.t === 'dir') {
      r.p = toDir;
      from.n--;
      to.n++;
    }
    const now = env.world.clock;
    from.mt = from.c = to.mt = to.c = r.c = now;
    return flushDir(env, fromDir) ?? (toDir !== fromDir ? flushDir(env, toDir) : null) ?? flush(env, [ino, fromDir, toDir]);
  },
  setattr(env, ino, change) {
    const r = mnt(env).inode[ino];
    if (!r) return 'ENOENT';
    if (change.mode !== undefined) r.m = change.mode & 0o7777;
    if (change.uid !== undefined) r.u = change.uid;
    if (change.gid !== undefined) r.g = change.gid;
    if ((change.uid !== undefined || change.gid !== undefined) && change.mode === undefined && r.t !== 'dir') {
      r.m &= ~0o4000;
      if (r.m & 0o010) r.m &= ~0o2000;
    }
    if (change.atime !== undefined) r.a = change.atime;
    if (change.mtime !== undefined) r.mt = change.mtime;
    r.c = env.world.clock;
    return flush(env, [ino]);
  },
};

registerDriver(ext4Driver);
