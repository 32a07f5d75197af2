/**
 * `head [-n N] [-c N] [FILE]...`: the first 10 lines (or N; `-n -N` all but the last N).
 * With several files, each gets a `==> NAME <==` header.
 */
// @sim head | GNU coreutils 9.1 head(1): -n [-]N, -c [-]N, -N, -q, -v; "cannot open %s for reading"
import type { Command } from '../command-spec';
import { printPartsOfFiles } from '../line-count';
import { headObsolete } from '../obsolete-count';

/** The `head` command. */
export const head: Command = {
  spec: {
    name: 'head',
    summary: 'print the first lines of files',
    usage: 'head [OPTION]... [FILE]...',
    description: 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.\n\nMandatory arguments to long options are mandatory for short options too.',
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
  rewriteArgs: headObsolete,
  run(ctx, _argv, opts) {
    // `-n -N`: all but the last N; `-n +N` is simply N (head.c string_to_integer reads the sign as xstrtoumax does).
    return printPartsOfFiles('head', ctx, opts, () => true, (items, count) =>
      count.sign === '-' ? items.slice(0, Math.max(0, items.length - count.n)) : items.slice(0, count.n),
    );
  },
};
