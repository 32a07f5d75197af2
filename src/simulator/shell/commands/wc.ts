/**
 * `wc [-lwcmL] [FILE]...`: counts lines, words and bytes. Number width follows coreutils
 * wc.c compute_number_width(): the digits of the total size of the regular files read
 * (stdin redirected from a file with `<` is one), at least 7 when reading a pipe or a
 * non-regular file, and 1 when a single count of a
 * single input is asked for.
 */
// @sim wc | GNU coreutils 9.1 wc(1): -l -w -c -m -L; number width as wc.c compute_number_width
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { quotef, readInputs } from '../input-files';
import { resolvePath } from '../path';
import { byteLength, STRERROR } from '../vfs';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

/** The `wc` command. */
export const wc: Command = {
  spec: {
    name: 'wc',
    summary: 'count lines, words and bytes',
    usage: 'wc [OPTION]... [FILE]...',
    // coreutils 9.1 `wc --help`, the lines before the options (the simulator has no --files0-from).
    description: '  or:  wc [OPTION]... --files0-from=F\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.\n\nWith no FILE, or when FILE is -, read standard input.\n\nThe options below may be used to select which counts are printed, always in\nthe following order: newline, word, character, byte, maximum line length.',
    options: [
      { key: 'bytes', short: 'c', long: 'bytes', help: 'print the byte counts' },
      { key: 'chars', short: 'm', long: 'chars', help: 'print the character counts' },
      { key: 'lines', short: 'l', long: 'lines', help: 'print the newline counts' },
      { key: 'maxLine', short: 'L', long: 'max-line-length', help: 'print the maximum display width' },
      { key: 'words', short: 'w', long: 'words', help: 'print the word counts' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.1 wc',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    let show = { lines: !!f['lines'], words: !!f['words'], chars: !!f['chars'], bytes: !!f['bytes'], maxLine: !!f['maxLine'] };
    if (!Object.values(show).some(Boolean)) show = { lines: true, words: true, chars: false, bytes: true, maxLine: false };
    const operands = opts.operands;
    const inputs = readInputs(ctx, operands);
    const selected = Object.values(show).filter(Boolean).length;

    // wc.c get_input_fstatus + compute_number_width.
    let width = 1;
    if (!(inputs.length === 1 && selected === 1)) {
      let minimum = 1;
      let regularTotal = 0;
      // Files that cannot be stat'ed add nothing (fstatus.failed is stat()'s -1, still <= 0).
      for (const input of inputs) {
        if (input.path === null) {
          // stdin: a file opened with `<` is sized like any regular file; a pipe or terminal is not.
          if (ctx.stdinIsFile) regularTotal += byteLength(input.text ?? '');
          else minimum = 7;
        } else {
          const kind = ctx.vfs.kind(resolvePath(ctx.cwd, input.name));
          if (kind === 'file') regularTotal += ctx.vfs.size(input.path);
          else if (kind === 'dir') minimum = 7;
        }
      }
      width = Math.max(String(regularTotal).length, minimum);
    }

    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    const output = orderedOutput();
    const line = (c: Counts, name: string | null): string => {
      const cols: number[] = [];
      if (show.lines) cols.push(c.lines);
      if (show.words) cols.push(c.words);
      if (show.chars) cols.push(c.chars);
      if (show.bytes) cols.push(c.bytes);
      if (show.maxLine) cols.push(c.maxLine);
      // wc.c write_counts: "%*s" per number, one space between, then " NAME".
      const numbers = cols.map((n) => String(n).padStart(width)).join(' ');
      return name === null ? `${numbers}\n` : `${numbers} ${name}\n`;
    };
    for (const input of inputs) {
      if (input.errno === 'ENOENT' || input.errno === 'ENOTDIR') {
        output.err(`wc: ${quotef(input.name)}: ${STRERROR[input.errno]}\n`);
        continue;
      }
      let counts: Counts;
      if (input.errno) {
        // A directory opens but read() fails: the error, then zero counts (wc.c wc()).
        output.err(`wc: ${quotef(input.name)}: ${STRERROR[input.errno]}\n`);
        counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
      } else counts = count(input.text);
      output.out(line(counts, operands.length === 0 ? null : input.name));
      total.lines += counts.lines;
      total.words += counts.words;
      total.chars += counts.chars;
      total.bytes += counts.bytes;
      total.maxLine = Math.max(total.maxLine, counts.maxLine);
    }
    if (inputs.length > 1) output.out(line(total, 'total'));
    return output.result(output.failed ? 1 : 0);
  },
};

function count(text: string): Counts {
  const lines = (text.match(/\n/g) ?? []).length;
  const words = text.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '').length;
  const chars = [...text].length;
  let maxLine = 0;
  for (const l of text.split('\n')) {
    // -L counts display width; tabs advance to the next multiple of 8 (wc.c).
    let w = 0;
    for (const ch of l) w = ch === '\t' ? w + 8 - (w % 8) : w + 1;
    maxLine = Math.max(maxLine, w);
  }
  return { lines, words, chars, bytes: byteLength(text), maxLine };
}
