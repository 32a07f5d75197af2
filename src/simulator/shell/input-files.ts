/**
 * Reading the FILE operands of text filters (cat, grep, head, tail, wc): `-` or no operand
 * means standard input; each file is read from the host's VFS or yields an errno. Names in
 * messages are quoted the way GNU coreutils' quotef/quoteaf do (gnulib quotearg.c,
 * shell-escape style): plain when harmless, else in single quotes.
 */
import type { CommandContext } from './command-spec';
import { resolvePath } from './path';
import type { Errno } from './vfs';

/** One input: its name as given (`-` for stdin), and its text or why it could not be read. */
export type InputFile = { name: string; path: string | null; text: string; errno?: undefined } | { name: string; path: string | null; errno: Errno; text?: undefined };

/** Reads each operand (stdin when there is none). */
export function readInputs(ctx: CommandContext, operands: string[]): InputFile[] {
  const names = operands.length === 0 ? ['-'] : operands;
  return names.map((name) => {
    if (name === '-') return { name, path: null, text: ctx.stdin ?? '' };
    const path = resolvePath(ctx.cwd, name);
    const r = ctx.vfs.read(path);
    return r.ok ? { name, path, text: r.text } : { name, path, errno: r.errno };
  });
}

// gnulib quotearg.c: characters that never force quoting in shell-escape style. quotef is
// quotearg_n_style_colon(), which quotes `:` as well (file names in "FILE:LINE" messages).
const PLAIN = /^[A-Za-z0-9%+,\-./=@_^]+$/;

/** gnulib `quotef`: the name unquoted when safe, otherwise shell-quoted. */
export function quotef(name: string): string {
  return PLAIN.test(name) ? name : quoteAlways(name);
}

/** gnulib `quoteaf` (shell-escape-always): always quoted, `'name'`. */
export function quoteaf(name: string): string {
  return quoteAlways(name);
}

function quoteAlways(name: string): string {
  // A name holding `'` is put in double quotes when nothing else needs escaping there.
  if (name.includes("'") && !/["$`\\!]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** Splits text into lines the way line-oriented tools see them (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}
