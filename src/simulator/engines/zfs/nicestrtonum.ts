/**
 * libzfs_util.c zfs_nicestrtonum and str2shift (OpenZFS 2.3): how `zfs set` and `zfs create -V`
 * read a size — digits, an optional fraction, an optional suffix B K M G T P E Z (any case, `G`
 * = `GB` = `GiB`, powers of 1024) — and the words of each refusal, which `zfs set` prints
 * after "cannot set property for 'NAME': ".
 */

const SUFFIXES = 'BKMGTPEZ';
const TOO_LARGE = 'numeric value is too large';

/** str2shift: the suffix's power of 2, or the refusal. */
function shiftOf(suffix: string): number | string {
  if (suffix === '') return 0;
  const i = SUFFIXES.indexOf(suffix.charAt(0).toUpperCase());
  if (i < 0) return `invalid numeric suffix '${suffix}'`;
  const rest = suffix.slice(1).toUpperCase();
  // 'G' = 'GB' = 'GiB', case-insensitively; 'BB' and 'BiB' are not.
  if (rest === '' || (i !== 0 && (rest === 'B' || rest === 'IB'))) return 10 * i;
  return `invalid numeric suffix '${suffix}'`;
}

/** A size as zfs_nicestrtonum reads it: bytes, or the refusal's words. */
export function nicestrtonum(value: string): { ok: true; bytes: number } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (!/^[0-9.]/.test(value)) return fail(`bad numeric value '${value}'`);
  const digits = /^[0-9]*/.exec(value)?.[0] ?? '';
  if (digits.length > 0 && BigInt(digits) > 2n ** 64n - 1n) return fail(TOO_LARGE);
  let end = value.slice(digits.length);
  if (end.startsWith('.')) {
    // strtod, then the fraction is scaled in floating point.
    const number = /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.exec(value)?.[0] ?? '';
    end = value.slice(number.length);
    const shift = shiftOf(end);
    if (typeof shift === 'string') return fail(shift);
    const bytes = Number(number) * 2 ** shift;
    if (!Number.isFinite(bytes) || bytes >= 2 ** 64) return fail(TOO_LARGE);
    return { ok: true, bytes: Math.trunc(bytes) };
  }
  const shift = shiftOf(end);
  if (typeof shift === 'string') return fail(shift);
  const num = BigInt(digits === '' ? '0' : digits);
  if (shift >= 64 && num !== 0n) return fail(TOO_LARGE);
  const bytes = num << BigInt(shift);
  if (bytes >> BigInt(shift) !== num || bytes > 2n ** 64n - 1n) return fail(TOO_LARGE);
  return { ok: true, bytes: Number(bytes) };
}
