/**
 * ps's output columns and line layout, ported from procps-ng 4.0.4 src/ps/output.c: the
 * format specifiers (header, width, justification: format_array[]), the printers (pr_*),
 * and show_one_proc(), whose running `correct`/`actual` positions decide how much a
 * column may spill into its neighbour's room. Columns are laid out for a screen width
 * (check_header_width(): a multiple of the terminal width, or 128 KiB when stdout is no
 * terminal), and the last, unlimited column (COMMAND) is cut at that width.
 */

/** What the printers need to know about one process, precomputed by ps. */
export interface PsRow {
  pid: number;
  ppid: number;
  uid: number;
  /** User name, or the uid as text when there is none. */
  user: string;
  comm: string;
  /** The command line, or `[comm]` for a kernel thread (procps readproc). */
  args: string;
  /** `pts/0`, `tty1` or `?`. */
  tty: string;
  /** The STAT letters (`Ss`, `R+`, `I<`). */
  stat: string;
  /** Start and now, in seconds since the epoch. */
  start: number;
  now: number;
  vsz: number;
  rss: number;
  nlwp: number;
  /** Total memory in KiB (%MEM's denominator, /proc/meminfo MemTotal). */
  memTotal: number;
}

/** How a column is padded (output.c CF_JUST_MASK). */
type Just = 'left' | 'right' | 'user' | 'unlimited';

/** One column of the format list (format_node). */
export interface PsColumn {
  /** The specifier as typed (`pid`, `%cpu`). */
  spec: string;
  /** The header printed. */
  name: string;
  width: number;
  just: Just;
  /** Prints a row within `room` cells (max_rightward). */
  pr: (row: PsRow, room: number, opts: PrintOptions) => string;
}

/** What changes how some columns print. */
export interface PrintOptions {
  /** -f: comm shows the full command line (pr_comm with unix_f_option). */
  full: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number): string => String(n).padStart(2, '0');

/** The first `room` characters (escape_str() stops at max cells). */
const cut = (text: string, room: number): string => [...text].slice(0, Math.max(0, room)).join('');

