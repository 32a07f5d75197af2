/**
 * `findmnt`: the shell's mount table as a tree (children under the mount they sit on,
 * ordered by mount ID, libmount mnt_table_next_child_fs) or a list, with util-linux's
 * columns and matching rules (misc-utils/findmnt.c): a first operand is a source or, when
 * no source matches, a mount point; `-T PATH` falls back to the mount that holds PATH;
 * `-t` filters by type (a tree keeps the matching mounts under their nearest matching
 * ancestor); `-D` shows sizes like df. Nothing found in a list is exit status 1.
 */
// @sim findmnt | util-linux 2.41 findmnt(8): tree and -l/-r/-n output, -o/-o +LIST (TARGET SOURCE FSTYPE OPTIONS VFS-OPTIONS FS-OPTIONS FSROOT ID PARENT MAJ:MIN SIZE USED AVAIL USE% PROPAGATION...), -t, -T, -S, -M, positional source/target, -f, -R, -D, -b, -a, -v, --real/--pseudo; exit 1 when nothing is found
import { fail, ok, type Command, type CommandContext } from '../command-spec';
import { mountAt } from '../../engines/kernel/mounts';
import { isPseudoFs, matchFstype, mountEntries, type MountFs } from '../mount-table';
import { resolvePath } from '../path';
import { renderTable, type ScolsColumn, type ScolsLine } from '../smartcols';
import { humanSize } from '../util-linux-size';

/** What a column shows for one mount. */
type Getter = (fs: MountFs, env: Env) => string | undefined;

interface ColumnInfo extends ScolsColumn {
  get: Getter;
}

interface Env {
  ctx: CommandContext;
  bytes: boolean;
  nofsroot: boolean;
  raw: boolean;
}

/** statvfs(2) sizes (findmnt.c get_vfs_attr()): `0`, bytes with -b, else human sizes. */
function vfsSize(fs: MountFs, env: Env, pick: (s: { size: number; used: number; avail: number }) => number): string | undefined {
  const st = env.ctx.vfs.statfs(fs.target);
  if (!st.ok) return undefined;
  const n = pick(st.value);
  return n === 0 ? '0' : env.bytes ? String(n) : humanSize(n);
}

/** printf("%.0f"): glibc rounds the exact binary value half to even. */
function percent(used: number, size: number): string {
  const x = (used / size) * 100;
  const floor = Math.floor(x);
  const r = x - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(x);
  return `${r}%`;
}

// findmnt.c infos[]: header, width hint, flags.
const COLUMNS: Record<string, ColumnInfo> = {
  TARGET: { header: 'TARGET', whint: 0.3, tree: true, get: (fs) => fs.target },
  // get_data() COL_SOURCE: a bind mount (root other than /) shows SOURCE[/dir] unless -v.
  SOURCE: { header: 'SOURCE', whint: 0.25, get: (fs, env) => (fs.root !== '/' && !env.nofsroot ? `${fs.source}[${fs.root}]` : fs.source) },
  SOURCES: { header: 'SOURCES', whint: 0.25, get: (fs, env) => (fs.root !== '/' && !env.nofsroot ? `${fs.source}[${fs.root}]` : fs.source) },
  FSTYPE: { header: 'FSTYPE', whint: 0.1, get: (fs) => fs.fstype },
  OPTIONS: { header: 'OPTIONS', whint: 0.1, get: (fs) => fs.options },
  'VFS-OPTIONS': { header: 'VFS-OPTIONS', whint: 0.2, get: (fs) => fs.vfsOptions },
  'FS-OPTIONS': { header: 'FS-OPTIONS', whint: 0.1, get: (fs) => fs.fsOptions },
  FSROOT: { header: 'FSROOT', whint: 0.25, get: (fs) => fs.root },
  ID: { header: 'ID', whint: 2, right: true, get: (fs) => String(fs.id) },
  PARENT: { header: 'PARENT', whint: 2, right: true, get: (fs) => String(fs.parent) },
  'MAJ:MIN': { header: 'MAJ:MIN', whint: 6, get: (fs, env) => devno(fs.devno, env) },
  SIZE: { header: 'SIZE', whint: 5, right: true, get: (fs, env) => vfsSize(fs, env, (s) => s.size) },
  USED: { header: 'USED', whint: 5, right: true, get: (fs, env) => vfsSize(fs, env, (s) => s.used) },
  AVAIL: { header: 'AVAIL', whint: 5, right: true, get: (fs, env) => vfsSize(fs, env, (s) => s.avail) },
  'USE%': {
    header: 'USE%',
    whint: 3,
    right: true,
    get: (fs, env) => {
      const st = env.ctx.vfs.statfs(fs.target);
      return !st.ok ? undefined : st.value.size === 0 ? '-' : percent(st.value.used, st.value.size);
    },
  },
  // procfs marks every mount shared:N in mountinfo.
  PROPAGATION: { header: 'PROPAGATION', whint: 0.1, get: () => 'shared' },
  'OPT-FIELDS': { header: 'OPT-FIELDS', whint: 0.1, get: (fs) => `shared:${fs.id}` },
  LABEL: { header: 'LABEL', whint: 0.1, get: () => undefined },
  UUID: { header: 'UUID', whint: 36, get: () => undefined },
  PARTLABEL: { header: 'PARTLABEL', whint: 0.1, get: () => undefined },
  PARTUUID: { header: 'PARTUUID', whint: 36, get: () => undefined },
};

