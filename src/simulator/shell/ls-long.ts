/**
 * The pieces of an `ls` listing line: quoted names with the type indicator, and the long
 * format of ls.c print_long_format (inode, mode string, links, owner, group, size or
 * `major, minor`, time, name, `-> target`), each column as wide as its widest entry.
 */
import type { Attr } from '../engines/kernel/types';
import { modeString } from './file-mode';
import { humanSize, lsTime } from './ls-format';
import { quotearg, type QuotingStyle } from './quotearg';

/** One file as ls shows it. */
export interface LsEntry {
  /** The name shown: the operand as given, or the directory entry's name. */
  name: string;
  path: string;
  attr: Attr;
  /** For symbolic links in the long format: the target, and the stat of what it points to (null when dangling). */
  target?: string;
  targetAttr?: Attr | null;
}

/** How names and fields are shown. */
export interface LsStyle {
  quoting: QuotingStyle;
  /** Characters quoted as well (with -F, the indicators `*=>@|`). */
  quoteThese: ReadonlySet<string> | null;
  /** ls.c align_variable_outer_quotes: a name needing no quotes gets a space before it when others in the listing are quoted. */
  alignQuotes: boolean;
  /** ls.c cwd_some_quoted already set: a command-line operand that could not be accessed still counted (gobble_file checks quoting first). */
  someQuoted?: boolean;
  classify: boolean;
  inode: boolean;
  numeric: boolean;
  human: boolean;
  /** Name lookups (already translated through the user namespace by the caller). */
  user(id: number): string | null;
  group(id: number): string | null;
  /** Virtual now, for the six-month rule. */
  now: number;
}

/** ls.c get_type_indicator for -F: `*` executable, `/` directory, `@` link, `|` fifo, `=` socket. */
export function typeIndicator(attr: Attr | null | undefined): string {
  if (!attr) return '';
  switch (attr.type) {
    case 'file':
      return attr.mode & 0o111 ? '*' : '';
    case 'dir':
      return '/';
    case 'symlink':
      return '@';
    case 'fifo':
      return '|';
    case 'sock':
      return '=';
    default:
      return '';
  }
}

/** A name quoted in the listing's style, and whether quoting changed it. */
export function quoteName(name: string, style: LsStyle): { text: string; quoted: boolean } {
  const text = quotearg(name, style.quoting, style.quoteThese);
  return { text, quoted: text !== name };
}

/** The names of a listing with their outer-quote padding (ls.c quote_name_buf `pad`). */
export function shownNames(entries: readonly LsEntry[], style: LsStyle): string[] {
  const quoted = entries.map((e) => quoteName(e.name, style));
  const someQuoted = style.alignQuotes && (style.someQuoted === true || quoted.some((q) => q.quoted));
  return quoted.map((q) => (someQuoted && !q.quoted ? ' ' : '') + q.text);
}

/** Lines of the short formats: `[inode ]name[indicator]`. */
export function shortItems(entries: readonly LsEntry[], style: LsStyle): string[] {
  const names = shownNames(entries, style);
  const inodeWidth = Math.max(0, ...entries.map((e) => String(e.attr.ino).length));
  return entries.map((e, i) => (style.inode ? `${String(e.attr.ino).padStart(inodeWidth)} ` : '') + names[i] + (style.classify ? typeIndicator(e.attr) : ''));
}

/** The long format's lines for `entries`. */
export function longLines(entries: readonly LsEntry[], style: LsStyle): string[] {
  const names = shownNames(entries, style);
  const owner = (e: LsEntry): { text: string; named: boolean } => {
    const name = style.numeric ? null : style.user(e.attr.uid);
    return name === null ? { text: String(e.attr.uid), named: false } : { text: name, named: true };
  };
  const group = (e: LsEntry): { text: string; named: boolean } => {
    const name = style.numeric ? null : style.group(e.attr.gid);
    return name === null ? { text: String(e.attr.gid), named: false } : { text: name, named: true };
  };
  const isDev = (e: LsEntry): boolean => e.attr.type === 'chr' || e.attr.type === 'blk';
  const size = (e: LsEntry): string => (style.human ? humanSize(e.attr.size) : String(e.attr.size));
  const owners = entries.map(owner);
  const groups = entries.map(group);
  const wInode = Math.max(0, ...entries.map((e) => String(e.attr.ino).length));
  const wLinks = Math.max(0, ...entries.map((e) => String(e.attr.nlink).length));
  const wOwner = Math.max(0, ...owners.map((o) => o.text.length));
  const wGroup = Math.max(0, ...groups.map((g) => g.text.length));
  const wMajor = Math.max(0, ...entries.filter(isDev).map((e) => String(e.attr.rdev?.[0] ?? 0).length));
  const wMinor = Math.max(0, ...entries.filter(isDev).map((e) => String(e.attr.rdev?.[1] ?? 0).length));
  const wSize = Math.max(0, ...entries.map((e) => (isDev(e) ? wMajor + 2 + wMinor : size(e).length)));
  // ls.c format_user_or_group: a name is padded on the right, a number right-aligned; one space follows.
  const field = (f: { text: string; named: boolean }, w: number): string => (f.named ? f.text.padEnd(w) : f.text.padStart(w)) + ' ';
  return entries.map((e, i) => {
    let line = style.inode ? `${String(e.attr.ino).padStart(wInode)} ` : '';
    line += `${modeString(e.attr.type, e.attr.mode)} ${String(e.attr.nlink).padStart(wLinks)} `;
    line += field(owners[i] as { text: string; named: boolean }, wOwner) + field(groups[i] as { text: string; named: boolean }, wGroup);
    if (isDev(e)) {
      const blanks = Math.max(0, wSize - (wMajor + 2 + wMinor));
      line += `${String(e.attr.rdev?.[0] ?? 0).padStart(wMajor + blanks)}, ${String(e.attr.rdev?.[1] ?? 0).padStart(wMinor)} `;
    } else line += `${size(e).padStart(wSize)} `;
    line += `${lsTime(e.attr.mtime, style.now)} ${names[i] as string}`;
    if (e.attr.type === 'symlink' && e.target !== undefined) {
      line += ` -> ${quoteName(e.target, style).text}`;
      if (style.classify) line += typeIndicator(e.targetAttr);
    } else if (style.classify) line += typeIndicator(e.attr);
    return line;
  });
}

/** ls.c print_dir: the `total` line, st_blocks summed in 1 KiB units (rounded up), or human-readable with -h. */
export function totalLine(entries: readonly LsEntry[], human: boolean): string {
  const blocks = entries.reduce((s, e) => s + e.attr.blocks, 0);
  return `total ${human ? humanSize(blocks * 512) : Math.ceil(blocks / 2)}`;
}
