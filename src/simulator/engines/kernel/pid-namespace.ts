/**
 * PID namespaces (pid_namespaces(7)): they nest; a process has one PID in its own PID
 * namespace and in each ancestor (struct pid numbers[level]), which /proc/PID/status lists
 * as NSpid. A process sees only the processes of its PID namespace and the ones below it,
 * under the PIDs they have there; a parent outside shows as PPID 0.
 */
// @sim kernel pid namespaces | pid_namespaces(7): nested PID numbering (NSpid), PID 1 inside, visibility from each level, PPid 0 for a parent outside
import type { World } from '../world';
import { hostKernel } from '../world';
import { namespaceOf } from './namespaces';
import type { HostKernel, Process } from './types';

/** The PID namespaces from the initial one down to `inum` (inclusive). */
export function pidNamespaceChain(k: HostKernel, inum: number): number[] {
  const chain: number[] = [];
  for (let at: number | undefined = inum; at !== undefined; at = namespaceOf(k, at).parent) {
    chain.unshift(at);
    if (at === k.initNs.pid) break;
  }
  return chain;
}

/** The PIDs a new process gets in each PID namespace of `pidNs`'s chain, outermost (the host PID) first. */
export function allocateNsPids(k: HostKernel, hostPid: number, pidNs: number): number[] {
  const chain = pidNamespaceChain(k, pidNs);
  const out = [hostPid];
  for (const inum of chain.slice(1)) {
    const ns = namespaceOf(k, inum);
    ns.nextPid ??= 1;
    out.push(ns.nextPid++);
  }
  return out;
}

/** `p`'s PID as seen from PID namespace `pidNs`, or null when it is not visible there. */
export function pidSeenFrom(k: HostKernel, p: Process, pidNs: number): number | null {
  const level = pidNamespaceChain(k, pidNs).length - 1;
  const own = pidNamespaceChain(k, p.ns.pid);
  if (own[level] !== pidNs) return null;
  return p.nspid[level] ?? null;
}

/**
 * The processes visible from PID namespace `pidNs`, as copies carrying the PIDs they have
 * there (pid, ppid — 0 when the parent is outside —, nspid from that level down), sorted by
 * that PID, as /proc lists them to the processes in it.
 */
export function processesSeenFrom(world: World, host: string, pidNs: number): Process[] {
  const k = hostKernel(world, host);
  if (pidNs === k.initNs.pid) return Object.values(k.processes).sort((a, b) => a.pid - b.pid);
  const level = pidNamespaceChain(k, pidNs).length - 1;
  const out: Process[] = [];
  for (const p of Object.values(k.processes)) {
    const pid = pidSeenFrom(k, p, pidNs);
    if (pid === null) continue;
    const parent = k.processes[String(p.ppid)];
    const ppid = parent ? (pidSeenFrom(k, parent, pidNs) ?? 0) : 0;
    out.push({ ...p, pid, ppid, nspid: p.nspid.slice(level) });
  }
  return out.sort((a, b) => a.pid - b.pid);
}
