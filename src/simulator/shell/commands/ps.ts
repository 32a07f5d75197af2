/**
 * `ps`: the host's process table as procps-ng prints it. Arguments mix three syntaxes as
 * procps parses them (src/ps/parser.c): `-e -f -o LIST -p PIDS -C NAMES -u USERS` (SysV),
 * `a u x o LIST p PIDS` (BSD, which switches to BSD defaults such as the `u` columns), and
 * `--pid --format --no-headers --forest` (GNU); a dashed group that fails is read again as
 * BSD (`ps -aux` works). Which processes are shown follows select.c's table (the default:
 * yours on your terminal). ps itself runs as a process while it looks, so it sees itself.
 */
// @sim ps | procps-ng 4.0.4 ps(1): ps, -e/-A, -a, -d, -f, -ef, aux, a, x, u, -o/o/--format with NAME=HEADER and NAME:WIDTH, -p/p/--pid, --ppid, -C, -u/-U/U/--user, --no-headers, --forest/f/-H, the error texts with the usage block and status 1; layout ported from output.c show_one_proc()
import { HOST_MEMORY_KIB } from '../../engines/kernel/host-kind';
import { hostKernel } from '../../engines/world';
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { pidSeenFrom, processesSeenFrom } from '../../engines/kernel/pid-namespace';
import { exitProcess, spawnProcess } from '../../engines/kernel/processes';
import type { Process } from '../../engines/kernel/types';
import { seenId } from '../user-names';
import { processFacts, PS_SELF_MEMORY, statLetters } from '../ps-facts';
import { parsePsArgs, PS_USAGE, type PsRequest } from '../ps-options';
import { activeColumns, OUTBUF_SIZE, psColumn, psLine, type PsColumn, type PsRow } from '../ps-format';

/** /proc/meminfo MemTotal the simulated hosts have: 16 GiB (engines/kernel/boot.ts sizes devtmpfs and /run from it). */
const MEM_TOTAL_KIB = HOST_MEMORY_KIB;

/** User names by uid from the host's /etc/passwd, as getpwuid() reads it. */
function userNames(ctx: CommandContext): Map<number, string> {
  const names = new Map<number, string>();
  const passwd = ctx.vfs.read('/etc/passwd');
  if (!passwd.ok) return names;
  for (const line of passwd.text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid !== undefined && /^[0-9]+$/.test(uid) && !names.has(Number(uid))) names.set(Number(uid), name);
  }
  return names;
}

/** The digits of /proc/sys/kernel/pid_max (procps_pid_length(); 5 when unreadable). */
function pidLength(ctx: CommandContext): number {
  const r = ctx.vfs.read('/proc/sys/kernel/pid_max');
  const text = r.ok ? r.text.replace(/\n$/, '') : '';
  return text === '' ? 5 : text.length;
}

/** The process's row of data for the printers. */
function rowOf(p: Process, all: Map<number, Process>, users: Map<number, string>, now: number): PsRow {
  const facts = processFacts(p, all);
  return {
    pid: p.pid,
    ppid: p.ppid,
    uid: p.uid,
    user: users.get(p.uid) ?? String(p.uid),
    comm: p.comm,
    // readproc: a process without a command line (a kernel thread) shows as [comm].
    args: p.args.length > 0 ? p.args.join(' ') : `[${p.comm}]`,
    tty: p.tty ?? '?',
    stat: statLetters(p, facts),
    start: Math.floor(p.start / 1000),
    now,
    vsz: p.vsz,
    rss: p.rss,
    nlwp: facts.threads,
    memTotal: MEM_TOTAL_KIB,
  };
}

/** select.c want_this_proc() with table_accept()'s bits. */
function wanted(req: PsRequest, p: Process, self: Process, all: Map<number, Process>, users: Map<number, string>): boolean {
  let accepted = req.all;
  if (!accepted && req.useTable) {
    const index = (p.uid === self.uid ? 1 : 0) | (processFacts(p, all).sessionLeader ? 2 : 0) | (p.tty === null ? 4 : 0) | (p.tty === self.tty ? 8 : 0);
    accepted = (req.selectBits & (1 << index)) !== 0;
  }
  if (!accepted) {
    accepted = req.lists.some((l) => {
      switch (l.kind) {
        case 'pid':
          return l.values.includes(String(p.pid));
        case 'ppid':
          return l.values.includes(String(p.ppid));
        case 'comm':
          return l.values.some((v) => v === p.comm || (p.comm.length === 15 && v.length >= 15 && v.startsWith(p.comm)));
        case 'user':
          return l.values.some((v) => v === String(p.uid) || v === users.get(p.uid));
        case 'tty':
          return l.values.some((v) => v === p.tty || `pts/${v}` === p.tty || (v.startsWith('/dev/') && v.slice(5) === p.tty));
      }
      return false;
    });
  }
  return req.negate ? !accepted : accepted;
}

/**
 * display.c show_forest()/show_tree(): processes sorted by parent (then start, then PID),
 * each tree from the last root found, children after their parent. BSD forests (f,
 * --forest) keep the children of PID 1 at its level and draw forest_helper()'s art: ` \\_ `
 * before a process, ` |  ` under a parent with more children to come, four spaces
 * otherwise; the SysV one (-H) indents every level by two spaces.
 */
