/**
 * The VFS: a process's view of its host's files. Paths are resolved component by
 * component through the mount table of the process's mount namespace, following symbolic
 * links (ELOOP after 40, as Linux's MAXSYMLINKS), and each operation is handed to the
 * driver of the filesystem it lands on. Errors come back as errno names; nothing throws
 * and a failed operation changes nothing.
 */
// @sim kernel path resolution | Linux path_resolution(7): mount tables per namespace, symlinks followed (40 at most, then ELOOP), `..` resolved physically, PATH_MAX 4096 and NAME_MAX 255, the errno of each failing step
import type { World } from '../world';
import { hostKernel } from '../world';
import { contentLength, materialise, textContent, type Content } from './content';
import { driverFor, type AttrChange, type FsDriver, type FsEnv, type NewNode } from './driver';
import type { Errno } from './errno';
import { diskToKernel, kernelToDisk } from './idmapped-mount';
import { mountTable } from './mounts';
import { basename, dirname } from './path';

/** The components of a path, without empty ones and `.` (`..` is kept: the walk resolves it). */
function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
import type { Attr, MountEntry, NodeType, StatFs, Superblock } from './types';

/** Linux MAXSYMLINKS. */
const MAX_SYMLINKS = 40;
/** PATH_MAX (limits.h): a longer path is ENAMETOOLONG. */
export const PATH_MAX = 4096;

/** Where a path landed. */
export interface Resolved {
  path: string;
  mount: MountEntry;
  sb: Superblock;
  driver: FsDriver;
  env: FsEnv;
  ino: number;
}

/** A result or an errno. */
export type Result<T> = { ok: true; value: T } | { ok: false; errno: Errno };

const fail = <T>(errno: Errno): Result<T> => ({ ok: false, errno });
const okv = <T>(value: T): Result<T> => ({ ok: true, value });

/** Options of a write. */
export interface WriteOptions {
  /** Byte offset (default 0; ignored with append). */
  offset?: number;
  /** Drop everything after the written bytes (O_TRUNC / dd without conv=notrunc). */
  truncate?: boolean;
  append?: boolean;
  /** Create the file when missing (mode 0644 & ~umask, owned by the process). */
  create?: boolean;
}

/** A process's view of the files of its host: what commands use. */
export interface Vfs {
  readonly host: string;
  /** Resolves a path (absolute, normalised or not). `follow` false leaves a final symlink unresolved (lstat). */
  resolve(path: string, follow?: boolean): Result<Resolved>;
  stat(path: string, follow?: boolean): Result<Attr>;
  /** What a path is, or null when it does not exist (the old HostVfs.stat). */
  kind(path: string): NodeType | null;
  list(path: string): { ok: true; names: string[] } | { ok: false; errno: Errno };
  readContent(path: string): Result<Content>;
  /** The content as text; EFBIG when it is larger than the simulator reads into memory. */
  read(path: string): { ok: true; text: string } | { ok: false; errno: Errno };
  writeContent(path: string, data: Content, options?: WriteOptions): Result<null>;
  /** Writes text, creating the file: `>` (truncate) or `>>` (append). */
  write(path: string, text: string, append: boolean): { ok: true } | { ok: false; errno: Errno };
  resize(path: string, size: number): Result<null>;
  mkdir(path: string, mode?: number): Result<null>;
  /** Creates a node of any type at `path` (EEXIST when there is one). */
  create(path: string, node: Partial<NewNode> & { type: NodeType }): Result<null>;
  /** unlink(2) for files; rmdir(2) when `dir`. */
  remove(path: string, dir: boolean): Result<null>;
  rename(from: string, to: string): Result<null>;
  setattr(path: string, change: AttrChange, follow?: boolean): Result<null>;
  statfs(path: string): Result<StatFs & { mount: MountEntry; sb: Superblock }>;
  /** The mount table of this view's namespace. */
  mounts(): MountEntry[];
  /** st_size as stat(2) reports it (0 when missing). */
  size(path: string): number;
}

/** Who is looking: the World, the host, the mount namespace, and the owner new files get. */
export interface VfsOwner {
  world: World;
  host: string;
  mntNs: number;
  uid: number;
  gid: number;
  /** umask (default 022). */
  umask?: number;
  /** The process looking (for /proc/self). */
  pid?: number;
}

