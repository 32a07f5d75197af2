/**
 * POSIX path arithmetic for the virtual filesystem: absolute paths only, `.` and `..`
 * resolved lexically (there are no symlinks in the simulator), `/` as root.
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

/** Shows `path` with `~` for the home directory, as bash's `\w` and zsh's `%~` do. */
export function tildify(path: string, home: string): string {
  if (home !== '/' && (path === home || path.startsWith(home + '/'))) return '~' + path.slice(home.length);
  return path;
}