function forestOrder(procs: Process[], type: 'b' | 'u'): { p: Process; prefix: string }[] {
  const arr = [...procs].sort((a, b) => a.ppid - b.ppid || a.start - b.start || a.pid - b.pid);
  const out: { p: Process; prefix: string }[] = [];
  const marks: string[] = [];
  const render = (level: number): string =>
    marks
      .slice(0, level)
      .map((c) => (type === 'u' ? '  ' : c === ' ' ? '    ' : c === '|' ? ' |  ' : ' \\_ '))
      .join('');
  const showTree = (self: number, level: number, sibling: boolean): void => {
    const me = arr[self] as Process;
    if (level) marks[level - 1] = sibling ? '+' : 'L';
    out.push({ p: me, prefix: render(level) });
    let i = arr.findIndex((x) => x.ppid === me.pid && x !== me);
    if (i < 0) return;
    if (level) marks[level - 1] = sibling ? '|' : ' ';
    for (;;) {
      const more = i + 1 < arr.length && arr[i + 1]?.ppid === me.pid;
      showTree(i++, me.pid === 1 && type !== 'u' ? level : level + 1, more);
      if (!more) break;
    }
  };
  for (let i = arr.length - 1; i >= 0; i--) {
    const p = arr[i] as Process;
    if (!arr.some((x) => x.pid === p.ppid)) showTree(i, 0, false);
  }
  return out;
}

/** The `ps` command. */
export const ps: Command = {
  spec: {
    name: 'ps',
    summary: 'report a snapshot of the current processes',
    usage: 'ps [options]',
    description: '',
    options: [],
    arguments: 'raw',
    usageStatus: 1,
    imitates: 'procps-ng 4.0.4 ps',
    simplified: 'no CPU accounting (TIME 00:00:00, %CPU 0.0); thread counts are known for a few daemons only; no -l/-j/-F/-L/-T/-m/--sort; %MEM against 16 GiB',
  },
  run(ctx, argv) {
    const users = userNames(ctx);
    const names = new Set(users.values());
    const parsed = parsePsArgs(argv, (name) => names.has(name));
    if (parsed.kind === 'error') return { stdout: '', stderr: `error: ${parsed.message}\n${PS_USAGE}`, exitCode: 1 };
    if (parsed.kind === 'help') return { stdout: parsed.text, stderr: '', exitCode: 0 };
    if (parsed.kind === 'version') return { stdout: 'ps from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
    const req = parsed.request;
    const pidLen = pidLength(ctx);
    const fmt: PsColumn[] = [];
    for (const item of req.format) {
      const cols = psColumn(item.spec, pidLen, item.header);
      if (!cols) return { stdout: '', stderr: `error: unknown user-defined format specifier "${item.spec}"\n${PS_USAGE}`, exitCode: 1 };
      if (item.width !== undefined) {
        if (cols.length !== 1) return { stdout: '', stderr: `error: can not set width for a macro (multi-column) format specifier\n${PS_USAGE}`, exitCode: 1 };
        (cols[0] as PsColumn).width = item.width;
      }
      fmt.push(...cols);
    }

    // ps runs as a child of the shell while it reads the table, as the real one does.
    const host = ctx.vfs.host;
    const spawned = spawnProcess(ctx.world, host, { ppid: ctx.proc.pid, args: ['ps', ...argv], comm: 'ps', state: 'R', ...PS_SELF_MEMORY });
    const result = ((): CommandResult => {
      // The processes of the shell's PID namespace and below, numbered as there (pid_namespaces(7)).
      // /proc/PID/status shows IDs in the reader's user namespace (65534 when unmapped).
      const inInit = ctx.proc.ns.user === hostKernel(ctx.world, host).initNs.user;
      const procs = processesSeenFrom(ctx.world, host, ctx.proc.ns.pid).map((p) => (inInit ? p : { ...p, uid: seenId(ctx, p.uid, 'uid'), gid: seenId(ctx, p.gid, 'gid') }));
      const selfPid = pidSeenFrom(hostKernel(ctx.world, host), spawned, ctx.proc.ns.pid);
      const self = procs.find((p) => p.pid === selfPid) ?? spawned;
      const all = new Map(procs.map((p) => [p.pid, p]));
      const now = Math.floor(ctx.world.clock / 1000);
      const chosen = procs.filter((p) => wanted(req, p, self, all, users));
      const ordered = req.forest ? forestOrder(chosen, req.forest) : chosen.map((p) => ({ p, prefix: '' }));
      // set_screen_size(): the terminal's width (COLUMNS overrides); unlimited when stdout is no terminal.
      const columnsVar = Number(ctx.lookup('COLUMNS'));
      let screen = ctx.tty ? 80 : OUTBUF_SIZE;
      if (Number.isInteger(columnsVar) && columnsVar > 0 && columnsVar < OUTBUF_SIZE) screen = columnsVar;
      if (req.wide === 1 && screen < 132) screen = 132;
      if (req.wide > 1) screen = OUTBUF_SIZE;
      const active = activeColumns(fmt, screen);
      const opts = { full: req.full };
      let out = '';
      // check_headers(): no header when every column's header is empty, or with --no-headers.
      if (req.headers && fmt.some((f) => f.name !== '')) out += psLine(fmt, null, active, opts);
      for (const { p, prefix } of ordered) {
        const row = rowOf(p, all, users, now);
        // forest_helper() writes the tree before the command (args and comm alike).
        row.args = prefix + row.args;
        row.comm = prefix + row.comm;
        out += psLine(fmt, row, active, opts);
      }
      // show_one_proc(-1): having listed nothing, ps exits with status 1.
      return { stdout: out, stderr: '', exitCode: ordered.length === 0 ? 1 : 0 };
    })();
    exitProcess(ctx.world, host, spawned.pid);
    return result;
  },
};
