/**
 * Number and table formats shared by the `zpool` and `zfs` commands, as OpenZFS 2.3 prints
 * them: lib/libzutil/zutil_nicenum.c zfs_nicenum_format (1024 units, an exact multiple
 * without decimals, else the most decimals that fit in 5 characters) and the column tables
 * of zfs_main.c / zpool_main.c print_header (two spaces between columns, numbers right-aligned,
 * the last column unpadded; `-H` tab-separated without a header).
 */

/**
 * zfs_nicebytes: `0B`, `512B`, `24K`, `1.69G`, `10.2G`.
 * @example nicebytes(1814560768) // '1.69G'
 */
export function nicebytes(n: number, bytesUnit = true): string {
  const units = [bytesUnit ? 'B' : '', 'K', 'M', 'G', 'T', 'P', 'E'];
  let index = 0;
  let v = n;
  while (v >= 1024 && index < 6) {
    v = Math.floor(v / 1024);
    index++;
  }
  const u = units[index] as string;
  if (index === 0 || n % 1024 ** index === 0) return `${v}${u}`;
  for (let digits = 2; digits >= 0; digits--) {
    const text = `${(n / 1024 ** index).toFixed(digits)}${u}`;
    if (text.length <= 5) return text;
  }
  return `${(n / 1024 ** index).toFixed(0)}${u}`;
}

/** A column of a table: header text and whether values are right-aligned. */
export interface Column {
  header: string;
  right: boolean;
  /** The least width (numeric columns are at least 5 wide: zprop_width). */
  min?: number;
}

/** Prints rows under headers as zfs/zpool list do; `scripted` (-H) joins with tabs and drops the header. */
export function printTable(columns: Column[], rows: string[][], scripted: boolean, header = true): string {
  if (scripted) return rows.map((r) => r.join('\t') + '\n').join('');
  const widths = columns.map((c, i) => Math.max(c.header.length, c.min ?? 0, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const c = columns[i] as Column;
        const w = widths[i] as number;
        if (c.right) return cell.padStart(w);
        return i === cells.length - 1 ? cell : cell.padEnd(w);
      })
      .join('  ') + '\n';
  return (header ? line(columns.map((c) => c.header)) : '') + rows.map(line).join('');
}

/** ctime(3)-style date of virtual ms (`Fri Dec 23 11:19:08 2022`), UTC. */
export function ctimeDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (x: number) => String(x).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
