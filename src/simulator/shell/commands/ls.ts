/**
 * `ls [-aAdFhilnrSt1C] [FILE]...`: lists directories and files with the metadata the kernel
 * reports (lstat: type and mode, links, owner and group by name from the /etc files the
 * process sees, size or device numbers, mtime, link targets). On a terminal names go in
 * columns (80 wide) and are quoted in shell-escape style, otherwise one per line, as they
 * are; sorted by byte value as under LC_ALL=C.
 */
// @sim ls | GNU coreutils 9.7 ls(1), ls.c: -a -A -C -d -F -h -i -l -n -r -S -t -1, lstat metadata (modes with setuid/setgid/sticky, owners through /etc/passwd and /etc/group and the user namespace, `major, minor`, six-month time rule in UTC, `-> target`), shell-escape quoting on a terminal, columns as print_many_per_line, "cannot access" exit 2
import type { Attr } from '../../engines/kernel/types';
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { byteOrder } from '../glob';
import { columns } from '../ls-format';
import { longLines, shortItems, totalLine, type LsEntry, type LsStyle } from '../ls-long';
import { resolvePath } from '../path';
import { quotearg, quoteaf } from '../quotearg';
import { idNames, seenId } from '../user-names';
import { STRERROR } from '../vfs';

type Format = 'long' | 'columns' | 'one';

const COLON: ReadonlySet<string> = new Set([':']);

