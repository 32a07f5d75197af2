/**
 * Looking up a FILE operand as the kernel's path walk does (path_resolution(7)): every
 * component before the last must be a directory (ENOTDIR for `file/x` and `file/..`,
 * ENOENT for `nope/..`, although the simulator's paths drop `..` lexically), and a trailing
 * slash follows a final symbolic link and requires a directory (`rm file/` → ENOTDIR).
 */
import type { Attr } from '../engines/kernel/types';
import type { CommandContext } from './command-spec';
import { resolvePath } from './path';
import type { Errno } from './vfs';

/** An operand looked up: its absolute path and stat, or why it cannot be. */
export type Operand = { name: string; path: string; attr: Attr; errno?: undefined } | { name: string; path: string; attr?: undefined; errno: Errno };

/** True when the name ends so that it must be a directory (`x/`, `x/.`, `x/..`, `.`). */
export function namesDirectory(name: string): boolean {
  return /(^|\/)\.{1,2}$/.test(name) || name.endsWith('/');
}

/** Checks the directories a name walks through, left to right: the first that is missing or not a directory. */
export function walkErrno(ctx: CommandContext, name: string): Errno | null {
  if (name === '') return 'ENOENT';
  const parts = name.split('/');
  let prefix = name.startsWith('/') ? '/' : '';
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    if (part === '') continue;
    prefix = prefix === '' ? part : prefix.endsWith('/') ? prefix + part : `${prefix}/${part}`;
    if (parts.slice(i + 1).every((p) => p === '')) break;
    const st = ctx.vfs.stat(resolvePath(ctx.cwd, prefix), true);
    if (!st.ok) return st.errno;
    if (st.value.type !== 'dir') return 'ENOTDIR';
  }
  return null;
}

/** stat(2) (`follow`) or lstat(2) of an operand, with the kernel's trailing-slash rules. */
export function lookupOperand(ctx: CommandContext, name: string, follow: boolean): Operand {
  const path = resolvePath(ctx.cwd, name);
  const walk = walkErrno(ctx, name);
  if (walk) return { name, path, errno: walk };
  const mustBeDir = namesDirectory(name);
  const st = ctx.vfs.stat(path, follow || mustBeDir);
  if (!st.ok) return { name, path, errno: st.errno };
  if (mustBeDir && st.value.type !== 'dir') return { name, path, errno: 'ENOTDIR' };
  return { name, path, attr: st.value };
}
