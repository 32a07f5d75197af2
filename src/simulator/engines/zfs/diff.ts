/**
 * `zfs diff`: what changed in a filesystem between a snapshot and a later snapshot or the
 * live filesystem (libzfs_diff.c, dmu_diff.c). Objects are compared in object (inode) order:
 * one only in the older view was removed (`-`), only in the newer added (`+`); in both with a
 * changed ctime it is modified (`M`), or renamed (`R`) when its path moved. A directory whose
 * entries changed is itself modified. Hard-link count changes (`M ... (+1)`) are left out.
 */
// @sim zfs | OpenZFS 2.3 zfs diff SNAPSHOT [SNAPSHOT|FILESYSTEM]: M/+/-/R lines in object order, paths escaped as libzfs_diff.c stream_bytes
import type { MemfsData, StoredInode } from '../kernel/types';
import { mountedPath } from '../../model/mountpoints';
import type { World } from '../world';
import { poolOfName, poolState } from './pool';
import type { DatasetState } from './state';
import { headInodes, inodeAt } from './versions';

/** One line of `zfs diff`. */
export interface DiffEntry {
  type: 'M' | '+' | '-' | 'R';
  path: string;
  /** The new path of a rename. */
  to?: string;
}

/** A refusal: the whole line zfs prints. */
export type DiffError = { ok: false; message: string };

/** The inode table a view sees: the head's (txg undefined) or a snapshot's. */
function view(ds: DatasetState, head: MemfsData | undefined, txg: number | undefined): Map<number, StoredInode> {
  const out = new Map<number, StoredInode>();
  const inos = new Set<number>([...Object.keys(head?.inodes ?? {}).map(Number), ...ds.saved.map((v) => v.ino)]);
  for (const ino of inos) {
    const node = txg === undefined ? (head?.inodes[ino] ?? null) : inodeAt(ds, head, ino, txg);
    if (node) out.set(ino, node);
  }
  return out;
}

/** Paths by inode of a view, walked from its root (`/` for the root itself). */
function paths(nodes: Map<number, StoredInode>, root: number): Map<number, string> {
  const out = new Map<number, string>();
  const walk = (ino: number, path: string, depth: number): void => {
    const node = nodes.get(ino);
    if (!node || depth > 64 || out.has(ino)) return;
    out.set(ino, path);
    for (const [name, child] of Object.entries(node.entries ?? {})) walk(child, `${path === '/' ? '' : path}/${name}`, depth + 1);
  };
  walk(root, '/', 0);
  return out;
}

/** The UTF-8 bytes of a string (paths are bytes on disk). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** libzfs_diff.c stream_bytes: bytes outside `!`…`~` and the backslash as `\ooo` (4 octal digits). */
export function streamBytes(text: string): string {
  let out = '';
  for (const byte of utf8(text)) out += byte > 0x20 && byte !== 0x5c && byte < 0x7f ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(4, '0')}`;
  return out;
}

/** The changes from `from` (`fs@snap`) to `to` (`fs@snap2`, `@snap2`, the filesystem, or undefined for it). */
export function diffDataset(world: World, host: string, from: string, to: string | undefined): { ok: true; entries: DiffEntry[] } | DiffError {
  const at = from.indexOf('@');
  // libzfs_diff.c get_snapshot_names.
  if (at < 0) return { ok: false, message: `Badly formed snapshot name ${from}: invalid name` };
  const fsName = from.slice(0, at);
  const pool = poolState(world, host, poolOfName(fsName));
  const ds = pool?.datasets[fsName];
  if (!ds || ds.type !== 'filesystem') return { ok: false, message: `cannot open '${fsName}': dataset does not exist` };
  const snapTxg = (name: string): number | undefined => ds.snapshots.find((s) => s.name === name)?.txg;
  const fromTxg = snapTxg(from.slice(at + 1));
  if (fromTxg === undefined) return { ok: false, message: `Unable to obtain diffs: No such file or directory` };
  let toTxg: number | undefined;
  if (to !== undefined && to.includes('@')) {
    const [toFs, toSnap] = [to.slice(0, to.indexOf('@')), to.slice(to.indexOf('@') + 1)];
    if (toFs !== '' && toFs !== fsName) return { ok: false, message: `Unable to obtain diffs: \n   Not an earlier snapshot from the same fs` };
    toTxg = snapTxg(toSnap);
    if (toTxg === undefined) return { ok: false, message: `Unable to obtain diffs: No such file or directory` };
    if (toTxg < fromTxg) return { ok: false, message: `Unable to obtain diffs: \n   Not an earlier snapshot from the same fs` };
  } else if (to !== undefined && to !== fsName) {
    return { ok: false, message: `Unable to obtain diffs: \n   Not an earlier snapshot from the same fs` };
  }
  const head = headInodes(world, host, fsName);
  const root = head?.root ?? 1;
  const older = view(ds, head, fromTxg);
  const newer = view(ds, head, toTxg);
  const oldPaths = paths(older, root);
  const newPaths = paths(newer, root);
  const lab = world.lab.hosts.find((h) => h.name === host);
  const mnt = (lab ? mountedPath(lab, fsName) : undefined) ?? `/${fsName}`;
  const full = (p: string) => streamBytes(`${mnt === '/' ? '' : mnt}${p}`);
  const entries: DiffEntry[] = [];
  const inos = [...new Set([...older.keys(), ...newer.keys()])].sort((a, b) => a - b);
  for (const ino of inos) {
    const a = older.get(ino);
    const b = newer.get(ino);
    const pa = oldPaths.get(ino);
    const pb = newPaths.get(ino);
    if (a && pa !== undefined && (!b || pb === undefined)) entries.push({ type: '-', path: full(pa) });
    else if (b && pb !== undefined && (!a || pa === undefined)) entries.push({ type: '+', path: full(pb) });
    else if (a && b && pa !== undefined && pb !== undefined) {
      const same = a.ctime === b.ctime && JSON.stringify({ ...a, atime: 0 }) === JSON.stringify({ ...b, atime: 0 });
      if (same) continue;
      entries.push(pa === pb ? { type: 'M', path: full(pa) } : { type: 'R', path: full(pa), to: full(pb) });
    }
  }
  return { ok: true, entries };
}
