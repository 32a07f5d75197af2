/**
 * Sizes as `zfs list` prints them, for the views' labels: the simulator's own formatting of
 * OpenZFS lib/libzutil/zutil_nicenum.c zfs_nicenum_format (shell/zfs-format.ts, pure and
 * import-free), so a view and the terminal never disagree on a size.
 */
import { nicebytes } from '../../simulator/shell/zfs-format';

/**
 * `0B`, `512B`, `96K`, `1.69G`, `10.2G`.
 * @example niceBytes(131072) // '128K'
 */
export function niceBytes(n: number): string {
  return nicebytes(Math.max(0, Math.floor(n)));
}
