/**
 * A simulated host's process table written as the /proc procps reads (proc(5)): for each
 * process stat, status and cmdline, plus /proc/stat (btime), uptime, meminfo,
 * sys/kernel/pid_max, tty/drivers and /proc/self pointing at the ps about to run — the one
 * the simulator spawns for `ps ARGS` on the next line, with the same PID and command line.
 * The facts the process table does not keep (sessions, nice, threads, the terminal's
 * foreground job) are those the simulator's ps derives (shell/ps-facts.ts), written into
 * the fields procps reads them from (session, pgrp, tpgid, nice, num_threads).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINE_STEP_MS } from '../../../../src/simulator/engines/clock';
import { listProcesses, spawnProcess } from '../../../../src/simulator/engines/kernel/processes';
import type { Process } from '../../../../src/simulator/engines/kernel/types';
import type { SimState } from '../../../../src/simulator/shell';
import { processFacts, PS_SELF_MEMORY } from '../../../../src/simulator/shell/ps-facts';
import { currentLogin, currentProcess } from '../../../../src/simulator/shell/session';
import { libfaketime, requireTool } from '../../support/tools';
import type { ShellRun } from './sim-tree';

/** USER_HZ: the clock ticks of /proc/PID/stat starttime. */
const HZ = 100;
/** What `meminfo` says: the 16 GiB the simulator's ps takes as MemTotal. */
const MEM_TOTAL_KIB = 16 * 1024 * 1024;

/** The tty_nr of a terminal name (Documentation/admin-guide/devices.txt: pts 136, tty 4), encoded as new_encode_dev(). */
function ttyNumber(tty: string | null): number {
  if (!tty) return 0;
  const pts = /^pts\/([0-9]+)$/.exec(tty);
  if (pts) return (136 << 8) | Number(pts[1]);
  const vt = /^tty([0-9]+)$/.exec(tty);
  return vt ? (4 << 8) | Number(vt[1]) : 0;
}

/** What writeFakeProc() made: the PID the simulator's ps will get and the time it will run at. */
export interface FakeProc {
  psPid: number;
  /** Virtual ms when the next line runs. */
  now: number;
}

/** Writes DIR as /proc for `ps ARGS` typed as the next line in `state` (state itself is left alone). */
export function writeFakeProc(state: SimState, args: string[], dir: string): FakeProc {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const world = structuredClone(state.world);
  const host = currentLogin(state).host;
  const shell = currentProcess(state);
  // The next line starts one step later; ps is spawned then (shell/commands/ps.ts).
  world.clock += LINE_STEP_MS;
  const ps = spawnProcess(world, host, { ppid: shell.pid, args: ['ps', ...args], comm: 'ps', state: 'R', ...PS_SELF_MEMORY });
  const k = world.kernel[host];
  if (!k) throw new Error(`no kernel for ${host}`);
  const procs = listProcesses(world, host);
  const all = new Map(procs.map((p) => [p.pid, p]));
  const facts = new Map(procs.map((p) => [p.pid, processFacts(p, all)]));
  // Sessions and process groups: a leader starts its own, others inherit their parent's; ps runs in its own group.
  // Kernel threads are in session 0, group 0 (kthreadd's).
  const session = (p: Process): number => (p.kernel ? 0 : facts.get(p.pid)?.sessionLeader || !all.has(p.ppid) ? p.pid : session(all.get(p.ppid) as Process));
  const pgrp = (p: Process): number => (p.kernel ? 0 : p === ps || facts.get(p.pid)?.sessionLeader || !all.has(p.ppid) ? p.pid : pgrp(all.get(p.ppid) as Process));
  const foregroundOf = new Map<string, number>();
  for (const p of procs) if (p.tty && facts.get(p.pid)?.foreground) foregroundOf.set(p.tty, pgrp(p));
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const p of procs) {
    const f = facts.get(p.pid) ?? { sessionLeader: false, nice: 0, threads: 1, foreground: false };
    const start = Math.round(((p.start - k.bootTime) / 1000) * HZ);
    const tpgid = p.tty ? (foregroundOf.get(p.tty) ?? -1) : -1;
    // proc(5) stat: pid (comm) state ppid pgrp session tty_nr tpgid flags ... priority nice num_threads itrealvalue starttime vsize rss ...
    const flags = p.kernel ? 0x00208040 : 0x00400100;
    const fields = [p.pid, `(${p.comm})`, p.state, p.ppid, pgrp(p), session(p), ttyNumber(p.tty), tpgid, flags, 0, 0, 0, 0, 0, 0, 0, 0, 20 + f.nice, f.nice, f.threads, 0, start, p.vsz * 1024, Math.floor(p.rss / 4)];
    write(`${p.pid}/stat`, `${[...fields, ...Array(28).fill(0)].join(' ')}\n`);
    const state = p.state === 'R' ? 'R (running)' : p.state === 'I' ? 'I (idle)' : 'S (sleeping)';
    const vm = p.kernel ? '' : `VmPeak:\t${String(p.vsz).padStart(8)} kB\nVmSize:\t${String(p.vsz).padStart(8)} kB\nVmLck:\t       0 kB\nVmHWM:\t${String(p.rss).padStart(8)} kB\nVmRSS:\t${String(p.rss).padStart(8)} kB\n`;
    write(
      `${p.pid}/status`,
      `Name:\t${p.comm}\nUmask:\t0022\nState:\t${state}\nTgid:\t${p.pid}\nNgid:\t0\nPid:\t${p.pid}\nPPid:\t${p.ppid}\nTracerPid:\t0\nUid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\nGid:\t${p.gid}\t${p.gid}\t${p.gid}\t${p.gid}\nFDSize:\t64\nGroups:\t\nNStgid:\t${p.pid}\nNSpid:\t${p.pid}\nNSpgid:\t${pgrp(p)}\nNSsid:\t${session(p)}\nKthread:\t${p.kernel ? 1 : 0}\n${vm}Threads:\t${f.threads}\n`,
    );
    write(`${p.pid}/cmdline`, p.args.length ? p.args.join('\0') + '\0' : '');
    write(`${p.pid}/environ`, '');
  }
  symlinkSync(String(ps.pid), join(dir, 'self'));
  const up = (world.clock - k.bootTime) / 1000;
  write('uptime', `${up.toFixed(2)} ${(up * 1.9).toFixed(2)}\n`);
  const idle = Math.round(up * HZ);
  write('stat', `cpu  0 0 0 ${2 * idle} 0 0 0 0 0 0\ncpu0 0 0 0 ${idle} 0 0 0 0 0 0\ncpu1 0 0 0 ${idle} 0 0 0 0 0 0\nintr 0 0\nctxt 0\nbtime ${Math.floor(k.bootTime / 1000)}\nprocesses ${ps.pid}\nprocs_running 1\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n`);
  write('meminfo', `MemTotal:       ${MEM_TOTAL_KIB} kB\nMemFree:        ${MEM_TOTAL_KIB / 2} kB\nMemAvailable:   ${MEM_TOTAL_KIB / 2} kB\nBuffers:               0 kB\nCached:                0 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n`);
  write('cpuinfo', [0, 1].map((n) => `processor\t: ${n}\nvendor_id\t: GenuineIntel\ncore id\t\t: ${n}\ncpu cores\t: 2\n\n`).join(''));
  write('sys/kernel/pid_max', '4194304\n');
  write('tty/drivers', '/dev/tty             /dev/tty        5       0 system:/dev/tty\npty_slave            /dev/pts      136 0-1048575 pty:slave\nunknown              /dev/tty        4 1-63 console\n');
  return { psPid: ps.pid, now: world.clock };
}

