/**
 * ps's argument parsing, after procps-ng 4.0.4 src/ps/parser.c: each argument is SysV
 * (`-ef`), BSD (`aux`), GNU (`--pid 1`) or a bare PID list; options that take a list take
 * the rest of their argument or the next one. When the first pass fails, procps parses
 * everything again as BSD (arg_parse() try_bsd), which is why `ps -aux` works. The
 * selection becomes select.c's bit table (select_bits_setup()) and the columns come from
 * -o/o/--format or from the default lists (sortformat.c generate_sysv_list(), OL_u for `u`).
 */

/** A selection list (-p, -C, -u, --ppid, -t). */
export interface PsList {
  kind: 'pid' | 'ppid' | 'comm' | 'user' | 'tty';
  values: string[];
}

/** One column asked for, with its header or width override (`pid=PROCESS`, `comm:20`). */
export interface PsFormatItem {
  spec: string;
  header?: string;
  width?: number;
}

/** What the arguments ask for. */
export interface PsRequest {
  /** -e, -A, or BSD `ax`. */
  all: boolean;
  /** table_accept() bits: which of euid/session leader/no tty/our tty combinations are shown. */
  selectBits: number;
  /** Whether the bit table applies (a selection option, or no lists at all). */
  useTable: boolean;
  lists: PsList[];
  negate: boolean;
  format: PsFormatItem[];
  /** -f: comm shows the command line. */
  full: boolean;
  headers: boolean;
  /** Forest output: `b` with the BSD ` \\_ ` art (f, --forest), `u` indented by two spaces per level (-H), or none. */
  forest: 'b' | 'u' | null;
  /** How many w's (wider output). */
  wide: number;
}

/** What parsing gives. */
export type PsParse = { kind: 'ok'; request: PsRequest } | { kind: 'error'; message: string } | { kind: 'help'; text: string } | { kind: 'version' };

/** do_help(NULL): the usage block ps prints after an error (on stderr) and for --help (on stdout). */
export const PS_USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

// help.c, section "simple".
const HELP_SIMPLE = `
Usage:
 ps [options]

Basic options:
 -A, -e               all processes
 -a                   all with tty, except session leaders
  a                   all with tty, including other users
 -d                   all except session leaders
 -N, --deselect       negate selection
  r                   only running processes
  T                   all processes on this terminal
  x                   processes without controlling ttys

For more details see ps(1).
`;

// select.c simple_select bits.
const SS_U_a = 1;
const SS_U_d = 2;
const SS_B_x = 4;
const SS_B_a = 8;

interface State {
  simple: number;
  all: boolean;
  bsd: boolean;
  lists: PsList[];
  negate: boolean;
  format: PsFormatItem[] | null;
  fullFlag: boolean;
  bsdU: boolean;
  headers: boolean;
  forest: 'b' | 'u' | null;
  wide: number;
}

/** parse_list(): items separated by commas, blanks or tabs; an empty item is an improper list. */
function splitList(arg: string): string[] | null {
  const items = arg.split(/[ ,\t]/);
  return items.some((i) => i === '') ? null : items;
}

/** parse_pid(). */
function pidList(arg: string): string[] | string {
  const items = splitList(arg);
  if (!items) return 'improper list';
  for (const i of items) {
    if (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(i)) return 'process ID list syntax error';
    const n = Number(i);
    if (n < 1 || n > 0x7fffffff) return 'process ID out of range';
  }
  return items.map((i) => String(Number(i)));
}

/**
 * format_parse(): items split on blanks, commas, tabs and newlines (one trailing separator
 * allowed); `NAME=HEADER` renames a column (the header ends at the next separator, so a
 * header with commas needs its own -o), `NAME:WIDTH` sets its width.
 */
function formatList(arg: string): PsFormatItem[] | string {
  const text = arg.replace(/[ ,\t\n]$/, '');
  if (text === '') return 'empty format list';
  const items = text.split(/[ ,\t\n]/);
  if (items.some((i) => i === '')) return 'improper format list';
  const out: PsFormatItem[] = [];
  for (const raw of items) {
    const eq = raw.indexOf('=');
    let item = eq < 0 ? raw : raw.slice(0, eq);
    const header = eq < 0 ? undefined : raw.slice(eq + 1);
    const colon = item.indexOf(':');
    let width: number | undefined;
    if (colon >= 0) {
      const w = item.slice(colon + 1);
      if (!/^[1-9][0-9]*$/.test(w)) return 'column widths must be unsigned decimal numbers';
      width = Number(w);
      item = item.slice(0, colon);
    }
    out.push({ spec: item, ...(header !== undefined ? { header } : {}), ...(width !== undefined ? { width } : {}) });
  }
  return out;
}

