/**
 * `head [-n N] [-c N] [FILE]...`: the first 10 lines (or N; `-n -N` all but the last N).
 * With several files, each gets a `==> NAME <==` header.
 */
// @sim head | GNU coreutils 9.1 head(1): -n [-]N, -c [-]N, -N, -q, -v; "cannot open %s for reading"
import { fail, type Command } from '../command-spec';
import { quoteaf, readInputs } from '../input-files';
import { linesWithEndings, parseCount, quoteLocale, rewriteObsoleteCount } from '../line-count';
import { STRERROR } from '../vfs';

/** The `head` command. */
export const head: Command = {
  spec: {
    name: 'head',
    summary: 'print the first lines of files',
    usage: 'head [OPTION]... [FILE]...',
    description: 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.',
    options: [
      { key: 'bytes', short: 'c', long: 'bytes', value: '[-]NUM', help: 'print the first NUM bytes of each file' },
      { key: 'lines', short: 'n', long: 'lines', value: '[-]NUM', help: 'print the first NUM lines instead of the first 10' },
      { key: 'quiet', short: 'q', long: 'quiet', help: 'never print headers giving file names' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'always print headers giving file names' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.1 head',
  },
  rewriteArgs: (argv) => rewriteObsoleteCount(argv, false),
  run(ctx, _argv, opts) {
    const bytesText = opts.flags['bytes'];
    const linesText = opts.flags['lines'];
    const byBytes = typeof bytesText === 'string';
    const countText = byBytes ? bytesText : typeof linesText === 'string' ? linesText : '10';
    const count = parseCount(countText);
    if (!count || count.sign === '+') {
      return fail(`head: invalid number of ${byBytes ? 'bytes' : 'lines'}: ${quoteLocale(countText)}`);
    }
    const inputs = readInputs(ctx, opts.operands);
    const headers = opts.flags['verbose'] === true || (inputs.length > 1 && !opts.flags['quiet']);
    let stdout = '';
    let stderr = '';
    let first = true;
    for (const input of inputs) {
      if (input.errno === 'ENOENT' || input.errno === 'ENOTDIR') {
        stderr += `head: cannot open ${quoteaf(input.name)} for reading: ${STRERROR[input.errno]}\n`;
        continue;
      }
      if (headers) {
        stdout += `${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`;
        first = false;
      }
      if (input.errno) {
        stderr += `head: error reading ${quoteaf(input.name)}: ${STRERROR[input.errno]}\n`;
        continue;
      }
      if (byBytes) {
        const chars = [...input.text];
        stdout += (count.sign === '-' ? chars.slice(0, Math.max(0, chars.length - count.n)) : chars.slice(0, count.n)).join('');
      } else {
        const lines = linesWithEndings(input.text);
        stdout += (count.sign === '-' ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n)).join('');
      }
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
