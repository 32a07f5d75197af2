/**
 * What `zfs list` and `zfs get` read about a dataset or snapshot: its type, space figures,
 * creation and txgs, as numbers (the commands format them).
 */
import type { World } from '../world';
import { catchUpTxg, poolOfName, poolState } from './pool';
import { asSpace, datasetSpace, snapshotUsed, type DatasetSpace } from './space';
import type { DatasetState, PoolState, SnapshotState } from './state';
import { externalUsed } from './kernel-space';
import { datasetQuotas, datasetRefreservation } from './volume-space';

/** A dataset or snapshot as the commands see it. */
export interface DatasetReport {
  name: string;
  type: 'filesystem' | 'volume' | 'snapshot';
  space: DatasetSpace;
  creation: number;
  createtxg: number;
  guid: number;
  pool: PoolState;
  ds: DatasetState;
  snapshot?: SnapshotState;
}

/** Every dataset and snapshot of a host, sorted by name as `zfs list` prints them (a parent before its children). */
export function listDatasets(world: World, host: string): DatasetReport[] {
  const lab = world.lab.hosts.find((h) => h.name === host);
  const out: DatasetReport[] = [];
  const pools = world.engines.zfs ? Object.values((world.engines.zfs as { hosts: Record<string, { pools: Record<string, PoolState> }> }).hosts[host]?.pools ?? {}) : [];
  for (const pool of pools) {
    catchUpTxg(world, pool);
    const external = externalUsed(world, host, pool);
    for (const ds of Object.values(pool.datasets)) {
      const space = datasetSpace(pool, ds, (n) => (lab ? datasetRefreservation(lab, pool, n) : 0), external, (n) => (lab ? datasetQuotas(lab, n) : {}));
      out.push({ name: ds.name, type: ds.type, space, creation: ds.creation, createtxg: ds.createtxg, guid: ds.guid, pool, ds });
      for (const snap of ds.snapshots) {
        const referenced = asSpace(pool, snap.referenced);
        const used = snapshotUsed(pool, ds, snap);
        out.push({
          name: `${ds.name}@${snap.name}`,
          type: 'snapshot',
          space: { used, available: 0, referenced, usedbysnapshots: 0, usedbydataset: used, usedbychildren: 0, usedbyrefreservation: 0, written: asSpace(pool, snap.written) },
          creation: snap.creation,
          createtxg: snap.txg,
          guid: snap.guid,
          pool,
          ds,
          snapshot: snap,
        });
      }
    }
  }
  const key = (name: string): string => name.replace(/\//g, '\u0001').replace(/@/g, '\u0000');
  return out.sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0));
}

/** One dataset or snapshot by name. */
export function reportOf(world: World, host: string, name: string): DatasetReport | undefined {
  if (!poolState(world, host, poolOfName(name))) return undefined;
  return listDatasets(world, host).find((r) => r.name === name);
}
