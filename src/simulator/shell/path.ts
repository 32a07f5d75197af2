/**
 * Path arithmetic for the shell and its commands:
 * - `resolvePath(cwd, path)`: the absolute path a program hands to the kernel — `..` is kept,
 *   so the VFS resolves it physically (after a symbolic link, `link/..` is the target's parent);
 * - `logicalPath(cwd, path)`: `..` cut lexically, as bash's `cd` (-L, the default) and `$PWD` do;
 * - `tildify` for prompts.
 */
export { basename, dirname } from '../engines/kernel/path';
export { joinPath as resolvePath, resolvePath as logicalPath } from '../engines/kernel/path';

/** Shows `path` with `~` for the home directory, as bash's `\w` and zsh's `%~` do. */
export function tildify(path: string, home: string): string {
  if (home !== '/' && (path === home || path.startsWith(home + '/'))) return '~' + path.slice(home.length);
  return path;
}
