/**
 * `df [-ahHikPlT] [-B SIZE] [-t TYPE] [-x TYPE] [--output[=FIELDS]] [--total] [FILE]...`:
 * free space of the mounted file systems, from the mount table of the shell's namespace
 * and statfs(2) of each (engines/kernel/vfs.ts). Which file systems are listed, the
 * columns, their widths and the rounding are coreutils 9.7 df.c's.
 */
// @sim df | GNU coreutils 9.7 df(1), df.c: -a -B -h -H -i -k -l -P -T -t -x --output --total, FILE operands, hidden dummy and empty file systems, duplicate devices, ceiling rounding of sizes and Use%
import type { Command, CommandContext, ParsedOptions } from '../command-spec';
import { orderedOutput } from '../command-output';
import { filterMountList, readMountList, statDev, type MountListEntry } from '../df-mounts';
import { HUMAN, humanOptions, humanReadable } from '../human-readable';
import { quotef } from '../input-files';
import { quoteLocale } from '../line-count';
import { resolvePath } from '../path';
import { STRERROR } from '../vfs';
import { LONGINT } from '../xstrtol';

type Field = 'source' | 'fstype' | 'itotal' | 'iused' | 'iavail' | 'ipcent' | 'size' | 'used' | 'avail' | 'pcent' | 'file' | 'target';

/** df.c field_data[]: header, minimum width, right-aligned, block or inode values. */
const FIELDS: Record<Field, { caption: string; width: number; right: boolean; kind: 'block' | 'inode' | 'other' }> = {
  source: { caption: 'Filesystem', width: 14, right: false, kind: 'other' },
  fstype: { caption: 'Type', width: 4, right: false, kind: 'other' },
  size: { caption: 'blocks', width: 5, right: true, kind: 'block' },
  used: { caption: 'Used', width: 5, right: true, kind: 'block' },
  avail: { caption: 'Available', width: 5, right: true, kind: 'block' },
  pcent: { caption: 'Use%', width: 4, right: true, kind: 'block' },
  itotal: { caption: 'Inodes', width: 5, right: true, kind: 'inode' },
  iused: { caption: 'IUsed', width: 5, right: true, kind: 'inode' },
  iavail: { caption: 'IFree', width: 5, right: true, kind: 'inode' },
  ipcent: { caption: 'IUse%', width: 4, right: true, kind: 'inode' },
  target: { caption: 'Mounted on', width: 0, right: false, kind: 'other' },
  file: { caption: 'File', width: 0, right: false, kind: 'other' },
};
const ALL_FIELDS: Field[] = ['source', 'fstype', 'itotal', 'iused', 'iavail', 'ipcent', 'size', 'used', 'avail', 'pcent', 'file', 'target'];

/** A statfs result in df's terms (struct fs_usage); null members are unknown (`-`). */
interface FsUsage {
  blocksize: bigint;
  blocks: bigint | null;
  bfree: bigint | null;
  bavail: bigint | null;
  files: bigint | null;
  ffree: bigint | null;
}

type Mode = 'default' | 'inodes' | 'human' | 'posix' | 'output';

interface Settings {
  mode: Mode;
  columns: { field: Field; caption: string }[];
  humanOpts: number;
  blockSize: bigint;
  showAll: boolean;
  showLocal: boolean;
  total: boolean;
  select: string[];
  exclude: string[];
}

const usage = (message: string): ReturnType<Command['run']> => ({ stdout: '', stderr: `df: ${message}\nTry 'df --help' for more information.\n`, exitCode: 1 });

