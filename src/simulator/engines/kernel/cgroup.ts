/**
 * cgroup v2 (Documentation/admin-guide/cgroup-v2.rst): groups in a tree below the root,
 * each with memory.max/memory.high/memory.swap.max, pids.max and cpu.max. Memory charged
 * past memory.max that cannot be reclaimed ends in the memory cgroup's OOM killer
 * (mm/memcontrol.c, mm/oom_kill.c): the biggest process in the group is killed, memory.events
 * counts `oom` and `oom_kill`, and the kernel log gets the lines dmesg shows. A fork past
 * pids.max fails with EAGAIN (kernel/cgroup/pids.c pids_can_fork).
 */
// @sim kernel cgroup v2 | cgroup-v2.rst: memory.max/high/swap.max, pids.max, cpu.max, memory.events, pids.events; memcg OOM kill with the mm/oom_kill.c log lines; fork EAGAIN at pids.max
import type { World } from '../world';
import { hostKernel } from '../world';
import { spawnProcess, type SpawnSpec } from './processes';
import type { Cgroup, HostKernel, Process } from './types';

/** Limits to set on a cgroup (undefined leaves one as it is, null is `max`). */
export interface CgroupLimits {
  memoryMax?: number | null;
  memoryHigh?: number | null;
  swapMax?: number | null;
  pidsMax?: number | null;
  cpuQuota?: number | null;
  cpuPeriod?: number;
}

/** The cgroups of a host by path (`/lxc/101`). */
export function cgroupTable(k: HostKernel): Record<string, Cgroup> {
  return (k.cgroups ??= {});
}

/** Whether `path` is `group` or below it. */
export function inCgroup(path: string | undefined, group: string): boolean {
  const p = path ?? '/';
  return group === '/' || p === group || p.startsWith(`${group}/`);
}

/** Makes a cgroup (mkdir in /sys/fs/cgroup; parents first) with `limits`; an existing one keeps its counters and gets the limits. */
export function createCgroup(world: World, host: string, path: string, limits: CgroupLimits = {}): Cgroup {
  const table = cgroupTable(hostKernel(world, host));
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const up = `/${parts.slice(0, i).join('/')}`;
    table[up] ??= emptyCgroup();
  }
  const group = (table[path] ??= emptyCgroup());
  return setCgroupLimits(group, limits);
}

function emptyCgroup(): Cgroup {
  return { memoryMax: null, memoryHigh: null, swapMax: null, pidsMax: null, cpuQuota: null, cpuPeriod: 100000, events: { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0 }, pidsRefused: 0 };
}

/** Writes limits into a cgroup's interface files. */
export function setCgroupLimits(group: Cgroup, limits: CgroupLimits): Cgroup {
  for (const key of ['memoryMax', 'memoryHigh', 'swapMax', 'pidsMax', 'cpuQuota'] as const) if (limits[key] !== undefined) group[key] = limits[key];
  if (limits.cpuPeriod !== undefined) group.cpuPeriod = limits.cpuPeriod;
  return group;
}

/** Removes a cgroup and the ones below it (rmdir after its processes are gone). */
export function removeCgroup(world: World, host: string, path: string): void {
  const table = cgroupTable(hostKernel(world, host));
  for (const p of Object.keys(table)) if (inCgroup(p, path)) delete table[p];
}

/** The processes in a cgroup and below it. */
export function cgroupProcesses(k: HostKernel, path: string): Process[] {
  return Object.values(k.processes).filter((p) => !p.kernel && inCgroup(p.cgroup, path));
}

/** memory.current in bytes: the resident memory of the group's processes. */
export function memoryCurrent(k: HostKernel, path: string): number {
  return cgroupProcesses(k, path).reduce((n, p) => n + p.rss * 1024, 0);
}

/** The cgroup itself and each ancestor with a record, deepest first. */
function groupsAbove(k: HostKernel, path: string | undefined): [string, Cgroup][] {
  const table = cgroupTable(k);
  const out: [string, Cgroup][] = [];
  const parts = (path ?? '/').split('/').filter(Boolean);
  for (let i = parts.length; i > 0; i--) {
    const p = `/${parts.slice(0, i).join('/')}`;
    const g = table[p];
    if (g) out.push([p, g]);
  }
  return out;
}

/** fork(2) under pids.max: the new process, or EAGAIN when a group on its path is full (the shell prints "fork: Resource temporarily unavailable"). */
export function forkProcess(world: World, host: string, spec: SpawnSpec): Process | 'EAGAIN' {
  const k = hostKernel(world, host);
  const cgroup = spec.cgroup ?? k.processes[String(spec.ppid)]?.cgroup;
  for (const [path, g] of groupsAbove(k, cgroup)) {
    if (g.pidsMax !== null && cgroupProcesses(k, path).length >= g.pidsMax) {
      g.pidsRefused++;
      return 'EAGAIN';
    }
  }
  return spawnProcess(world, host, spec);
}

/** Appends a line to the kernel log (dmesg) at the current virtual time. */
export function kernelLog(world: World, host: string, text: string): void {
  const k = hostKernel(world, host);
  (k.log ??= []).push({ at: Math.max(0, world.clock - k.bootTime), text });
}

/** What charging memory did: the process killed by the OOM killer, if any. */
export interface ChargeResult {
  killed: Process | null;
  /** memory.high was passed (the charge was throttled, not refused). */
  throttled: boolean;
}

/**
 * A process touches `kib` more KiB of anonymous memory. Past memory.high the group is
 * throttled (events `high`); past memory.max, with nothing to reclaim, the memcg OOM killer
 * picks the group's biggest process (oom_badness: RSS) and kills it (events `max`, `oom`,
 * `oom_kill`), logging what mm/oom_kill.c logs.
 */
export function chargeMemory(world: World, host: string, pid: number, kib: number): ChargeResult {
  const k = hostKernel(world, host);
  const p = k.processes[String(pid)];
  if (!p) return { killed: null, throttled: false };
  p.rss += kib;
  p.vsz += kib;
  let throttled = false;
  for (const [path, g] of groupsAbove(k, p.cgroup)) {
    const current = memoryCurrent(k, path);
    if (g.memoryHigh !== null && current > g.memoryHigh) {
      g.events.high++;
      throttled = true;
    }
    if (g.memoryMax === null || current <= g.memoryMax) continue;
    g.events.max++;
    g.events.oom++;
    const victim = cgroupProcesses(k, path).sort((a, b) => b.rss - a.rss || b.pid - a.pid)[0] as Process;
    g.events.oom_kill++;
    const limit = Math.floor(g.memoryMax / 1024);
    kernelLog(world, host, `${p.comm} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0`);
    kernelLog(world, host, `memory: usage ${limit}kB, limit ${limit}kB, failcnt ${g.events.max}`);
    // mm/oom_kill.c dump_oom_summary() and __oom_kill_process().
    kernelLog(world, host, `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${path.split('/').pop() ?? ''},mems_allowed=0,oom_memcg=${path},task_memcg=${victim.cgroup ?? '/'},task=${victim.comm},pid=${victim.pid},uid=${victim.uid}`);
    kernelLog(world, host, `Memory cgroup out of memory: Killed process ${victim.pid} (${victim.comm}) total-vm:${victim.vsz}kB, anon-rss:${Math.max(0, victim.rss - 1268)}kB, file-rss:${Math.min(victim.rss, 1268)}kB, shmem-rss:0kB, UID:${victim.uid} pgtables:${Math.ceil(victim.vsz / 2048) * 4}kB oom_score_adj:0`);
    delete k.processes[String(victim.pid)];
    return { killed: victim, throttled };
  }
  return { killed: null, throttled };
}
