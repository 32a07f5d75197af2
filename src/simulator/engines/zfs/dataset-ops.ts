/**
 * Creating and destroying datasets, snapshots and volumes: each checks what libzfs checks
 * (names, parents, existing names, children), changes the lab through model/edit so the
 * exporters see it, then brings the runtime up or down (mount, /dev/zdN, block trees).
 * Errors carry the message `zfs` prints after "cannot create 'NAME': ".
 */
import type { Zvol } from '../../model/storage';
import { checkDatasetName } from '../../model/names';
import { draftHost, editLab } from '../../model/edit';
import type { FilesystemProperties, VolumeProperties } from '../../model/zfs-properties';
import { mountDataset, rootVfs } from '../kernel/boot';
import { removeMount } from '../kernel/mounts';
import type { World } from '../world';
import { hostKernel } from '../world';
import { newDataset } from './dataset-state';
import { refreshKernelSpace } from './kernel-space';
import { poolOfName, poolState, syncTxg } from './pool';
import { stableHash } from '../random';
import { destroySnapshot, rollbackToLatest } from './snapshot';
import { referencedRaw, writtenRaw } from './space';
import type { DatasetState, PoolState } from './state';
import { attachZvol, detachZvol } from './zvol';

/** A refused operation: the text after `cannot VERB 'NAME': `, and lines that follow. */
export interface ZfsError {
  message: string;
  more?: string[];
}

/** Result of an operation. */
export type ZfsResult<T = null> = { ok: true; value: T } | { ok: false; error: ZfsError };

const no = (message: string, more?: string[]): { ok: false; error: ZfsError } => ({ ok: false, error: { message, ...(more ? { more } : {}) } });

/** The entries of `given` that have a value. */
function definedOnly<T>(given: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k] = v;
  return out;
}

/** A dataset's runtime state by full name (filesystem or volume). */
export function findDataset(world: World, host: string, name: string): { pool: PoolState; ds: DatasetState } | undefined {
  const pool = poolState(world, host, poolOfName(name));
  const ds = pool?.datasets[name];
  return pool && ds ? { pool, ds } : undefined;
}

/** The datasets below `name`, deepest first (what `zfs destroy -r` removes, in its order). */
export function descendants(pool: PoolState, name: string): DatasetState[] {
  return Object.values(pool.datasets)
    .filter((d) => d.name.startsWith(`${name}/`))
    .sort((a, b) => b.name.split('/').length - a.name.split('/').length || (a.name < b.name ? -1 : 1));
}

function checkNew(world: World, host: string, name: string): ZfsResult<PoolState> {
  const problem = checkDatasetName(name);
  if (problem) return no(problem);
  const poolName = poolOfName(name);
  const pool = poolState(world, host, poolName);
  if (!pool) return no(`no such pool '${poolName}'`);
  if (pool.datasets[name]) return no('dataset already exists');
  const parent = name.slice(0, name.lastIndexOf('/'));
  const p = pool.datasets[parent];
  if (!p) return no('parent does not exist');
  // libzfs_dataset.c check_parents: "parent is not a filesystem"... as zfs says for a volume parent.
  if (p.type === 'volume') return no('parent is not a filesystem');
  return { ok: true, value: pool };
}

/** `zfs create [-o prop=val] NAME`: a filesystem, mounted where it inherits. */
export function createFilesystem(world: World, host: string, name: string, given: Record<string, string | undefined> = {}): ZfsResult {
  const properties = definedOnly(given);
  const checked = checkNew(world, host, name);
  if (!checked.ok) return checked;
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${host}` } };
    h.datasets.push({ name, ...(Object.keys(properties).length > 0 ? { properties: properties as unknown as FilesystemProperties } : {}) });
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  const pool = checked.value;
  pool.datasets[name] = newDataset(world, host, pool, name, 'filesystem', syncTxg(world, pool));
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) {
    mountDataset(world, lab, name);
    refreshKernelSpace(world, lab, pool);
  }
  return { ok: true, value: null };
}

/** `zfs create -V SIZE [-s] NAME`: a volume and its /dev/zdN. */
export function createVolume(world: World, host: string, name: string, size: number, sparse: boolean, given: Record<string, string | number | undefined> = {}): ZfsResult {
  const properties = definedOnly(given);
  const checked = checkNew(world, host, name);
  if (!checked.ok) return checked;
  const zvol: Zvol = { name, size, sparse, ...(Object.keys(properties).length > 0 ? { properties: properties as unknown as VolumeProperties } : {}) };
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${host}` } };
    h.zvols.push(zvol);
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  const pool = checked.value;
  pool.datasets[name] = newDataset(world, host, pool, name, 'volume', syncTxg(world, pool));
  const lab = world.lab.hosts.find((h) => h.name === host);
  const made = lab?.zvols.find((z) => z.name === name);
  if (made) attachZvol(world, host, made);
  if (lab) refreshKernelSpace(world, lab, pool);
  return { ok: true, value: null };
}

/** Unmounts a dataset in the host's initial mount namespace and removes its mountpoint directory (libzfs remove_mountpoint: rmdir, failure ignored). */
function unmountDataset(world: World, host: string, name: string): void {
  const k = hostKernel(world, host);
  const ns = k.initNs.mnt;
  const table = k.namespaces[ns]?.mounts ?? [];
  for (const m of [...table].reverse()) {
    const sb = k.superblocks[m.sb];
    if (sb?.driver === 'zfs' && sb.source === name) {
      removeMount(world, host, ns, m.path);
      delete k.superblocks[m.sb];
      rootVfs(world, host).remove(m.path, true);
    }
  }
}

