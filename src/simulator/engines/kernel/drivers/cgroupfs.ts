/**
 * cgroup2 at /sys/fs/cgroup: the root cgroup's interface files and one directory per cgroup
 * of the kernel's table (cgroup.ts), each with the files cgroup-v2.rst documents for the
 * memory, pids and cpu controllers, drawn from the table on every read. Writing them is
 * refused (EACCES) — limits change through the engines (pct set) for now.
 */
// @sim kernel /sys/fs/cgroup | cgroup-v2.rst: cgroup.procs, cgroup.controllers, memory.current/max/high/swap.max/events, pids.current/max/events, cpu.max per cgroup (read-only here)
import { hostKernel } from '../../world';
import { cgroupProcesses, cgroupTable, memoryCurrent } from '../cgroup';
import { registerDriver } from '../driver';
import { pidSeenFrom } from '../pid-namespace';
import { syntheticDriver, type SynthTree } from '../synthetic';
import type { Cgroup } from '../types';

/** A limit as its file shows it: bytes or `max`. */
const limit = (n: number | null): string => `${n === null ? 'max' : n}\n`;

/** The interface files of one cgroup (cgroup-v2.rst "Memory Interface Files", "PID", "CPU"). */
function groupFiles(g: Cgroup, current: number, pids: number): [string, string, number][] {
  return [
    ['memory.current', `${current}\n`, 0o444],
    ['memory.max', limit(g.memoryMax), 0o644],
    ['memory.high', limit(g.memoryHigh), 0o644],
    ['memory.swap.max', limit(g.swapMax), 0o644],
    ['memory.events', `low ${g.events.low}\nhigh ${g.events.high}\nmax ${g.events.max}\noom ${g.events.oom}\noom_kill ${g.events.oom_kill}\noom_group_kill 0\n`, 0o444],
    ['pids.current', `${pids}\n`, 0o444],
    ['pids.max', limit(g.pidsMax), 0o644],
    ['pids.events', `max ${g.pidsRefused}\n`, 0o444],
    ['cpu.max', `${g.cpuQuota === null ? 'max' : g.cpuQuota} ${g.cpuPeriod}\n`, 0o644],
  ];
}

registerDriver(
  syntheticDriver(
    'cgroupfs',
    (env) => {
      const tree: SynthTree = new Map();
      const file = (path: string, text: string, mode = 0o444): void => void tree.set(path, { type: 'file', mode, render: () => text });
      const k = hostKernel(env.world, env.host);
      const reader = env.pid !== undefined ? k.processes[String(env.pid)] : undefined;
      // cgroup.procs lists PIDs as the reader's PID namespace numbers them (0 when not visible there).
      const procs = (path: string, own: boolean): string =>
        cgroupProcesses(k, path)
          .filter((p) => !own || (p.cgroup ?? '/') === path)
          .map((p) => (reader ? (pidSeenFrom(k, p, reader.ns.pid) ?? 0) : p.pid))
          .join('\n');
      file('/cgroup.controllers', 'cpuset cpu io memory hugetlb pids rdma misc\n');
      file('/cgroup.subtree_control', 'cpuset cpu io memory pids\n', 0o644);
      const rootProcs = procs('/', true);
      file('/cgroup.procs', rootProcs === '' ? '' : `${rootProcs}\n`, 0o644);
      for (const dir of ['init.scope', 'system.slice', 'user.slice']) tree.set(`/${dir}`, { type: 'dir', mode: 0o755 });
      for (const [path, g] of Object.entries(cgroupTable(k))) {
        tree.set(path, { type: 'dir', mode: 0o755 });
        const own = procs(path, true);
        file(`${path}/cgroup.procs`, own === '' ? '' : `${own}\n`, 0o644);
        file(`${path}/cgroup.controllers`, 'cpuset cpu io memory pids\n');
        for (const [name, text, mode] of groupFiles(g, memoryCurrent(k, path), cgroupProcesses(k, path).length)) file(`${path}/${name}`, text, mode);
      }
      return tree;
    },
    { readOnlyErrno: 'EACCES' },
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