/** The `ls` command. */
export const ls: Command = {
  spec: {
    name: 'ls',
    summary: 'list directory contents',
    usage: 'ls [OPTION]... [FILE]...',
    // coreutils 9.1 `ls --help`, the lines before the options.
    description: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'all', short: 'a', long: 'all', help: 'do not ignore entries starting with .' },
      { key: 'almostAll', short: 'A', long: 'almost-all', help: 'do not list implied . and ..' },
      { key: 'columns', short: 'C', help: 'list entries by columns' },
      { key: 'directory', short: 'd', long: 'directory', help: 'list directories themselves, not their contents' },
      { key: 'classify', short: 'F', long: 'classify', help: 'append indicator (one of */=>@|) to entries' },
      { key: 'human', short: 'h', long: 'human-readable', help: 'with -l, print sizes like 1K 234M 2G etc.' },
      { key: 'inode', short: 'i', long: 'inode', help: 'print the index number of each file' },
      { key: 'long', short: 'l', help: 'use a long listing format' },
      { key: 'numeric', short: 'n', long: 'numeric-uid-gid', help: 'like -l, but list numeric user and group IDs' },
      { key: 'reverse', short: 'r', long: 'reverse', help: 'reverse order while sorting' },
      { key: 'bySize', short: 'S', help: 'sort by file size, largest first' },
      { key: 'byTime', short: 't', help: 'sort by time, newest first' },
      { key: 'one', short: '1', help: 'list one file per line' },
    ],
    arguments: 'gnu',
    usageStatus: 2,
    imitates: 'GNU coreutils 9.7 ls',
    simplified: 'no colours, no -R, no --time-style or --sort; times are mtimes shown in UTC; names are quoted on the terminal as the real ls does, without wide-character widths',
  },
  run(ctx, _argv, opts) {
    // ls.c decode_switches: of -a/-A, of -l/-n/-1/-C, and of -t/-S, the last one given wins.
    const last = (...keys: string[]): string | undefined => opts.order.filter((k) => keys.includes(k)).pop();
    const dots = last('all', 'almostAll');
    const fmtKey = last('long', 'numeric', 'one', 'columns');
    const format: Format = fmtKey === 'long' || fmtKey === 'numeric' ? 'long' : fmtKey === 'one' ? 'one' : fmtKey === 'columns' || ctx.tty ? 'columns' : 'one';
    const sortKey = last('bySize', 'byTime');
    const f = opts.flags;
    const immediate = f['directory'] === true;
    const classify = f['classify'] === true;
    const names = idNames(ctx);
    // ls.c: shell-escape quoting on a terminal, none into a pipe; -F also quotes its indicator characters.
    const style: LsStyle = {
      quoting: ctx.tty ? 'shell-escape' : 'literal',
      quoteThese: classify ? new Set(['*', '=', '>', '@', '|']) : null,
      alignQuotes: ctx.tty,
      classify,
      inode: f['inode'] === true,
      numeric: f['numeric'] === true,
      human: f['human'] === true,
      user: (id) => names.user(id),
      group: (id) => names.group(id),
      now: ctx.world.clock,
    };
    // ls.c: without -l, -d or -F, a command-line symlink to a directory is followed (DEREF_COMMAND_LINE_SYMLINK_TO_DIR).
    const derefArgs = !(immediate || classify || format === 'long');
    const view = (attr: Attr): Attr => ({ ...attr, uid: seenId(ctx, attr.uid, 'uid'), gid: seenId(ctx, attr.gid, 'gid') });
    const entryOf = (name: string, path: string, attr: Attr): LsEntry => {
      const e: LsEntry = { name, path, attr: view(attr) };
      if (attr.type === 'symlink' && format === 'long') {
        e.target = attr.target ?? '';
        const t = ctx.vfs.stat(path, true);
        e.targetAttr = t.ok ? t.value : null;
      }
      return e;
    };
    const compare = (a: LsEntry, b: LsEntry): number => {
      let d = 0;
      if (sortKey === 'byTime') d = b.attr.mtime - a.attr.mtime;
      else if (sortKey === 'bySize') d = b.attr.size - a.attr.size;
      d = d || byteOrder(a.name, b.name);
      return f['reverse'] ? -d : d;
    };

    const output = orderedOutput();
    let status = 0;
    const operands = opts.operands.length > 0 ? opts.operands : ['.'];
    const files: LsEntry[] = [];
    const dirs: LsEntry[] = [];
    let failedQuoted = false;
    for (const name of operands) {
      let found = lookupOperand(ctx, name, derefArgs);
      if (derefArgs && (found.errno === 'ENOENT' || found.errno === 'ELOOP' || (found.attr && found.attr.type !== 'dir'))) found = lookupOperand(ctx, name, false);
      if (!found.attr) {
        // ls.c gobble_file: "cannot access %s" (quoteaf); a command-line operand is a serious failure, exit 2.
        output.err(`ls: cannot access ${quoteaf(name)}: ${STRERROR[found.errno]}\n`);
        status = 2;
        // gobble_file looks at the name's quoting before stat: a failed operand still pads the others.
        if (quotearg(name, style.quoting, style.quoteThese) !== name) failedQuoted = true;
        continue;
      }
      (found.attr.type === 'dir' && !immediate ? dirs : files).push(entryOf(name, found.path, found.attr));
    }
    files.sort(compare);
    dirs.sort(compare);

    const render = (entries: LsEntry[], isDir: boolean, someQuoted = false): string => {
      const st = { ...style, someQuoted };
      if (format === 'long') return (isDir ? totalLine(entries, st.human) + '\n' : '') + longLines(entries, st).map((l) => l + '\n').join('');
      const items = shortItems(entries, st);
      return format === 'columns' ? columns(items, Number(ctx.lookup('COLUMNS')) || 80) : items.map((n) => n + '\n').join('');
    };
    // ls.c main: a directory's name is printed above its listing unless it is the only operand;
    // a blank line separates the files from the directories and each directory from the next.
    const headers = operands.length > 1;
    if (files.length > 0) output.out(render(files, false, failedQuoted) + (dirs.length > 0 ? '\n' : ''));
    let first = true;
    for (const dir of dirs) {
      const listed = ctx.vfs.list(dir.path);
      if (!listed.ok) {
        // ls.c print_dir: "cannot open directory %s".
        output.err(`ls: cannot open directory ${quoteaf(dir.name)}: ${STRERROR[listed.errno]}\n`);
        status = 2;
        continue;
      }
      if (headers) {
        // ls.c dirname_quoting_options: the listing's style with ':' quoted too.
        output.out(`${first ? '' : '\n'}${quotearg(dir.name, style.quoting, COLON)}:\n`);
        first = false;
      }
      const shown: LsEntry[] = [];
      for (const n of listed.names) {
        if (!(f['all'] || f['almostAll']) && n.startsWith('.')) continue;
        const path = resolvePath(dir.path, n);
        const st = ctx.vfs.stat(path, false);
        if (st.ok) shown.push(entryOf(n, path, st.value));
      }
      if (dots === 'all') {
        for (const [n, p] of [['.', dir.path], ['..', resolvePath(dir.path, '..')]] as const) {
          const st = ctx.vfs.stat(p, true);
          if (st.ok) shown.push(entryOf(n, p, st.value));
        }
      }
      shown.sort(compare);
      output.out(render(shown, true));
    }
    return output.result(status);
  },
};
