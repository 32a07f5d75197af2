/**
 * `zpool create` and `zpool destroy`: the pool is added to (removed from) the lab through
 * model/edit, its disks are labelled as libzfs zpool_label_disk does (partition 1 for data,
 * partition 9 of 8 MiB reserved), the pool is opened and its root dataset mounted.
 * Errors carry what zpool prints (cmd/zpool/zpool_vdev.c, libzfs_pool.c).
 */
import type { Pool, Vdev } from '../../model/storage';
import { checkPoolName } from '../../model/names';
import { poolDisks, VDEV_MIN_DISKS } from '../../model/storage';
import { draftHost, editLab } from '../../model/edit';
import { mountDataset, rootVfs } from '../kernel/boot';
import { partitionDisk } from '../kernel/devices';
import { removeMount } from '../kernel/mounts';
import type { World } from '../world';
import { hostKernel } from '../world';
import { refreshKernelSpace } from './kernel-space';
import { openPool, poolDataSpace } from './pool';
import { zfsHost } from './state';
import { detachZvol } from './zvol';

const MiB = 2 ** 20;

/** A refused `zpool create`: the lines zpool prints and its exit status. */
export interface PoolError {
  lines: string[];
  status: number;
}

/** The pool a disk already belongs to on a host, if any. */
function poolOfDisk(world: World, host: string, disk: string): string | undefined {
  const lab = world.lab.hosts.find((h) => h.name === host);
  return lab?.pools.find((p) => poolDisks(p).includes(disk))?.name;
}

/** A parsed vdev specification: data vdevs, and the log, cache and spare classes. */
export interface VdevSpec {
  vdevs: Vdev[];
  logs: Vdev[];
  cache: string[];
  spares: string[];
}

const GROUPS = new Set(['mirror', 'raidz', 'raidz1', 'raidz2', 'raidz3', 'spare', 'log', 'cache', 'special', 'dedup']);

/**
 * zpool_vdev.c construct_spec: `mirror`/`raidzN` group the disks after them; after `log`
 * every disk or mirror is a log vdev (a raidz is refused); `cache` and `spare` take the plain
 * disks after them, once each. Adjacent plain data disks are one stripe group, as the lab
 * keeps them. `special` and `dedup` classes are not simulated.
 */
