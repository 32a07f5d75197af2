/**
 * A host's virtual filesystem as commands see it: files derived from the lab (host-files.ts),
 * computed on every read so they never drift from the model, plus the files the reader
 * wrote with `>`/`>>` (ShellState.files). Derived files cannot be overwritten: a redirection
 * onto one fails with EROFS ("Read-only file system") — a simulator decision, since editing
 * /etc/hostname by hand would fork it from the lab; the lab or the tools change them.
 */
import { hostFiles, type DerivedFile } from './host-files';
import { basename, dirname } from './path';
import type { SimState } from './session';
import type { LabHost } from './lab-types';

/** errno names used by the VFS; messages come from strerror (glibc 2.36). */
export type Errno = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'EFBIG' | 'ENOSPC' | 'EACCES';

/** glibc strerror() text for each errno the simulator produces. */
export const STRERROR: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EACCES: 'Permission denied',
};

/** A user file may hold at most 1 MiB, and a host's user files 8 MiB together, to keep the state small. */
export const MAX_USER_FILE = 1 << 20;
const MAX_USER_TOTAL = 8 << 20;

/** What a path is. */
export type FileKind = 'file' | 'dir';

/** Read-only and overlay operations on one host's files; paths are absolute and normalised. */
export interface HostVfs {
  stat(path: string): FileKind | null;
  read(path: string): { ok: true; text: string } | { ok: false; errno: Errno };
  list(path: string): { ok: true; names: string[] } | { ok: false; errno: Errno };
  write(path: string, text: string, append: boolean): { ok: true } | { ok: false; errno: Errno };
  /** st_size as stat(2) reports it: /proc files say 0 (which `wc` relies on). */
  size(path: string): number;
  /** True for files computed from the lab. */
  isDerived(path: string): boolean;
}

/** Builds the view of `host`'s files for the current state. */
export function createHostVfs(state: SimState, host: LabHost): HostVfs {
  const derived = new Map<string, DerivedFile>();
  const dirs = new Set<string>(['/']);
  const table = hostFiles(state, host);
  for (const dir of table.dirs) addDir(dirs, dir);
  for (const file of table.files) {
    derived.set(file.path, file);
    addDir(dirs, dirname(file.path));
  }
  const user = (): Record<string, string> => state.shell.files[host.name] ?? {};

  const stat = (path: string): FileKind | null => {
    if (dirs.has(path)) return 'dir';
    if (derived.has(path) || Object.hasOwn(user(), path)) return 'file';
    return null;
  };
  const parentError = (path: string): Errno | null => {
    const parent = dirname(path);
    const kind = stat(parent);
    if (kind === null) return parentError(parent) ?? 'ENOENT';
    return kind === 'file' ? 'ENOTDIR' : null;
  };

  return {
    stat,
    isDerived: (path) => derived.has(path),
    read(path) {
      if (dirs.has(path)) return { ok: false, errno: 'EISDIR' };
      const file = derived.get(path);
      if (file) return { ok: true, text: file.render() };
      const files = user();
      if (Object.hasOwn(files, path)) return { ok: true, text: files[path] as string };
      return { ok: false, errno: parentError(path) ?? 'ENOENT' };
    },
    list(path) {
      const kind = stat(path);
      if (kind === 'file') return { ok: false, errno: 'ENOTDIR' };
      if (kind === null) return { ok: false, errno: 'ENOENT' };
      const names = new Set<string>();
      const prefix = path === '/' ? '/' : path + '/';
      const consider = (p: string): void => {
        if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(basename(p));
      };
      dirs.forEach(consider);
      derived.forEach((_f, p) => consider(p));
      Object.keys(user()).forEach(consider);
      return { ok: true, names: [...names] };
    },
    write(path, text, append) {
      if (dirs.has(path)) return { ok: false, errno: 'EISDIR' };
      if (derived.has(path)) return { ok: false, errno: derived.get(path)?.proc ? 'EACCES' : 'EROFS' };
      const problem = parentError(path);
      if (problem) return { ok: false, errno: problem };
      if (path.startsWith('/proc/') || path.startsWith('/sys/')) return { ok: false, errno: 'ENOENT' };
      const files = (state.shell.files[host.name] ??= {});
      const next = append ? (files[path] ?? '') + text : text;
      if (next.length > MAX_USER_FILE) return { ok: false, errno: 'EFBIG' };
      const total = Object.entries(files).reduce((sum, [p, t]) => sum + (p === path ? 0 : t.length), 0);
      if (total + next.length > MAX_USER_TOTAL) return { ok: false, errno: 'ENOSPC' };
      files[path] = next;
      return { ok: true };
    },
    size(path) {
      const file = derived.get(path);
      if (file) return file.proc ? 0 : byteLength(file.render());
      const files = user();
      if (Object.hasOwn(files, path)) return byteLength(files[path] as string);
      return dirs.has(path) ? 4096 : 0;
    },
  };
}

function addDir(dirs: Set<string>, dir: string): void {
  let d = dir;
  while (!dirs.has(d)) {
    dirs.add(d);
    d = dirname(d);
  }
}

/** UTF-8 byte length of a string (what `wc -c` and st_size count). */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
