/**
 * stat(1)'s FORMAT directives (coreutils stat.c print_it / print_stat): `%` with printf
 * flags (`-0#`), a width and a precision, then a letter (`%n %N %s %a %A %f %F %h %i %u
 * %U %g %G %b %B %o %d %D %Hd %Ld %r %R %Hr %Lr %t %T %m %x %X %y %Y %z %Z %w %W %C`),
 * `%%`; an unknown letter prints `?`. Times are UTC with nanoseconds, `+0000`.
 */
import type { Attr } from '../engines/kernel/types';
import { fileTypeName, modeString, TYPE_BITS } from './file-mode';
import { quotearg, type QuotingStyle } from './quotearg';

/** Everything a directive may show about one file. */
export interface StatSubject {
  name: string;
  attr: Attr;
  user: string | null;
  group: string | null;
  /** st_dev as major, minor. */
  dev: [number, number];
  mountPoint: string;
  /** How %N quotes: shell-escape-always with -c, literal in the default format. */
  quoting: QuotingStyle;
}

/** What expanding a format gave: the text, and errors met on the way (%C). */
export interface Expanded {
  text: string;
  errors: string[];
}

/** glibc gnu_dev_makedev. */
export function makedev(major: number, minor: number): number {
  return ((major & 0xfff) << 8) | (minor & 0xff) | ((minor & ~0xff) << 12) | ((major & ~0xfff) * 2 ** 32);
}

