/**
 * Shared by head and tail: reading a line or byte count (`5`, `-5`, `+5`, with coreutils'
 * multiplier suffixes), splitting text into newline-terminated pieces, and the loop over
 * files with `==> NAME <==` headers.
 */
import type { CommandContext, CommandResult, ParsedOptions } from './command-spec';
import { fail } from './command-spec';
import { orderedOutput } from './command-output';
import { quoteaf, readInputs } from './input-files';
import { STRERROR } from './vfs';

/** A parsed count: `sign` is `-` (all but the last N), `+` (from the Nth) or none. */
export interface LineCount {
  n: number;
  sign: '' | '-' | '+';
}

// coreutils xdectoumax with "bkKmMGTPEZY" suffixes (head.c/tail.c string_to_integer).
const SUFFIX: Record<string, number> = { b: 512, k: 1024, K: 1024, KB: 1000, KiB: 1024, M: 1 << 20, MB: 1e6, MiB: 1 << 20, G: 1 << 30, GB: 1e9, GiB: 1 << 30 };

/** Parses a count like `10`, `-3`, `+2`, `1K`; null when invalid. */
export function parseCount(text: string): LineCount | null {
  const m = /^([-+]?)([0-9]+)([A-Za-z]*)$/.exec(text.trim());
  if (!m) return null;
  const mult = m[3] ? SUFFIX[m[3]] : 1;
  if (mult === undefined) return null;
  return { n: Number(m[2]) * mult, sign: m[1] as LineCount['sign'] };
}

/** Splits text into lines that keep their `\n` (the last may lack one). */
export function linesWithEndings(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

/** coreutils quote() in a UTF-8 locale: ‘text’ (gnulib quotearg.c locale_quoting_style). */
export function quoteLocale(text: string): string {
  return `\u2018${text}\u2019`;
}

/**
 * The part of head and tail that is the same (coreutils head.c/tail.c): the count from
 * `-n`/`-c` (10 lines by default), each input read in turn, `==> NAME <==` headers when
 * there are several (or `-v`, not with `-q`), and unreadable files reported on stderr.
 * `pick` chooses the lines or characters to print from one input.
 */
export function printPartsOfFiles(
  command: 'head' | 'tail',
  ctx: CommandContext,
  opts: ParsedOptions,
  countAllowed: (count: LineCount) => boolean,
  pick: <T>(items: T[], count: LineCount) => T[],
): CommandResult {
  const bytesText = opts.flags['bytes'];
  const linesText = opts.flags['lines'];
  const byBytes = typeof bytesText === 'string';
  const countText = byBytes ? bytesText : typeof linesText === 'string' ? linesText : '10';
  const count = parseCount(countText);
  if (!count || !countAllowed(count)) {
    return fail(`${command}: invalid number of ${byBytes ? 'bytes' : 'lines'}: ${quoteLocale(countText)}`);
  }
  // tail.c main(): the last 0 lines or bytes of anything is nothing, so tail opens no file
  // at all (no headers, no errors for missing files) and succeeds.
  if (command === 'tail' && count.n === 0 && count.sign !== '+') return { stdout: '', stderr: '', exitCode: 0 };
  const inputs = readInputs(ctx, opts.operands);
  const headers = opts.flags['verbose'] === true || (inputs.length > 1 && !opts.flags['quiet']);
  const output = orderedOutput();
  let first = true;
  for (const input of inputs) {
    if (input.errno === 'ENOENT' || input.errno === 'ENOTDIR') {
      output.err(`${command}: cannot open ${quoteaf(input.name)} for reading: ${STRERROR[input.errno]}\n`);
      continue;
    }
    if (headers) {
      output.out(`${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
      first = false;
    }
    // head.c: the first 0 lines or bytes need no read(), so a directory gives no error then.
    if (input.errno && command === 'head' && count.n === 0 && count.sign !== '-') continue;
    if (input.errno) {
      output.err(`${command}: error reading ${quoteaf(input.name)}: ${STRERROR[input.errno]}\n`);
      // tail 9.1 gives up on the remaining files after a read error when it counts bytes
      // (-c N, -c +N); counting lines it goes on (checked against the real tail).
      if (command === 'tail' && byBytes) break;
      continue;
    }
    output.out((byBytes ? pick([...input.text], count) : pick(linesWithEndings(input.text), count)).join(''));
  }
  return output.result(output.failed ? 1 : 0);
}
