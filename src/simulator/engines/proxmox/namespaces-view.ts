/**
 * The sandbox's namespaces view (DESIGN.md "View models"): the same container seen from
 * the host and from inside — its processes with both PIDs and both user IDs, its users
 * (container ID ↔ host ID through the map, 65534 where unmapped), its mounts with where
 * each comes from on the host, and the ID map itself. Pure data; the component draws it.
 */
import type { Container } from '../../model/container';
import type { Host } from '../../model/host';
import type { IdmapEntry } from '../../model/idmap';
import { effectiveIdmap } from '../../model/idmap';
import { rootVfs } from '../kernel/boot';
import { idInNamespace } from '../kernel/namespaces';
import { pidSeenFrom } from '../kernel/pid-namespace';
import type { World } from '../world';
import { hostKernel } from '../world';
import { hostIdOf, rootfsPath } from './rootfs';
import { runningContainer } from './runtime';

/** One process as both sides see it. */
export interface ViewProcess {
  hostPid: number;
  containerPid: number;
  hostUid: number;
  containerUid: number;
  command: string;
}

/** One user of the container's /etc/passwd with the host ID its files carry. */
export interface ViewUser {
  name: string;
  containerUid: number;
  hostUid: number;
}

/** One mount of the container: where it is inside, what it is on the host. */
export interface ViewMount {
  path: string;
  source: string;
  kind: 'rootfs' | 'bind' | 'volume';
  readOnly: boolean;
}

/** What the namespaces view draws. */
export interface NamespacesView {
  vmid: number;
  hostname: string;
  running: boolean;
  unprivileged: boolean;
  /** The map in effect (Proxmox's default when the config has none). */
  idmap: IdmapEntry[];
  processes: ViewProcess[];
  users: ViewUser[];
  mounts: ViewMount[];
}

/** The view of container `vmid` on `host`, or null when there is no such container. */
export function namespacesView(world: World, host: string, vmid: number): NamespacesView | null {
  const lab = world.lab.hosts.find((h) => h.name === host) as Host | undefined;
  const ct = (lab?.containers ?? []).find((c) => c.vmid === vmid) as Container | undefined;
  if (!lab || !ct) return null;
  const map = effectiveIdmap(ct.idmap, ct.unprivileged);
  const running = runningContainer(world, host, vmid);
  const k = hostKernel(world, host);
  const processes: ViewProcess[] = [];
  if (running) {
    for (const p of Object.values(k.processes)) {
      const inner = pidSeenFrom(k, p, running.ns.pid);
      if (inner === null) continue;
      processes.push({ hostPid: p.pid, containerPid: inner, hostUid: p.uid, containerUid: idInNamespace(k, running.ns.user, p.uid, 'uid'), command: p.args.join(' ') || p.comm });
    }
    processes.sort((a, b) => a.containerPid - b.containerPid);
  }
  // The users come from the container's own /etc/passwd (read through its rootfs on the host).
  const users: ViewUser[] = [];
  const root = rootfsPath(lab, ct);
  const passwd = root ? readText(world, host, `${root}/etc/passwd`) : null;
  for (const line of (passwd ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !/^\d+$/.test(f[2] ?? '')) continue;
    users.push({ name: f[0] as string, containerUid: Number(f[2]), hostUid: hostIdOf(map, 'u', Number(f[2]), ct.unprivileged) });
  }
  const mounts: ViewMount[] = [];
  if (ct.rootfs) mounts.push({ path: '/', source: `${ct.rootfs.storage}:${ct.rootfs.volume ?? ''}`, kind: 'rootfs', readOnly: false });
  for (const m of [...ct.mounts].sort((a, b) => a.index - b.index)) mounts.push({ path: m.mp, source: m.source ?? `${m.storage}:${m.volume ?? ''}`, kind: m.source ? 'bind' : 'volume', readOnly: m.ro === true });
  return { vmid, hostname: ct.hostname ?? `CT${vmid}`, running: running !== undefined, unprivileged: ct.unprivileged, idmap: map, processes, users, mounts };
}

function readText(world: World, host: string, path: string): string | null {
  const r = rootVfs(world, host).read(path);
  return r.ok ? r.text : null;
}
