/**
 * The sandbox's views, computed from the World for the page: the ZFS block tree of one
 * dataset, the namespaces of one container, the iSCSI topology, and what the views' pickers
 * can offer. Reading only: a view never changes the state (the ZFS engine's slots are read
 * as they are, not created), so drawing views cannot make a replay differ.
 */
import type { World } from '../engines/world';
import type { ZfsState } from '../engines/zfs/state';
import { zfsTreeView } from '../engines/zfs/tree-view';
import { namespacesView } from '../engines/proxmox/namespaces-view';
import { iscsiTopologyView } from '../engines/iscsi/topology-view';
import type { ViewRequest, ViewsReply } from './api-types';

/** Filesystems per host with their ZFS state (volumes have no file tree to draw), by host then name. */
export function datasetChoices(world: World): { host: string; dataset: string }[] {
  const zfs = world.engines['zfs'] as ZfsState | undefined;
  const out: { host: string; dataset: string }[] = [];
  for (const host of world.lab.hosts) {
    const pools = zfs?.hosts[host.name]?.pools ?? {};
    for (const pool of Object.keys(pools).sort()) {
      for (const [name, ds] of Object.entries(pools[pool]?.datasets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (ds.type === 'filesystem') out.push({ host: host.name, dataset: name });
      }
    }
  }
  return out;
}

/** Containers per host, in the lab's order. */
export function containerChoices(world: World): { host: string; vmid: number }[] {
  return world.lab.hosts.flatMap((h) => (h.containers ?? []).map((c) => ({ host: h.name, vmid: c.vmid })));
}

/** The views asked for (null for a dataset or container that does not exist now) and the pickers' choices. */
export function computeViews(world: World, request: ViewRequest): ViewsReply {
  const datasets = datasetChoices(world);
  const containers = containerChoices(world);
  const reply: ViewsReply = { choices: { datasets, containers } };
  const zfs = request.zfs;
  if (zfs) reply.zfs = datasets.some((d) => d.host === zfs.host && d.dataset === zfs.dataset) ? zfsTreeView(world, zfs.host, zfs.dataset) : null;
  const ns = request.namespaces;
  if (ns) reply.namespaces = containers.some((c) => c.host === ns.host && c.vmid === ns.vmid) ? namespacesView(world, ns.host, ns.vmid) : null;
  if (request.iscsi) reply.iscsi = iscsiTopologyView(world);
  return reply;
}