/** COL_MAJMIN: "%3u:%-3u", plain "%u:%u" in raw output. */
function devno(text: string, env: Env): string {
  const [maj, min] = text.split(':');
  return env.raw ? text : `${(maj ?? '').padStart(3)}:${(min ?? '').padEnd(3)}`;
}

const DEFAULT = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
const DF = ['SOURCE', 'FSTYPE', 'SIZE', 'USED', 'AVAIL', 'USE%', 'TARGET'];

/**
 * string_add_to_idarray(): `LIST` replaces the columns, `+LIST` appends; names are
 * case-insensitive; an unknown one is reported with the rest of the list (column_name_to_id()
 * warns with the string from that name on).
 */
function parseColumns(list: string, base: string[]): string[] | { unknown: string } {
  const add = list.startsWith('+');
  const text = add ? list.slice(1) : list;
  const out = add ? [...base] : [];
  let at = 0;
  for (const name of text.split(',')) {
    const key = Object.keys(COLUMNS).find((c) => c.toLowerCase() === name.toLowerCase());
    if (!key) return { unknown: text.slice(at) };
    out.push(key);
    at += name.length + 1;
  }
  return out;
}

/** What the operands and options ask for (findmnt.c set_match()). */
interface Matches {
  types?: string;
  source?: string;
  target?: string;
  majmin?: string;
  real: boolean;
  pseudo: boolean;
  df: boolean;
  all: boolean;
}

/** The canonical form of a path that exists (mnt_resolve_path()), or undefined. */
function canonical(ctx: CommandContext, path: string): string | undefined {
  if (!path.startsWith('/') && !path.startsWith('.')) return undefined;
  const r = ctx.vfs.resolve(resolvePath(ctx.cwd, path));
  return r.ok ? r.value.path : undefined;
}

/** match_func(). */
function matches(ctx: CommandContext, fs: MountFs, m: Matches): boolean {
  if (m.types !== undefined && !matchFstype(fs.fstype, m.types)) return false;
  if (m.majmin !== undefined && fs.devno !== m.majmin) return false;
  if (m.target !== undefined && fs.target !== m.target && fs.target !== canonical(ctx, m.target)) return false;
  if (m.source !== undefined && fs.source !== m.source && fs.source !== canonical(ctx, m.source)) return false;
  // -D without -A: tmpfs-like types (devtmpfs too: strstr "tmpfs") always, other pseudo filesystems never.
  if (m.df && !m.all && !fs.fstype.includes('tmpfs') && isPseudoFs(fs.fstype)) return false;
  if (m.real && isPseudoFs(fs.fstype)) return false;
  if (m.pseudo && !isPseudoFs(fs.fstype)) return false;
  return true;
}