/**
 * `zfs destroy [-r] NAME`: refuses a dataset with children or snapshots unless -r
 * (libzfs zfs_destroy / zfs_main.c destroy_check_dependent: "filesystem has children").
 */
export function destroyDataset(world: World, host: string, name: string, recursive: boolean): ZfsResult<string[]> {
  const found = findDataset(world, host, name);
  if (!found) return no('dataset does not exist');
  const { pool, ds } = found;
  if (name === pool.name) return no('operation does not apply to pools', ['use \'zfs destroy -r ' + name + '\' to destroy all datasets in the pool', `use 'zpool destroy ${name}' to destroy the pool itself`]);
  const below = descendants(pool, name);
  const dependents = [...below.flatMap((d) => [d.name, ...d.snapshots.map((s) => `${d.name}@${s.name}`)]), ...ds.snapshots.map((s) => `${name}@${s.name}`)];
  if (dependents.length > 0 && !recursive) return no(`${ds.type === 'volume' ? 'volume' : 'filesystem'} has children`, ['use \'-r\' to destroy the following datasets:', ...dependents]);
  const gone = [...below, ds];
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${host}` } };
    const names = new Set(gone.map((d) => d.name));
    h.datasets = h.datasets.filter((d) => !names.has(d.name));
    h.zvols = h.zvols.filter((z) => !names.has(z.name));
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  for (const d of gone) {
    unmountDataset(world, host, d.name);
    detachZvol(world, host, d.name);
    // Every block of the dataset and its snapshots is freed.
    const v = pool.vdevs[0];
    // A clone's blocks from before its origin stay: the origin snapshot holds them.
    if (v) v.alloc -= Object.entries(d.live).reduce((a, [birth, n]) => a + (d.originTxg !== undefined && Number(birth) <= d.originTxg ? 0 : n), 0) + Object.values(d.dead).reduce((a, b) => a + b, 0);
    delete pool.datasets[d.name];
  }
  syncTxg(world, pool);
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, pool);
  return { ok: true, value: gone.map((d) => d.name) };
}

/** `zfs snapshot [-r] DS@SNAP`. */
export function snapshotDataset(world: World, host: string, full: string, recursive: boolean): ZfsResult<string[]> {
  const at = full.indexOf('@');
  const name = full.slice(0, at);
  const snap = full.slice(at + 1);
  const problem = at < 0 ? null : checkDatasetName(name) ?? checkDatasetName(`${name}/${snap}`);
  if (at < 0 || snap === '' || problem) return no(problem ?? "empty component or misplaced '@' or '#' delimiter in name");
  const found = findDataset(world, host, name);
  if (!found) return no('dataset does not exist');
  const targets = recursive ? [found.ds, ...descendants(found.pool, name).reverse()] : [found.ds];
  if (targets.some((d) => d.snapshots.some((s) => s.name === snap))) return no('dataset already exists');
  // One txg for all of them (zfs snapshot -r is atomic: one dsl_sync_task).
  const txg = syncTxg(world, found.pool);
  for (const d of targets) d.snapshots.push({ name: snap, txg, guid: stableHash(world.seed, 'snap-guid', host, d.name, snap, String(txg)), creation: world.clock, referenced: referencedRaw(d), written: writtenRaw(d) });
  return { ok: true, value: targets.map((d) => `${d.name}@${snap}`) };
}

/** `zfs destroy DS@SNAP`. */
export function destroySnapshotByName(world: World, host: string, full: string): ZfsResult {
  const [name, snap] = full.split('@') as [string, string];
  const found = findDataset(world, host, name);
  // zfs_main.c destroy_check_dependent: a snapshot with clones goes only with -R.
  const clones = found ? Object.values(found.pool.datasets).filter((d) => d.origin === full).map((d) => d.name) : [];
  if (clones.length > 0) return no('snapshot has dependent clones', ["use '-R' to destroy the following datasets:", ...clones]);
  if (!found || !found.ds.snapshots.some((s) => s.name === snap)) return { ok: true, value: null };
  destroySnapshot(world, found.pool, found.ds, snap);
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, found.pool);
  return { ok: true, value: null };
}

/**
 * `zfs rollback [-r] DS@SNAP`: refuses when later snapshots exist unless -r, which destroys
 * them first (zfs_main.c rollback_check: "more recent snapshots or bookmarks exist").
 */
export function rollbackDataset(world: World, host: string, full: string, destroyLater: boolean): ZfsResult {
  const [name, snap] = full.split('@') as [string, string];
  const found = findDataset(world, host, name);
  const target = found?.ds.snapshots.findIndex((s) => s.name === snap) ?? -1;
  if (!found || target < 0) return no('dataset does not exist');
  const later = found.ds.snapshots.slice(target + 1);
  if (later.length > 0 && !destroyLater) return no('more recent snapshots or bookmarks exist', ["use '-r' to force deletion of the following snapshots and bookmarks:", ...later.map((s) => `${name}@${s.name}`)]);
  for (const s of later) destroySnapshot(world, found.pool, found.ds, s.name);
  rollbackToLatest(world, host, found.pool, found.ds);
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, found.pool);
  return { ok: true, value: null };
}
