/**
 * What ps shows that the process table does not keep: which processes lead a session,
 * which run at a raised priority, how many threads a daemon has, and which process is the
 * foreground job of its terminal. Derived here by the rules a Debian host follows, so ps
 * (and the tests that hand the same facts to the real ps) agree on them.
 */
import type { Process } from '../engines/kernel/types';

/** Threads of the multi-threaded daemons (the process table keeps none; STAT shows `l` for these). */
const THREADS: Record<string, number> = { zed: 2, lxcfs: 3, pmxcfs: 7, middlewared: 33, 'syslog-ng': 3 };

/** The derived facts of one process. */
export interface ProcessFacts {
  /** setsid(2) was called: the process leads its session (STAT `s`). */
  sessionLeader: boolean;
  /** Its nice value (STAT `<` below 0). */
  nice: number;
  /** Threads (NLWP; STAT `l` above 1). */
  threads: number;
  /** It is the foreground job of its terminal (STAT `+`). */
  foreground: boolean;
}

/** A session leader: daemons systemd starts (setsid), login sessions and their shells. */
function isSessionLeader(p: Process, all: Map<number, Process>): boolean {
  if (p.kernel) return false;
  if (p.ppid <= 1 || p.comm === 'sshd-session') return true;
  return all.get(p.ppid)?.comm === 'sshd-session';
}

/** The facts of `p` among the processes `all` (by PID). */
export function processFacts(p: Process, all: Map<number, Process>): ProcessFacts {
  return {
    sessionLeader: isSessionLeader(p, all),
    // The kworker/R-* rescuer threads run at nice -20.
    nice: p.kernel && p.comm.startsWith('kworker/R-') ? -20 : 0,
    threads: THREADS[p.comm] ?? 1,
    // The foreground job of a terminal: nothing else runs below it on the same terminal.
    foreground: p.tty !== null && ![...all.values()].some((c) => c.ppid === p.pid && c.tty === p.tty),
  };
}

/** pr_stat(): the state letter, `<` high priority, `s` session leader, `l` threads, `+` foreground. */
export function statLetters(p: Process, facts: ProcessFacts): string {
  return p.state + (facts.nice < 0 ? '<' : facts.nice > 0 ? 'N' : '') + (facts.sessionLeader ? 's' : '') + (facts.threads > 1 ? 'l' : '') + (facts.foreground ? '+' : '');
}

/** The memory the ps process itself takes while it runs (procps-ng 4.0.4 on Debian 13, KiB). */
export const PS_SELF_MEMORY = { vsz: 11300, rss: 4600 } as const;
