/**
 * The Proxmox engine's slot of the World (`world.engines.proxmox`, plain JSON): per host,
 * the running containers (their init and monitor PIDs, namespaces and cgroup), the
 * containers `pct mount` has mounted, and whether `pveam update` has fetched the index.
 * Configuration (containers, templates) stays in the lab model.
 */
import type { NsType } from '../kernel/types';
import type { World } from '../world';

/** A running container's runtime. */
export interface RunningContainer {
  /** Host PID of the container's init (PID 1 inside). */
  init: number;
  /** Host PID of `[lxc monitor]`. */
  monitor: number;
  /** The container's namespaces, by type. */
  ns: Record<NsType, number>;
  /** Its cgroup (`/lxc/101`); processes run in `/lxc/101/ns`. */
  cgroup: string;
  /** Host IDs of root inside (what files created inside are owned by). */
  rootUid: number;
  rootGid: number;
}

/** What the engine keeps for one host. */
export interface ProxmoxHostState {
  running: Record<string, RunningContainer>;
  /** `pct mount`: VMID → where the rootfs is mounted on the host. */
  mounted: Record<string, string>;
  /** `pveam update` has run (the appliance index is there). */
  indexUpdated: boolean;
  /** Running VMs: VMID → host PID of their kvm process. */
  vms?: Record<string, number>;
}

/** The engine's state for `host` (made on first use). */
export function proxmoxHost(world: World, host: string): ProxmoxHostState {
  const all = (world.engines.proxmox ??= {}) as Record<string, ProxmoxHostState>;
  return (all[host] ??= { running: {}, mounted: {}, indexUpdated: false });
}