export function parseVdevSpec(words: string[]): ({ ok: true } & VdevSpec) | { ok: false; message: string } {
  const spec: VdevSpec = { vdevs: [], logs: [], cache: [], spares: [] };
  const bad = (message: string) => ({ ok: false as const, message: `invalid vdev specification: ${message}` });
  let cls: 'data' | 'log' | 'cache' | 'spare' = 'data';
  let seenLog = false;
  let seenCache = false;
  let seenSpare = false;
  for (let i = 0; i < words.length; ) {
    const w = words[i] as string;
    if (w === 'log' || w === 'logs') {
      if (seenLog) return bad("'log' can be specified only once");
      seenLog = true;
      cls = 'log';
      i++;
      continue;
    }
    if (w === 'special' || w === 'dedup') return bad(`'${w}' allocation class vdevs are not simulated`);
    if (GROUPS.has(w)) {
      // A group word takes the words after it up to the next group word.
      let j = i + 1;
      const members: string[] = [];
      while (j < words.length && !GROUPS.has(words[j] as string)) members.push((words[j++] as string).replace(/^\/dev\//, ''));
      if (w === 'spare' || w === 'cache') {
        if (w === 'spare' ? seenSpare : seenCache) return bad(`'${w}' can be specified only once`);
        if (w === 'spare') seenSpare = true;
        else seenCache = true;
        cls = w;
        if (members.length === 0) return bad(`${w} requires at least 1 devices`);
        (w === 'spare' ? spec.spares : spec.cache).push(...members);
        i = j;
        continue;
      }
      const type = (w === 'raidz' ? 'raidz1' : w) as Vdev['type'];
      if (cls === 'log' && type !== 'mirror') return bad(`unsupported 'log' device: ${w === 'raidz' ? 'raidz' : type.replace(/[0-9]$/, '')}`);
      const min = VDEV_MIN_DISKS[type];
      if (members.length < min) return bad(`${w} requires at least ${min} devices`);
      (cls === 'log' ? spec.logs : spec.vdevs).push({ type, disks: members });
      if (cls !== 'log') cls = 'data';
      i = j;
      continue;
    }
    const disk = w.replace(/^\/dev\//, '');
    if (cls === 'log') spec.logs.push({ type: 'stripe', disks: [disk] });
    else {
      const last = spec.vdevs[spec.vdevs.length - 1];
      if (last?.type === 'stripe') last.disks.push(disk);
      else spec.vdevs.push({ type: 'stripe', disks: [disk] });
    }
    i++;
  }
  if (spec.vdevs.length === 0 && spec.spares.length === 0 && spec.cache.length === 0 && spec.logs.length === 0 && !seenLog) return bad('at least one toplevel vdev must be specified');
  if (seenLog && spec.logs.length === 0) return bad('log requires at least 1 device');
  return { ok: true, ...spec };
}

/** Every disk a vdev specification names, data and classes. */
export function specDisks(spec: VdevSpec): string[] {
  return [...spec.vdevs.flatMap((v) => v.disks), ...spec.logs.flatMap((v) => v.disks), ...spec.cache, ...spec.spares];
}

/** `zpool create [-f] [-o prop=val] [-O fsprop=val] NAME VDEVS...`: `rootProperties` are the root dataset's (-O, -m). */
export function createPool(world: World, host: string, name: string, vdevs: Vdev[], properties: Pool['properties'], force: boolean, rootProperties: Record<string, string> = {}, aux: Omit<VdevSpec, 'vdevs'> = { logs: [], cache: [], spares: [] }): { ok: true } | { ok: false; error: PoolError } {
  const fail = (lines: string[], status = 1) => ({ ok: false as const, error: { lines, status } });
  const checked = checkPoolCreate(world, host, name, { vdevs, ...aux }, force);
  if (!checked.ok) return checked;
  const devices = hostKernel(world, host).devices;
  const pool: Pool = {
    name,
    vdevs,
    ...(properties && Object.keys(properties).length > 0 ? { properties } : {}),
    ...(Object.keys(rootProperties).length > 0 ? { rootProperties: rootProperties as Pool['rootProperties'] } : {}),
    ...(aux.logs.length > 0 ? { logs: aux.logs } : {}),
    ...(aux.cache.length > 0 ? { cache: aux.cache } : {}),
    ...(aux.spares.length > 0 ? { spares: aux.spares } : {}),
  };
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    h.pools.push(pool);
    return { ok: true, value: null };
  });
  if (!edit.ok) return fail([`cannot create '${name}': ${edit.error.message}`]);
  // libzfs zpool_label_disk: partition 1 up to 8 MiB before the end, partition 9 reserved.
  for (const d of poolDisks(pool)) {
    const total = devices.find((x) => x.name === d)?.size ?? 0;
    partitionDisk(world, host, d, [
      { size: Math.floor((total - 2 * MiB - 8 * MiB) / MiB) * MiB, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' },
      { size: 8 * MiB, number: 9, typeName: 'Solaris reserved 1' },
    ]);
  }
  const labNow = world.lab.hosts.find((h) => h.name === host);
  const made = labNow?.pools.find((p) => p.name === name);
  if (!labNow || !made) return fail([`cannot create '${name}': no such pool`]);
  const state = openPool(world, labNow, made);
  state.wholeDisks = true;
  // zpool logs the command as typed (the dispatcher does), not the boot-time summary.
  state.history = [];
  hostKernel(world, host).spaces[name] = { size: poolDataSpace(state), used: 0 };
  mountDataset(world, labNow, name);
  refreshKernelSpace(world, labNow, state);
  return { ok: true };
}


/**
 * The checks `zpool create` makes before it writes a label (also all `-n` does): the name,
 * a pool of that name, every disk present, used once and not in use (zpool_vdev.c
 * make_root_vdev / is_device_in_use; `-f` overrides only a foreign filesystem).
 */
export function checkPoolCreate(world: World, host: string, name: string, spec: VdevSpec, force: boolean): { ok: true } | { ok: false; error: PoolError } {
  const fail = (lines: string[], status = 1) => ({ ok: false as const, error: { lines, status } });
  const bad = checkPoolName(name);
  if (bad) return fail([`cannot create '${name}': ${bad}`]);
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!lab) return fail([`cannot create '${name}': no such host`]);
  if (lab.pools.some((p) => p.name === name)) return fail([`cannot create '${name}': pool already exists`]);
  const devices = hostKernel(world, host).devices;
  const inUse: string[] = [];
  const seen = new Set<string>();
  for (const d of specDisks(spec)) {
    const dev = devices.find((x) => x.name === d && x.type === 'disk');
    // zpool_vdev.c is_device_in_use / make_leaf_vdev.
    if (!dev) return fail([`cannot open '${d}': no such device in /dev`, 'must be a full path or shorthand device name']);
    if (seen.has(d)) return fail(['invalid vdev specification', "use '-f' to override the following errors:", `/dev/${d} is used more than once in the configuration`]);
    seen.add(d);
    const owner = poolOfDisk(world, host, d);
    if (owner) inUse.push(`/dev/${devices.find((x) => x.parent === d && x.fstype === 'zfs_member')?.name ?? d} is part of active pool '${owner}'`);
    else if (!force) {
      const fs = devices.find((x) => x.parent === d && x.fstype && x.fstype !== 'zfs_member');
      if (fs) inUse.push(`/dev/${fs.name} contains a filesystem of type '${fs.fstype}'`);
    }
  }
  // An active pool's disk cannot be taken even with -f.
  if (inUse.some((l) => l.includes('active pool')) || (inUse.length > 0 && !force)) return fail(['invalid vdev specification', "use '-f' to override the following errors:", ...inUse]);
  return { ok: true };
}

/**
 * `zpool destroy [-f] NAME`: every dataset unmounted and gone, the disks free again. Refused
 * (with the lab's reason) when the lab still uses the pool elsewhere, e.g. a Proxmox storage.
 */
export function destroyPool(world: World, host: string, name: string): { ok: true } | { ok: false; message: string } {
  const z = zfsHost(world, host);
  const pool = z.pools[name];
  if (!pool) return { ok: false, message: 'no such pool' };
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    const mine = (n: string) => n === name || n.startsWith(`${name}/`);
    h.pools = h.pools.filter((p) => p.name !== name);
    h.datasets = h.datasets.filter((d) => !mine(d.name));
    h.zvols = h.zvols.filter((v) => !mine(v.name));
    return { ok: true, value: null };
  });
  if (!edit.ok) return { ok: false, message: `the lab still uses it: ${edit.error.message}` };
  const k = hostKernel(world, host);
  const ns = k.initNs.mnt;
  for (const m of [...(k.namespaces[ns]?.mounts ?? [])].reverse()) {
    const sb = k.superblocks[m.sb];
    if (sb?.driver === 'zfs' && (sb.source === name || sb.source.startsWith(`${name}/`))) {
      removeMount(world, host, ns, m.path);
      rootVfs(world, host).remove(m.path, true);
    }
  }
  for (const ds of Object.keys(pool.datasets)) detachZvol(world, host, ds);
  delete z.pools[name];
  delete k.spaces[name];
  return { ok: true };
}
