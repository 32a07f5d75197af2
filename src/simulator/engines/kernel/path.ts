/**
 * POSIX path arithmetic: absolute paths, `.` and `..` resolved lexically (symbolic links
 * are followed by the VFS walk, which re-normalises after each one), `/` as the root.
 */

/** Joins `path` onto `cwd` (unless absolute) and normalises `.`, `..` and repeated slashes. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    // POSIX: `..` at the root stays at the root.
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * Joins `path` onto `cwd` (unless absolute) keeping `..` for the kernel to resolve: after a
 * symbolic link, `dir/link/..` is the link target's parent, not `dir` (path_resolution(7)).
 * Only `.` and repeated slashes go. This is what a program passes to open(2).
 */
export function joinPath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts = full.split('/').filter((p) => p !== '' && p !== '.');
  return '/' + parts.join('/');
}

/** The directory part of a normalised absolute path (`/etc/hostname` → `/etc`, `/` → `/`). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The last component of a path, ignoring trailing slashes (`/etc/` → `etc`, `/` → `/`). */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` or below it. */
export function isUnder(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}
