/**
 * dd's operands (coreutils 9.7 dd.c scanargs/parse_integer/parse_symbols): `if= of= bs=
 * ibs= obs= cbs= count= skip= iseek= seek= oseek= conv= iflag= oflag= status=`, numbers
 * with xstrtoumax's suffixes (`c w b kB K MB M GB G ... R Q`, `KiB`), a trailing `B` that
 * counts bytes instead of blocks, and `AxB` products. Errors are worded as dd prints them;
 * the first one ends the command, as dd's error(EXIT_FAILURE, ...) does.
 */
import type { CommandResult } from './command-spec';
import { quoteaf } from './input-files';
import { quoteLocale } from './line-count';
import { INTMAX_MAX, LONGINT, xstrtoumax } from './xstrtol';
import type { DdStatus } from './dd-stats';

/** conv= symbols (dd.c conversions[]). */
export const CONVERSIONS = ['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'sparse', 'swab', 'noerror', 'nocreat', 'excl', 'notrunc', 'sync', 'fdatasync', 'fsync'] as const;
/** iflag=/oflag= symbols valid on Linux (dd.c flags[]; binary, cio, nolinks and text are 0 there, so refused). */
export const FLAGS = ['append', 'direct', 'directory', 'dsync', 'noatime', 'nocache', 'noctty', 'nofollow', 'nonblock', 'sync', 'fullblock', 'count_bytes', 'skip_bytes', 'seek_bytes'] as const;

/** Conversions that make dd copy through a second buffer (dd.c C_TWOBUFS). */
const TWO_BUFFERS = new Set(['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'swab']);

/** Everything dd's operands set. Sizes are bytes; counts are records unless `*Bytes` says otherwise. */
export interface DdOperands {
  input: string | null;
  output: string | null;
  ibs: number;
  obs: number;
  /** Whether bs= was given: then each block read is written as it is (one buffer). */
  oneBuffer: boolean;
  conv: Set<string>;
  iflag: Set<string>;
  oflag: Set<string>;
  status: DdStatus;
  /** Records and extra bytes to copy; null: until the end of the input. */
  count: { records: number; bytes: number } | null;
  skip: { records: number; bytes: number };
  seek: { records: number; bytes: number };
  /** Warnings printed before the copy (the `0x` multiplier). */
  warnings: string[];
}

/** What parsing gave: the operands, or the message and status to exit with. */
export type DdParse = { ok: true; ops: DdOperands } | { ok: false; result: CommandResult };


/** dd.c parse_integer(): the value and its strtol_error; `warnings` gets the zero-multiplier warning. */
export function parseDdInteger(text: string, warnings: string[]): { value: bigint; err: number } {
  const r = xstrtoumax(text, 10, 'bcEGkKMPQRTwYZ0');
  let e = r.err;
  let end = r.end;
  const n = r.value;
  if ((e & ~LONGINT.OVERFLOW) === LONGINT.INVALID_SUFFIX_CHAR && text[end] === 'B' && end > 0 && text[end - 1] !== 'B') {
    end++;
    if (end === text.length) e &= ~LONGINT.INVALID_SUFFIX_CHAR;
  }
  if ((e & ~LONGINT.OVERFLOW) === LONGINT.INVALID_SUFFIX_CHAR && text[end] === 'x') {
    const f = parseDdInteger(text.slice(end + 1), warnings);
    if ((f.err & ~LONGINT.OVERFLOW) !== LONGINT.OK) return { value: 0n, err: f.err };
    const product = n * f.value;
    if (product > INTMAX_MAX || (product !== 0n && (e | f.err) & LONGINT.OVERFLOW)) return { value: INTMAX_MAX, err: LONGINT.OVERFLOW };
    if (product === 0n && text.startsWith('0x')) warnings.push(`dd: warning: ${quoteLocale('0x')} is a zero multiplier; use ${quoteLocale('00x')} if that is intended\n`);
    return { value: product, err: LONGINT.OK };
  }
  if (n <= INTMAX_MAX) return { value: n, err: e };
  return { value: INTMAX_MAX, err: LONGINT.OVERFLOW };
}

/** dd.c parse_symbols(): the symbols of a comma list, or the first one that is not in `table`. */
function parseSymbols(value: string, table: readonly string[]): { ok: true; symbols: string[] } | { ok: false; bad: string } {
  const symbols: string[] = [];
  for (const part of value.split(',')) {
    if (!table.includes(part)) return { ok: false, bad: part };
    symbols.push(part);
  }
  return { ok: true, symbols };
}

/** dd.c scanargs(). */
export function parseDdOperands(operands: string[]): DdParse {
  let input: string | null = null;
  let output: string | null = null;
  let bs = 0;
  let ibs = 0;
  let obs = 0;
  let count: bigint | null = null;
  let skip = 0n;
  let seek = 0n;
  let countB = false;
  let skipB = false;
  let seekB = false;
  let status: DdStatus = 'default';
  const conv = new Set<string>();
  const iflag = new Set<string>();
  const oflag = new Set<string>();
  const warnings: string[] = [];
  // Warnings already printed stay before the message that ends the command.
  const fatal = (message: string): DdParse => ({ ok: false, result: { stdout: '', stderr: `${warnings.join('')}dd: ${message}\n`, exitCode: 1 } });
  const usageError = (message: string): DdParse => fatal(`${message}\nTry 'dd --help' for more information.`);
  for (const name of operands) {
    const eq = name.indexOf('=');
    if (eq < 0) return usageError(`unrecognized operand ${quoteaf(name)}`);
    const key = name.slice(0, eq);
    const val = name.slice(eq + 1);
    if (key === 'if') input = val;
    else if (key === 'of') output = val;
    else if (key === 'conv' || key === 'iflag' || key === 'oflag' || key === 'status') {
      const table = key === 'conv' ? CONVERSIONS : key === 'status' ? ['none', 'noxfer', 'progress'] : FLAGS;
      const parsed = parseSymbols(val, table);
      const what = key === 'conv' ? 'invalid conversion' : key === 'iflag' ? 'invalid input flag' : key === 'oflag' ? 'invalid output flag' : 'invalid status level';
      if (!parsed.ok) return usageError(`${what}: ${quoteLocale(parsed.bad)}`);
      if (key === 'status') status = parsed.symbols[parsed.symbols.length - 1] as DdStatus;
      else for (const s of parsed.symbols) (key === 'conv' ? conv : key === 'iflag' ? iflag : oflag).add(s);
    } else {
      // dd.c reads the number before it looks at the name (a `0x` warning comes first).
      const r = parseDdInteger(val, warnings);
      if (!['ibs', 'obs', 'bs', 'cbs', 'skip', 'iseek', 'seek', 'oseek', 'count'].includes(key)) return usageError(`unrecognized operand ${quoteaf(name)}`);
      let err = r.err;
      const isSize = key === 'ibs' || key === 'obs' || key === 'bs' || key === 'cbs';
      // Block sizes: at least 1, at most IDX_MAX - 1 (dd.c max_blocksize on 64-bit Linux).
      if (isSize && r.value < 1n) err = LONGINT.INVALID;
      else if (isSize && r.value > INTMAX_MAX - 1n) err = LONGINT.OVERFLOW;
      if (err !== LONGINT.OK) {
        // glibc strerror(EOVERFLOW) after an overflow; dd 9.7 quotes the value with quoteaf.
        return fatal(`invalid number: ${quoteaf(val)}${err === LONGINT.OVERFLOW ? ': Value too large for defined data type' : ''}`);
      }
      const hasB = val.includes('B');
      const v = Number(r.value);
      if (key === 'ibs') ibs = v;
      else if (key === 'obs') obs = v;
      else if (key === 'bs') bs = v;
      else if (key === 'skip' || key === 'iseek') [skip, skipB] = [r.value, hasB];
      else if (key === 'seek' || key === 'oseek') [seek, seekB] = [r.value, hasB];
      else if (key === 'count') [count, countB] = [r.value, hasB];
    }
  }
  const oneBuffer = bs > 0 && ![...conv].some((c) => TWO_BUFFERS.has(c));
  if (bs > 0) ibs = obs = bs;
  if (ibs === 0) ibs = 512;
  if (obs === 0) obs = 512;
  if (oflag.has('fullblock')) return usageError(`invalid output flag: ${quoteLocale('fullblock')}`);
  if (skipB) iflag.add('skip_bytes');
  if (countB) iflag.add('count_bytes');
  if (seekB) oflag.add('seek_bytes');
  const split = (n: bigint, bytes: boolean, size: number): { records: number; bytes: number } =>
    bytes ? { records: Number(n / BigInt(size)), bytes: Number(n % BigInt(size)) } : { records: Number(n), bytes: 0 };
  const pairs: [string[], string][] = [
    [['ascii', 'ebcdic', 'ibm'], 'cannot combine any two of {ascii,ebcdic,ibm}'],
    [['block', 'unblock'], 'cannot combine block and unblock'],
    [['lcase', 'ucase'], 'cannot combine lcase and ucase'],
    [['excl', 'nocreat'], 'cannot combine excl and nocreat'],
  ];
  for (const [group, message] of pairs) if (group.filter((c) => conv.has(c)).length > 1) return fatal(message);
  if ((iflag.has('direct') && iflag.has('nocache')) || (oflag.has('direct') && oflag.has('nocache'))) return fatal('cannot combine direct and nocache');
  return {
    ok: true,
    ops: {
      input,
      output,
      ibs,
      obs,
      oneBuffer,
      conv,
      iflag,
      oflag,
      status,
      count: count === null || count === INTMAX_MAX ? null : split(count, iflag.has('count_bytes'), ibs),
      skip: split(skip, iflag.has('skip_bytes'), ibs),
      seek: split(seek, oflag.has('seek_bytes'), obs),
      warnings,
    },
  };
}
