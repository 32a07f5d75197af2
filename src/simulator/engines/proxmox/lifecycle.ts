/**
 * The rest of a container's life as pve-container handles it: `pct set` (config changes
 * through the model's edit API; pve-container LXC/Config.pm update_pct_config), `pct
 * destroy` (API2/LXC.pm destroy_vm: refused while running or protected; volumes freed), and
 * `pct mount`/`unmount` (LXC.pm mount_all at /var/lib/lxc/VMID/rootfs).
 */
// @sim pct set/destroy/mount | pve-container 6.x update_pct_config (read-only unprivileged), destroy_vm (running, protection), pct mount at /var/lib/lxc/VMID/rootfs
import type { Container } from '../../model/container';
import type { Host } from '../../model/host';
import { effectiveIdmap } from '../../model/idmap';
import { editLab } from '../../model/edit';
import { mkdirs, rootVfs } from '../kernel/boot';
import { addMount, removeMount } from '../kernel/mounts';
import type { World } from '../world';
import { hostKernel } from '../world';
import { applyOption, deleteOption } from './config-options';
import { datasetMount, ensureVolume, volumeDataset } from './rootfs';
import { mountPoint, runningContainer } from './runtime';
import { proxmoxHost } from './state';

/** A container of a host by VMID. */
export function findContainer(world: World, host: string, vmid: number): Container | undefined {
  return (world.lab.hosts.find((h) => h.name === host)?.containers ?? []).find((c) => c.vmid === vmid);
}

/** `pct set VMID --opt value … [--delete a,b]`: an error text, or null when the lab took the change. */
export function setContainerOptions(world: World, hostName: string, vmid: number, options: [string, string][]): string | null {
  let problem: string | null = null;
  const before = JSON.stringify(findContainer(world, hostName, vmid) ?? null);
  const edit = editLab(world.lab, (draft) => {
    const h = draft.hosts.find((x) => x.name === hostName) as Host;
    const ct = (h.containers ?? []).find((c) => c.vmid === vmid) as Container;
    for (const [name, value] of options) {
      // Config.pm: `unprivileged` is fixed at creation (the files' owners depend on it).
      if (name === 'unprivileged') problem = "unable to modify read-only option: 'unprivileged'";
      else if (name === 'delete') {
        for (const key of value.split(/[,;\s]+/).filter(Boolean)) problem ??= deleteOption(ct, key);
      } else problem = applyOption(world, h, ct, name, value);
      if (problem) return { ok: false, error: { code: 'option', message: problem } };
    }
    return { ok: true, value: null };
  });
  if (!edit.ok) return problem ?? edit.error.message;
  // Mount points added to a running container are hot-plugged (pve-container Config.pm
  // vmconfig_hotplug_pending → apply_pending_mountpoint). A failure is `unable to hotplug mpN:
  // …` under the option's name, and then nothing of the change is written ("don't write to
  // config if we get any errors", API2/LXC/Config.pm), so the container's config goes back.
  const running = runningContainer(world, hostName, vmid);
  const ct = findContainer(world, hostName, vmid);
  if (running && ct) {
    const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
    const mounted = new Set((hostKernel(world, hostName).namespaces[String(running.ns.mnt)]?.mounts ?? []).map((m) => m.path));
    for (const [name] of options) {
      const m = /^mp(\d+)$/.exec(name) ? ct.mounts.find((x) => `mp${x.index}` === name) : undefined;
      if (!m || mounted.has(m.mp)) continue;
      const failed = mountPoint(world, host, running.ns.mnt, running.rootUid, running.rootGid, m, effectiveIdmap(ct.idmap, ct.unprivileged));
      if (failed) {
        const h = world.lab.hosts.find((x) => x.name === hostName) as Host;
        h.containers = h.containers.map((c) => (c.vmid === vmid ? (JSON.parse(before) as Container) : c));
        return `${name}: unable to hotplug ${name}: ${failed}`;
      }
    }
  }
  return null;
}

/** `pct destroy VMID`: an error text, or null once the container and its volumes are gone. */
export function destroyContainer(world: World, hostName: string, vmid: number): string | null {
  const ct = findContainer(world, hostName, vmid);
  if (!ct) return null;
  if (runningContainer(world, hostName, vmid)) return `unable to destroy CT ${vmid} - container is running`;
  if (ct.protection) return `can't remove CT ${vmid} - protection mode enabled`;
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  const datasets = [ct.rootfs?.volume ? volumeDataset(host, ct.rootfs.storage, ct.rootfs.volume) : null, ...ct.mounts.map((m) => (m.storage && m.volume ? volumeDataset(host, m.storage, m.volume) : null))].filter((d): d is string => d !== null);
  unmountContainer(world, hostName, vmid);
  const k = hostKernel(world, hostName);
  for (const ds of datasets) {
    const m = datasetMount(world, hostName, ds);
    if (!m) continue;
    removeMount(world, hostName, k.initNs.mnt, m.path);
    // libzfs remove_mountpoint(): the emptied mountpoint directory goes with the dataset.
    rootVfs(world, hostName).remove(m.path, true);
  }
  const edit = editLab(world.lab, (draft) => {
    const h = draft.hosts.find((x) => x.name === hostName) as Host;
    h.containers = (h.containers ?? []).filter((c) => c.vmid !== vmid);
    h.datasets = h.datasets.filter((d) => !datasets.includes(d.name));
    return { ok: true, value: null };
  });
  return edit.ok ? null : edit.error.message;
}

/** `pct mount VMID`: the rootfs at /var/lib/lxc/VMID/rootfs on the host; returns that path or an error text. */
export function mountContainer(world: World, hostName: string, vmid: number): { path: string } | string {
  const ct = findContainer(world, hostName, vmid) as Container;
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  const state = proxmoxHost(world, hostName);
  const path = `/var/lib/lxc/${vmid}/rootfs`;
  if (state.mounted[String(vmid)]) return { path };
  const ds = ct.rootfs?.volume ? volumeDataset(host, ct.rootfs.storage, ct.rootfs.volume) : null;
  if (!ds) return 'the container has no rootfs on a zfspool storage';
  const vol = ensureVolume(world, hostName, ds, ct.rootfs?.size ?? 4 * 1024 ** 3);
  if (typeof vol === 'string') return vol;
  mkdirs(rootVfs(world, hostName), path);
  addMount(world, hostName, hostKernel(world, hostName).initNs.mnt, vol.sb, path, 'rw,relatime');
  state.mounted[String(vmid)] = path;
  return { path };
}

/** `pct unmount VMID`. */
export function unmountContainer(world: World, hostName: string, vmid: number): void {
  const state = proxmoxHost(world, hostName);
  const path = state.mounted[String(vmid)];
  if (!path) return;
  removeMount(world, hostName, hostKernel(world, hostName).initNs.mnt, path);
  delete state.mounted[String(vmid)];
}
