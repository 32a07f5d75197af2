/**
 * `tail [-n N] [-c N] [FILE]...`: the last 10 lines (or N; `-n +N` from line N on).
 * With several files, each gets a `==> NAME <==` header.
 */
// @sim tail | GNU coreutils 9.1 tail(1): -n [+]N, -c [+]N, -N, +N, -q, -v; -f prints once (no follow)
import { fail, type Command } from '../command-spec';
import { quoteaf, readInputs } from '../input-files';
import { linesWithEndings, parseCount, quoteLocale, rewriteObsoleteCount } from '../line-count';
import { STRERROR } from '../vfs';

/** The `tail` command. */
export const tail: Command = {
  spec: {
    name: 'tail',
    summary: 'print the last lines of files',
    usage: 'tail [OPTION]... [FILE]...',
    description: 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.',
    options: [
      { key: 'bytes', short: 'c', long: 'bytes', value: '[+]NUM', help: 'output the last NUM bytes' },
      { key: 'follow', short: 'f', long: 'follow', help: 'output appended data as the file grows' },
      { key: 'lines', short: 'n', long: 'lines', value: '[+]NUM', help: 'output the last NUM lines, instead of the last 10' },
      { key: 'quiet', short: 'q', long: 'quiet', help: 'never output headers giving file names' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'always output headers giving file names' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.1 tail',
    simplified: '-f prints the file once and returns (nothing grows while you watch)',
  },
  rewriteArgs: (argv) => rewriteObsoleteCount(argv, true),
  run(ctx, _argv, opts) {
    const bytesText = opts.flags['bytes'];
    const linesText = opts.flags['lines'];
    const byBytes = typeof bytesText === 'string';
    const countText = byBytes ? bytesText : typeof linesText === 'string' ? linesText : '10';
    const count = parseCount(countText);
    if (!count) return fail(`tail: invalid number of ${byBytes ? 'bytes' : 'lines'}: ${quoteLocale(countText)}`);
    const inputs = readInputs(ctx, opts.operands);
    const headers = opts.flags['verbose'] === true || (inputs.length > 1 && !opts.flags['quiet']);
    let stdout = '';
    let stderr = '';
    let first = true;
    const pick = <T>(items: T[]): T[] => (count.sign === '+' ? items.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : items.slice(-count.n));
    for (const input of inputs) {
      if (input.errno === 'ENOENT' || input.errno === 'ENOTDIR') {
        stderr += `tail: cannot open ${quoteaf(input.name)} for reading: ${STRERROR[input.errno]}\n`;
        continue;
      }
      if (headers) {
        stdout += `${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`;
        first = false;
      }
      if (input.errno) {
        stderr += `tail: error reading ${quoteaf(input.name)}: ${STRERROR[input.errno]}\n`;
        continue;
      }
      stdout += byBytes ? pick([...input.text]).join('') : pick(linesWithEndings(input.text)).join('');
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
