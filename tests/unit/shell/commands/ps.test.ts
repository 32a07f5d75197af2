import { describe, expect, it } from 'vitest';
import { activeColumns, OUTBUF_SIZE, psColumn, psLine, type PsColumn, type PsRow } from '../../../../src/simulator/shell/ps-format';
import { boot, run, sh } from '../sim-fixture';

// The real ps reads the simulator's process table in tests/real/shell/system.test.ts (a
// /proc written from it, in its own PID namespace). Here the layout (header names, widths,
// justification, show_one_proc()'s padding, STIME and START formats, truncation at the
// terminal width, which that comparison cannot reach through a pipe) is pinned against
// lines the real ps 4.0.2 printed for this machine's own processes (pid_max 32768, so PID
// columns are 5 wide there; 4194304 on Debian 13 makes them 7), fed through ps-format.ts.

/** The columns of a format list, PID columns as wide as a pid_max of `pidLength` digits. */
function cols(specs: string, pidLength = 5): PsColumn[] {
  return specs.split(',').flatMap((s) => {
    const [spec, header] = s.split('=');
    return psColumn(spec as string, pidLength, header) ?? [];
  });
}

/** What the real machine's kthreadd looked like: started at 21:19:45 on 1 Dec 2026, 14:46 ago. */
const START = Date.UTC(2026, 11, 1, 21, 19, 45) / 1000;
const kthreadd: PsRow = { pid: 2, ppid: 0, uid: 0, user: 'root', comm: 'kthreadd', args: '[kthreadd]', tty: '?', stat: 'S', start: START, now: START + 886, vsz: 0, rss: 0, nlwp: 1, memTotal: 16 * 1024 * 1024 };

function lines(specs: string, row: PsRow, screen = OUTBUF_SIZE, full = false): [string, string] {
  const fmt = cols(specs);
  const active = activeColumns(fmt, screen);
  return [psLine(fmt, null, active, { full }), psLine(fmt, row, active, { full })];
}

describe('ps layout (output.c show_one_proc), against the real ps', () => {
  it('-o with every column the handbook uses', () => {
    expect(lines('pid,ppid,user,uid,comm,args,cmd,tty,stat,start,time,etime,vsz,rss,%cpu,%mem,nlwp', kthreadd)).toEqual([
      '  PID  PPID USER       UID COMMAND         COMMAND                     CMD                         TT       STAT  STARTED     TIME     ELAPSED    VSZ   RSS %CPU %MEM NLWP\n',
      '    2     0 root         0 kthreadd        [kthreadd]                  [kthreadd]                  ?        S    21:19:45 00:00:00       14:46      0     0  0.0  0.0    1\n',
    ]);
  });

  it('-f and BSD u columns', () => {
    expect(lines('uid_hack,pid,ppid,c,stime,tname,time,cmd', kthreadd, OUTBUF_SIZE, true)).toEqual(['UID        PID  PPID  C STIME TTY          TIME CMD\n', 'root         2     0  0 21:19 ?        00:00:00 [kthreadd]\n']);
    expect(lines('OL_u', kthreadd)).toEqual(['USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n', 'root         2  0.0  0.0      0     0 ?        S    21:19   0:00 [kthreadd]\n']);
    const ps = { ...kthreadd, pid: 26693, comm: 'ps', args: 'ps u', tty: 'pts/0', stat: 'R+', vsz: 8548, rss: 4668 };
    expect(lines('OL_u', ps)[1]).toBe('root     26693  0.0  0.0   8548  4668 pts/0    R+   21:42   0:00 ps u\n'.replace('21:42', '21:19'));
  });

  it('cuts the command at the screen width on a terminal', () => {
    const bash = { ...kthreadd, pid: 26690, ppid: 26687, comm: 'bash', args: 'bash -c ps; ps -f; ps u; ps -o pid,tty,stat,comm', tty: 'pts/0' };
    expect(lines('uid_hack,pid,ppid,c,stime,tname,time,cmd', bash, 80, true)[1]).toBe('root     26690 26687  0 21:19 pts/0    00:00:00 bash -c ps; ps -f; ps u; ps -o p\n');
  });

  it('renames and resizes columns (NAME=HEADER, NAME:WIDTH)', () => {
    const p1 = { ...kthreadd, pid: 1, comm: 'process_api' };
    expect(lines('pid=PROCESS,comm=NAME,user=', p1)).toEqual(['PROCESS NAME            \n', '      1 process_api     root\n']);
    expect(lines('pid,comm,user', p1)).toEqual(['  PID COMMAND         USER\n', '    1 process_api     root\n']);
    expect(lines('user=LONGUSERNAME12', p1)).toEqual(['LONGUSERNAME12\n', 'root\n']);
    const wide = [psColumn('pid', 5)?.[0] as PsColumn, ...cols('comm')];
    wide[0] = { ...wide[0], width: 10 } as PsColumn;
    expect(psLine(wide, null, OUTBUF_SIZE, { full: false })).toBe('       PID COMMAND\n');
    expect(psLine(wide, p1, OUTBUF_SIZE, { full: false })).toBe('         1 process_api\n');
  });

  it('the time columns', () => {
    expect(lines('etime,time,start,stime,start_time,bsdstart,lstart,c', kthreadd)).toEqual([
      '    ELAPSED     TIME  STARTED STIME START  START                  STARTED  C\n',
      '      14:46 00:00:00 21:19:45 21:19 21:19  21:19 Tue Dec  1 21:19:45 2026  0\n',
    ]);
    // After a day: STIME and START become MonDD, STARTED "  Mon DD"; ETIME gains days.
    const old = { ...kthreadd, now: START + 3 * 86400 + 3661 };
    expect(lines('stime,start,bsdstart,etime', old)[1]).toBe('Dec01   Dec 01 Dec  1  3-01:01:01\n');
  });

  it('ends a user name that does not fit in `+` (do_pr_name())', () => {
    const row = { ...kthreadd, user: 'systemd-timesync', uid: 997 };
    expect(lines('user,pid', row)[1]).toBe('systemd+     2\n');
  });

  it('makes PID columns as wide as pid_max has digits (CF_PIDMAX)', () => {
    expect(psLine(cols('pid,tname,time,ucmd', 7), null, OUTBUF_SIZE, { full: false })).toBe('    PID TTY          TIME CMD\n');
  });
});

