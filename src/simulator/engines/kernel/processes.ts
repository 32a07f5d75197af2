/**
 * The process table of a host: PID 1 and the usual daemons of each host kind at boot,
 * then login shells and what they start. PIDs are given out in order from the host's
 * counter (pid_max is far away). Every process points at its namespaces.
 */
// @sim kernel processes | a Proxmox VE 9 / TrueNAS 25.10 / Debian 13 process table at boot (systemd, kernel threads, daemons), OpenSSH 10 sshd-session per login; PIDs given out in order
import type { World } from '../world';
import { hostKernel } from '../world';
import { allocateNsPids } from './pid-namespace';
import type { NsType, Process } from './types';

/** What spawnProcess needs. */
export interface SpawnSpec {
  ppid: number;
  comm?: string;
  args: string[];
  uid?: number;
  gid?: number;
  cwd?: string;
  tty?: string | null;
  state?: string;
  vsz?: number;
  rss?: number;
  /** Namespaces different from the parent's. */
  ns?: Partial<Record<NsType, number>>;
  kernel?: boolean;
  /** The cgroup it starts in (default: its parent's). */
  cgroup?: string;
}

/** comm: the executable's base name, cut to 15 characters (TASK_COMM_LEN 16 with the NUL). */
export function commOf(arg0: string): string {
  return (arg0.split('/').pop() ?? arg0).slice(0, 15);
}

/** Starts a process; returns it. The parent's namespaces are inherited unless `ns` says otherwise. */
export function spawnProcess(world: World, host: string, spec: SpawnSpec): Process {
  const k = hostKernel(world, host);
  const parent = k.processes[String(spec.ppid)];
  const pid = k.nextPid++;
  const ns = { ...(parent?.ns ?? k.initNs), ...(spec.ns ?? {}) } as Record<NsType, number>;
  const proc: Process = {
    pid,
    ppid: spec.ppid,
    nspid: allocateNsPids(k, pid, ns.pid),
    uid: spec.uid ?? parent?.uid ?? 0,
    gid: spec.gid ?? parent?.gid ?? 0,
    comm: spec.comm ?? commOf(spec.args[0] ?? ''),
    args: spec.args,
    cwd: spec.cwd ?? parent?.cwd ?? '/',
    tty: spec.tty === undefined ? (parent?.tty ?? null) : spec.tty,
    state: spec.state ?? 'S',
    start: world.clock,
    vsz: spec.vsz ?? 0,
    rss: spec.rss ?? 0,
    ns,
    ...(spec.kernel ? { kernel: true } : {}),
    ...(spec.cgroup ?? parent?.cgroup ? { cgroup: spec.cgroup ?? parent?.cgroup } : {}),
  };
  k.processes[String(pid)] = proc;
  return proc;
}

/** Ends a process and its descendants (a logout ends the session's children too). */
export function exitProcess(world: World, host: string, pid: number): void {
  const k = hostKernel(world, host);
  const doomed = new Set<number>([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of Object.values(k.processes)) {
      if (!doomed.has(p.pid) && doomed.has(p.ppid)) {
        doomed.add(p.pid);
        grew = true;
      }
    }
  }
  for (const d of doomed) delete k.processes[String(d)];
}

/** A process by host PID. */
export function findProcess(world: World, host: string, pid: number): Process | undefined {
  return world.kernel[host]?.processes[String(pid)];
}

/** Every process of a host, by PID. */
export function listProcesses(world: World, host: string): Process[] {
  return Object.values(hostKernel(world, host).processes).sort((a, b) => a.pid - b.pid);
}

/** A daemon at boot: its argv, comm when it differs from argv[0]'s base name, its memory, and children. */
interface DaemonSpec {
  args: string[];
  comm?: string;
  vsz: number;
  rss: number;
  children?: DaemonSpec[];
  kernel?: boolean;
  tty?: string;
}

// Kernel threads every Linux host shows under kthreadd (PID 2): a representative few.
const KTHREADS = ['pool_workqueue_release', 'kworker/R-rcu_g', 'kworker/R-sync_', 'kworker/R-slub_', 'kworker/R-netns', 'ksoftirqd/0', 'rcu_preempt', 'migration/0', 'cpuhp/0', 'kdevtmpfs', 'khungtaskd', 'oom_reaper', 'kswapd0', 'ksoftirqd/1', 'migration/1'];

const COMMON: DaemonSpec[] = [
  { args: ['/usr/lib/systemd/systemd-journald'], vsz: 49300, rss: 16400 },
  { args: ['/usr/lib/systemd/systemd-udevd'], vsz: 27600, rss: 7600 },
  { args: ['/usr/bin/dbus-daemon', '--system', '--address=systemd:', '--nofork', '--nopidfile', '--systemd-activation', '--syslog-only'], comm: 'dbus-daemon', vsz: 8600, rss: 5100 },
  { args: ['/usr/lib/systemd/systemd-logind'], vsz: 18100, rss: 8300 },
  { args: ['/usr/sbin/cron', '-f'], vsz: 6700, rss: 2700 },
  { args: ['/usr/sbin/chronyd', '-F', '1'], vsz: 10500, rss: 3900 },
  { args: ['/sbin/agetty', '-o', '-- \\u', '--noreset', '--noclear', '-', 'linux'], comm: 'agetty', vsz: 5900, rss: 2000, tty: 'tty1' },
];

