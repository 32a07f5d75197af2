/**
 * `zpool export` and `zpool import` (spa.c spa_export / spa_import, libzfs_import.c): an
 * exported pool's datasets are unmounted (libzfs removes the mountpoint directories it made),
 * its volumes' devices go, and the lab no longer has it (through editLab, so exporters agree);
 * its disks keep everything, so `zpool import` lists it and brings it back as it was.
 */
// @sim zpool | OpenZFS 2.3 zpool export POOL, zpool import [-d DIR] [POOL]: datasets unmounted and mounted again, volumes kept, the importable-pool listing
import type { Dataset, Pool, Zvol } from '../../model/storage';
import { poolDisks } from '../../model/storage';
import { draftHost, editLab } from '../../model/edit';
import { mountDataset, rootVfs } from '../kernel/boot';
import { removeMount } from '../kernel/mounts';
import type { World } from '../world';
import { hostKernel } from '../world';
import { refreshKernelSpace } from './kernel-space';
import type { ExportedPool } from './state';
import { zfsHost } from './state';
import { attachZvol, detachZvol } from './zvol';

/** A deep copy of plain JSON (state is JSON). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `zpool export NAME`: refused with the lab's reason when something still uses the pool. */
export function exportPool(world: World, host: string, name: string): { ok: true } | { ok: false; message: string } {
  const z = zfsHost(world, host);
  const state = z.pools[name];
  const lab = world.lab.hosts.find((h) => h.name === host);
  const labPool = lab?.pools.find((p) => p.name === name);
  if (!state || !lab || !labPool) return { ok: false, message: `cannot open '${name}': no such pool` };
  const mine = (n: string) => n === name || n.startsWith(`${name}/`);
  const saved = clone({ pool: labPool, datasets: lab.datasets.filter((d) => mine(d.name)), zvols: lab.zvols.filter((v) => mine(v.name)) });
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    h.pools = h.pools.filter((p) => p.name !== name);
    h.datasets = h.datasets.filter((d) => !mine(d.name));
    h.zvols = h.zvols.filter((v) => !mine(v.name));
    return { ok: true, value: null };
  });
  if (!edit.ok) return { ok: false, message: `cannot export '${name}': ${edit.error.message}` };
  const k = hostKernel(world, host);
  const ns = k.initNs.mnt;
  // zpool_disable_datasets: children first; libzfs remove_mountpoint drops the empty directory.
  for (const m of [...(k.namespaces[ns]?.mounts ?? [])].reverse()) {
    const sb = k.superblocks[m.sb];
    if (sb?.driver === 'zfs' && mine(sb.source)) {
      removeMount(world, host, ns, m.path);
      rootVfs(world, host).remove(m.path, true);
    }
  }
  const zvols = saved.zvols.flatMap((v: Zvol) => {
    const zs = z.zvols[v.name];
    if (!zs) return [];
    const copy = clone(zs);
    detachZvol(world, host, v.name);
    return [copy];
  });
  const space = k.spaces[name];
  const record: ExportedPool = { state, lab: saved, zvols, ...(space ? { space: { ...space } } : {}) };
  (z.exported ??= {})[name] = record;
  delete z.pools[name];
  delete k.spaces[name];
  return { ok: true };
}

/** The pools `zpool import` can see: exported ones whose disks no imported pool has taken since. */
export function importablePools(world: World, host: string): ExportedPool[] {
  const lab = world.lab.hosts.find((h) => h.name === host);
  const used = new Set(lab?.pools.flatMap((p) => poolDisks(p)) ?? []);
  const all = Object.values(zfsHost(world, host).exported ?? {});
  return all.filter((e) => !poolDisks(e.lab.pool as Pool).some((d) => used.has(d))).sort((a, b) => (a.state.name < b.state.name ? -1 : 1));
}

/** `zpool import NAME`: the pool back in the lab, its datasets mounted, its volumes' devices back. */
export function importPool(world: World, host: string, name: string, altroot?: string): { ok: true } | { ok: false; message: string } {
  const z = zfsHost(world, host);
  const found = importablePools(world, host).find((e) => e.state.name === name);
  if (z.pools[name] && !found) return { ok: false, message: `cannot import '${name}': a pool with that name is already created/imported,\nand no additional pools with that name were found` };
  if (!found) return { ok: false, message: `cannot import '${name}': no such pool available` };
  if (z.pools[name]) return { ok: false, message: `cannot import '${name}': a pool with that name already exists\nuse the form 'zpool import <pool | id> <newpool>' to give it a new name` };
  if (altroot !== undefined && !altroot.startsWith('/')) return { ok: false, message: `cannot import '${name}': bad alternate root '${altroot}'` };
  // -R sets altroot for this import only (a property that is not stored on disk).
  const stored = found.lab.pool as Pool;
  const props = { ...(stored.properties ?? {}) };
  if (altroot !== undefined) props.altroot = altroot;
  else delete props.altroot;
  const pool: Pool = { ...stored, ...(Object.keys(props).length > 0 ? { properties: props } : {}) };
  if (Object.keys(props).length === 0) delete (pool as { properties?: unknown }).properties;
  const datasets = found.lab.datasets as Dataset[];
  const zvols = found.lab.zvols as Zvol[];
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    h.pools.push(clone(pool));
    h.datasets.push(...clone(datasets));
    h.zvols.push(...clone(zvols));
    return { ok: true, value: null };
  });
  if (!edit.ok) return { ok: false, message: `cannot import '${name}': ${edit.error.message}` };
  delete z.exported?.[name];
  z.pools[name] = found.state;
  const k = hostKernel(world, host);
  if (found.space) k.spaces[name] = { ...found.space };
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!lab) return { ok: true };
  // zpool_enable_datasets: parents before children.
  for (const ds of [name, ...datasets.map((d) => d.name).sort()]) mountDataset(world, lab, ds);
  for (const v of zvols) {
    const saved = found.zvols.find((s) => s.dataset === v.name);
    attachZvol(world, host, v);
    const now = z.zvols[v.name];
    if (saved && now) {
      const space = k.spaces[name];
      if (space) space.used = Math.max(0, space.used + saved.charged - now.charged);
      now.data = saved.data;
      now.charged = saved.charged;
    }
  }
  refreshKernelSpace(world, lab, found.state);
  return { ok: true };
}
