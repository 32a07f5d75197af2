/**
 * memfs: a filesystem whose inodes are stored in the World (its superblock's `data`): the
 * root filesystem of each host, tmpfs mounts, and — until the ZFS engine brings its own
 * driver — the datasets of a pool (sharing the pool's space). Optionally it shows an
 * overlay of computed, read-only files on top (the lab's /etc files): those are the model's
 * and cannot be changed by hand (EROFS), a simulator decision kept from the first shell.
 * Space: file data counts in 4 KiB blocks against the superblock's capacity or shared
 * space; a write past it fails with ENOSPC and changes nothing.
 */
import type { World } from '../world';
import { allocatedLength, contentLength, normalise, resizeContent, writeContent, type Content } from './content';
import { registerDriver, type FsDriver, type FsEnv } from './driver';
import type { Errno } from './errno';
import { lookTree, synthAttr, synthChildren, synthContent, synthIno, type SynthProvider, type SynthTree } from './synthetic';
import type { Attr, MemfsData, StoredInode, Superblock } from './types';

/** Overlay inode numbers start here, above any stored inode. */
const OVERLAY_BASE = 0x40000000;
const BLOCK = 4096;
/** NAME_MAX (limits.h). */
export const NAME_MAX = 255;

const OVERLAYS = new Map<string, SynthProvider>();

/** Registers a provider of computed files shown on top of a memfs (by name, stored in the superblock). */
export function registerOverlay(name: string, provider: SynthProvider): void {
  OVERLAYS.set(name, provider);
}

/** A new, empty memfs data block: just a root directory owned by root. */
export function newMemfs(now: number, rootMode = 0o755, overlay?: string): MemfsData {
  const root: StoredInode = { type: 'dir', mode: rootMode, uid: 0, gid: 0, nlink: 2, atime: now, mtime: now, ctime: now, entries: {}, parent: 1 };
  return { inodes: { 1: root }, next: 2, root: 1, ...(overlay ? { overlay } : {}) };
}

function data(sb: Superblock): MemfsData {
  return sb.data as MemfsData;
}

function inode(sb: Superblock, ino: number): StoredInode | undefined {
  return data(sb).inodes[ino];
}

/** Bytes of disk a content takes: its data rounded up to whole 4 KiB blocks. */
export function diskBytes(content: Content | undefined): number {
  return content ? Math.ceil(allocatedLength(content) / BLOCK) * BLOCK : 0;
}

function dirPath(sb: Superblock, ino: number): string {
  const parts: string[] = [];
  let at = ino;
  for (let guard = 0; at !== data(sb).root && guard < 4096; guard++) {
    const node = inode(sb, at);
    const parent = node?.parent;
    if (parent === undefined) break;
    const entries = inode(sb, parent)?.entries ?? {};
    const name = Object.keys(entries).find((n) => entries[n] === at);
    if (name === undefined) break;
    parts.unshift(name);
    at = parent;
  }
  return '/' + parts.join('/');
}

function overlayTree(env: FsEnv): SynthTree | null {
  return overlayIndexed(env)?.tree ?? null;
}

function overlayIndexed(env: FsEnv): ReturnType<typeof lookTree> | null {
  const name = data(env.sb).overlay;
  const provider = name ? OVERLAYS.get(name) : undefined;
  return provider ? lookTree(env, `overlay:${env.sb.id}`, () => provider(env), OVERLAY_BASE) : null;
}

/** The overlay path of an overlay inode number. */
function overlayPath(env: FsEnv, ino: number): string | undefined {
  return overlayIndexed(env)?.byIno.get(ino);
}

/** Bytes used by a superblock (sum over its files), and what it may still take. */
export function memfsUsage(world: World, host: string, sb: Superblock): { used: number; size: number; avail: number } {
  let used = 0;
  for (const node of Object.values(data(sb).inodes)) used += diskBytes(node.content);
  const space = sb.space ? world.kernel[host]?.spaces[sb.space] : undefined;
  if (space) {
    const avail = Math.max(0, space.size - space.used);
    return { used, size: used + avail, avail };
  }
  const size = sb.capacity ?? 0;
  return { used, size, avail: Math.max(0, size - used) };
}

/** Checks that growing by `delta` bytes fits; charges the shared space when it does. */
function charge(env: FsEnv, delta: number): Errno | null {
  if (delta <= 0) {
    const space = env.sb.space ? env.world.kernel[env.host]?.spaces[env.sb.space] : undefined;
    if (space) space.used = Math.max(0, space.used + delta);
    return null;
  }
  const usage = memfsUsage(env.world, env.host, env.sb);
  if (delta > usage.avail) return 'ENOSPC';
  const space = env.sb.space ? env.world.kernel[env.host]?.spaces[env.sb.space] : undefined;
  if (space) space.used += delta;
  return null;
}

