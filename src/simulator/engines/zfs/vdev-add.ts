/**
 * `zpool add POOL VDEV-SPEC`: new top-level vdevs, striped with the existing ones (spa.c
 * spa_vdev_add). Before adding, zpool compares the replication of the pool with the new
 * vdevs (zpool_vdev.c check_replication / get_replication) and refuses a mismatch — the
 * classic `zpool add tank sdd` to a mirror pool, which leaves the pool depending on one
 * disk — unless -f. Attaching a disk to a mirror (`zpool attach`) is what was meant.
 */
// @sim zpool | OpenZFS 2.3 zpool add [-f] POOL VDEV...: new top-level vdevs, log/cache/spare classes, "mismatched replication level" (type, parity and width) unless -f
import type { Vdev } from '../../model/storage';
import type { World } from '../world';
import { leafUsable } from './capacity';
import { refreshKernelSpace } from './kernel-space';
import { checkNewDisks, labelDisk, type VdevRefusal } from './resilver';
import type { PoolState, VdevState } from './state';
import { syncLabVdevs } from './vdev-ops';
import { specDisks, type VdevSpec } from './pool-ops';

/** get_replication's view of a top-level vdev: its type word, parity and width. */
interface Replication {
  type: 'disk' | 'mirror' | 'raidz';
  parity: number;
  width: number;
}

function replicationOf(type: VdevState['type'], width: number): Replication {
  if (type === 'stripe') return { type: 'disk', parity: 0, width: 1 };
  if (type === 'mirror') return { type: 'mirror', parity: 0, width };
  return { type: 'raidz', parity: Number(type.slice(5)), width };
}

/** check_replication: the mismatch line, or undefined when the new vdevs match the pool. */
export function replicationMismatch(pool: PoolState, vdevs: Vdev[]): string | undefined {
  const current = pool.vdevs.map((v) => replicationOf(v.type, v.leaves.length));
  const first = current[0];
  // get_replication returns NULL for a pool already mixed (it was forced): nothing to compare.
  if (!first || current.some((r) => r.type !== first.type || r.parity !== first.parity || r.width !== first.width)) return undefined;
  for (const v of vdevs) {
    const n = replicationOf(v.type, v.type === 'stripe' ? 1 : v.disks.length);
    if (n.type !== first.type) return `mismatched replication level: pool uses ${first.type} and new vdev is ${n.type}`;
    if (n.parity !== first.parity) return `mismatched replication level: pool uses ${first.parity} device parity and new vdev uses ${n.parity}`;
    if (n.width !== first.width) return `mismatched replication level: pool uses ${first.width}-way ${first.type} and new vdev uses ${n.width}-way ${n.type}`;
  }
  return undefined;
}

/** Top-level vdev states over freshly labelled disks: one per disk of a stripe. */
function newVdevs(world: World, host: string, vdevs: Vdev[]): VdevState[] {
  const out: VdevState[] = [];
  for (const v of vdevs) {
    const leaves = v.disks.map((d) => labelDisk(world, host, d));
    if (v.type === 'stripe') for (const l of leaves) out.push({ type: 'stripe', leaves: [l.name], leafSize: leafUsable(l.size), next: 0, alloc: 0 });
    else out.push({ type: v.type, leaves: leaves.map((l) => l.name), leafSize: leafUsable(Math.min(...leaves.map((l) => l.size))), next: 0, alloc: 0 });
  }
  return out;
}

/** The checks of make_root_vdev before anything is added (all `zpool add -n` does): disks once, not in use, matching replication. */
export function checkAdd(world: World, host: string, pool: PoolState, spec: VdevSpec, force: boolean): { ok: true } | VdevRefusal {
  const seen = new Set<string>();
  for (const d of specDisks(spec)) {
    if (seen.has(d)) return { ok: false, prefixed: false, lines: ['invalid vdev specification', "use '-f' to override the following errors:", `/dev/${d} is used more than once in the configuration`] };
    seen.add(d);
  }
  const bad = checkNewDisks(world, host, specDisks(spec), force);
  if (bad) return bad;
  const mismatch = replicationMismatch(pool, spec.vdevs);
  if (mismatch && !force) return { ok: false, prefixed: false, lines: ['invalid vdev specification', "use '-f' to override the following errors:", mismatch] };
  return { ok: true };
}

/**
 * Adds a vdev specification to the pool: disks checked and labelled; data vdevs striped in,
 * logs, cache and spares to their classes (get_replication skips logs: only data vdevs are
 * compared for the replication level).
 */
export function addVdevs(world: World, host: string, pool: PoolState, spec: VdevSpec, force: boolean): { ok: true } | VdevRefusal {
  const checked = checkAdd(world, host, pool, spec, force);
  if (!checked.ok) return checked;
  const vdevs = spec.vdevs;
  pool.vdevs.push(...newVdevs(world, host, vdevs));
  if (spec.logs.length > 0) pool.logs = [...(pool.logs ?? []), ...newVdevs(world, host, spec.logs)];
  if (spec.cache.length > 0) pool.cache = [...(pool.cache ?? []), ...spec.cache.map((d) => labelDisk(world, host, d).name)];
  if (spec.spares.length > 0) pool.spares = [...(pool.spares ?? []), ...spec.spares.map((d) => labelDisk(world, host, d).name)];
  const refused = syncLabVdevs(world, host, pool);
  if (refused) return { ok: false, prefixed: true, lines: [refused] };
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, pool);
  return { ok: true };
}
