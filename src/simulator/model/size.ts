/**
 * Sizes as people write them in lab files and on ZFS/Proxmox command lines: `512`, `16K`,
 * `500G`, `4T`, `1.5T`. Units are powers of 1024, as in OpenZFS (`zfs_nicestrtonum` in
 * lib/libzfs/libzfs_util.c accepts K, KB, KiB, … case-insensitively) and Proxmox (`size=8G`
 * means GiB). The model stores bytes; `formatSize` writes them back for exporters.
 */
import { z } from 'zod';
import { quoteValue } from './issues';

const UNITS = ['B', 'K', 'M', 'G', 'T', 'P', 'E'] as const;

// OpenZFS libzfs_util.c zfs_nicestrtonum: number, optional fraction, suffix K|KB|KiB (any case).
const SIZE_RE = /^(\d+)(?:\.(\d+))?\s*([bkmgtpe])?(?:i?b)?$/i;

/**
 * Parse a size into bytes, or return null when the text is not a size. A fraction is allowed
 * and truncated to whole bytes (`1.5K` → 1536), like zfs_nicestrtonum.
 * @example parseSize('4T') // 4398046511104
 * @example parseSize(512) // 512
 */
export function parseSize(input: string | number): number | null {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input >= 0 ? input : null;
  }
  const m = SIZE_RE.exec(input.trim());
  if (!m) return null;
  const unit = (m[3] ?? 'B').toUpperCase();
  const power = UNITS.indexOf(unit as (typeof UNITS)[number]);
  const whole = Number(m[1]);
  const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
  const bytes = Math.floor((whole + fraction) * 1024 ** power);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/**
 * Write a byte count the way a person would type it into a config: the largest unit that
 * divides it exactly (`4T`, `16K`); otherwise plain bytes, never a rounded `1.5K`, so
 * `parseSize(formatSize(n)) === n` for every safe integer n ≥ 0.
 * @example formatSize(4398046511104) // '4T'
 * @example formatSize(1536) // '1536'
 */
export function formatSize(bytes: number): string {
  if (bytes === 0) return '0';
  for (let power = UNITS.length - 1; power >= 1; power--) {
    const unit = 1024 ** power;
    if (bytes % unit === 0) return `${bytes / unit}${UNITS[power]}`;
  }
  return String(bytes);
}

/**
 * A size field: a number of bytes or text like `500G`; parsed to bytes.
 * @example size: 4T
 * @example size: 17179869184
 */
export const SizeSchema = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${quoteValue(value)} is not a size`,
        params: { fix: 'write a number of bytes or a number with a unit: 512, 16K, 500G, 4T', labCode: 'size' },
      });
      return z.NEVER;
    }
    return bytes;
  })
  .meta({ description: 'Bytes, or a number with a 1024-based unit: 512, 16K, 500G, 4T.' });

/** Bytes, after parsing a {@link SizeSchema} field. */
export type Size = z.output<typeof SizeSchema>;
