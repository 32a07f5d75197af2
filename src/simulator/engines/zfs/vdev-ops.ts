/**
 * Changing a pool's leaves in place: `zpool offline`, `zpool online` and `zpool detach`
 * (libzfs_pool.c zpool_vdev_offline/online/detach, spa.c spa_vdev_detach). Every change to
 * the layout is written back to the lab model through editLab, so the lab's pool follows
 * (`syncLabVdevs`). Errors are the words after zpool's "cannot offline sdb: " prefix.
 */
// @sim zpool | OpenZFS 2.3 zpool offline/online/detach: OFFLINE leaves, "no valid replicas", "only applicable to mirror and replacing vdevs", a 2-way mirror detached back to a disk
import type { Vdev } from '../../model/storage';
import { draftHost, editLab } from '../../model/edit';
import type { World } from '../world';
import { hostKernel } from '../world';
import { isDown, leafHealth, redundancyOf } from './faults';
import type { PoolState } from './state';

/** A leaf of a pool by what the reader typed: `sdb`, `/dev/sdb`, `sdb1` or a by-id name. */
export function findLeaf(world: World, host: string, pool: PoolState, name: string): { vdev: number; leaf: string } | undefined {
  const want = name.replace(/^\/dev\/(disk\/by-id\/)?/, '');
  const devices = hostKernel(world, host).devices;
  for (const [i, v] of pool.vdevs.entries()) for (const leaf of v.leaves) {
    const dev = devices.find((d) => d.name === leaf);
    if (leaf === want || dev?.parent === want) return { vdev: i, leaf };
  }
  return undefined;
}

/** The disk a leaf lives on (the parent of its partition, else the leaf). */
export function diskOfLeaf(world: World, host: string, leaf: string): string {
  return hostKernel(world, host).devices.find((d) => d.name === leaf)?.parent ?? leaf;
}

/**
 * Writes the pool's layout back to the lab (adjacent single disks as one stripe group, as
 * the lab keeps them). Returns the lab's refusal, if any.
 */
export function syncLabVdevs(world: World, host: string, pool: PoolState): string | undefined {
  const vdevs: Vdev[] = [];
  for (const v of pool.vdevs) {
    const disks = v.leaves.map((l) => diskOfLeaf(world, host, l));
    const last = vdevs[vdevs.length - 1];
    if (v.type === 'stripe' && last?.type === 'stripe') last.disks.push(...disks);
    else vdevs.push({ type: v.type, disks });
  }
  const logs: Vdev[] = (pool.logs ?? []).map((v) => ({ type: v.type, disks: v.leaves.map((l) => diskOfLeaf(world, host, l)) }));
  const disksOf = (leaves: string[] | undefined) => (leaves ?? []).map((l) => diskOfLeaf(world, host, l));
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    const p = h?.pools.find((x) => x.name === pool.name);
    if (!p) return { ok: false, error: { code: 'no-pool', message: 'no such pool' } };
    p.vdevs = vdevs;
    // Logs, cache and spares as the pool has them now (absent when empty, as a lab file leaves them out).
    const classes = { logs, cache: disksOf(pool.cache), spares: disksOf(pool.spares) };
    for (const [key, list] of Object.entries(classes) as ['logs' | 'cache' | 'spares', unknown[]][]) {
      if (list.length > 0) (p as Record<string, unknown>)[key] = list;
      else delete p[key];
    }
    return { ok: true, value: null };
  });
  return edit.ok ? undefined : edit.error.message;
}

/** `zpool offline POOL DEV`: refused when the vdev could not do without it (EBUSY, "no valid replicas"). */
export function offlineLeaf(world: World, host: string, pool: PoolState, name: string): { ok: true } | { ok: false; message: string } {
  const found = findLeaf(world, host, pool, name);
  if (!found) return { ok: false, message: 'no such device in pool' };
  const v = pool.vdevs[found.vdev];
  if (!v) return { ok: false, message: 'no such device in pool' };
  const down = v.leaves.filter((l) => l !== found.leaf && isDown(pool.health?.[l])).length;
  // spa_vdev_state_enter / vdev_offline_locked: a top-level vdev that would lose its data refuses.
  if (down + 1 > redundancyOf(v)) return { ok: false, message: 'no valid replicas' };
  leafHealth(pool, found.leaf).offline = true;
  return { ok: true };
}

/** `zpool online POOL DEV`: the leaf comes back; a failed disk stays UNAVAIL (the warning zpool prints). */
export function onlineLeaf(world: World, host: string, pool: PoolState, name: string): { ok: true; stillFaulted: boolean } | { ok: false; message: string } {
  const found = findLeaf(world, host, pool, name);
  if (!found) return { ok: false, message: 'no such device in pool' };
  const h = pool.health?.[found.leaf];
  if (h) delete h.offline;
  return { ok: true, stillFaulted: Boolean(h?.failed) };
}

/**
 * `zpool detach POOL DEV`: a leaf leaves its mirror; a mirror left with one leaf becomes a
 * plain disk again. Only mirrors (and replacing vdevs) detach; the last good copy does not.
 */
export function detachLeaf(world: World, host: string, pool: PoolState, name: string): { ok: true } | { ok: false; message: string } {
  const found = findLeaf(world, host, pool, name);
  if (!found) return { ok: false, message: 'no such device in pool' };
  const v = pool.vdevs[found.vdev];
  if (!v || v.type !== 'mirror') return { ok: false, message: 'only applicable to mirror and replacing vdevs' };
  // spa_vdev_detach: EBUSY when the leaf holds data no other child has (vdev_dtl_required).
  const othersUp = v.leaves.filter((l) => l !== found.leaf && !isDown(pool.health?.[l])).length;
  if (othersUp === 0) return { ok: false, message: 'no valid replicas' };
  v.leaves = v.leaves.filter((l) => l !== found.leaf);
  if (v.leaves.length === 1) v.type = 'stripe';
  if (pool.health) delete pool.health[found.leaf];
  const refused = syncLabVdevs(world, host, pool);
  return refused ? { ok: false, message: refused } : { ok: true };
}
