/**
 * gnulib's human_readable() (lib/human.c, the copy coreutils 9.7 ships): a count of
 * FROM-byte blocks shown in TO-byte units, or autoscaled with an SI or IEC prefix
 * (`1.1G`, `954 MiB`, `82 kB`), rounded up, down or to nearest as asked. `df -h`, `du -h`
 * and dd's summary line print their sizes with it; one function keeps them consistent.
 */
import { xstrtoumax, type StrtolResult } from './xstrtol';

/** The option bits of human.h. */
export const HUMAN = {
  ceiling: 0,
  roundToNearest: 1,
  floor: 2,
  groupDigits: 4,
  suppressPointZero: 8,
  autoscale: 16,
  base1024: 32,
  spaceBeforeUnit: 64,
  SI: 128,
  B: 256,
} as const;

/** humblock()'s number: base 0, the suffixes this gnulib version knows for block sizes (no R or Q). */
function xstrtoumaxForBlockSize(text: string): StrtolResult {
  return xstrtoumax(text, 0, 'eEgGkKmMpPtTyYzZ0');
}

const POWER_LETTER = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];
const EXPONENT_MAX = POWER_LETTER.length - 1;
const UINTMAX = (1n << 64n) - 1n;

/**
 * printf("%.Nf") as glibc does it: the nearest decimal, and an exact tie goes to the even
 * digit (JavaScript's toFixed would round a tie up). Ties are only possible for values that
 * are multiples of 2^-(N+1) (0.25, 0.75 for one decimal).
 */
export function toFixedC(x: number, digits: number): string {
  const scaled = x * 2 ** (digits + 1);
  const tie = Number.isInteger(scaled) && Math.abs(scaled) % 2 === 1 && digits <= 3;
  if (!tie) return x.toFixed(digits);
  const p = 10 ** digits;
  const lo = Math.floor(x * p);
  const pick = lo % 2 === 0 ? lo : lo + 1;
  return (pick / p).toFixed(digits);
}

/** adjust_value(): for ceiling and floor, round to an integer first (the C code does this before printing). */
function adjustValue(inexact: number, value: number): number {
  if (inexact !== HUMAN.roundToNearest && value < 2 ** 64) {
    const u = Math.trunc(value);
    return u + (inexact === HUMAN.ceiling && u !== value ? 1 : 0);
  }
  return value;
}

