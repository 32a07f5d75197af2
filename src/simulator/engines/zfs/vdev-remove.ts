/**
 * `zpool remove POOL DEVICE`: a cache or spare disk, or a log vdev, leaves the pool at once
 * (spa_vdev_remove: spa_vdev_remove_aux / spa_vdev_remove_log). Removing a data vdev means
 * evacuating its blocks to the others (device removal, an indirect vdev left behind); that is
 * not simulated and says so. Errors are the words after zpool's "cannot remove DEV: "
 * (libzfs_pool.c zpool_vdev_remove).
 */
// @sim zpool | OpenZFS 2.3 zpool remove POOL DEV: cache, spare and log vdevs removed; raidz pools refused as EINVAL; a mirror's leaf as ENOTSUP; data-vdev evacuation not simulated
import type { World } from '../world';
import { hostKernel } from '../world';
import { refreshKernelSpace } from './kernel-space';
import type { PoolState } from './state';
import { findLeaf, syncLabVdevs } from './vdev-ops';

/** What zpool prints after "cannot remove DEV: ". */
export type RemoveResult = { ok: true } | { ok: false; message: string };

/** Matches a leaf as the reader typed it: `sdc`, `/dev/sdc`, `sdc1`, a by-id name. */
function matches(world: World, host: string, leaf: string, name: string): boolean {
  const want = name.replace(/^\/dev\/(disk\/by-id\/)?/, '');
  const dev = hostKernel(world, host).devices.find((d) => d.name === leaf);
  return leaf === want || dev?.parent === want;
}

/** Removes a cache disk, a spare or a log vdev (by its `mirror-N` name or its disk). */
export function removeDevice(world: World, host: string, pool: PoolState, name: string): RemoveResult {
  const done = (): RemoveResult => {
    const refused = syncLabVdevs(world, host, pool);
    if (refused) return { ok: false, message: refused };
    const lab = world.lab.hosts.find((h) => h.name === host);
    if (lab) refreshKernelSpace(world, lab, pool);
    return { ok: true };
  };
  const cache = (pool.cache ?? []).findIndex((l) => matches(world, host, l, name));
  if (cache >= 0) {
    pool.cache = (pool.cache ?? []).filter((_, i) => i !== cache);
    return done();
  }
  const spare = (pool.spares ?? []).findIndex((l) => matches(world, host, l, name));
  if (spare >= 0) {
    pool.spares = (pool.spares ?? []).filter((_, i) => i !== spare);
    return done();
  }
  // A log vdev goes by its type-id name (ids after the data vdevs') or, for a single disk, by the disk.
  const log = (pool.logs ?? []).findIndex((v, i) => `${v.type}-${pool.vdevs.length + i}` === name || (v.type === 'stripe' && matches(world, host, v.leaves[0] as string, name)));
  if (log >= 0) {
    pool.logs = (pool.logs ?? []).filter((_, i) => i !== log);
    return done();
  }
  if ((pool.logs ?? []).some((v) => v.leaves.some((l) => matches(world, host, l, name)))) return { ok: false, message: 'operation not supported on this type of pool' };
  const top = pool.vdevs.findIndex((v, i) => `${v.type}-${i}` === name);
  const leaf = findLeaf(world, host, pool, name);
  if (top < 0 && !leaf) return { ok: false, message: 'no such device in pool' };
  // spa_vdev_remove_top_check: EINVAL when any top-level vdev is raidz.
  if (pool.vdevs.some((v) => v.type.startsWith('raidz'))) return { ok: false, message: 'invalid config; all top-level vdevs must have the same sector size and not be raidz.' };
  // A leaf inside a mirror is not a top-level vdev: ENOTSUP (detach it instead).
  if (top < 0 && leaf && pool.vdevs[leaf.vdev]?.type !== 'stripe') return { ok: false, message: 'operation not supported on this type of pool' };
  if (pool.vdevs.length === 1) return { ok: false, message: 'operation not supported on this type of pool' };
  return { ok: false, message: 'removing a data vdev (device evacuation) is not simulated' };
}
