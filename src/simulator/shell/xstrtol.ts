/**
 * gnulib's xstrtol family (lib/xstrtol.c, as in coreutils 9.7): an unsigned or signed
 * integer, then an optional multiplicative suffix from a list the caller allows (`K`, `MB`,
 * `GiB`, `b` = 512, `w` = 2...). dd, df, du and sleep's callers read their numbers with it.
 * Values are BigInts, so the 64-bit limits (UINTMAX_MAX, INTMAX_MAX) and their overflows
 * are exactly those of the C code.
 */

/** strtol_error (xstrtol.h): OK, or a bit set of what went wrong. */
export const LONGINT = { OK: 0, OVERFLOW: 1, INVALID_SUFFIX_CHAR: 2, INVALID: 4 } as const;

/** UINTMAX_MAX and INTMAX_MAX on a 64-bit system. */
export const UINTMAX_MAX = (1n << 64n) - 1n;
export const INTMAX_MAX = (1n << 63n) - 1n;
export const INTMAX_MIN = -(1n << 63n);

/** What a conversion gave: the value, the error bits, and where parsing stopped (an index into the string). */
export interface StrtolResult {
  value: bigint;
  err: number;
  /** Index of the first character not consumed (the suffix that was refused, for LONGINT_INVALID_SUFFIX_CHAR). */
  end: number;
}

const SPACE = /[ \t\n\v\f\r]/;

/** strtoumax/strtoimax (C locale): leading blanks, a sign, digits in `base` (0: 0x → 16, 0 → 8). */
function strtoint(text: string, base: number, signed: boolean): { value: bigint; end: number; erange: boolean } {
  let i = 0;
  while (i < text.length && SPACE.test(text[i] as string)) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  let b = base;
  if ((b === 0 || b === 16) && text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
    b = 16;
    i += 2;
  } else if (b === 0) b = text[i] === '0' ? 8 : 10;
  const start = i;
  let value = 0n;
  for (; i < text.length; i++) {
    const d = parseInt(text[i] as string, 36);
    if (Number.isNaN(d) || d >= b) break;
    value = value * BigInt(b) + BigInt(d);
  }
  if (i === start) return { value: 0n, end: 0, erange: false };
  if (signed) {
    const v = negative ? -value : value;
    if (v > INTMAX_MAX) return { value: INTMAX_MAX, end: i, erange: true };
    if (v < INTMAX_MIN) return { value: INTMAX_MIN, end: i, erange: true };
    return { value: v, end: i, erange: false };
  }
  // strtoumax: out of range is UINTMAX_MAX; a minus sign negates modulo 2^64.
  if (value > UINTMAX_MAX) return { value: UINTMAX_MAX, end: i, erange: true };
  return { value: negative && value !== 0n ? (1n << 64n) - value : value, end: i, erange: false };
}

/** Multiplies with the saturation bkm_scale() does; returns the error bit. */
function scale(x: bigint, factor: bigint, signed: boolean): { value: bigint; err: number } {
  const r = x * factor;
  const max = signed ? INTMAX_MAX : UINTMAX_MAX;
  if (r > max) return { value: max, err: LONGINT.OVERFLOW };
  if (signed && r < INTMAX_MIN) return { value: INTMAX_MIN, err: LONGINT.OVERFLOW };
  return { value: r, err: LONGINT.OK };
}

const POWERS: Record<string, number> = { k: 1, K: 1, M: 2, m: 2, G: 3, g: 3, T: 4, t: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 };

/**
 * __xstrtol: the number at the start of `text`, scaled by its suffix when the suffix's
 * letter is in `validSuffixes` (`0` in the list allows the second suffixes `B` = powers of
 * 1000 and `iB` = powers of 1024). A suffix with no number before it counts as 1 (`K` = 1024).
 */
function xstrtol(text: string, base: number, validSuffixes: string | null, signed: boolean): StrtolResult {
  if (!signed) {
    let q = 0;
    while (q < text.length && SPACE.test(text[q] as string)) q++;
    if (text[q] === '-') return { value: 0n, err: LONGINT.INVALID, end: 0 };
  }
  const parsed = strtoint(text, base, signed);
  let tmp = parsed.value;
  let err: number = LONGINT.OK;
  let p = parsed.end;
  if (p === 0) {
    if (!(validSuffixes && text !== '' && validSuffixes.includes(text[0] as string))) return { value: 0n, err: LONGINT.INVALID, end: 0 };
    tmp = 1n;
  } else if (parsed.erange) err = LONGINT.OVERFLOW;
  if (validSuffixes === null) return { value: tmp, err, end: p };
  if (p < text.length) {
    const ch = text[p] as string;
    if (!validSuffixes.includes(ch)) return { value: tmp, err: err | LONGINT.INVALID_SUFFIX_CHAR, end: p };
    let xbase = 1024n;
    let consumed = 1;
    const power = POWERS[ch];
    if (power !== undefined && validSuffixes.includes('0')) {
      if (text[p + 1] === 'i' && text[p + 2] === 'B') consumed += 2;
      else if (text[p + 1] === 'B' || text[p + 1] === 'D') {
        xbase = 1000n;
        consumed++;
      }
    }
    let scaled: { value: bigint; err: number };
    if (power !== undefined) {
      scaled = { value: tmp, err: LONGINT.OK };
      for (let k = 0; k < power; k++) {
        const s = scale(scaled.value, xbase, signed);
        scaled = { value: s.value, err: scaled.err | s.err };
      }
    } else if (ch === 'b') scaled = scale(tmp, 512n, signed);
    else if (ch === 'B') scaled = scale(tmp, 1024n, signed);
    else if (ch === 'c') scaled = { value: tmp, err: LONGINT.OK };
    else if (ch === 'w') scaled = scale(tmp, 2n, signed);
    else return { value: tmp, err: err | LONGINT.INVALID_SUFFIX_CHAR, end: p };
    tmp = scaled.value;
    err |= scaled.err;
    p += consumed;
    if (p < text.length) err |= LONGINT.INVALID_SUFFIX_CHAR;
  }
  return { value: tmp, err, end: p };
}

/** xstrtoumax: an unsigned 64-bit number (a leading `-` is LONGINT_INVALID). */
export function xstrtoumax(text: string, base: number, validSuffixes: string | null): StrtolResult {
  return xstrtol(text, base, validSuffixes, false);
}

/** xstrtoimax: a signed 64-bit number. */
export function xstrtoimax(text: string, base: number, validSuffixes: string | null): StrtolResult {
  return xstrtol(text, base, validSuffixes, true);
}