/** The options in the order given, as getopt hands them to df.c main(). */
function settingsFrom(argv: string[], opts: ParsedOptions): { ok: true; s: Settings } | { ok: false; result: ReturnType<Command['run']> } {
  let mode = 'default' as Mode;
  let printType = false;
  let posix = false;
  let human: { opts: number; blockSize: bigint } | null = null;
  const columns: { field: Field; caption: string }[] = [];
  const used = new Set<Field>();
  const s = { showAll: false, showLocal: false, total: false, select: [] as string[], exclude: [] as string[] };
  const seen: Record<string, number> = {};
  const addFields = (list: string): string | null => {
    for (const name of list.split(',')) {
      if (!(ALL_FIELDS as string[]).includes(name)) return `option --output: field ${quoteLocale(name)} unknown`;
      const field = name as Field;
      if (used.has(field)) return `option --output: field ${quoteLocale(field)} used more than once`;
      used.add(field);
      columns.push({ field, caption: field === 'size' ? 'Size' : field === 'avail' ? 'Avail' : FIELDS[field].caption });
    }
    return null;
  };
  for (const key of opts.order) {
    const value = opts.all[key]?.[(seen[key] = (seen[key] ?? -1) + 1)];
    switch (key) {
      case 'all':
        s.showAll = true;
        break;
      case 'blockSize': {
        const choice = humanOptions(value ?? '');
        if (choice.err !== LONGINT.OK) {
          const long = argv.some((a) => a.startsWith('--b'));
          const what = choice.err & LONGINT.INVALID_SUFFIX_CHAR ? 'invalid suffix in %s argument' : choice.err === LONGINT.OVERFLOW ? '%s argument' : 'invalid %s argument';
          const text = what.replace('%s', long ? '--block-size' : '-B');
          return { ok: false, result: { stdout: '', stderr: `df: ${text} '${value}'${choice.err === LONGINT.OVERFLOW ? ' too large' : ''}\n`, exitCode: 1 } };
        }
        human = choice;
        break;
      }
      case 'inodes':
        if (mode === 'output') return { ok: false, result: usage('options -i and --output are mutually exclusive') };
        mode = 'inodes';
        break;
      case 'human':
        human = { opts: HUMAN.autoscale | HUMAN.SI | HUMAN.base1024, blockSize: 1n };
        break;
      case 'si':
        human = { opts: HUMAN.autoscale | HUMAN.SI, blockSize: 1n };
        break;
      case 'k':
        human = { opts: 0, blockSize: 1024n };
        break;
      case 'local':
        s.showLocal = true;
        break;
      case 'printType':
        if (mode === 'output') return { ok: false, result: usage('options -T and --output are mutually exclusive') };
        printType = true;
        break;
      case 'portability':
        if (mode === 'output') return { ok: false, result: usage('options -P and --output are mutually exclusive') };
        posix = true;
        break;
      case 'type':
        s.select.push(value ?? '');
        break;
      case 'exclude':
        s.exclude.push(value ?? '');
        break;
      case 'total':
        s.total = true;
        break;
      case 'output': {
        if (mode === 'inodes') return { ok: false, result: usage('options -i and --output are mutually exclusive') };
        if (posix && mode === 'default') return { ok: false, result: usage('options -P and --output are mutually exclusive') };
        if (printType) return { ok: false, result: usage('options -T and --output are mutually exclusive') };
        mode = 'output';
        if (typeof value === 'string') {
          const problem = addFields(value);
          if (problem) return { ok: false, result: usage(problem) };
        }
        break;
      }
    }
  }
  const chosen = human ?? (posix ? { opts: 0, blockSize: 1024n } : humanOptions(null));
  // df.c main(): -i and --output keep their mode; otherwise autoscaled sizes mean the -h layout, then -P's.
  if (mode === 'default') mode = chosen.opts & HUMAN.autoscale ? 'human' : posix ? 'posix' : 'default';
  if (mode === 'output' && columns.length === 0) addFields(ALL_FIELDS.join(','));
  if (mode !== 'output') {
    const list: Field[] = mode === 'inodes' ? ['source', ...(printType ? ['fstype' as Field] : []), 'itotal', 'iused', 'iavail', 'ipcent', 'target'] : ['source', ...(printType ? ['fstype' as Field] : []), 'size', 'used', 'avail', 'pcent', 'target'];
    for (const field of list) {
      const caption = mode === 'human' && field === 'size' ? 'Size' : mode === 'human' && field === 'avail' ? 'Avail' : mode === 'posix' && field === 'pcent' ? 'Capacity' : FIELDS[field].caption;
      columns.push({ field, caption });
    }
  }
  return { ok: true, s: { ...s, mode, columns, humanOpts: chosen.opts, blockSize: chosen.blockSize } };
}