/** Builds the view for a process. */
export function createVfs(owner: VfsOwner): Vfs {
  const { world, host, mntNs } = owner;
  const umask = owner.umask ?? 0o022;
  // Computed trees for this view; any change made through it clears them.
  const cache = new Map<string, unknown>();
  const table = (): MountEntry[] => mountTable(world, host, mntNs);

  const mountRoot = (mount: MountEntry): Result<Resolved> => {
    const sb = hostKernel(world, host).superblocks[mount.sb];
    const driver = sb ? driverFor(sb) : undefined;
    if (!sb || !driver) return fail('EIO');
    const env: FsEnv = { world, host, sb, cache, ...(owner.pid !== undefined ? { pid: owner.pid } : {}) };
    let ino = driver.root(env);
    for (const part of mount.root.split('/').filter((p) => p !== '')) {
      const next = driver.lookup(env, ino, part);
      if (typeof next !== 'number') return fail(next);
      ino = next;
    }
    return okv({ path: mount.path, mount, sb, driver, env, ino });
  };

  const mountedOn = (path: string): MountEntry | undefined => {
    let found: MountEntry | undefined;
    for (const m of table()) if (m.path === path) found = m;
    return found;
  };

  const resolve = (input: string, follow = true): Result<Resolved> => {
    if (input.length >= PATH_MAX) return fail('ENAMETOOLONG');
    // `.` and empty components are nothing; `..` is resolved physically (the parent of where the
    // walk is, after any symlink), as path_resolution(7) says, not by cutting the string.
    let pending = components(input);
    const rootMount = mountedOn('/');
    if (!rootMount) return fail('ENOENT');
    let cur: Result<Resolved> = mountRoot(rootMount);
    let links = 0;
    while (pending.length > 0) {
      if (!cur.ok) return cur;
      const part = pending.shift() as string;
      const here: Resolved = cur.value;
      if (part === '..') {
        pending = [...components(dirname(here.path)), ...pending];
        cur = mountRoot(rootMount);
        continue;
      }
      const attr = here.driver.getattr(here.env, here.ino);
      if (!attr) return fail('ENOENT');
      if (attr.type !== 'dir') return fail('ENOTDIR');
      if (part.length > 255) return fail('ENAMETOOLONG');
      const childPath = here.path === '/' ? `/${part}` : `${here.path}/${part}`;
      const ino = here.driver.lookup(here.env, here.ino, part);
      if (typeof ino !== 'number') return fail(ino);
      const over = mountedOn(childPath);
      if (over) {
        cur = mountRoot(over);
        if (!cur.ok) return cur;
        continue;
      }
      const childAttr = here.driver.getattr(here.env, ino);
      if (childAttr?.type === 'symlink' && (pending.length > 0 || follow)) {
        if (++links > MAX_SYMLINKS) return fail('ELOOP');
        const target = childAttr.target ?? '';
        pending = [...components(target.startsWith('/') ? target : `${here.path}/${target}`), ...pending];
        cur = mountRoot(rootMount);
        if (!cur.ok) return cur;
        continue;
      }
      cur = okv({ ...here, path: childPath, ino });
    }
    return cur;
  };

  const stat = (path: string, follow = true): Result<Attr> => {
    const r = resolve(path, follow);
    if (!r.ok) return r;
    const attr = r.value.driver.getattr(r.value.env, r.value.ino);
    if (!attr) return fail('ENOENT');
    const m = r.value.mount;
    return okv(m.idmap ? { ...attr, uid: diskToKernel(m, 'u', attr.uid), gid: diskToKernel(m, 'g', attr.gid) } : attr);
  };

  /**
   * The directory that holds `path`, the last name, and the physical path of that name.
   * A last component of `.` or `..` names no entry to create, remove or rename: EINVAL
   * (rmdir(2), rename(2)); the root has no parent: EBUSY.
   */
  const parentOf = (path: string): Result<{ dir: Resolved; name: string; full: string }> => {
    const parts = components(path);
    const name = parts.pop();
    if (name === undefined) return fail('EBUSY');
    if (name === '..') return fail('EINVAL');
    const dir = resolve('/' + parts.join('/'));
    if (!dir.ok) return dir;
    const attr = dir.value.driver.getattr(dir.value.env, dir.value.ino);
    if (attr?.type !== 'dir') return fail('ENOTDIR');
    return okv({ dir: dir.value, name, full: dir.value.path === '/' ? `/${name}` : `${dir.value.path}/${name}` });
  };

  const readOnly = (r: Resolved): Errno | null => (r.sb.readOnly || r.mount.options.split(',').includes('ro') ? 'EROFS' : null);

  const writeContentAt = (path: string, data: Content, options: WriteOptions = {}): Result<null> => {
    cache.clear();
    let r = resolve(path);
    if (!r.ok) {
      if (r.errno !== 'ENOENT' || !options.create) return r;
      const made = createNode(path, { type: 'file', mode: 0o666 & ~umask });
      if (!made.ok) return made;
      r = resolve(path);
      if (!r.ok) return r;
    }
    const at = r.value;
    const attr = at.driver.getattr(at.env, at.ino);
    if (attr?.type === 'dir') return fail('EISDIR');
    // Character devices: /dev/full is always full (null(4)); the others swallow writes.
    if (attr?.type === 'chr') return attr.rdev?.[0] === 1 && attr.rdev[1] === 7 && contentLength(data) > 0 ? fail('ENOSPC') : okv(null);
    const ro = readOnly(at);
    if (ro) return fail(ro);
    if (!at.driver.write) return at.driver.failsAtWrite && contentLength(data) === 0 ? okv(null) : fail(at.driver.readOnlyErrno);
    const offset = options.append ? (attr?.size ?? 0) : (options.offset ?? 0);
    const problem = at.driver.write(at.env, at.ino, data, offset, options.truncate ?? false);
    return problem ? fail(problem) : okv(null);
  };

  const createNode = (path: string, node: Partial<NewNode> & { type: NodeType }): Result<null> => {
    cache.clear();
    const p = parentOf(path);
    if (!p.ok) return p.errno === 'EBUSY' || p.errno === 'EINVAL' ? fail('EEXIST') : p;
    const { dir, name, full } = p.value;
    if (mountedOn(full)) return fail('EEXIST');
    const ro = readOnly(dir);
    if (ro) return fail(ro);
    if (!dir.driver.create) {
      return fail(dir.driver.lookup(dir.env, dir.ino, name) === 'ENOENT' ? (dir.driver.createErrno ?? dir.driver.readOnlyErrno) : 'EEXIST');
    }
    const made = dir.driver.create(dir.env, dir.ino, name, {
      type: node.type,
      mode: node.mode ?? (node.type === 'dir' ? 0o777 & ~umask : 0o666 & ~umask),
      uid: kernelToDisk(dir.mount, 'u', node.uid ?? owner.uid),
      gid: kernelToDisk(dir.mount, 'g', node.gid ?? owner.gid),
      ...(node.rdev ? { rdev: node.rdev } : {}),
      ...(node.target !== undefined ? { target: node.target } : {}),
    });
    return typeof made === 'number' ? okv(null) : fail(made);
  };

  const view: Vfs = {
    host,
    resolve,
    stat,
    kind(path) {
      const s = stat(path);
      return s.ok ? s.value.type : null;
    },
    list(path) {
      const r = resolve(path);
      if (!r.ok) return r;
      const names = r.value.driver.readdir(r.value.env, r.value.ino);
      if (typeof names === 'string') return { ok: false, errno: names };
      // Mountpoints directly below show even when the filesystem under them lacks the directory.
      const full = r.value.path;
      const extra = table()
        .filter((m) => m.path !== '/' && dirname(m.path) === full)
        .map((m) => basename(m.path));
      return { ok: true, names: [...new Set([...names, ...extra])] };
    },
    readContent(path) {
      const r = resolve(path);
      if (!r.ok) return r;
      const content = r.value.driver.read(r.value.env, r.value.ino);
      return typeof content === 'string' ? fail(content) : okv(content);
    },
    read(path) {
      const c = view.readContent(path);
      if (!c.ok) return c;
      const text = materialise(c.value);
      return text === null ? { ok: false, errno: 'EFBIG' } : { ok: true, text };
    },
    writeContent: writeContentAt,
    write(path, text, append) {
      const w = writeContentAt(path, textContent(text), { create: true, append, truncate: !append });
      return w.ok ? { ok: true } : w;
    },
    resize(path, size) {
      cache.clear();
      const r = resolve(path);
      if (!r.ok) return r;
      const ro = readOnly(r.value);
      if (ro) return fail(ro);
      if (!r.value.driver.resize) return fail(r.value.driver.readOnlyErrno);
      const problem = r.value.driver.resize(r.value.env, r.value.ino, size);
      return problem ? fail(problem) : okv(null);
    },
    mkdir(path, mode) {
      return createNode(path, { type: 'dir', ...(mode !== undefined ? { mode: mode & ~umask } : {}) });
    },
    create: createNode,
    remove(path, dir) {
      cache.clear();
      const p = parentOf(path);
      if (!p.ok) return p;
      const { dir: parent, name, full } = p.value;
      if (mountedOn(full)) return fail('EBUSY');
      const ino = parent.driver.lookup(parent.env, parent.ino, name);
      if (typeof ino !== 'number') return fail(ino);
      const attr = parent.driver.getattr(parent.env, ino);
      if (dir && attr?.type !== 'dir') return fail('ENOTDIR');
      if (!dir && attr?.type === 'dir') return fail('EISDIR');
      const ro = readOnly(parent);
      if (ro) return fail(ro);
      if (!parent.driver.remove) return fail(parent.driver.removeErrno ?? parent.driver.readOnlyErrno);
      const problem = parent.driver.remove(parent.env, parent.ino, name);
      return problem ? fail(problem) : okv(null);
    },
    rename(from, to) {
      cache.clear();
      const src = parentOf(from);
      if (!src.ok) return src;
      const dst = parentOf(to);
      if (!dst.ok) return dst;
      if (mountedOn(src.value.full) || mountedOn(dst.value.full)) return fail('EBUSY');
      const exists = src.value.dir.driver.lookup(src.value.dir.env, src.value.dir.ino, src.value.name);
      if (typeof exists !== 'number') return fail(exists);
      // rename(2): the two names must be on the same mount (EXDEV otherwise; mv then copies).
      if (src.value.dir.mount.id !== dst.value.dir.mount.id) return fail('EXDEV');
      const ro = readOnly(src.value.dir);
      if (ro) return fail(ro);
      const driver = src.value.dir.driver;
      if (!driver.rename) return fail(driver.removeErrno ?? driver.readOnlyErrno);
      const problem = driver.rename(src.value.dir.env, src.value.dir.ino, src.value.name, dst.value.dir.ino, dst.value.name);
      return problem ? fail(problem) : okv(null);
    },
    setattr(path, change, follow = true) {
      cache.clear();
      const r = resolve(path, follow);
      if (!r.ok) return r;
      const ro = readOnly(r.value);
      if (ro) return fail(ro);
      if (!r.value.driver.setattr) return fail(r.value.driver.setattrErrno ?? r.value.driver.readOnlyErrno);
      const m = r.value.mount;
      const stored = m.idmap ? { ...change, ...(change.uid !== undefined ? { uid: kernelToDisk(m, 'u', change.uid) } : {}), ...(change.gid !== undefined ? { gid: kernelToDisk(m, 'g', change.gid) } : {}) } : change;
      const problem = r.value.driver.setattr(r.value.env, r.value.ino, stored);
      return problem ? fail(problem) : okv(null);
    },
    statfs(path) {
      const r = resolve(path);
      if (!r.ok) return r;
      return okv({ ...r.value.driver.statfs(r.value.env), mount: r.value.mount, sb: r.value.sb });
    },
    mounts: table,
    size(path) {
      const s = stat(path);
      return s.ok ? s.value.size : 0;
    },
  };
  return view;
}

/** Length in bytes of a text once written (st_size of a file holding it). */
export function textSize(text: string): number {
  return contentLength(textContent(text));
}