/** stat.c human_time: `2026-01-01 00:00:05.000000000 +0000`. */
export function humanTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const ns = String((((ms % 1000) + 1000) % 1000) * 1e6).padStart(9, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${ns} +0000`;
}

interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
}

function pad(text: string, s: Spec, numeric: boolean): string {
  const w = s.width ?? 0;
  if (text.length >= w) return text;
  if (s.flags.includes('-')) return text.padEnd(w);
  if (numeric && s.flags.includes('0') && s.precision === null) return text.padStart(w, '0');
  return text.padStart(w);
}

function str(text: string, s: Spec): string {
  return pad(s.precision !== null ? text.slice(0, s.precision) : text, s, false);
}

function uint(n: number, s: Spec, radix = 10, alt = ''): string {
  let digits = n.toString(radix);
  if (s.precision !== null) digits = digits.padStart(s.precision, '0');
  if (s.flags.includes('#') && n !== 0) digits = alt + digits;
  else if (s.flags.includes('#') && radix === 8 && !digits.startsWith('0')) digits = '0' + digits;
  return pad(digits, s, true);
}

/** stat.c out_epoch_sec: seconds, and with a precision that many digits of the fraction. */
function epoch(ms: number, s: Spec): string {
  const sec = Math.floor(ms / 1000);
  if (s.precision === null) return uint(sec, { ...s, precision: null });
  const frac = String((((ms % 1000) + 1000) % 1000) * 1e6).padStart(9, '0').slice(0, Math.min(9, s.precision === 0 ? 9 : s.precision));
  return pad(`${sec}.${frac}`, s, true);
}

/** Expands one directive letter (with `mod` H or L for %Hd %Ld %Hr %Lr). */
function directive(letter: string, mod: string, s: Spec, f: StatSubject, errors: string[]): string {
  const a = f.attr;
  const rdev = a.rdev ?? [0, 0];
  switch (letter) {
    case 'n':
      return str(f.name, s);
    case 'N':
      return str(quotearg(f.name, f.quoting) + (a.type === 'symlink' ? ` -> ${quotearg(a.target ?? '', f.quoting)}` : ''), s);
    case 'd':
      return uint(mod === 'H' ? f.dev[0] : mod === 'L' ? f.dev[1] : makedev(f.dev[0], f.dev[1]), s);
    case 'D':
      return uint(makedev(f.dev[0], f.dev[1]), s, 16, '0x');
    case 'i':
      return uint(a.ino, s);
    case 'a':
      return uint(a.mode & 0o7777, s, 8, '0');
    case 'A':
      return str(modeString(a.type, a.mode), s);
    case 'f':
      return uint(TYPE_BITS[a.type] | (a.mode & 0o7777), s, 16, '0x');
    case 'F':
      return str(fileTypeName(a.type, a.size), s);
    case 'h':
      return uint(a.nlink, s);
    case 'u':
      return uint(a.uid, s);
    case 'U':
      return str(f.user ?? 'UNKNOWN', s);
    case 'g':
      return uint(a.gid, s);
    case 'G':
      return str(f.group ?? 'UNKNOWN', s);
    case 'm':
      return str(f.mountPoint, s);
    case 's':
      return uint(a.size, s);
    case 'r':
      return uint(mod === 'H' ? rdev[0] : mod === 'L' ? rdev[1] : makedev(rdev[0], rdev[1]), s);
    case 'R':
      return uint(makedev(rdev[0], rdev[1]), s, 16, '0x');
    case 't':
      return uint(rdev[0], s, 16, '0x');
    case 'T':
      return uint(rdev[1], s, 16, '0x');
    case 'B':
      return uint(512, s);
    case 'b':
      return uint(a.blocks, s);
    case 'o':
      return uint(a.blksize, s);
    case 'w':
      // The simulated filesystems keep no birth time: statx reports none, stat prints '-'.
      return str('-', s);
    case 'W':
      return epoch(0, s);
    case 'x':
      return str(humanTime(a.atime), s);
    case 'X':
      return epoch(a.atime, s);
    case 'y':
      return str(humanTime(a.mtime), s);
    case 'Y':
      return epoch(a.mtime, s);
    case 'z':
      return str(humanTime(a.ctime), s);
    case 'Z':
      return epoch(a.ctime, s);
    case 'C':
      // No SELinux: getfilecon fails with ENODATA.
      errors.push(`failed to get security context of ${quotearg(f.name, 'shell-escape-always')}: No data available`);
      return str('?', s);
    default:
      return '?';
  }
}

/** Expands a whole format for one file; null and a message for a `%5%`-like invalid directive (stat exits). */
export function expandFormat(format: string, f: StatSubject): Expanded | { invalid: string } {
  let text = '';
  const errors: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      text += ch;
      continue;
    }
    const start = i;
    let j = i + 1;
    let flags = '';
    while (j < format.length && "'-+ #0I".includes(format[j] as string)) flags += format[j++];
    let width = '';
    while (j < format.length && /\d/.test(format[j] as string)) width += format[j++];
    let precision: string | null = null;
    if (format[j] === '.') {
      j++;
      precision = '';
      while (j < format.length && /\d/.test(format[j] as string)) precision += format[j++];
    }
    let letter = format[j] ?? '';
    let mod = '';
    if ((letter === 'H' || letter === 'L') && 'dr'.includes(format[j + 1] ?? 'x')) {
      mod = letter;
      letter = format[++j] as string;
    }
    if (letter === '' || letter === '%') {
      // stat.c: `%%` prints `%`; a `%` with flags or width before it is an invalid directive; a lone `%` at the end stays.
      if (j - start > 1) return { invalid: format.slice(start, j + 1) };
      text += '%';
      i = letter === '' ? j - 1 : j;
      continue;
    }
    text += directive(letter, mod, { flags, width: width === '' ? null : Number(width), precision: precision === null ? null : Number(precision || '0') }, f, errors);
    i = j;
  }
  return { text, errors };
}

/** stat --printf's backslash escapes (stat.c print_esc_char): \a \b \e \f \n \r \t \v \\ \" \NNN \xHH; others are kept with a warning. */
export function printfEscapes(format: string): { text: string; warnings: string[] } {
  let text = '';
  const warnings: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '\\') {
      text += ch;
      continue;
    }
    const next = format[i + 1];
    if (next === undefined) {
      warnings.push('warning: backslash at end of format');
      text += '\\';
      continue;
    }
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
    if (simple[next] !== undefined) {
      text += simple[next];
      i++;
    } else if (/[0-7]/.test(next)) {
      const m = /^[0-7]{1,3}/.exec(format.slice(i + 1)) as RegExpExecArray;
      text += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
    } else if (next === 'x' && /[0-9a-fA-F]/.test(format[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(format.slice(i + 2)) as RegExpExecArray;
      text += String.fromCharCode(parseInt(m[0], 16));
      i += 1 + m[0].length;
    } else {
      warnings.push(`warning: unrecognized escape '\\${next}'`);
      text += next;
      i++;
    }
  }
  return { text, warnings };
}
