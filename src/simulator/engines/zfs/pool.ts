/**
 * Pools: the runtime side of a lab pool — its top-level vdevs over the host's block devices
 * (the zfs_member partition of each disk, as the installers and `zpool create` label them),
 * ashift, transaction groups and the datasets in it. Boot brings every lab pool up through
 * `openPool`, the same call `zpool create` makes after its model edit.
 */
import type { Host } from '../../model/host';
import type { Pool } from '../../model/storage';
import { stableHash } from '../random';
import type { World } from '../world';
import { hostKernel } from '../world';
import { autoAshift, deflatedSize, leafUsable, slopSpace } from './capacity';
import { newDataset } from './dataset-state';
import { zfsHost, type PoolState, type VdevState } from './state';

/** The leaf device a pool uses on a disk: its zfs_member partition, else the whole disk. */
export function leafDevice(world: World, host: string, disk: string): { name: string; size: number; physicalSector: number } {
  const devices = hostKernel(world, host).devices;
  const part = devices.find((d) => d.parent === disk && d.fstype === 'zfs_member');
  const whole = devices.find((d) => d.name === disk);
  const dev = part ?? whole;
  return { name: dev?.name ?? disk, size: dev?.size ?? 0, physicalSector: whole?.physicalSector ?? 512 };
}

/** The runtime state of a pool, if it is imported. */
export function poolState(world: World, host: string, pool: string): PoolState | undefined {
  return zfsHost(world, host).pools[pool];
}

/** The pool a dataset or snapshot name belongs to. */
export function poolOfName(name: string): string {
  return name.split(/[/@#]/)[0] as string;
}

/**
 * Imports a lab pool: vdevs over its disks' leaves, the root dataset and every lab dataset
 * and volume of the pool, each created in its own txg (a `zfs create` is a sync task).
 */
export function openPool(world: World, host: Host, pool: Pool): PoolState {
  const leaves = pool.vdevs.map((v) => v.disks.map((d) => leafDevice(world, host.name, d)));
  const ashift = autoAshift(leaves.flat().map((l) => l.physicalSector), pool.properties?.ashift);
  const vdevs: VdevState[] = [];
  pool.vdevs.forEach((v, i) => {
    const devs = leaves[i] ?? [];
    // A stripe is one top-level vdev per disk; mirror and RAIDZ one over all their disks.
    if (v.type === 'stripe') for (const d of devs) vdevs.push({ type: 'stripe', leaves: [d.name], leafSize: leafUsable(d.size), next: 0, alloc: 0 });
    else vdevs.push({ type: v.type, leaves: devs.map((d) => d.name), leafSize: leafUsable(Math.min(...devs.map((d) => d.size))), next: 0, alloc: 0 });
  });
  const single = (d: string) => {
    const leaf = leafDevice(world, host.name, d);
    return { name: leaf.name, size: leaf.size };
  };
  const logs: VdevState[] = [];
  for (const v of pool.logs ?? []) {
    const devs = v.disks.map(single);
    if (v.type === 'stripe') for (const d of devs) logs.push({ type: 'stripe', leaves: [d.name], leafSize: leafUsable(d.size), next: 0, alloc: 0 });
    else logs.push({ type: v.type, leaves: devs.map((d) => d.name), leafSize: leafUsable(Math.min(...devs.map((d) => d.size))), next: 0, alloc: 0 });
  }
  const state: PoolState = {
    ...(logs.length > 0 ? { logs } : {}),
    ...(pool.cache?.length ? { cache: pool.cache.map((d) => single(d).name) } : {}),
    ...(pool.spares?.length ? { spares: pool.spares.map((d) => single(d).name) } : {}),
    name: pool.name,
    guid: stableHash(world.seed, 'pool-guid', host.name, pool.name),
    ashift,
    vdevs,
    // spa_create syncs the first txgs while it builds the MOS; a new pool's root dataset has createtxg 1.
    txg: 4,
    openTxg: 5,
    syncedAt: world.clock,
    datasets: {},
    history: [],
  };
  zfsHost(world, host.name).pools[pool.name] = state;
  // The pool's first history line: how it was created (simplified for installer-made pools).
  const words = (vdevs: readonly { type: string; disks: string[] }[]) => vdevs.flatMap((v) => (v.type === 'stripe' ? v.disks : [v.type, ...v.disks]));
  const spec = [
    ...words(pool.vdevs),
    ...(pool.logs?.length ? ['log', ...words(pool.logs)] : []),
    ...(pool.cache?.length ? ['cache', ...pool.cache] : []),
    ...(pool.spares?.length ? ['spare', ...pool.spares] : []),
  ].join(' ');
  state.history.push([world.clock, `zpool create${pool.properties?.ashift ? ` -o ashift=${pool.properties.ashift}` : ''} ${pool.name} ${spec}`]);
  state.datasets[pool.name] = newDataset(world, host.name, state, pool.name, 'filesystem', 1);
  for (const d of [...host.datasets.map((x) => ({ name: x.name, type: 'filesystem' as const })), ...host.zvols.map((x) => ({ name: x.name, type: 'volume' as const }))]) {
    if (poolOfName(d.name) !== pool.name) continue;
    state.datasets[d.name] = newDataset(world, host.name, state, d.name, d.type, syncTxg(world, state));
  }
  return state;
}

/**
 * Syncs the open txg (spa_sync): its new blocks and their parents are written, a new
 * uberblock points at them; the next txg opens. Returns the txg just synced.
 */
export function syncTxg(world: World, pool: PoolState): number {
  delete pool.journal;
  pool.txg = pool.openTxg;
  pool.openTxg += 1;
  pool.syncedAt = world.clock;
  return pool.txg;
}

/** zfs_txg_timeout: the open txg syncs on its own once 5 s of virtual time have passed. */
export const TXG_TIMEOUT_MS = 5000;

/** Syncs the open txg if the timeout passed since the last sync (called before every engine look). */
export function catchUpTxg(world: World, pool: PoolState): void {
  if (world.clock - pool.syncedAt >= TXG_TIMEOUT_MS) syncTxg(world, pool);
}

/** Usable bytes of a pool for datasets (deflated size less slop). */
export function poolDataSpace(pool: PoolState): number {
  const dspace = deflatedSize(pool.vdevs, pool.ashift);
  return Math.max(0, dspace - slopSpace(dspace));
}
