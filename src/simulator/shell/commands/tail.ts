/**
 * `tail [-n N] [-c N] [FILE]...`: the last 10 lines (or N; `-n +N` from line N on).
 * With several files, each gets a `==> NAME <==` header.
 */
// @sim tail | GNU coreutils 9.1 tail(1): -n [+]N, -c [+]N, -N, +N, -q, -v; -f prints once (no follow)
import type { Command } from '../command-spec';
import { printPartsOfFiles } from '../line-count';
import { tailObsolete } from '../obsolete-count';

/** The `tail` command. */
export const tail: Command = {
  spec: {
    name: 'tail',
    summary: 'print the last lines of files',
    usage: 'tail [OPTION]... [FILE]...',
    description: 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.\n\nMandatory arguments to long options are mandatory for short options too.',
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
  rewriteArgs: tailObsolete,
  run(ctx, _argv, opts) {
    // `-n +N`: from line N on (tail.c).
    return printPartsOfFiles('tail', ctx, opts, () => true, (items, count) =>
      count.sign === '+' ? items.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : items.slice(-count.n),
    );
  },
};
