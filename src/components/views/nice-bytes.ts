/**
 * Sizes as `zfs list` prints them, for the views' labels: OpenZFS lib/libzutil/zutil_nicenum.c
 * zfs_nicenum_format — 1024-based units, an exact multiple without decimals, otherwise the
 * most decimals (2, 1, 0) that keep the text within 5 characters.
 */

/**
 * `0B`, `512B`, `96K`, `1.69G`, `10.2G`.
 * @example niceBytes(131072) // '128K'
 */
export function niceBytes(n: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];
  let index = 0;
  let v = Math.max(0, Math.floor(n));
  while (v >= 1024 && index < 6) {
    v = Math.floor(v / 1024);
    index++;
  }
  const u = units[index] as string;
  if (index === 0 || n % 1024 ** index === 0) return `${v}${u}`;
  for (let digits = 2; digits >= 0; digits--) {
    const t = `${(n / 1024 ** index).toFixed(digits)}${u}`;
    if (t.length <= 5) return t;
  }
  return `${(n / 1024 ** index).toFixed(0)}${u}`;
}
