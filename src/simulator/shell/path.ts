/**
 * Path arithmetic for the shell: the kernel's (engines/kernel/path.ts), plus `tildify` for
 * prompts.
 */
export { basename, dirname, resolvePath } from '../engines/kernel/path';

/** Shows `path` with `~` for the home directory, as bash's `\w` and zsh's `%~` do. */
export function tildify(path: string, home: string): string {
  if (home !== '/' && (path === home || path.startsWith(home + '/'))) return '~' + path.slice(home.length);
  return path;
}
