/**
 * New leaves: `zpool attach` (a disk becomes a mirror, a mirror gets wider), `zpool replace`
 * (a new disk takes an old one's place) and the resilver that copies the vdev's data onto the
 * new leaf (libzfs_pool.c zpool_vdev_attach, spa.c spa_vdev_attach, dsl_scan.c). The resilver
 * takes virtual time in proportion to the vdev's data (the scrub's simplified 500 MiB/s);
 * the new disk is labelled as `zpool create` labels a whole disk. Errors are the words after
 * zpool's "cannot attach sdd to sdb: " prefix, or the in-use lines of zpool_vdev.c.
 */
// @sim zpool | OpenZFS 2.3 zpool attach/replace: disk to mirror, wider mirror, RAIDZ expansion, failed disk replaced (by a new disk or a hot spare), "device is too small", resilver with virtual time and the resilvered scan line
import { poolDisks } from '../../model/storage';
import { partitionDisk } from '../kernel/devices';
import type { World } from '../world';
import { hostKernel } from '../world';
import { leafUsable } from './capacity';
import { refreshKernelSpace } from './kernel-space';
import { leafDevice } from './pool';
import type { PoolState, ScanState } from './state';
import { findLeaf, syncLabVdevs } from './vdev-ops';

const MiB = 2 ** 20;
/** Resilver speed in bytes per virtual second (simplified, as the scrub's). */
const RESILVER_RATE = 500 * MiB;

/** A refused vdev change: the lines zpool prints (after its prefix when `prefixed`). */
export type VdevRefusal = { ok: false; lines: string[]; prefixed: boolean };

/**
 * zpool_vdev.c is_device_in_use / check_device: the disks a new vdev would take. A missing
 * disk is refused outright; one of an active pool even with -f; an old filesystem unless -f.
 */
export function checkNewDisks(world: World, host: string, disks: string[], force: boolean): VdevRefusal | undefined {
  const devices = hostKernel(world, host).devices;
  const lab = world.lab.hosts.find((h) => h.name === host);
  const problems: string[] = [];
  for (const d of disks) {
    if (!devices.some((x) => x.name === d && x.type === 'disk')) return { ok: false, prefixed: false, lines: [`cannot open '${d}': no such device in /dev`, 'must be a full path or shorthand device name'] };
    const owner = lab?.pools.find((p) => poolDisks(p).includes(d));
    const part = devices.find((x) => x.parent === d && x.fstype === 'zfs_member');
    if (owner) {
      problems.push(`/dev/${part?.name ?? d} is part of active pool '${owner.name}'`);
      continue;
    }
    const fs = devices.find((x) => (x.parent === d || x.name === d) && x.fstype && x.fstype !== 'zfs_member');
    if (fs && !force) problems.push(`/dev/${fs.name} contains a filesystem of type '${fs.fstype}'`);
  }
  if (problems.length === 0) return undefined;
  // vdev_error: the header says whether -f would help.
  const header = force ? 'the following errors must be manually repaired:' : "use '-f' to override the following errors:";
  return { ok: false, prefixed: false, lines: ['invalid vdev specification', header, ...problems] };
}