/** One pass over the arguments; `bsdOnly` reads dashed groups as BSD (the second chance). */
function parsePass(argv: string[], bsdOnly: boolean, userExists: (name: string) => boolean): State | string {
  const st: State = { simple: 0, all: false, bsd: false, lists: [], negate: false, format: null, fullFlag: false, bsdU: false, headers: true, forest: null, wide: 0 };
  const addFormat = (arg: string | undefined, missing: string): string | null => {
    if (arg === undefined || arg === '') return missing;
    const f = formatList(arg);
    if (typeof f === 'string') return f;
    st.format = [...(st.format ?? []), ...f];
    return null;
  };
  const addList = (kind: PsList['kind'], arg: string | undefined, missing: string): string | null => {
    if (arg === undefined || arg === '') return missing;
    const values = kind === 'pid' || kind === 'ppid' ? pidList(arg) : (splitList(arg) ?? 'improper list');
    if (typeof values === 'string') return values;
    // parse_uid(): a name must be in the passwd database.
    if (kind === 'user' && !st.negate && values.some((v) => !/^[0-9]+$/.test(v) && !userExists(v))) return 'user name does not exist';
    st.lists.push({ kind, values });
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = (rest: string): string | undefined => (rest !== '' ? rest : i + 1 < argv.length && argv[i + 1] !== '' ? argv[++i] : undefined);
    if (/^--[A-Za-z]/.test(a)) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const value = (): string | undefined => (eq >= 0 ? a.slice(eq + 1) : i + 1 < argv.length ? argv[++i] : undefined);
      let err: string | null = null;
      if (name === 'pid') err = addList('pid', value(), 'list of process IDs must follow --pid');
      else if (name === 'ppid') err = addList('ppid', value(), 'list of process IDs must follow --ppid');
      else if (name === 'user' || name === 'User') err = addList('user', value(), `list of ${name === 'user' ? 'effective' : 'real'} users must follow --${name}`);
      else if (name === 'tty') err = addList('tty', value(), 'list of ttys must follow --tty');
      else if (name === 'format') err = addFormat(value(), 'format specification must follow --format');
      else if (name === 'no-headers' || name === 'no-heading') st.headers = false;
      else if (name === 'headers' || name === 'heading') st.headers = true;
      else if (name === 'forest') st.forest = 'b';
      else if (name === 'deselect') st.negate = true;
      else if (name === 'width' || name === 'cols' || name === 'columns') value();
      else return 'unknown gnu long option';
      if (err) return err;
      continue;
    }
    if (/^[0-9]/.test(a)) {
      // parse_trailing_pids(): a bare PID list (BSD style).
      st.bsd = true;
      const err = addList('pid', a, '');
      if (err) return err;
      continue;
    }
    const sysv = a.startsWith('-') && /^-[A-Za-z]/.test(a) && !bsdOnly;
    if (!sysv && !/^-?[A-Za-z]/.test(a)) return 'garbage option';
    const letters = a.startsWith('-') ? a.slice(1) : a;
    if (!sysv) st.bsd = true;
    for (let j = 0; j < letters.length; j++) {
      const ch = letters[j] as string;
      const rest = letters.slice(j + 1);
      let err: string | null = null;
      let stop = false;
      if (sysv) {
        if (ch === 'A' || ch === 'e') st.all = true;
        else if (ch === 'a') st.simple |= SS_U_a;
        else if (ch === 'd') st.simple |= SS_U_d;
        else if (ch === 'f') st.fullFlag = true;
        else if (ch === 'H') st.forest = 'u';
        else if (ch === 'N') st.negate = true;
        else if (ch === 'w') st.wide++;
        else if (ch === 'o') [err, stop] = [addFormat(next(rest), 'format specification must follow -o'), true];
        else if (ch === 'p') [err, stop] = [addList('pid', next(rest), 'list of process IDs must follow -p'), true];
        else if (ch === 'C') [err, stop] = [addList('comm', next(rest), 'list of command names must follow -C'), true];
        else if (ch === 'u' || ch === 'U') [err, stop] = [addList('user', next(rest), `list of ${ch === 'u' ? '' : 'real '}users must follow -${ch}`), true];
        else if (ch === 't') [err, stop] = [addList('tty', next(rest), 'list of terminals (pty, tty...) must follow -t'), true];
        else if (ch === 'V') return 'version';
        // Real procps options the simulator leaves out: said plainly rather than "unsupported".
        else if ('cFGgjLlMmPqsTyZz'.includes(ch)) return `the -${ch} option is not simulated`;
        else return 'unsupported SysV option';
      } else {
        if (ch === 'a') st.simple |= SS_B_a;
        else if (ch === 'x') st.simple |= SS_B_x;
        else if (ch === 'u') st.bsdU = true;
        else if (ch === 'f') st.forest = 'b';
        else if (ch === 'h') st.headers = false;
        else if (ch === 'w') st.wide++;
        else if (ch === 'g' || ch === 'c' || ch === 'e') continue;
        else if (ch === 'o') [err, stop] = [addFormat(next(rest), 'format specification must follow o'), true];
        else if (ch === 'p') [err, stop] = [addList('pid', next(rest), 'list of process IDs must follow p'), true];
        else if (ch === 'U') [err, stop] = [addList('user', next(rest), 'list of users must follow U'), true];
        else if (ch === 't') [err, stop] = [addList('tty', next(rest), 'list of ttys must follow t'), true];
        else if (ch === 'V') return 'version';
        else if (ch === '-') return "embedded '-' among BSD options makes no sense";
        else if ('jlLmnrsSTvXZ'.includes(ch)) return `the ${ch} option is not simulated`;
        else return 'unsupported option (BSD syntax)';
      }
      if (err) return err;
      if (stop) break;
    }
  }
  return st;
}