/** df.c get_header(): the size column says its block size (`1K-blocks`, `1024-blocks` with -P). */
function header(st: Settings, field: Field, caption: string): string {
  if (field === 'size' && (st.mode === 'default' || (st.mode === 'output' && !(st.humanOpts & HUMAN.autoscale)))) {
    let opts = HUMAN.suppressPointZero | HUMAN.autoscale | HUMAN.SI | (st.humanOpts & (HUMAN.groupDigits | HUMAN.base1024 | HUMAN.B));
    // Prefer the base that makes the block size exact.
    let q1000 = st.blockSize;
    let q1024 = st.blockSize;
    let by1000: boolean;
    let by1024: boolean;
    do {
      by1000 = q1000 % 1000n === 0n;
      q1000 /= 1000n;
      by1024 = q1024 % 1024n === 0n;
      q1024 /= 1024n;
    } while (by1000 && by1024);
    if (!by1000 && by1024) opts |= HUMAN.base1024;
    if (!by1024 && by1000) opts &= ~HUMAN.base1024;
    if (!(opts & HUMAN.base1024)) opts |= HUMAN.B;
    return `${humanReadable(st.blockSize, opts, 1, 1)}-blocks`;
  }
  if (st.mode === 'posix' && field === 'size') return `${st.blockSize}-blocks`;
  return caption;
}

/** df.c Use%: used / (used + available), rounded up; `-` when unknown or nothing is there. */
function percent(used: bigint | null, avail: bigint | null): string {
  if (used === null || avail === null) return '-';
  const total = used + avail;
  if (total <= 0n) return '-';
  if (used < 0n) return `${Math.ceil((Number(used) * 100) / Number(total))}%`;
  const u100 = used * 100n;
  return `${u100 / total + (u100 % total !== 0n ? 1n : 0n)}%`;
}

/** statfs(2) of a path in df's terms, or the errno. */
function usageOf(ctx: CommandContext, path: string): FsUsage | { errno: keyof typeof STRERROR } {
  const r = ctx.vfs.statfs(path);
  if (!r.ok) return { errno: r.errno };
  const bs = BigInt(r.value.bsize);
  const blocks = BigInt(Math.floor(r.value.size / r.value.bsize));
  return {
    blocksize: bs,
    blocks,
    bfree: blocks - BigInt(Math.ceil(r.value.used / r.value.bsize)),
    bavail: BigInt(Math.floor(r.value.avail / r.value.bsize)),
    files: BigInt(r.value.files),
    ffree: BigInt(r.value.ffree),
  };
}

/** The cells of one row (df.c get_dev), or null when the row is not shown. */
function row(st: Settings, fsu: FsUsage, device: string, mountPoint: string, file: string | null, fstype: string): string[] {
  const cell = (n: bigint | null, input: bigint, output: bigint): string => (n === null ? '-' : n < 0n ? `-${humanReadable(-n, st.humanOpts, input, output)}` : humanReadable(n, st.humanOpts, input, output));
  const bUsed = fsu.blocks !== null && fsu.bfree !== null ? fsu.blocks - fsu.bfree : null;
  const iUsed = fsu.files !== null && fsu.ffree !== null ? fsu.files - fsu.ffree : null;
  return st.columns.map(({ field }) => {
    switch (field) {
      case 'source':
        return device;
      case 'fstype':
        return fstype;
      case 'size':
        return cell(fsu.blocks, fsu.blocksize, st.blockSize);
      case 'used':
        return cell(bUsed, fsu.blocksize, st.blockSize);
      case 'avail':
        return cell(fsu.bavail, fsu.blocksize, st.blockSize);
      case 'pcent':
        return percent(bUsed, fsu.bavail);
      case 'itotal':
        return cell(fsu.files, 1n, 1n);
      case 'iused':
        return cell(iUsed, 1n, 1n);
      case 'iavail':
        return cell(fsu.ffree, 1n, 1n);
      case 'ipcent':
        return percent(iUsed, fsu.ffree);
      case 'file':
        return file ?? '-';
      case 'target':
        return mountPoint;
    }
  });
}