/** Groups digits by threes with `,` (the en_US grouping; the C locale has none). */
function groupDigits(digits: string, separator: string): string {
  if (separator === '') return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * human_readable(N, OPTS, FROM_BLOCK_SIZE, TO_BLOCK_SIZE): `n` blocks of `from` bytes in
 * units of `to` bytes. `thousandsSep` is the locale's grouping separator for
 * human_group_digits (empty in the C and C.UTF-8 locales).
 */
export function humanReadable(n: bigint | number, opts: number, from: bigint | number, to: bigint | number, thousandsSep = ''): string {
  const N = BigInt(n);
  const fromB = BigInt(from);
  const toB = BigInt(to);
  const inexact = opts & (HUMAN.roundToNearest | HUMAN.floor | HUMAN.ceiling);
  const base = opts & HUMAN.base1024 ? 1024n : 1000n;
  let exponent = -1;
  let text: string;

  let amt = 0n;
  let tenths = 0;
  let rounding = 0;
  let integer = false;
  if (toB <= fromB) {
    if (fromB % toB === 0n) {
      const multiplier = fromB / toB;
      amt = N * multiplier;
      if (amt <= UINTMAX) integer = true;
    }
  } else if (fromB !== 0n && toB % fromB === 0n) {
    const divisor = toB / fromB;
    const r10 = (N % divisor) * 10n;
    const r2 = (r10 % divisor) * 2n;
    amt = N / divisor;
    tenths = Number(r10 / divisor);
    rounding = r2 < divisor ? (r2 > 0n ? 1 : 0) : 2 + (divisor < r2 ? 1 : 0);
    integer = true;
  }

  if (integer) {
    let fraction = '';
    if (opts & HUMAN.autoscale) {
      exponent = 0;
      if (base <= amt) {
        do {
          const r10 = Number(amt % base) * 10 + tenths;
          const r2 = (r10 % Number(base)) * 2 + (rounding >> 1);
          amt /= base;
          tenths = Math.floor(r10 / Number(base));
          rounding = r2 < Number(base) ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (Number(base) < r2 + rounding ? 1 : 0);
          exponent++;
        } while (base <= amt && exponent < EXPONENT_MAX);
        if (amt < 10n) {
          if (inexact === HUMAN.roundToNearest ? 2 < rounding + (tenths & 1) : inexact === HUMAN.ceiling && 0 < rounding) {
            tenths++;
            rounding = 0;
            if (tenths === 10) {
              amt++;
              tenths = 0;
            }
          }
          if (amt < 10n && (tenths !== 0 || !(opts & HUMAN.suppressPointZero))) {
            fraction = `.${tenths}`;
            tenths = rounding = 0;
          }
        }
      }
    }
    if (inexact === HUMAN.roundToNearest ? 5 < tenths + (0 < rounding + Number(amt & 1n) ? 1 : 0) : inexact === HUMAN.ceiling && 0 < tenths + rounding) {
      amt++;
      if (opts & HUMAN.autoscale && amt === base && exponent < EXPONENT_MAX) {
        exponent++;
        if (!(opts & HUMAN.suppressPointZero)) fraction = '.0';
        amt = 1n;
      }
    }
    const digits = opts & HUMAN.groupDigits ? groupDigits(amt.toString(), thousandsSep) : amt.toString();
    text = digits + fraction;
  } else {
    // Floating point, as the C code falls back to (long double there; double here).
    let damt = Number(N) * (Number(fromB) / Number(toB));
    if (!(opts & HUMAN.autoscale)) text = toFixedC(adjustValue(inexact, damt), 0);
    else {
      let e = 1;
      exponent = 0;
      do {
        e *= Number(base);
        exponent++;
      } while (e * Number(base) <= damt && exponent < EXPONENT_MAX);
      damt /= e;
      text = toFixedC(adjustValue(inexact, damt), 1);
      if (1 + 2 + (opts & HUMAN.base1024 ? 0 : 1) < text.length || (opts & HUMAN.suppressPointZero && text.endsWith('0'))) {
        text = toFixedC(adjustValue(inexact, damt * 10) / 10, 0);
      }
    }
    if (opts & HUMAN.groupDigits) {
      const [whole, frac] = text.split('.');
      text = groupDigits(whole as string, thousandsSep) + (frac !== undefined ? `.${frac}` : '');
    }
  }

  if (opts & HUMAN.SI) {
    if (exponent < 0) {
      exponent = 0;
      for (let power = 1n; power < toB; power *= base) if (++exponent === EXPONENT_MAX) break;
    }
    if ((exponent !== 0 || opts & HUMAN.B) && opts & HUMAN.spaceBeforeUnit) text += ' ';
    if (exponent !== 0) text += !(opts & HUMAN.base1024) && exponent === 1 ? 'k' : POWER_LETTER[exponent];
    if (opts & HUMAN.B) {
      if (opts & HUMAN.base1024 && exponent !== 0) text += 'i';
      text += 'B';
    }
  }
  return text;
}

/** What human_options() chose: the human_readable() options and the output block size, or the strtol_error of a bad SIZE. */
export interface BlockSizeChoice {
  opts: number;
  blockSize: bigint;
  /** xstrtol's error bits (0: fine). */
  err: number;
}

/**
 * gnulib human_options()/humblock(): a --block-size SIZE (or the *_BLOCK_SIZE variables):
 * `human-readable` or `si` (or an unambiguous start of them), a leading `'` for digit
 * grouping, or a number with a suffix; a suffix without a number (`-BK`, `-BMB`) also
 * prints that suffix after each size. Null `spec` is the default: 1024-byte blocks (512
 * when POSIXLY_CORRECT is set).
 */
export function humanOptions(spec: string | null, posixlyCorrect = false): BlockSizeChoice {
  const fallback = posixlyCorrect ? 512n : 1024n;
  if (spec === null) return { opts: 0, blockSize: fallback, err: 0 };
  let opts = 0;
  let s = spec;
  if (s.startsWith("'")) {
    opts |= HUMAN.groupDigits;
    s = s.slice(1);
  }
  const words: [string, number][] = [
    ['human-readable', HUMAN.autoscale | HUMAN.SI | HUMAN.base1024],
    ['si', HUMAN.autoscale | HUMAN.SI],
  ];
  // argmatch(): an exact word, or the start of exactly one.
  const exact = words.find(([w]) => w === s);
  const prefixed = words.filter(([w]) => s !== '' && w.startsWith(s));
  const word = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (word) return { opts: opts | word[1], blockSize: 1n, err: 0 };
  const r = xstrtoumaxForBlockSize(s);
  if (r.err !== 0) return { opts: 0, blockSize: r.value === 0n ? fallback : r.value, err: r.err };
  // humblock(): with no digit before the suffix, sizes are printed with that suffix.
  if (r.end > 0 && /^[^0-9]*$/.test(s.slice(0, r.end))) {
    opts |= HUMAN.SI;
    const last = s[r.end - 1];
    if (last === 'B') opts |= HUMAN.B;
    if (last !== 'B' || s[r.end - 2] === 'i') opts |= HUMAN.base1024;
  }
  if (r.value === 0n) return { opts, blockSize: fallback, err: 4 };
  return { opts, blockSize: r.value, err: 0 };
}