function attrOf(ino: number, node: StoredInode): Attr {
  const size = node.type === 'symlink' ? (node.target ?? '').length : node.type === 'dir' ? BLOCK : contentLength(node.content ?? []);
  return {
    ino,
    type: node.type,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    nlink: node.nlink,
    size,
    blocks: node.type === 'dir' ? BLOCK / 512 : diskBytes(node.content) / 512,
    blksize: BLOCK,
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
    ...(node.rdev ? { rdev: node.rdev } : {}),
    ...(node.target !== undefined ? { target: node.target } : {}),
  };
}

const bootTime = (env: FsEnv): number => env.world.kernel[env.host]?.bootTime ?? env.world.clock;

/** The memfs driver. */
export const memfs: FsDriver = {
  name: 'memfs',
  readOnlyErrno: 'EROFS',
  root: (env) => data(env.sb).root,
  getattr(env, ino) {
    if (ino >= OVERLAY_BASE) {
      const tree = overlayTree(env);
      const path = tree ? overlayPath(env, ino) : undefined;
      const node = tree && path !== undefined ? tree.get(path) : undefined;
      return tree && node && path !== undefined ? synthAttr(node, ino, tree, path, bootTime(env)) : null;
    }
    const node = inode(env.sb, ino);
    return node ? attrOf(ino, node) : null;
  },
  lookup(env, dir, name) {
    if (dir >= OVERLAY_BASE) return 'ENOTDIR';
    const node = inode(env.sb, dir);
    if (!node) return 'ENOENT';
    if (node.type !== 'dir') return 'ENOTDIR';
    const tree = overlayTree(env);
    if (tree) {
      const base = dirPath(env.sb, dir);
      const path = base === '/' ? `/${name}` : `${base}/${name}`;
      const over = tree.get(path);
      if (over && over.type !== 'dir') return synthIno(path, OVERLAY_BASE);
    }
    const child = node.entries?.[name];
    return child !== undefined && Object.hasOwn(node.entries ?? {}, name) ? child : 'ENOENT';
  },
  readdir(env, dir) {
    const node = inode(env.sb, dir);
    if (!node) return 'ENOENT';
    if (node.type !== 'dir') return 'ENOTDIR';
    const names = new Set(Object.keys(node.entries ?? {}));
    const tree = overlayTree(env);
    if (tree) for (const n of synthChildren(tree, dirPath(env.sb, dir))) if (tree.get(joinTree(dirPath(env.sb, dir), n))?.type !== 'dir') names.add(n);
    return [...names];
  },
  read(env, ino) {
    if (ino >= OVERLAY_BASE) {
      const tree = overlayTree(env);
      const path = tree ? overlayPath(env, ino) : undefined;
      const node = tree && path !== undefined ? tree.get(path) : undefined;
      return node ? synthContent(node) : 'ENOENT';
    }
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    if (node.type === 'dir') return 'EISDIR';
    return node.content ?? [];
  },
  statfs(env) {
    const usage = memfsUsage(env.world, env.host, env.sb);
    const files = Object.keys(data(env.sb).inodes).length;
    const totalFiles = Math.max(files, Math.floor(usage.size / 16384));
    return { bsize: BLOCK, size: usage.size, used: usage.used, avail: usage.avail, files: totalFiles, ffree: totalFiles - files };
  },
  write(env, ino, content, offset, truncate) {
    if (ino >= OVERLAY_BASE) return 'EROFS';
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    if (node.type === 'dir') return 'EISDIR';
    const next = writeContent(node.content ?? [], offset, content, truncate);
    const problem = charge(env, diskBytes(next) - diskBytes(node.content));
    if (problem) return problem;
    node.content = next;
    node.mtime = node.ctime = env.world.clock;
    return null;
  },
  resize(env, ino, size) {
    if (ino >= OVERLAY_BASE) return 'EROFS';
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    if (node.type === 'dir') return 'EISDIR';
    const next = resizeContent(node.content ?? [], size);
    const problem = charge(env, diskBytes(next) - diskBytes(node.content));
    if (problem) return problem;
    node.content = normalise(next);
    node.mtime = node.ctime = env.world.clock;
    return null;
  },
  create(env, dir, name, spec) {
    const parent = inode(env.sb, dir);
    if (!parent || dir >= OVERLAY_BASE) return 'ENOENT';
    if (parent.type !== 'dir') return 'ENOTDIR';
    if (name.length > NAME_MAX) return 'ENAMETOOLONG';
    if (memfs.lookup(env, dir, name) !== 'ENOENT') return 'EEXIST';
    const d = data(env.sb);
    const ino = d.next++;
    const now = env.world.clock;
    const node: StoredInode = { type: spec.type, mode: spec.mode & 0o7777, uid: spec.uid, gid: spec.gid, nlink: spec.type === 'dir' ? 2 : 1, atime: now, mtime: now, ctime: now };
    if (spec.type === 'dir') {
      node.entries = {};
      node.parent = dir;
      parent.nlink++;
    } else if (spec.type === 'file') node.content = [];
    if (spec.rdev) node.rdev = spec.rdev;
    if (spec.target !== undefined) node.target = spec.target;
    d.inodes[ino] = node;
    (parent.entries ??= {})[name] = ino;
    parent.mtime = parent.ctime = now;
    return ino;
  },
  remove(env, dir, name) {
    const parent = inode(env.sb, dir);
    if (!parent) return 'ENOENT';
    const ino = memfs.lookup(env, dir, name);
    if (typeof ino !== 'number') return ino;
    if (ino >= OVERLAY_BASE) return 'EROFS';
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    if (node.type === 'dir' && Object.keys(node.entries ?? {}).length > 0) return 'ENOTEMPTY';
    delete parent.entries?.[name];
    parent.mtime = parent.ctime = env.world.clock;
    if (node.type === 'dir') parent.nlink--;
    node.nlink -= node.type === 'dir' ? 2 : 1;
    if (node.nlink <= 0) {
      charge(env, -diskBytes(node.content));
      delete data(env.sb).inodes[ino];
    }
    return null;
  },
  rename(env, fromDir, fromName, toDir, toName) {
    const from = inode(env.sb, fromDir);
    const to = inode(env.sb, toDir);
    if (!from || !to) return 'ENOENT';
    if (to.type !== 'dir') return 'ENOTDIR';
    if (toName.length > NAME_MAX) return 'ENAMETOOLONG';
    const ino = memfs.lookup(env, fromDir, fromName);
    if (typeof ino !== 'number') return ino;
    if (ino >= OVERLAY_BASE) return 'EROFS';
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    // rename(2): a directory cannot move into itself or below itself.
    if (node.type === 'dir') {
      for (let at = toDir, guard = 0; guard < 4096; guard++) {
        if (at === ino) return 'EINVAL';
        const up = inode(env.sb, at)?.parent;
        if (up === undefined || up === at) break;
        at = up;
      }
    }
    const existing = memfs.lookup(env, toDir, toName);
    if (typeof existing === 'number') {
      if (existing === ino) return null;
      if (existing >= OVERLAY_BASE) return 'EROFS';
      const target = inode(env.sb, existing);
      if (target?.type === 'dir' && node.type !== 'dir') return 'EISDIR';
      if (target && target.type !== 'dir' && node.type === 'dir') return 'ENOTDIR';
      const removed = memfs.remove?.(env, toDir, toName) ?? null;
      if (removed) return removed;
    }
    delete from.entries?.[fromName];
    (to.entries ??= {})[toName] = ino;
    if (node.type === 'dir') {
      node.parent = toDir;
      from.nlink--;
      to.nlink++;
    }
    const now = env.world.clock;
    from.mtime = from.ctime = to.mtime = to.ctime = node.ctime = now;
    return null;
  },
  setattr(env, ino, change) {
    if (ino >= OVERLAY_BASE) return 'EROFS';
    const node = inode(env.sb, ino);
    if (!node) return 'ENOENT';
    if (change.mode !== undefined) node.mode = change.mode & 0o7777;
    if (change.uid !== undefined) node.uid = change.uid;
    if (change.gid !== undefined) node.gid = change.gid;
    // chown(2) on a non-directory clears set-user-ID, and set-group-ID when group-exec is set
    // (fs/open.c chown_common: ATTR_KILL_SUID | ATTR_KILL_SGID; should_remove_suid).
    if ((change.uid !== undefined || change.gid !== undefined) && change.mode === undefined && node.type !== 'dir') {
      node.mode &= ~0o4000;
      if (node.mode & 0o010) node.mode &= ~0o2000;
    }
    if (change.atime !== undefined) node.atime = change.atime;
    if (change.mtime !== undefined) node.mtime = change.mtime;
    node.ctime = env.world.clock;
    return null;
  },
};

function joinTree(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

registerDriver(memfs);
