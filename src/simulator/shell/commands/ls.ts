/**
 * `ls [-aAl1dhF] [FILE]...`: lists directories. On a terminal names go in columns (80 wide),
 * otherwise one per line; sorted by byte value as under LC_ALL=C.
 */
// @sim ls | GNU coreutils 9.1 ls(1): -a -A -1 -l -d -h -F, columns as ls.c print_many_per_line (spaces, 80 cols), "cannot access" exit 2
import type { NodeType } from '../../engines/kernel/types';
import type { Command, CommandContext } from '../command-spec';
import { byteOrder } from '../glob';
import { orderedOutput } from '../command-output';
import { quoteaf } from '../input-files';
import { columns, humanSize, lsTime } from '../ls-format';
import { resolvePath } from '../path';
import { STRERROR } from '../vfs';

interface Entry {
  name: string;
  path: string;
  kind: NodeType;
}

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
      { key: 'directory', short: 'd', long: 'directory', help: 'list directories themselves, not their contents' },
      { key: 'classify', short: 'F', long: 'classify', help: 'append indicator (one of */=>@|) to entries' },
      { key: 'human', short: 'h', long: 'human-readable', help: 'with -l, print sizes like 1K 234M 2G etc.' },
      { key: 'long', short: 'l', help: 'use a long listing format' },
      { key: 'one', short: '1', help: 'list one file per line' },
    ],
    arguments: 'gnu',
    usageStatus: 2,
    imitates: 'GNU coreutils 9.1 ls',
    simplified: 'owners, modes and times are representative (every file is root\'s, stamped with the virtual clock)',
  },
  run(ctx, _argv, opts) {
    // ls.c: of -a/-A, and of -l/-1, the last one given wins.
    const last = (a: string, b: string): string | undefined => opts.order.filter((k) => k === a || k === b).pop();
    const dots = last('all', 'almostAll');
    const long = last('long', 'one') === 'long';
    const f = { ...opts.flags, all: dots === 'all' ? true : undefined, almostAll: dots === 'almostAll' ? true : undefined, one: long ? undefined : opts.flags['one'] } as Record<string, true | string | undefined>;
    const operands = opts.operands.length > 0 ? opts.operands : ['.'];
    let stderr = '';
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const name of operands) {
      const path = resolvePath(ctx.cwd, name);
      const kind = ctx.vfs.kind(path);
      if (kind === null) {
        // ls.c: "cannot access %s" with quoteaf; exit 2 (LS_FAILURE) for a missing operand.
        stderr += `ls: cannot access ${quoteaf(name)}: ${STRERROR.ENOENT}\n`;
        continue;
      }
      (kind === 'dir' && !f['directory'] ? dirs : files).push({ name, path, kind });
    }
    files.sort((a, b) => byteOrder(a.name, b.name));
    dirs.sort((a, b) => byteOrder(a.name, b.name));

    const blocks: string[] = [];
    if (files.length > 0) blocks.push(render(ctx, files, long, f, false));
    const headers = operands.length > 1 || stderr !== '';
    for (const dir of dirs) {
      const listed = ctx.vfs.list(dir.path);
      const names = listed.ok ? listed.names : [];
      const shown: Entry[] = names
        .filter((n) => f['all'] || f['almostAll'] || !n.startsWith('.'))
        .map((n) => {
          const path = resolvePath(dir.path, n);
          return { name: n, path, kind: ctx.vfs.kind(path) ?? 'file' };
        });
      if (f['all']) shown.push({ name: '.', path: dir.path, kind: 'dir' }, { name: '..', path: resolvePath(dir.path, '..'), kind: 'dir' });
      shown.sort((a, b) => byteOrder(a.name, b.name));
      const body = render(ctx, shown, long, f, true);
      blocks.push(headers ? `${dir.name}:\n${body}` : body);
    }
    // ls.c reports the operands it cannot access while sorting them, before any listing.
    const output = orderedOutput();
    output.err(stderr);
    output.out(blocks.join('\n'));
    return output.result(stderr ? 2 : 0);
  },
};

function render(ctx: CommandContext, entries: Entry[], long: boolean, f: Record<string, true | string | undefined>, isDir: boolean): string {
  const label = (e: Entry): string => e.name + (f['classify'] && e.kind === 'dir' ? '/' : '');
  if (!long) {
    const names = entries.map(label);
    return ctx.tty && !f['one'] ? columns(names, Number(ctx.lookup('COLUMNS')) || 80) : names.map((n) => n + '\n').join('');
  }
  const rows = entries.map((e) => {
    const size = ctx.vfs.size(e.path);
    const owner = 'root';
    const group = e.path.startsWith('/etc/pve/') && e.kind === 'file' ? 'www-data' : 'root';
    return {
      mode: modeOf(e),
      links: e.kind === 'dir' ? String(2 + subdirCount(ctx, e.path)) : '1',
      owner,
      group,
      size: f['human'] ? humanSize(size) : String(size),
      blocks: e.kind === 'dir' ? 4 : Math.ceil(size / 4096) * 4,
      name: label(e),
    };
  });
  const w = (k: 'links' | 'owner' | 'group' | 'size'): number => Math.max(0, ...rows.map((r) => r[k].length));
  const time = lsTime(ctx.world.clock);
  // ls.c print_long_format: mode, links (right), owner (left), group (left), size (right), time, name.
  const lines = rows.map((r) => `${r.mode} ${r.links.padStart(w('links'))} ${r.owner.padEnd(w('owner'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${time} ${r.name}\n`);
  const total = rows.reduce((s, r) => s + r.blocks, 0);
  return (isDir ? `total ${f['human'] ? humanSize(total * 1024) : total}\n` : '') + lines.join('');
}

function modeOf(e: Entry): string {
  if (e.kind === 'dir') return e.path === '/tmp' ? 'drwxrwxrwt' : e.path === '/root' ? 'drwx------' : 'drwxr-xr-x';
  if (e.path === '/dev/null') return 'crw-rw-rw-';
  if (e.path.startsWith('/proc/')) return '-r--r--r--';
  // pmxcfs shows /etc/pve files as 0640 root:www-data; open-iscsi creates initiatorname.iscsi 0600.
  if (e.path.startsWith('/etc/pve/')) return '-rw-r-----';
  if (e.path === '/etc/iscsi/initiatorname.iscsi') return '-rw-------';
  return '-rw-r--r--';
}

function subdirCount(ctx: CommandContext, path: string): number {
  const listed = ctx.vfs.list(path);
  if (!listed.ok) return 0;
  return listed.names.filter((n) => ctx.vfs.kind(resolvePath(path, n)) === 'dir').length;
}
