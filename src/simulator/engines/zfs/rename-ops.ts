/**
 * `zfs rename` (a dataset with its children, or a snapshot) and `zfs mount`/`zfs unmount`:
 * the lab entries are renamed through model/edit, the runtime state is moved under the new
 * names, and mounted datasets follow their (possibly inherited) new mountpoints with their
 * files (libzfs zfs_rename: changelist unmount, rename, remount).
 */
import { checkDatasetName } from '../../model/names';
import { mountedPath } from '../../model/mountpoints';
import { draftHost, editLab } from '../../model/edit';
import { mkdirs, mountDataset, rootVfs } from '../kernel/boot';
import { addMount, removeMount } from '../kernel/mounts';
import type { World } from '../world';
import { hostKernel } from '../world';
import { descendants, findDataset, type ZfsResult } from './dataset-ops';
import { poolOfName } from './pool';
import { zfsHost } from './state';

const no = (message: string): { ok: false; error: { message: string } } => ({ ok: false, error: { message } });

/** Unmounts a dataset, keeping its files for the next mount (the kernel drops an unmounted superblock; ZFS keeps the data). */
export function unmountKeeping(world: World, host: string, name: string): boolean {
  const k = hostKernel(world, host);
  const ns = k.initNs.mnt;
  let done = false;
  for (const m of [...(k.namespaces[ns]?.mounts ?? [])].reverse()) {
    const sb = k.superblocks[m.sb];
    if (sb?.driver !== 'zfs' || sb.source !== name) continue;
    if (removeMount(world, host, ns, m.path) === 'EBUSY') continue;
    k.superblocks[sb.id] = sb;
    rootVfs(world, host).remove(m.path, true);
    done = true;
  }
  return done;
}

/** True when the dataset is mounted in the host's initial namespace. */
export function isMounted(world: World, host: string, name: string): boolean {
  const k = hostKernel(world, host);
  return (k.namespaces[k.initNs.mnt]?.mounts ?? []).some((m) => {
    const sb = k.superblocks[m.sb];
    return sb?.driver === 'zfs' && sb.source === name;
  });
}

/** Mounts a dataset at its mountpoint with its kept files (or new ones). False for none/legacy. */
export function mountKeeping(world: World, host: string, name: string): boolean {
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!lab || isMounted(world, host, name)) return false;
  const path = mountedPath(lab, name);
  if (!path || path === '/') return false;
  const k = hostKernel(world, host);
  const sb = Object.values(k.superblocks).find((x) => x.driver === 'zfs' && x.source === name);
  if (!sb) return mountDataset(world, lab, name) !== null;
  mkdirs(rootVfs(world, host), path);
  addMount(world, host, k.initNs.mnt, sb.id, path, lab.kind === 'truenas' ? 'rw,noatime' : 'rw,relatime');
  return true;
}

/** `zfs rename OLD NEW` for a filesystem or volume (and its children), or `DS@A DS@B` for a snapshot. */
export function renameDataset(world: World, host: string, from: string, to: string): ZfsResult {
  if (from.includes('@')) {
    const [ds, snap] = from.split('@') as [string, string];
    const target = to.includes('@') ? to : `${ds}@${to}`;
    const [toDs, toSnap] = target.split('@') as [string, string];
    if (toDs !== ds) return no('snapshots must be part of same dataset');
    const found = findDataset(world, host, ds);
    const s = found?.ds.snapshots.find((x) => x.name === snap);
    if (!found || !s) return no('dataset does not exist');
    const problem = checkDatasetName(`${ds}/${toSnap}`);
    if (problem) return no(problem);
    if (found.ds.snapshots.some((x) => x.name === toSnap)) return no('dataset already exists');
    s.name = toSnap;
    return { ok: true, value: null };
  }
  const found = findDataset(world, host, from);
  if (!found) return no('dataset does not exist');
  if (from === found.pool.name) return no('cannot rename to a pool name');
  const problem = checkDatasetName(to);
  if (problem) return no(problem);
  if (poolOfName(to) !== found.pool.name) return no('datasets must be within same pool');
  if (found.pool.datasets[to]) return no('dataset already exists');
  if (to.startsWith(`${from}/`)) return no('New dataset name cannot be a descendant of current dataset name');
  const parent = to.slice(0, to.lastIndexOf('/'));
  if (!found.pool.datasets[parent]) return no('parent does not exist');
  const moved = [found.ds, ...descendants(found.pool, from)];
  const rename = (n: string) => (n === from ? to : n.startsWith(`${from}/`) ? to + n.slice(from.length) : n);
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    for (const d of h.datasets) d.name = rename(d.name);
    for (const z of h.zvols) z.name = rename(z.name);
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  const mounted = moved.filter((d) => isMounted(world, host, d.name)).map((d) => d.name);
  for (const d of [...moved].reverse()) unmountKeeping(world, host, d.name);
  const k = hostKernel(world, host);
  for (const sb of Object.values(k.superblocks)) if (sb.driver === 'zfs' && moved.some((d) => d.name === sb.source)) sb.source = rename(sb.source);
  for (const d of moved) {
    delete found.pool.datasets[d.name];
    d.name = rename(d.name);
    found.pool.datasets[d.name] = d;
  }
  const zvols = zfsHost(world, host).zvols;
  for (const [name, z] of Object.entries(zvols)) {
    if (!moved.some((d) => d.name === rename(name))) continue;
    delete zvols[name];
    z.dataset = rename(name);
    zvols[z.dataset] = z;
    const dev = k.devices.find((x) => x.name === z.device);
    if (dev && dev.backing.kind === 'zvol') dev.backing = { kind: 'zvol', dataset: z.dataset };
  }
  for (const name of mounted) mountKeeping(world, host, rename(name));
  return { ok: true, value: null };
}