describe('ps', () => {
  it('shows the shell and ps itself on this terminal, ps with the next PID', () => {
    const s = boot();
    const shell = Number(run(s, 'echo $$').stdout);
    expect(run(s, 'ps').stdout).toBe(`    PID TTY          TIME CMD\n${String(shell).padStart(7)} pts/0    00:00:00 bash\n${String(shell + 1).padStart(7)} pts/0    00:00:00 ps\n`);
    // ps has exited: the next one gets the next PID, and the table has no trace of the first.
    expect(run(s, 'ps -o pid= -p $$').stdout).toBe(`${String(shell).padStart(7)}\n`);
    expect(run(s, 'ps -o comm= -C ps').stdout).toBe('ps\n');
  });

  it('lists everything with -e, -ef and aux; STAT as procps derives it', () => {
    const ef = sh('ps -ef').stdout.split('\n');
    expect(ef[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(ef[1]).toBe('root           1       0  0 00:00 ?        00:00:00 /sbin/init');
    expect(ef[2]).toBe('root           2       0  0 00:00 ?        00:00:00 [kthreadd]');
    const aux = sh('ps auxww').stdout;
    expect(aux).toMatch(/^root +1 +0\.0 +0\.0 +24500 15200 \? +Ss +00:00 +0:00 \/sbin\/init$/m);
    expect(aux).toMatch(/ pts\/0 +Ss +00:00 +0:00 -bash$/m);
    expect(aux).toMatch(/ pts\/0 +R\+ +00:00 +0:00 ps auxww$/m);
    expect(aux).toMatch(/ \? +I< +00:00 +0:00 \[kworker\/R-rcu_g\]$/m);
    expect(aux).toMatch(/ \? +Ssl +00:00 +0:00 \/usr\/bin\/pmxcfs$/m);
    expect(sh('ps -aux').stdout.split('\n')[0]).toBe(aux.split('\n')[0]);
  });

  it('draws the process forest with --forest and f', () => {
    const f = sh('ps axf').stdout;
    expect(f).toMatch(/^ +\d+ \? +Ss +0:00 pvedaemon\n +\d+ \? +S +0:00  \\_ pvedaemon worker$/m);
    expect(f).toMatch(/ \\_ sshd-session: root@pts\/0\n.* {6}\\_ -bash\n.* {10}\\_ ps axf\n$/);
  });

  it('selects by PID, command name and user; nothing selected is status 1 with the header', () => {
    expect(sh('ps -o pid=,comm= -p 1,2').stdout).toBe('      1 systemd\n      2 kthreadd\n');
    expect(sh('ps -C pvedaemon -o comm=').stdout).toBe('pvedaemon\n');
    expect(sh('ps -u root -o pid= | wc -l').stdout).toBe(sh('ps -e --no-headers -o pid | wc -l').stdout);
    expect(sh('ps -p 99999')).toMatchObject({ stdout: '    PID TTY          TIME CMD\n', exitCode: 1 });
  });

  it('prints procps errors with its usage block, status 1', () => {
    const usage = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    expect(sh('ps -o foo')).toMatchObject({ stdout: '', stderr: `error: unknown user-defined format specifier "foo"\n${usage}`, exitCode: 1 });
    expect(sh('ps --bogus')).toMatchObject({ stderr: `error: unknown gnu long option\n${usage}`, exitCode: 1 });
    expect(sh('ps -p abc')).toMatchObject({ stderr: `error: process ID list syntax error\n${usage}`, exitCode: 1 });
    expect(sh('ps -Q')).toMatchObject({ stderr: `error: unsupported SysV option\n${usage}`, exitCode: 1 });
    expect(sh('ps -C')).toMatchObject({ stderr: `error: list of command names must follow -C\n${usage}`, exitCode: 1 });
    expect(sh('ps --help')).toMatchObject({ stdout: usage, exitCode: 0 });
    expect(sh('ps --version').stdout).toBe('ps from procps-ng 4.0.4\n');
  });
});
