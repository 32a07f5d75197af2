/**
 * `systemd-cgls [CGROUP]`: the cgroup tree with the processes in each group (systemd
 * cgls.c / cgroup-show.c). Processes the kernel engine has not placed in a cgroup are
 * shown where systemd puts them on a Debian 13 host: PID 1 in init.scope, daemons in
 * system.slice/NAME.service, login sessions in user.slice/user-0.slice/session-N.scope;
 * containers in /lxc/VMID (pve-container's lxc.cgroup.dir). Kernel threads are left out
 * (as without -k).
 */
// @sim systemd-cgls | systemd 257 systemd-cgls(1): "CGroup /:" / "-.slice" tree with ├─ │ └─ and "PID CMDLINE" leaves, an optional CGROUP argument; host processes placed by the systemd unit they belong to
import { pidSeenFrom } from '../../engines/kernel/pid-namespace';
import type { Process } from '../../engines/kernel/types';
import { hostKernel } from '../../engines/world';
import type { Command } from '../command-spec';

/** Unit names of Debian 13 / Proxmox VE 9 daemons whose program name differs. */
const UNITS: Record<string, string> = { sshd: 'ssh', agetty: 'getty@tty1', 'dbus-daemon': 'dbus', zed: 'zfs-zed', master: 'postfix@-', chronyd: 'chrony', pmxcfs: 'pve-cluster', cron: 'cron' };

/** Where systemd would have put a host process the engine left in the root group. */
function placed(p: Process, all: Record<string, Process>, session: Map<number, number>): string {
  if (p.cgroup) return p.cgroup;
  if (p.pid === 1) return '/init.scope';
  // A login's sshd-session and everything under it form session-N.scope.
  for (let at: Process | undefined = p; at; at = all[String(at.ppid)]) {
    const n = session.get(at.pid);
    if (n !== undefined) return `/user.slice/user-0.slice/session-${n}.scope`;
  }
  // The service is the daemon under PID 1 this process descends from (its workers stay in it).
  let top = p;
  while (top.ppid > 1 && all[String(top.ppid)]) top = all[String(top.ppid)] as Process;
  const base = (top.args[0] ?? top.comm).split(' ')[0]?.split('/').pop()?.replace(/:$/, '') ?? top.comm;
  return `/system.slice/${UNITS[base] ?? base}.service`;
}

/** The `systemd-cgls` command. */
export const systemdCgls: Command = {
  spec: {
    name: 'systemd-cgls',
    summary: 'recursively show control group contents',
    usage: 'systemd-cgls [OPTIONS...] [CGROUP...]',
    description: 'Recursively show control group contents.\n',
    options: [],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'systemd 257 systemd-cgls',
    simplified: 'host daemons are placed by command name; no -k, -u, --user-unit, -a; no pager, no width truncation',
  },
  run(ctx, _argv, opts) {
    const k = hostKernel(ctx.world, ctx.vfs.host);
    const sessions = new Map<number, number>();
    let n = 1;
    for (const p of Object.values(k.processes).sort((a, b) => a.pid - b.pid)) if (p.comm === 'sshd-session') sessions.set(p.pid, n++);
    // Groups as a tree: path → children names and processes.
    const procs = new Map<string, Process[]>();
    const children = new Map<string, Set<string>>();
    const addPath = (path: string): void => {
      const parts = path.split('/').filter(Boolean);
      for (let i = 0; i < parts.length; i++) {
        const parent = `/${parts.slice(0, i).join('/')}`;
        const child = `/${parts.slice(0, i + 1).join('/')}`;
        (children.get(parent === '/' ? '/' : parent) ?? children.set(parent === '/' ? '/' : parent, new Set()).get(parent === '/' ? '/' : parent) as Set<string>).add(child);
      }
    };
    for (const g of Object.keys(k.cgroups ?? {})) addPath(g);
    for (const p of Object.values(k.processes)) {
      if (p.kernel || pidSeenFrom(k, p, ctx.proc.ns.pid) === null) continue;
      const g = placed(p, k.processes, sessions);
      addPath(g);
      (procs.get(g) ?? procs.set(g, []).get(g) as Process[]).push(p);
    }
    const start = opts.operands[0] ?? '/';
    if (start !== '/' && !children.has(start) && !procs.has(start)) return { stdout: '', stderr: `Failed to list cgroup tree: No such file or directory\n`, exitCode: 1 };
    const lines: string[] = [start === '/' ? 'CGroup /:' : `CGroup ${start}:`];
    if (start === '/') lines.push('-.slice');
    const walk = (path: string, indent: string): void => {
      const kids = [...(children.get(path) ?? [])].sort((a, b) => (a < b ? -1 : 1));
      const mine = (procs.get(path) ?? []).sort((a, b) => a.pid - b.pid);
      // cgroup-show.c: the group's processes first, then its subgroups.
      const items: ({ kind: 'p'; p: Process } | { kind: 'g'; path: string })[] = [...mine.map((p) => ({ kind: 'p' as const, p })), ...kids.map((c) => ({ kind: 'g' as const, path: c }))];
      items.forEach((item, i) => {
        const last = i === items.length - 1;
        const branch = last ? '└─' : '├─';
        if (item.kind === 'p') {
          const pid = pidSeenFrom(k, item.p, ctx.proc.ns.pid) ?? item.p.pid;
          lines.push(`${indent}${branch}${pid} ${item.p.args.join(' ') || item.p.comm}`);
        } else {
          lines.push(`${indent}${branch}${item.path.split('/').pop()}`);
          walk(item.path, indent + (last ? '  ' : '│ '));
        }
      });
    };
    walk(start, '');
    return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
  },
};
