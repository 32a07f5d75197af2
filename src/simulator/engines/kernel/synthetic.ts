/**
 * Filesystems computed from the model and the engines on every look, never stored: the
 * lab's /etc files, /etc/pve (pmxcfs), /proc, /sys and /dev. A provider lists the tree as
 * paths → nodes; syntheticDriver() turns that into an FsDriver (inode numbers are a stable
 * hash of the path, so `ls -i` and `stat` agree between two looks).
 */
import { stableHash } from '../random';
import { contentLength, textContent, type Content } from './content';
import type { FsDriver, FsEnv } from './driver';
import type { Errno } from './errno';
import type { Attr, NodeType, StatFs } from './types';

/** One computed file, directory, device or link. */
export interface SynthNode {
  type: NodeType;
  mode: number;
  uid?: number;
  gid?: number;
  /** The text of a file, computed when read. */
  render?: () => string;
  /** Or its content as descriptors. */
  content?: () => Content;
  /** procfs and sysfs files report st_size 0 (wc and cat rely on reading, not on the size). */
  zeroSize?: boolean;
  rdev?: [number, number];
  target?: string;
  /** Modification time (virtual ms); the host's boot time when left out. */
  mtime?: number;
}

/** A computed tree: path relative to the filesystem's root (`/`, `/hostname`, `/lxc/101.conf`) → node. */
export type SynthTree = Map<string, SynthNode>;

/** Builds a tree for one look. */
export type SynthProvider = (env: FsEnv) => SynthTree;

/** The parent of a tree path (`/a/b` → `/a`). */
export function treeParent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Adds the directories every node needs above it (mode 0755, root-owned). */
export function withParents(tree: SynthTree): SynthTree {
  if (!tree.has('/')) tree.set('/', { type: 'dir', mode: 0o755 });
  for (const path of [...tree.keys()]) {
    let dir = treeParent(path);
    while (!tree.has(dir)) {
      tree.set(dir, { type: 'dir', mode: 0o755 });
      dir = treeParent(dir);
    }
  }
  return tree;
}

/** The inode number a computed path gets (`base` keeps overlays apart from stored inodes). */
export function synthIno(path: string, base = 0): number {
  return path === '/' && base === 0 ? 1 : base + 2 + (stableHash(0, 'ino', path) % 0x3ffffff0);
}

/** The content of a computed node. */
export function synthContent(node: SynthNode): Content {
  if (node.content) return node.content();
  return textContent(node.render ? node.render() : '');
}

/** stat of a computed node. */
export function synthAttr(node: SynthNode, ino: number, tree: SynthTree, path: string, bootTime: number): Attr {
  const size = node.type === 'dir' ? 0 : node.type === 'symlink' ? (node.target ?? '').length : node.zeroSize ? 0 : contentLength(synthContent(node));
  const subdirs = node.type === 'dir' ? [...tree.entries()].filter(([p, n]) => n.type === 'dir' && p !== '/' && treeParent(p) === path).length : 0;
  const t = node.mtime ?? bootTime;
  return {
    ino,
    type: node.type,
    mode: node.mode,
    uid: node.uid ?? 0,
    gid: node.gid ?? 0,
    nlink: node.type === 'dir' ? 2 + subdirs : 1,
    size,
    blocks: node.type === 'file' && !node.zeroSize ? Math.ceil(size / 4096) * 8 : 0,
    blksize: 4096,
    atime: t,
    mtime: t,
    ctime: t,
    ...(node.rdev ? { rdev: node.rdev } : {}),
    ...(node.target !== undefined ? { target: node.target } : {}),
  };
}

/** The names directly inside `dir` of a tree. */
export function synthChildren(tree: SynthTree, dir: string): string[] {
  const prefix = dir === '/' ? '/' : dir + '/';
  const names: string[] = [];
  for (const path of tree.keys()) {
    if (path !== '/' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) names.push(path.slice(prefix.length));
  }
  return names;
}

/** Finds the path of an inode number in a tree (a scan; drivers use lookTree's index). */
export function findPath(tree: SynthTree, ino: number, base = 0): string | undefined {
  for (const path of tree.keys()) if (synthIno(path, base) === ino) return path;
  return undefined;
}

/** How a computed filesystem refuses changes and what df sees of it. */
export interface SyntheticOptions {
  readOnlyErrno: Errno;
  failsAtWrite?: boolean;
  createErrno?: Errno;
  removeErrno?: Errno;
  setattrErrno?: Errno;
  /** statfs; all zero (df hides it) when absent. */
  statfs?: (env: FsEnv) => StatFs;
}

/** A tree with its inode index, built once per look. */
interface IndexedTree {
  tree: SynthTree;
  byIno: Map<number, string>;
}

/** Builds (or takes from the view's cache) a provider's tree with its inode index. */
export function lookTree(env: FsEnv, key: string, build: () => SynthTree, base = 0): IndexedTree {
  const cached = env.cache?.get(key) as IndexedTree | undefined;
  if (cached) return cached;
  const tree = withParents(build());
  const byIno = new Map<number, string>();
  for (const path of tree.keys()) byIno.set(synthIno(path, base), path);
  const made = { tree, byIno };
  env.cache?.set(key, made);
  return made;
}

/** An FsDriver over a provider: read-only, changes get `readOnlyErrno`. */
export function syntheticDriver(name: string, provider: SynthProvider, options: SyntheticOptions, bootTime: (env: FsEnv) => number): FsDriver {
  const indexed = (env: FsEnv): IndexedTree => lookTree(env, `synth:${env.sb.id}`, () => provider(env));
  const look = (env: FsEnv): SynthTree => indexed(env).tree;
  const pathOf = (env: FsEnv, ino: number): string | undefined => indexed(env).byIno.get(ino);
  return {
    name,
    readOnlyErrno: options.readOnlyErrno,
    ...(options.failsAtWrite ? { failsAtWrite: true } : {}),
    ...(options.createErrno ? { createErrno: options.createErrno } : {}),
    ...(options.removeErrno ? { removeErrno: options.removeErrno } : {}),
    ...(options.setattrErrno ? { setattrErrno: options.setattrErrno } : {}),
    root: () => 1,
    getattr(env, ino) {
      const tree = look(env);
      const path = pathOf(env, ino);
      const node = path !== undefined ? tree.get(path) : undefined;
      return node && path !== undefined ? synthAttr(node, ino, tree, path, bootTime(env)) : null;
    },
    lookup(env, dir, childName) {
      const tree = look(env);
      const path = pathOf(env, dir);
      if (path === undefined) return 'ENOENT';
      if (tree.get(path)?.type !== 'dir') return 'ENOTDIR';
      const child = path === '/' ? `/${childName}` : `${path}/${childName}`;
      return tree.has(child) ? synthIno(child) : 'ENOENT';
    },
    readdir(env, dir) {
      const tree = look(env);
      const path = pathOf(env, dir);
      if (path === undefined) return 'ENOENT';
      if (tree.get(path)?.type !== 'dir') return 'ENOTDIR';
      return synthChildren(tree, path);
    },
    read(env, ino) {
      const tree = look(env);
      const path = pathOf(env, ino);
      const node = path !== undefined ? tree.get(path) : undefined;
      if (!node) return 'ENOENT';
      if (node.type === 'dir') return 'EISDIR';
      return synthContent(node);
    },
    statfs: (env) => options.statfs?.(env) ?? { bsize: 4096, size: 0, used: 0, avail: 0, files: 0, ffree: 0 },
  };
}