// What a Proxmox VE 9 node runs (pve-manager, pve-cluster, pve-ha-manager, qemu-server, lxc-pve services).
const PROXMOX: DaemonSpec[] = [
  { args: ['/usr/sbin/zed', '-F'], vsz: 80000, rss: 4200 },
  { args: ['/usr/bin/lxcfs', '/var/lib/lxcfs'], vsz: 80200, rss: 2200 },
  { args: ['/usr/sbin/iscsid'], vsz: 5800, rss: 1700 },
  { args: ['/usr/bin/pmxcfs'], vsz: 490000, rss: 52000 },
  { args: ['/usr/bin/lxc-monitord', '--daemon'], vsz: 2700, rss: 1500 },
  { args: ['/usr/lib/postfix/sbin/master', '-w'], comm: 'master', vsz: 42500, rss: 4700 },
  { args: ['/usr/sbin/corosync', '-f'], vsz: 0, rss: 0 },
  { args: ['pve-firewall'], vsz: 153000, rss: 101000 },
  { args: ['pvestatd'], vsz: 151000, rss: 99000 },
  { args: ['pvedaemon'], vsz: 232000, rss: 137000, children: [{ args: ['pvedaemon worker'], vsz: 240000, rss: 142000 }, { args: ['pvedaemon worker'], vsz: 240000, rss: 142000 }, { args: ['pvedaemon worker'], vsz: 240000, rss: 142000 }] },
  { args: ['pve-ha-crm'], vsz: 223000, rss: 109000 },
  { args: ['pveproxy'], vsz: 233000, rss: 138000, children: [{ args: ['pveproxy worker'], vsz: 241000, rss: 146000 }, { args: ['pveproxy worker'], vsz: 241000, rss: 146000 }, { args: ['pveproxy worker'], vsz: 241000, rss: 146000 }] },
  { args: ['spiceproxy'], vsz: 160000, rss: 66000, children: [{ args: ['spiceproxy worker'], vsz: 160000, rss: 55000 }] },
  { args: ['pve-ha-lrm'], vsz: 224000, rss: 111000 },
  { args: ['pvescheduler'], vsz: 215000, rss: 108000 },
  { args: ['/usr/bin/qmeventd', '/var/run/qmeventd.sock'], vsz: 4300, rss: 1200 },
];

// TrueNAS runs its middleware (middlewared, Python) and the services it manages.
const TRUENAS: DaemonSpec[] = [
  { args: ['/usr/sbin/zed', '-F'], vsz: 80000, rss: 4200 },
  { args: ['/usr/sbin/syslog-ng', '-F'], vsz: 89000, rss: 9000 },
  { args: ['middlewared'], vsz: 1900000, rss: 540000, children: [{ args: ['middlewared (worker)'], vsz: 420000, rss: 190000 }, { args: ['middlewared (zettarepl)'], vsz: 300000, rss: 120000 }] },
  { args: ['nginx: master process /usr/sbin/nginx -g daemon on; master_process on;'], comm: 'nginx', vsz: 55000, rss: 9000, children: [{ args: ['nginx: worker process'], comm: 'nginx', vsz: 56000, rss: 11000 }] },
  { args: ['/usr/sbin/smartd', '-n', '--interval=1800', '--quit=never'], comm: 'smartd', vsz: 11000, rss: 5000 },
];

/** Starts PID 1, kthreadd and the daemons of a host kind, at boot. */
export function startDaemons(world: World, host: string, kind: string): void {
  const k = hostKernel(world, host);
  k.nextPid = 1;
  spawnProcess(world, host, { ppid: 0, args: ['/sbin/init'], comm: 'systemd', cwd: '/', tty: null, vsz: 24500, rss: 15200 });
  spawnProcess(world, host, { ppid: 0, args: [], comm: 'kthreadd', cwd: '/', tty: null, kernel: true });
  for (const name of KTHREADS) spawnProcess(world, host, { ppid: 2, args: [], comm: name, cwd: '/', tty: null, kernel: true, state: name.startsWith('kworker/R') ? 'I' : 'S' });
  const start = (d: DaemonSpec, ppid: number): void => {
    const p = spawnProcess(world, host, { ppid, args: d.args, ...(d.comm ? { comm: d.comm } : {}), cwd: '/', tty: d.tty ?? null, vsz: d.vsz, rss: d.rss });
    for (const child of d.children ?? []) start(child, p.pid);
  };
  const own = kind === 'proxmox' ? PROXMOX.filter((d) => d.args[0] !== '/usr/sbin/corosync') : kind === 'truenas' ? TRUENAS : [];
  for (const d of [...COMMON, ...own]) start(d, 1);
  // OpenSSH 10 (Debian 13): the listener; each login gets an sshd-session child.
  spawnProcess(world, host, { ppid: 1, args: ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'], comm: 'sshd', cwd: '/', tty: null, vsz: 11800, rss: 7300 });
}

/** The sshd listener of a host (the parent of login sessions). */
export function sshdListener(world: World, host: string): Process | undefined {
  return listProcesses(world, host).find((p) => p.comm === 'sshd' && p.ppid === 1);
}
