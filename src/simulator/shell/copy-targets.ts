/**
 * The operands of cp and mv (cp.c do_copy, mv.c main): SOURCE DEST, or SOURCE... DIRECTORY.
 * With more than two operands the last must be a directory; with two, an existing
 * directory DEST receives SOURCE under its own name. Also the checks both make before
 * copying or renaming anything: the same file twice, a directory into itself.
 */
import type { Attr } from '../engines/kernel/types';
import type { CommandContext, CommandResult } from './command-spec';
import { childName } from './file-tree';
import { resolvePath } from './path';
import { quoteaf } from './quotearg';
import { usageError } from './usage-error';
import { STRERROR } from './vfs';

/** One SOURCE → destination pair. */
export interface CopyPair {
  src: string;
  dst: string;
  /** The destination as the messages show it (`d/f` for `cp f d`). */
  dstShown: string;
}

/** The pairs to copy or move, or the usage error that stops the command. */
export function copyTargets(ctx: CommandContext, cmd: string, operands: string[]): { ok: true; pairs: CopyPair[] } | { ok: false; result: CommandResult } {
  if (operands.length === 0) return { ok: false, result: usageError(cmd, 'missing file operand') };
  const last = operands[operands.length - 1] as string;
  if (operands.length === 1) return { ok: false, result: usageError(cmd, `missing destination file operand after ${quoteaf(last)}`) };
  const target = ctx.vfs.stat(resolvePath(ctx.cwd, last), true);
  const intoDir = target.ok && target.value.type === 'dir';
  if (operands.length > 2 && !intoDir) {
    // cp.c / mv.c: "target %s" with the errno of the failed stat, or ENOTDIR.
    const errno = target.ok ? 'ENOTDIR' : target.errno;
    return { ok: false, result: { stdout: '', stderr: `${cmd}: target ${quoteaf(last)}: ${STRERROR[errno]}\n`, exitCode: 1 } };
  }
  const sources = operands.slice(0, -1);
  const pairs = sources.map((src) => {
    if (!intoDir) return { src, dst: resolvePath(ctx.cwd, last), dstShown: last };
    // The source's last component, without trailing slashes (cp d/ e → e/d).
    const base = src.replace(/\/+$/, '').split('/').pop() || src;
    return { src, dst: resolvePath(resolvePath(ctx.cwd, last), base), dstShown: childName(last, base) };
  });
  return { ok: true, pairs };
}

/** True when two paths name the same inode (the same filesystem and inode number). */
export function sameFile(ctx: CommandContext, a: string, b: string, follow: boolean): boolean {
  const ra = ctx.vfs.resolve(a, follow);
  const rb = ctx.vfs.resolve(b, follow);
  return ra.ok && rb.ok && ra.value.sb.id === rb.value.sb.id && ra.value.ino === rb.value.ino;
}

/** True when `dst` is `src` or below it (copying or moving a directory into itself). */
export function inside(src: string, dst: string): boolean {
  return dst === src || dst.startsWith(src === '/' ? '/' : src + '/');
}

/** The stat of a source, or the `cannot stat` message. */
export function statSource(ctx: CommandContext, cmd: string, name: string, follow: boolean): { ok: true; attr: Attr; path: string } | { ok: false; message: string } {
  const path = resolvePath(ctx.cwd, name);
  const st = ctx.vfs.stat(path, follow || name.endsWith('/'));
  if (!st.ok) return { ok: false, message: `${cmd}: cannot stat ${quoteaf(name)}: ${STRERROR[st.errno]}\n` };
  if (name.endsWith('/') && st.value.type !== 'dir') return { ok: false, message: `${cmd}: cannot stat ${quoteaf(name)}: ${STRERROR.ENOTDIR}\n` };
  return { ok: true, attr: st.value, path };
}
