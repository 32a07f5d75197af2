/**
 * Reference checks for a Proxmox host: storage.cfg entries, templates, and the containers'
 * and VMs' storage, bridges, bind mounts and id ranges. Messages are Proxmox VE's
 * (pve-storage, pve-container, qemu-server, pve-common) and shadow's newuidmap.
 */
import { effectiveIdmap, formatIdmapEntry, parseIdmapLine } from './idmap';
import type { Host } from './host';
import { pathIssue, q, listOrNone, type PathIssue } from './path-issue';
import type { ProxmoxStorage } from './proxmox-storage';
import { parseSubidEntry } from './user';

type Content = NonNullable<ProxmoxStorage['content']>[number];

/** Check a host's Proxmox storage, templates, containers and VMs. `at` is the host's path. */
export function checkHostGuests(host: Host, at: (string | number)[]): PathIssue[] {
  const issues: PathIssue[] = [];
  if (host.kind !== 'proxmox') {
    const fix = 'change kind to proxmox, or move them to a proxmox host';
    if (host.proxmox) issues.push(pathIssue([...at, 'proxmox'], 'host-kind', `Proxmox VE configuration needs a proxmox host; ${host.name} is a ${host.kind} host`, fix));
    if (host.containers.length > 0) issues.push(pathIssue([...at, 'containers'], 'host-kind', `containers need a proxmox host; ${host.name} is a ${host.kind} host`, fix));
    if (host.vms.length > 0) issues.push(pathIssue([...at, 'vms'], 'host-kind', `VMs need a proxmox host; ${host.name} is a ${host.kind} host`, fix));
    return issues;
  }
  const storages = host.proxmox?.storage ?? [];
  const byId = new Map<string, ProxmoxStorage>();
  const zfsNames = new Set([...host.pools.map((p) => p.name), ...host.datasets.map((d) => d.name)]);
  storages.forEach((storage, s) => {
    const where = [...at, 'proxmox', 'storage', s];
    // pve-manager API2/Storage/Config.pm create.
    if (byId.has(storage.id)) issues.push(pathIssue([...where, 'id'], 'duplicate', `storage ID ${q(storage.id)} already defined`));
    byId.set(storage.id, storage);
    if (storage.type === 'zfspool' && !zfsNames.has(storage.pool)) {
      issues.push(pathIssue([...where, 'pool'], 'reference', `ZFS pool or dataset ${q(storage.pool)} does not exist on ${host.name}`, `pools and datasets: ${listOrNone([...zfsNames], 'none')}`));
    }
    // pve-storage ISCSIPlugin.pm: iscsi content is images or none only.
    if (storage.type === 'iscsi' && (storage.content ?? []).some((c) => c !== 'images' && c !== 'none')) {
      issues.push(pathIssue([...where, 'content'], 'storage-content', 'iSCSI storage content is images or none only', 'put containers on an lvm storage with base on this LUN'));
    }
  });
  storages.forEach((storage, s) => {
    if (storage.type !== 'lvm' || storage.base === undefined) return;
    const baseId = storage.base.split(':')[0] as string;
    const base = byId.get(baseId);
    if (!base) issues.push(pathIssue([...at, 'proxmox', 'storage', s, 'base'], 'reference', `storage ${q(baseId)} does not exist`));
    else if (base.type !== 'iscsi') issues.push(pathIssue([...at, 'proxmox', 'storage', s, 'base'], 'reference', `base storage ${q(baseId)} is ${base.type}, not iscsi`));
  });

  /** pve-storage: "storage 'x' does not exist"; pve-container/qemu-server content checks. */
  const checkStorage = (id: string, where: (string | number)[], content: Content, what: string) => {
    const storage = byId.get(id);
    if (!storage) {
      issues.push(pathIssue(where, 'reference', `storage ${q(id)} does not exist`, `storages on ${host.name}: ${listOrNone([...byId.keys()], 'none; add one under proxmox.storage')}`));
    } else if (storage.content !== undefined && !storage.content.includes(content)) {
      issues.push(pathIssue(where, 'storage-content', `storage ${q(id)} does not support ${what}`, `add ${content} to its content, or use another storage`));
    }
  };

  const templates = host.proxmox?.templates ?? [];
  host.proxmox?.templates.forEach((template, t) => checkStorage(template.split(':')[0] as string, [...at, 'proxmox', 'templates', t], 'vztmpl', 'container templates'));
  const bridges = new Set(host.interfaces.map((i) => i.name));
  const checkBridge = (bridge: string, where: (string | number)[]) => {
    // pve-common PVE/Network.pm: "bridge '$bridge' does not exist".
    if (!bridges.has(bridge)) issues.push(pathIssue(where, 'reference', `bridge ${q(bridge)} does not exist`, `interfaces on ${host.name}: ${listOrNone([...bridges], 'none')}`));
  };

  host.containers.forEach((ct, c) => {
    const where = [...at, 'containers', c];
    if (ct.template !== undefined) {
      const storageId = ct.template.split(':')[0] as string;
      if (!byId.has(storageId)) checkStorage(storageId, [...where, 'template'], 'vztmpl', 'container templates');
      // pve-storage: "volume '...' does not exist".
      else if (!templates.includes(ct.template)) issues.push(pathIssue([...where, 'template'], 'reference', `volume ${q(ct.template)} does not exist`, 'add it to proxmox.templates (pveam download)'));
    }
    if (ct.rootfs) checkStorage(ct.rootfs.storage, [...where, 'rootfs', 'storage'], 'rootdir', 'container directories');
    ct.mounts.forEach((mount, m) => {
      if (mount.storage !== undefined) checkStorage(mount.storage, [...where, 'mounts', m, 'storage'], 'rootdir', 'container directories');
      // A bind mount's source is not checked here: pve-container accepts any path in the
      // config and only `pct start` (or a hotplug) finds it missing (engines/proxmox/runtime.ts).
    });
    ct.net.forEach((net, n) => checkBridge(net.bridge, [...where, 'net', n, 'bridge']));
    issues.push(...checkSubids(host, ct.idmap, ct.unprivileged, where));
  });

  host.vms.forEach((vm, v) => {
    const where = [...at, 'vms', v];
    // qemu-server: "storage '$storeid' does not support vm images".
    vm.disks.forEach((disk, d) => checkStorage(disk.storage, [...where, 'disks', d, 'storage'], 'images', 'vm images'));
    vm.net.forEach((net, n) => checkBridge(net.bridge, [...where, 'net', n, 'bridge']));
  });
  return issues;
}