/** libzfs zpool_label_disk: partition 1 for data up to 8 MiB before the end, partition 9 reserved. Returns the data leaf. */
export function labelDisk(world: World, host: string, disk: string): { name: string; size: number } {
  const total = hostKernel(world, host).devices.find((x) => x.name === disk)?.size ?? 0;
  partitionDisk(world, host, disk, [
    { size: Math.floor((total - 2 * MiB - 8 * MiB) / MiB) * MiB, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' },
    { size: 8 * MiB, number: 9, typeName: 'Solaris reserved 1' },
  ]);
  const leaf = leafDevice(world, host, disk);
  return { name: leaf.name, size: leaf.size };
}

/** Starts a resilver of `leaf` (the data of its top-level vdev copied onto it). */
function startResilver(world: World, pool: PoolState, vdev: number, leaf: string, replacing?: ScanState['replacing']): ScanState {
  const v = pool.vdevs[vdev];
  const bytes = v ? (v.type.startsWith('raidz') ? Math.ceil(v.alloc / v.leaves.length) : v.alloc) : 0;
  const examined = pool.vdevs.reduce((n, x) => n + x.alloc, 0);
  const scan: ScanState = { func: 'resilver', target: leaf, start: world.clock, end: world.clock + Math.max(1000, Math.ceil((bytes / RESILVER_RATE) * 1000)), examined, repaired: bytes, errors: 0, ...(replacing ? { replacing } : {}) };
  pool.scan = scan;
  return scan;
}

/** Common checks of attach and replace: the old leaf, the new disk, its size. */
function prepare(world: World, host: string, pool: PoolState, old: string, disk: string, force: boolean): VdevRefusal | { ok: true; vdev: number; leaf: string; newLeaf: string } {
  const found = findLeaf(world, host, pool, old);
  if (!found) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
  const bad = checkNewDisks(world, host, [disk], force);
  if (bad) return bad;
  const v = pool.vdevs[found.vdev];
  const size = hostKernel(world, host).devices.find((x) => x.name === disk)?.size ?? 0;
  // spa_vdev_attach: EOVERFLOW when the new device is smaller than the vdev's leaves.
  if (v && leafUsable(size - 10 * MiB) < v.leafSize) return { ok: false, prefixed: true, lines: ['device is too small'] };
  const made = labelDisk(world, host, disk);
  return { ok: true, vdev: found.vdev, leaf: found.leaf, newLeaf: made.name };
}

/**
 * RAIDZ expansion (OpenZFS 2.3, `zpool attach POOL raidzP-N NEW`): the vdev gets one more
 * disk; its existing blocks are reflowed across all of them, keeping their data-to-parity
 * ratio (space figures keep the original width's), and new blocks use the new width.
 * The reflow takes virtual time like a resilver. Refusals as spa_vdev_attach words them.
 */
function expandRaidz(world: World, host: string, pool: PoolState, index: number, disk: string, force: boolean): { ok: true; end: number } | VdevRefusal {
  const v = pool.vdevs[index];
  if (!v) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
  if (pool.expand && pool.expand.end > world.clock) return { ok: false, prefixed: true, lines: ['raidz expansion in progress'] };
  // ENXIO: every leaf must be there.
  if (v.leaves.some((l) => pool.health?.[l]?.failed || pool.health?.[l]?.offline) || (pool.scan?.replacing && pool.scan.end > world.clock)) return { ok: false, prefixed: true, lines: ['raidz vdev has devices that are are offline or being replaced'] };
  const bad = checkNewDisks(world, host, [disk], force);
  if (bad) return bad;
  const size = hostKernel(world, host).devices.find((x) => x.name === disk)?.size ?? 0;
  if (leafUsable(size - 10 * MiB) < v.leafSize) return { ok: false, prefixed: true, lines: ['device is too small'] };
  const made = labelDisk(world, host, disk);
  v.originalWidth ??= v.leaves.length;
  v.leaves.push(made.name);
  const end = world.clock + Math.max(1000, Math.ceil((v.alloc / RESILVER_RATE) * 1000));
  pool.expand = { vdev: index, start: world.clock, end, bytes: v.alloc };
  const done = finish(world, host, pool, pool.scan ?? { func: 'resilver', target: made.name, start: world.clock, end: world.clock, examined: 0, repaired: 0, errors: 0 });
  return done.ok ? { ok: true, end } : done;
}

/** `zpool attach POOL EXISTING NEW`: a single disk becomes a 2-way mirror, a mirror one way wider, a RAIDZ vdev one disk wider. */
export function attachLeaf(world: World, host: string, pool: PoolState, existing: string, disk: string, force: boolean): { ok: true; scan: ScanState } | { ok: true; expandEnd: number } | VdevRefusal {
  const raidz = pool.vdevs.findIndex((v, i) => v.type.startsWith('raidz') && `${v.type}-${i}` === existing);
  if (raidz >= 0) {
    const r = expandRaidz(world, host, pool, raidz, disk.replace(/^\/dev\//, ''), force);
    return r.ok ? { ok: true, expandEnd: r.end } : r;
  }
  const found = findLeaf(world, host, pool, existing);
  const v = found ? pool.vdevs[found.vdev] : undefined;
  // spa_vdev_attach ENOTSUP: a leaf of a RAIDZ is not where a disk attaches (its raidzP-N vdev is).
  if (v && v.type !== 'stripe' && v.type !== 'mirror') return { ok: false, prefixed: true, lines: ['can only attach to mirrors and top-level disks'] };
  const ready = prepare(world, host, pool, existing, disk.replace(/^\/dev\//, ''), force);
  if (!ready.ok) return ready;
  const target = pool.vdevs[ready.vdev];
  if (!target) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
  target.type = 'mirror';
  target.leaves.push(ready.newLeaf);
  return finish(world, host, pool, startResilver(world, pool, ready.vdev, ready.newLeaf));
}

/** The pool's hot-spare leaf on `disk`, if the disk is one of its spares. */
function spareLeaf(world: World, host: string, pool: PoolState, disk: string): string | undefined {
  const devices = hostKernel(world, host).devices;
  return (pool.spares ?? []).find((l) => l === disk || devices.find((d) => d.name === l)?.parent === disk);
}

/**
 * `zpool replace POOL OLD NEW`: NEW takes OLD's place in its vdev and is resilvered; OLD
 * leaves the pool. NEW may be one of the pool's hot spares (zpool_vdev.c is_spare lets it
 * through the in-use check); simplified: the spare leaves the spares list at once, as after
 * the `zpool detach OLD` that ends the real spare-N stage.
 */
export function replaceLeaf(world: World, host: string, pool: PoolState, old: string, disk: string, force: boolean): { ok: true; scan: ScanState } | VdevRefusal {
  const spare = spareLeaf(world, host, pool, disk.replace(/^\/dev\//, ''));
  if (spare) {
    const found = findLeaf(world, host, pool, old);
    if (!found) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
    const v = pool.vdevs[found.vdev];
    if (!v) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
    const h = pool.health?.[found.leaf];
    const shown = h?.failed ? 'UNAVAIL' : h?.offline ? 'OFFLINE' : 'ONLINE';
    pool.spares = (pool.spares ?? []).filter((l) => l !== spare);
    v.leaves = v.leaves.map((l) => (l === found.leaf ? spare : l));
    if (pool.health) delete pool.health[found.leaf];
    return finish(world, host, pool, startResilver(world, pool, found.vdev, spare, { old: found.leaf, state: shown }));
  }
  const ready = prepare(world, host, pool, old, disk.replace(/^\/dev\//, ''), force);
  if (!ready.ok) return ready;
  const v = pool.vdevs[ready.vdev];
  if (!v) return { ok: false, prefixed: true, lines: ['no such device in pool'] };
  const h = pool.health?.[ready.leaf];
  const shown = h?.failed ? 'UNAVAIL' : h?.offline ? 'OFFLINE' : 'ONLINE';
  v.leaves = v.leaves.map((l) => (l === ready.leaf ? ready.newLeaf : l));
  if (pool.health) delete pool.health[ready.leaf];
  return finish(world, host, pool, startResilver(world, pool, ready.vdev, ready.newLeaf, { old: ready.leaf, state: shown }));
}

function finish(world: World, host: string, pool: PoolState, scan: ScanState): { ok: true; scan: ScanState } | VdevRefusal {
  const refused = syncLabVdevs(world, host, pool);
  if (refused) return { ok: false, prefixed: true, lines: [refused] };
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, pool);
  return { ok: true, scan };
}