/** The `findmnt` command. */
export const findmnt: Command = {
  spec: {
    name: 'findmnt',
    summary: 'find a mounted filesystem',
    usage: 'findmnt [options]\n findmnt [options] <device> | <mountpoint>\n findmnt [options] <device> <mountpoint>\n findmnt [options] [--source <device>] [--target <path> | --mountpoint <dir>]',
    description: 'Find a (mounted) filesystem.\n\nOptions:',
    options: [
      { key: 'all', short: 'A', long: 'all', help: 'disable all built-in filters, print all filesystems' },
      { key: 'ascii', short: 'a', long: 'ascii', help: 'use ASCII chars for tree formatting' },
      { key: 'bytes', short: 'b', long: 'bytes', help: 'print sizes in bytes rather than in human readable format' },
      { key: 'canonicalize', short: 'c', long: 'canonicalize', help: 'canonicalize printed paths' },
      { key: 'df', short: 'D', long: 'df', help: 'imitate the output of df(1)' },
      { key: 'first', short: 'f', long: 'first-only', help: 'print the first found filesystem only' },
      { key: 'kernel', short: 'k', long: 'kernel', help: 'search in kernel mount table (default)' },
      { key: 'list', short: 'l', long: 'list', help: 'use list format output' },
      { key: 'mountpoint', short: 'M', long: 'mountpoint', value: 'dir', help: 'the mountpoint directory' },
      { key: 'noheadings', short: 'n', long: 'noheadings', help: "don't print column headings" },
      { key: 'output', short: 'o', long: 'output', value: 'list', help: 'output columns' },
      { key: 'raw', short: 'r', long: 'raw', help: 'use raw output format' },
      { key: 'submounts', short: 'R', long: 'submounts', help: 'print all submounts for the matching filesystems' },
      { key: 'source', short: 'S', long: 'source', value: 'string', help: 'the device to mount (by name, maj:min)' },
      { key: 'target', short: 'T', long: 'target', value: 'path', help: 'the path to the filesystem to use' },
      { key: 'types', short: 't', long: 'types', value: 'list', help: 'limit the set of filesystems by FS types' },
      { key: 'notruncate', short: 'u', long: 'notruncate', help: "don't truncate text in columns" },
      { key: 'nofsroot', short: 'v', long: 'nofsroot', help: "don't print [/dir] for bind or btrfs mounts" },
      { key: 'real', long: 'real', help: 'print only real filesystems' },
      { key: 'pseudo', long: 'pseudo', help: 'print only pseudo-filesystems' },
      { key: 'version', short: 'V', long: 'version', help: 'display version' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 findmnt',
    simplified: 'the kernel table only (no --fstab, --poll, -J, -P, -Q); columns are not shrunk to the terminal width; LABEL/UUID columns are empty',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (f['version']) return ok('findmnt from util-linux 2.41\n');
    const df = Boolean(f['df']);
    let names = df ? DF : DEFAULT;
    if (typeof f['output'] === 'string') {
      const parsed = parseColumns(f['output'], names);
      if (!Array.isArray(parsed)) return fail(`findmnt: unknown column: ${parsed.unknown}`);
      names = parsed;
    }
    const m: Matches = { real: Boolean(f['real']), pseudo: Boolean(f['pseudo']), df, all: Boolean(f['all']) };
    if (typeof f['types'] === 'string') m.types = f['types'];
    let noSwap = false;
    let strictTarget = false;
    if (typeof f['source'] === 'string') {
      m.source = f['source'];
      noSwap = true;
    }
    const targetOpt = typeof f['mountpoint'] === 'string' ? f['mountpoint'] : typeof f['target'] === 'string' ? f['target'] : undefined;
    if (targetOpt !== undefined) {
      m.target = targetOpt;
      noSwap = true;
      strictTarget = typeof f['mountpoint'] === 'string';
    }
    const args = opts.operands;
    if (args.length > 0 && (m.source !== undefined || m.target !== undefined)) {
      return fail('findmnt: options --target and --source can\'t be used together with command line element that is not an option');
    }
    // set_source_match(): a first operand is a device, tag, mount point or maj:min; a second one the mount point.
    if (args[0] !== undefined) {
      if (/^[0-9]+:[0-9]+$/.test(args[0])) m.majmin = args[0];
      else m.source = args[0];
    }
    if (args[1] !== undefined) m.target = args[1];
    const submounts = Boolean(f['submounts']);
    let tree = !f['list'] && !f['raw'] && !df;
    if (!submounts && (f['first'] || m.target !== undefined || m.source !== undefined || m.majmin !== undefined)) tree = false;

    const entries = mountEntries(ctx.world, ctx.vfs);
    const env: Env = { ctx, bytes: Boolean(f['bytes']), nofsroot: Boolean(f['nofsroot']), raw: Boolean(f['raw']) };
    const columns = names.map((n) => COLUMNS[n] as ColumnInfo);
    const lineOf = (fs: MountFs): ScolsLine => ({ cells: columns.map((c) => c.get(fs, env)), children: [] });
    const childrenOf = (fs: MountFs): MountFs[] => entries.filter((c) => c.parent === fs.id && c !== fs).sort((a, b) => a.id - b.id);
    const render = (lines: ScolsLine[]): string =>
      renderTable(tree || submounts ? columns : columns.map((c) => ({ ...c, tree: false })), lines, { noheadings: Boolean(f['noheadings']), raw: env.raw, ascii: Boolean(f['ascii']) });

    if (tree && !submounts) {
      // create_treenode(): from the root mount down; a mount that does not match leaves its children to its parent's line.
      const roots: ScolsLine[] = [];
      const seen = new Set<number>();
      const visit = (fs: MountFs, parent: ScolsLine | undefined): void => {
        if (seen.has(fs.id)) return;
        seen.add(fs.id);
        let line = parent;
        if (matches(ctx, fs, m)) {
          line = lineOf(fs);
          (parent ? (parent.children as ScolsLine[]) : roots).push(line);
        }
        for (const c of childrenOf(fs)) visit(c, line);
      };
      const ids = new Set(entries.map((e) => e.id));
      const root = entries.find((e) => !ids.has(e.parent));
      if (root) visit(root, undefined);
      for (const fs of entries) if (!seen.has(fs.id) && matches(ctx, fs, m)) visit(fs, undefined);
      // libsmartcols prints nothing at all, not even the header, for a table without lines.
      return ok(roots.length > 0 ? render(roots) : '');
    }

    // add_matching_lines(): every match in table order; a source that matches nothing is tried as a target.
    const collect = (mm: Matches): MountFs[] => {
      const found = entries.filter((fs) => matches(ctx, fs, mm));
      return f['first'] ? found.slice(0, 1) : found;
    };
    let found = collect(m);
    if (found.length === 0 && !noSwap && m.target === undefined && m.source !== undefined) {
      found = collect({ ...m, target: m.source, source: undefined });
    } else if (found.length === 0 && noSwap && !strictTarget && m.target !== undefined) {
      // enable_extra_target_match(): a path that is no mount point stands for the mount that holds it.
      const path = canonical(ctx, m.target.startsWith('/') ? m.target : `./${m.target}`);
      const holder = path === undefined ? undefined : mountAt(ctx.vfs.mounts(), path);
      if (holder && holder.path !== path) found = collect({ ...m, target: holder.path });
    }
    if (found.length === 0) return { stdout: '', stderr: '', exitCode: 1 };
    if (submounts) {
      const subtree = (fs: MountFs): ScolsLine => ({ ...lineOf(fs), children: childrenOf(fs).map(subtree) });
      return ok(render(found.map(subtree)));
    }
    return ok(render(found.map(lineOf)));
  },
};
