/**
 * Sizes as util-linux prints them for humans (lsblk SIZE, findmnt -D): powers of 1024 with
 * a one-letter suffix and at most one decimal, rounded half up, a trailing zero dropped:
 * `500G`, `3.6T`, `1007K`, `8M`, `0B`. lib/strutils.c size_to_human_string() with
 * SIZE_SUFFIX_1LETTER, computed in integers as the C code does.
 */

const LETTERS = 'BKMGTPE';

/** get_exp(): the power of two (a multiple of 10) of the unit a size is shown in. */
function exponent(n: bigint): number {
  let shift = 10;
  for (; shift <= 60; shift += 10) if (n < 1n << BigInt(shift)) break;
  return shift - 10;
}

/** size_to_human_string(SIZE_SUFFIX_1LETTER, bytes). */
export function humanSize(bytes: number): string {
  const n = BigInt(Math.max(0, Math.floor(bytes)));
  const exp = exponent(n);
  const suffix = LETTERS[exp / 10] as string;
  let dec = exp ? n >> BigInt(exp) : n;
  let frac = exp ? n & ((1n << BigInt(exp)) - 1n) : 0n;
  if (frac) {
    // Three digits after the point, then rounded 4/5 to one digit (kept as tens).
    frac = (frac * 1000n) >> BigInt(exp);
    frac = ((frac + 50n) / 100n) * 10n;
    if (frac === 100n) {
      dec++;
      frac = 0n;
    }
  }
  if (!frac) return `${dec}${suffix}`;
  // "%d%s%02d" then the extraneous zero removed: 3.60 → 3.6.
  return `${dec}.${String(frac).padStart(2, '0').replace(/0$/, '')}${suffix}`;
}
