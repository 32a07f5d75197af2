/**
 * Layout pieces of GNU ls: the multi-column format used on a terminal (ls.c
 * calculate_columns / print_many_per_line, 80 columns, minimum column width 3, two spaces
 * between columns, padded with tabs to tab stops every 8 columns as ls.c indent() does,
 * checked against the real ls -C) and the long format's fields.
 */
import { HUMAN, humanReadable } from './human-readable';

/** Lays names out in columns, filled top to bottom, as `ls` does on an 80-column terminal. */
export function columns(names: string[], lineLength = 80): string {
  const n = names.length;
  if (n === 0) return '';
  const widths = names.map((s) => [...s].length);
  // ls.c: MIN_COLUMN_WIDTH 3; try every column count up to the screen's capacity, keep the widest that fits.
  const maxCols = Math.max(1, Math.min(Math.floor(lineLength / 3), n));
  let best: number[] = [Math.max(...widths)];
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const colWidths = new Array<number>(cols).fill(3);
    let lineLen = cols * 3;
    let fits = true;
    for (let i = 0; i < n; i++) {
      const col = Math.floor(i / rows);
      const real = (widths[i] as number) + (col === cols - 1 ? 0 : 2);
      if ((colWidths[col] as number) < real) {
        lineLen += real - (colWidths[col] as number);
        colWidths[col] = real;
      }
      if (lineLen >= lineLength) {
        fits = false;
        break;
      }
    }
    if (fits) {
      best = colWidths;
      break;
    }
  }
  const cols = best.length;
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      line += names[i] as string;
      if ((c + 1) * rows + r >= n) break;
      const width = best[c] as number;
      line += indent(pos + (widths[i] as number), pos + width);
      pos += width;
    }
    out += line + '\n';
  }
  return out;
}

/** GNU ls's default tab size (ls.c: `tabsize = 8`, changed only by -T or $TABSIZE). */
const TAB_SIZE = 8;

/** ls.c indent(): moves from column `from` to `to` with tabs where a tab stop is passed, spaces otherwise. */
function indent(from: number, to: number): string {
  let out = '';
  let at = from;
  while (at < to) {
    if (Math.floor(to / TAB_SIZE) > Math.floor((at + 1) / TAB_SIZE)) {
      out += '\t';
      at += TAB_SIZE - (at % TAB_SIZE);
    } else {
      out += ' ';
      at++;
    }
  }
  return out;
}

/**
 * ls -h sizes: ls.c sets human_autoscale | human_SI | human_base_1024 with a block size of 1
 * and rounds up, through gnulib's human_readable (so 1048575 bytes is `1.0M`, not `1024K`).
 */
export function humanSize(bytes: number): string {
  return humanReadable(bytes, HUMAN.autoscale | HUMAN.SI | HUMAN.base1024, 1, 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ls.c: half of an average Gregorian year, in seconds (31556952 / 2). */
const SIX_MONTHS_MS = (31556952 / 2) * 1000;

/**
 * ls.c print_long_format's time stamp, in UTC: `%b %e %H:%M` for a time within the past six
 * months, `%b %e  %Y` otherwise (older, or in the future). The virtual clock stands still
 * while a line runs, so a time equal to `now` counts as past, as it would a moment later.
 */
export function lsTime(ms: number, now: number): string {
  const d = new Date(ms);
  const recent = now - SIX_MONTHS_MS < ms && ms <= now;
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (!recent) return `${head}  ${d.getUTCFullYear()}`;
  return `${head} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