/**
 * An unprivileged container starts only if root may map its host ranges: newuidmap and
 * newgidmap check /etc/subuid and /etc/subgid (shadow src/newuidmap.c, verify_range:
 * "uid range [%lu-%lu) -> [%lu-%lu) not allowed"). Checked when the host lists subuid/subgid.
 */
function checkSubids(host: Host, idmap: readonly string[], unprivileged: boolean, at: (string | number)[]): PathIssue[] {
  if (!unprivileged) return [];
  const issues: PathIssue[] = [];
  const entries = effectiveIdmap(idmap, unprivileged);
  for (const type of ['u', 'g'] as const) {
    const lines = type === 'u' ? host.subuid : host.subgid;
    if (lines === undefined) continue;
    const ranges = lines.map(parseSubidEntry).filter((r) => r !== null && r.user === 'root') as { start: number; count: number }[];
    entries.forEach((entry) => {
      if (entry.type !== type) return;
      const allowed = ranges.some((r) => entry.host >= r.start && entry.host + entry.count <= r.start + r.count);
      if (allowed) return;
      const index = idmap.findIndex((line) => {
        const parsed = parseIdmapLine(line);
        return parsed !== null && formatIdmapEntry(parsed) === formatIdmapEntry(entry);
      });
      const name = type === 'u' ? 'uid' : 'gid';
      issues.push(
        pathIssue(
          index === -1 ? [...at, 'unprivileged'] : [...at, 'idmap', index],
          'subid',
          `new${name}map: ${name} range [${entry.container}-${entry.container + entry.count}) -> [${entry.host}-${entry.host + entry.count}) not allowed`,
          `add "root:${entry.host}:${entry.count}" to ${type === 'u' ? 'subuid' : 'subgid'} of ${host.name}`,
        ),
      );
    });
  }
  return issues;
}