/** ctime() of seconds since the epoch, in UTC (the simulated hosts' time zone). */
function ctime(sec: number): string {
  const d = new Date(sec * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** [dd-]hh:mm:ss of a number of seconds (pr_time). */
function cpuTime(t: number): string {
  const dd = Math.floor(t / 86400);
  return `${dd ? `${dd}-` : ''}${two(Math.floor(t / 3600) % 24)}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
}

/** pr_etime: [[dd-]hh:]mm:ss. */
function elapsed(t: number): string {
  const ss = t % 60;
  const mm = Math.floor(t / 60) % 60;
  const hh = Math.floor(t / 3600) % 24;
  const dd = Math.floor(t / 86400);
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
}

/** pr_stime (STIME, START of `u`): HH:MM today, MonDD this year, else the year. */
function stime(row: PsRow): string {
  const p = new Date(row.start * 1000);
  const n = new Date(row.now * 1000);
  if (p.getUTCFullYear() !== n.getUTCFullYear()) return String(p.getUTCFullYear());
  const sameDay = p.getUTCMonth() === n.getUTCMonth() && p.getUTCDate() === n.getUTCDate();
  return sameDay ? `${two(p.getUTCHours())}:${two(p.getUTCMinutes())}` : `${MONTHS[p.getUTCMonth()]}${two(p.getUTCDate())}`;
}

/** pr_start (STARTED): HH:MM:SS within a day, else "  Mon DD" (ctime's day zero-padded). */
function started(row: PsRow): string {
  const c = ctime(row.start);
  if (row.start + 86400 > row.now) return c.slice(11, 19);
  return `  ${c.slice(4, 8)}${c.slice(8, 10).replace(' ', '0')}`;
}

/** do_pr_name(): a name longer than the room ends in `+`. */
function userName(row: PsRow, room: number): string {
  if ([...row.user].length <= room) return row.user;
  return room >= 1 ? cut(row.user, room - 1) + '+' : String(row.uid);
}

/** pr_pmem: per-mille of MemTotal, "%2u.%u". */
function pmem(row: PsRow): string {
  const p = Math.min(999, Math.floor((row.rss * 1000) / row.memTotal));
  return `${String(Math.floor(p / 10)).padStart(2)}.${p % 10}`;
}

type Spec = [name: string, width: number, just: Just, pr: PsColumn['pr']];

const args: PsColumn['pr'] = (r, room) => cut(r.args, room);
const comm: PsColumn['pr'] = (r, room, o) => cut(o.full ? r.args : r.comm, room);

// output.c format_array[] (the simulator keeps no CPU time: TIME is 0, %CPU and C are 0).
const SPECS: Record<string, Spec> = {
  '%cpu': ['%CPU', 4, 'right', () => '0.0'],
  pcpu: ['%CPU', 4, 'right', () => '0.0'],
  '%mem': ['%MEM', 4, 'right', pmem],
  pmem: ['%MEM', 4, 'right', pmem],
  args: ['COMMAND', 27, 'unlimited', args],
  command: ['COMMAND', 27, 'unlimited', args],
  cmd: ['CMD', 27, 'unlimited', args],
  comm: ['COMMAND', 15, 'unlimited', comm],
  ucmd: ['CMD', 15, 'unlimited', comm],
  ucomm: ['COMMAND', 15, 'unlimited', comm],
  bsdstart: ['START', 6, 'right', (r) => (r.now - r.start > 86400 ? ctime(r.start).slice(4, 10) : ctime(r.start).slice(10, 16))],
  bsdtime: ['TIME', 6, 'right', () => '  0:00'],
  c: ['C', 2, 'right', () => ' 0'],
  cputime: ['TIME', 8, 'right', () => cpuTime(0)],
  time: ['TIME', 8, 'right', () => cpuTime(0)],
  cputimes: ['TIME', 8, 'right', () => '0'],
  times: ['TIME', 8, 'right', () => '0'],
  etime: ['ELAPSED', 11, 'right', (r) => elapsed(Math.max(0, r.now - r.start))],
  etimes: ['ELAPSED', 7, 'right', (r) => String(Math.max(0, r.now - r.start))],
  euid: ['EUID', 5, 'right', (r) => String(r.uid)],
  uid: ['UID', 5, 'right', (r) => String(r.uid)],
  euser: ['EUSER', 8, 'user', userName],
  user: ['USER', 8, 'user', userName],
  uname: ['USER', 8, 'user', userName],
  uid_hack: ['UID', 8, 'user', userName],
  lstart: ['STARTED', 24, 'right', (r) => ctime(r.start)],
  nlwp: ['NLWP', 4, 'right', (r) => String(r.nlwp)],
  thcount: ['THCNT', 5, 'right', (r) => String(r.nlwp)],
  pid: ['PID', 5, 'right', (r) => String(r.pid)],
  tgid: ['TGID', 5, 'right', (r) => String(r.pid)],
  ppid: ['PPID', 5, 'right', (r) => String(r.ppid)],
  rss: ['RSS', 5, 'right', (r) => String(r.rss)],
  rssize: ['RSS', 5, 'right', (r) => String(r.rss)],
  rsz: ['RSZ', 5, 'right', (r) => String(r.rss)],
  vsz: ['VSZ', 6, 'right', (r) => String(r.vsz)],
  vsize: ['VSZ', 6, 'right', (r) => String(r.vsz)],
  s: ['S', 1, 'left', (r) => r.stat.slice(0, 1)],
  state: ['S', 1, 'left', (r) => r.stat.slice(0, 1)],
  stat: ['STAT', 4, 'left', (r) => r.stat],
  start: ['STARTED', 8, 'right', started],
  start_time: ['START', 5, 'right', stime],
  stime: ['STIME', 5, 'right', stime],
  tname: ['TTY', 8, 'left', (r) => r.tty],
  tt: ['TT', 8, 'left', (r) => r.tty],
  tty: ['TT', 8, 'left', (r) => r.tty],
  fname: ['COMMAND', 8, 'left', (r) => cut(r.comm, 8)],
};

/** Specifiers whose width follows /proc/sys/kernel/pid_max (CF_PIDMAX). */
const PIDMAX = new Set(['pid', 'ppid', 'tgid']);

/** Macros that stand for several columns (output.c macro_array[]). */
const MACROS: Record<string, string[]> = {
  OL_u: ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'],
};

/** do_one_spec(): a column by specifier, with an optional header override; undefined when unknown. */
export function psColumn(spec: string, pidLength: number, header?: string): PsColumn[] | undefined {
  const macro = MACROS[spec];
  if (macro) return macro.flatMap((s) => psColumn(s, pidLength) ?? []);
  const found = SPECS[spec];
  if (!found) return undefined;
  const [name, width, just, pr] = found;
  // CF_PIDMAX: as wide as pid_max's digits (DEFAULT_PID_LENGTH 5), at least the header.
  const base = PIDMAX.has(spec) ? Math.max(pidLength, name.length) : width;
  if (header !== undefined) return [{ spec, name: header, width: Math.max(base, header.length), just, pr }];
  return [{ spec, name, width: base, just, pr }];
}

/** The OUTBUF_SIZE of common.h: the width ps uses when stdout is no terminal. */
export const OUTBUF_SIZE = 2 * 64 * 1024;

/** check_header_width(): the smallest multiple of the screen width that holds every column. */
export function activeColumns(fmt: PsColumn[], screenCols: number): number {
  let total = 0;
  let wasNormal = 0;
  fmt.forEach((f, i) => {
    total += f.just === 'unlimited' && i === fmt.length - 1 ? 3 : f.width;
    total += wasNormal;
    wasNormal = 1;
  });
  let n = 1;
  while (screenCols * n < total && screenCols * n < OUTBUF_SIZE / 2) n++;
  return screenCols * n;
}

/** show_one_proc(): one line (the header when `row` is null). */
export function psLine(fmt: PsColumn[], row: PsRow | null, activeCols: number, opts: PrintOptions): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i] as PsColumn;
    const last = i === fmt.length - 1;
    let room: number;
    let tmpspace = 0;
    if (!last) room = f.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    room = Math.min(Math.max(room, 0), OUTBUF_SIZE - 1);
    let text = row ? f.pr(row, room, opts) : f.name;
    const amount = [...text].length;
    let leftpad = 0;
    if (f.just === 'right') leftpad = Math.max(0, f.width - amount);
    // CF_UNLIMITED with no room left: only the first character survives.
    if (f.just === 'unlimited' && activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > 144) space = 144;
    out += ' '.repeat(space) + text;
    if (last) break;
    actual += space + amount;
    correct += f.width + 1;
    dospace = 1;
  }
  return out + '\n';
}