/** df.c print_table(): columns padded to their widest cell, the last one not padded. */
function table(st: Settings, rows: string[][]): string {
  // replace_problematic_chars(): control characters show as `?`.
  const clean = rows.map((r) => r.map((c) => c.replace(/[\x00-\x1f\x7f]/g, '?')));
  const widths = st.columns.map(({ field }, i) => Math.max(FIELDS[field].width, ...clean.map((r) => [...(r[i] as string)].length)));
  return clean
    .map((r) =>
      r
        .map((c, i) => {
          const fill = (widths[i] as number) - [...c].length;
          const field = (st.columns[i] as { field: Field }).field;
          if (FIELDS[field].right) return ' '.repeat(fill) + c;
          return i + 1 < r.length ? c + ' '.repeat(fill) : c;
        })
        .join(' '),
    )
    .join('\n') + '\n';
}

/** The `df` command. */
export const df: Command = {
  spec: {
    name: 'df',
    summary: 'report file system space usage',
    usage: 'df [OPTION]... [FILE]...',
    description: 'Show information about the file system on which each FILE resides,\nor all file systems by default.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'all', short: 'a', long: 'all', help: 'include pseudo, duplicate, inaccessible file systems' },
      { key: 'blockSize', short: 'B', long: 'block-size', value: 'SIZE', help: "scale sizes by SIZE before printing them; e.g.,\n                           '-BM' prints sizes in units of 1,048,576 bytes" },
      { key: 'human', short: 'h', long: 'human-readable', help: 'print sizes in powers of 1024 (e.g., 1023M)' },
      { key: 'si', short: 'H', long: 'si', help: 'print sizes in powers of 1000 (e.g., 1.1G)' },
      { key: 'inodes', short: 'i', long: 'inodes', help: 'list inode information instead of block usage' },
      { key: 'k', short: 'k', help: 'like --block-size=1K' },
      { key: 'local', short: 'l', long: 'local', help: 'limit listing to local file systems' },
      { key: 'noSync', long: 'no-sync', help: 'do not invoke sync before getting usage info (default)' },
      { key: 'output', long: 'output', value: 'FIELD_LIST', optionalValue: true, help: 'use the output format defined by FIELD_LIST,\n                               or print all fields if FIELD_LIST is omitted' },
      { key: 'portability', short: 'P', long: 'portability', help: 'use the POSIX output format' },
      { key: 'sync', long: 'sync', help: 'invoke sync before getting usage info' },
      { key: 'total', long: 'total', help: 'elide all entries insignificant to available space,\n                          and produce a grand total' },
      { key: 'type', short: 't', long: 'type', value: 'TYPE', help: 'limit listing to file systems of type TYPE' },
      { key: 'printType', short: 'T', long: 'print-type', help: 'print file system type' },
      { key: 'exclude', short: 'x', long: 'exclude-type', value: 'TYPE', help: 'limit listing to file systems not of type TYPE' },
      { key: 'v', short: 'v', help: '(ignored)' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 df',
    simplified:
      'sizes come from the simulator\'s file systems: memfs counts only file data in 4 KiB blocks (no metadata, no reserved blocks), ZFS datasets share their pool\'s approximate free space, and /dev, /etc/pve and the cgroup file system report no blocks (so they are not listed); the DF_BLOCK_SIZE, BLOCK_SIZE and POSIXLY_CORRECT variables are not read',
  },
  run(ctx, argv, opts) {
    const parsed = settingsFrom(argv, opts);
    if (!parsed.ok) return parsed.result;
    const st = parsed.s;
    const output = orderedOutput();
    for (const t of st.select) {
      if (st.exclude.includes(t)) output.err(`df: file system type ${quoteLocale(t)} both selected and excluded\n`);
    }
    if (output.failed) return output.result(1);
    const selected = (type: string): boolean => (st.select.length === 0 || st.select.includes(type)) && !st.exclude.includes(type);
    let status = 0;

    // FILE operands are stat'ed first (automount_stat_err); a missing one is reported and dropped.
    const files: { name: string; path: string; type: string }[] = [];
    for (const name of opts.operands) {
      const path = resolvePath(ctx.cwd, name);
      const s = ctx.vfs.stat(path);
      if (!s.ok) {
        output.err(`df: ${quotef(name)}: ${STRERROR[s.errno]}\n`);
        status = 1;
      } else files.push({ name, path, type: s.value.type });
    }
    const mounts = readMountList(ctx);
    const rows: string[][] = [st.columns.map(({ field, caption }) => header(st, field, caption))];
    const grand = { blocks: 0n, bfree: 0n, bavail: 0n, files: 0n, ffree: 0n };
    const showListed = opts.operands.length > 0;

    /** df.c get_dev(). */
    const show = (me: MountListEntry, file: string | null, statFile: string | null, processAll: boolean, byDev?: Map<string, MountListEntry>): void => {
      if (me.remote && st.showLocal) return;
      if (me.dummy && !st.showAll && !showListed) return;
      if (!selected(me.type)) return;
      if (!me.mountdir.startsWith('/')) return;
      let fstype = me.type;
      let fsu = usageOf(ctx, statFile ?? me.mountdir);
      if ('errno' in fsu) {
        if (processAll && (fsu.errno === 'EACCES' || fsu.errno === 'ENOENT')) {
          if (!st.showAll) return;
          fstype = '-';
          fsu = { blocksize: 1n, blocks: null, bfree: null, bavail: null, files: null, ffree: null };
        } else {
          output.err(`df: ${quotef(statFile ?? me.mountdir)}: ${STRERROR[fsu.errno]}\n`);
          status = 1;
          return;
        }
      } else if (processAll && st.showAll && byDev) {
        // An entry hidden by a later mount over it: its numbers would be another file system's.
        const dev = statDev(ctx, statFile ?? me.mountdir);
        const winner = dev ? byDev.get(dev) : undefined;
        if (winner && winner.devname !== me.devname && (!winner.remote || !me.remote)) {
          fstype = '-';
          fsu = { blocksize: 1n, blocks: null, bfree: null, bavail: null, files: null, ffree: null };
        }
      }
      if (fsu.blocks === 0n && !st.showAll && !showListed) return;
      if (st.total) {
        if (fsu.files !== null) grand.files += fsu.files;
        if (fsu.ffree !== null) grand.ffree += fsu.ffree;
        if (fsu.blocks !== null) grand.blocks += fsu.blocks * fsu.blocksize;
        if (fsu.bfree !== null) grand.bfree += fsu.bfree * fsu.blocksize;
        if (fsu.bavail !== null) grand.bavail += fsu.bavail * fsu.blocksize;
      }
      rows.push(row(st, fsu, me.devname, me.mountdir, file, fstype));
    };

    if (showListed) {
      for (const f of files) {
        // df.c get_entry(): a device node shows the file system mounted from it, if any.
        if (f.type === 'blk' || f.type === 'chr') {
          const canon = ctx.vfs.resolve(f.path);
          const mounted = canon.ok ? mounts.filter((m) => {
            const dev = ctx.vfs.resolve(m.devname);
            return m.devname.startsWith('/') && dev.ok && dev.value.path === canon.value.path;
          }) : [];
          const best = mounted.sort((a, b) => a.mountdir.length - b.mountdir.length)[0];
          if (best) {
            show(best, f.name, null, false);
            continue;
          }
        }
        // get_point(): the mount the file lives on.
        const where = ctx.vfs.resolve(f.path);
        const me = where.ok ? mounts.filter((m) => m.dev === where.value.sb.id && m.mountdir === where.value.mount.path).pop() : undefined;
        if (me) show(me, f.name, f.path, false);
      }
    } else {
      const filtered = filterMountList(ctx, mounts, { showAll: st.showAll, showLocal: st.showLocal, total: st.total, selected });
      for (const me of st.showAll ? mounts : filtered.list) show(me, null, null, true, filtered.byDev);
    }

    if (rows.length > 1) {
      if (st.total) {
        const fsu: FsUsage = { blocksize: 1n, ...grand };
        const sourceShown = st.columns.some((c) => c.field === 'source');
        rows.push(row(st, fsu, 'total', sourceShown ? '-' : 'total', null, '-'));
      }
      output.out(table(st, rows));
    } else if (status === 0) {
      output.err('df: no file systems processed\n');
      status = 1;
    }
    return output.result(status);
  },
};