/**
 * The shell script that runs the real ps over a fake /proc: in a private mount namespace,
 * a tmpfs on /proc filled from SRC (process directories created so that they list in
 * ascending PID order, as procfs lists them: a tmpfs lists either newest or oldest first),
 * DIR/pts on /dev/pts (device nodes for the terminals), then a new PID namespace where the
 * PIDs below the simulator's ps are used up so the real ps gets its PID (procps reads
 * /proc/<getpid()> for its own terminal), its clock frozen at the virtual time by
 * libfaketime. Arguments: SRC PTS PSPID "PIDS..." then ps's arguments.
 */
export const REAL_PS_SCRIPT = [
  'src=$1 pts=$2 n=$3 pids=$4; shift 4',
  'mount -t tmpfs none /proc && mkdir /proc/.a /proc/.b',
  'order=$(ls -fa /proc | grep -x "\\.[ab]" | head -n 1); rmdir /proc/.a /proc/.b',
  'if [ "$order" = .b ]; then pids=$(echo $pids | tr " " "\\n" | sort -rn); fi',
  'for p in $pids; do cp -a "$src/$p" /proc/; done',
  'for f in "$src"/*; do case "${f##*/}" in [0-9]*) ;; *) cp -a "$f" /proc/ ;; esac; done',
  'mount --bind "$pts" /dev/pts',
  'exec unshare -p -f sh -c \'n=$1; shift; last=1; while [ "$last" -lt $((n - 1)) ]; do /bin/true & wait $!; last=$!; done; (exec env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="$FT" ps "$@")\' sh "$n" "$@"',
].join('\n');


/** Runs the real ps with `args` over the simulator's processes as the next line would see them (needs root). */
export function runRealPs(state: SimState, args: string[], work: string): ShellRun {
  const procDir = join(work, 'proc');
  const ptsDir = join(work, 'pts');
  const fake = writeFakeProc(state, args, procDir);
  if (!existsSync(ptsDir)) {
    mkdirSync(ptsDir, { recursive: true });
    for (const n of [0, 1, 2, 3]) spawnSync(requireTool('mknod'), [join(ptsDir, String(n)), 'c', '136', String(n)]);
  }
  const pids = readdirSync(procDir).filter((n) => /^[0-9]+$/.test(n)).map(Number).sort((a, b) => a - b).join(' ');
  // libfaketime's absolute form freezes the clock there (the virtual clock does not move while ps runs).
  const frozen = new Date(fake.now).toISOString().replace('T', ' ').slice(0, 19);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C.UTF-8', FT: frozen, FAKETIME_LIB: libfaketime() };
  const r = spawnSync(requireTool('unshare'), ['-m', 'sh', '-c', REAL_PS_SCRIPT, 'sh', procDir, ptsDir, String(fake.psPid), pids, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status ?? -1 };
}