/** select_bits_setup(), process_sf_options(): the request from a parsed state. */
function finish(st: State): PsRequest | string {
  let bits = 0;
  let all = st.all;
  if (!st.simple && !st.bsd) bits = 0xaa00;
  else {
    const val = st.simple & (SS_U_a | SS_U_d) ? st.simple : st.simple | 16;
    const table: Record<number, number> = { [SS_U_a | SS_U_d]: 0x3f3f, [SS_U_a]: 0x0303, [SS_U_d]: 0x3333, 16: 0x0a0a, [16 | SS_B_a]: 0x0f0f, [16 | SS_B_x]: 0xaaaa };
    if (val === (16 | SS_B_x | SS_B_a)) all = true;
    else if (table[val] !== undefined) bits = table[val] as number;
    else return 'process selection options conflict';
  }
  let format = st.format;
  if (format && (st.fullFlag || st.bsdU)) return 'conflicting format options';
  if (!format) {
    if (st.bsdU) format = [{ spec: 'OL_u' }];
    else if (st.bsd) format = ['pid', 'tname', 'stat', 'bsdtime', st.fullFlag ? 'cmd' : 'args'].map((spec) => ({ spec }));
    else if (st.fullFlag) format = ['uid_hack', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'].map((spec) => ({ spec }));
    else format = ['pid', 'tname', 'time', 'ucmd'].map((spec) => ({ spec }));
  }
  const useTable = st.simple !== 0 || st.lists.length === 0;
  return { all, selectBits: bits, useTable, lists: st.lists, negate: st.negate, format, full: st.fullFlag, headers: st.headers, forest: st.forest, wide: st.wide };
}

/** Parses ps's arguments. */
export function parsePsArgs(argv: string[], userExists: (name: string) => boolean): PsParse {
  if (argv[0] === '--help') {
    const topic = argv[1];
    return { kind: 'help', text: topic === 's' || topic === 'simple' ? HELP_SIMPLE : PS_USAGE };
  }
  if (argv[0] === '--version') return { kind: 'version' };
  const first = parsePass(argv, false, userExists);
  const firstResult = typeof first === 'string' ? first : finish(first);
  if (firstResult === 'version') return { kind: 'version' };
  if (typeof firstResult !== 'string') return { kind: 'ok', request: firstResult };
  // try_bsd: everything again as BSD; the first pass's error is the one reported.
  const second = parsePass(argv, true, userExists);
  const secondResult = typeof second === 'string' ? second : finish(second);
  if (typeof secondResult !== 'string') return { kind: 'ok', request: secondResult };
  return { kind: 'error', message: firstResult };
}
