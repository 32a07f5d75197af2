/**
 * Creating a data pool as TrueNAS 25.10's `pool.create` does it, over the ZFS engine's
 * `createPool` (what `zpool create` uses): the pool goes into the lab model through
 * model/edit (so the exporters see it), the engine labels the disks, imports the pool and
 * mounts its root dataset at /mnt/NAME (altroot /mnt). Validation is worded as pool_/pool.py
 * do_create and disk_/availability.py check_disks_availability word it. Simplified: the disks
 * are labelled as `zpool create` labels whole disks (partitions 1 and 9), not with
 * disk.format's single partition.
 */
import type { Host } from '../../model/host';
import type { Pool, Vdev } from '../../model/storage';
import { checkPoolName } from '../../model/names';
import { poolDisks } from '../../model/storage';
import type { World } from '../world';
import { hostKernel } from '../world';
import { createPool } from '../zfs/pool-ops';
import type { ApiError } from './api-args';

/** A data vdev as pool.create takes it. */
export interface DataVdev {
  type: 'STRIPE' | 'MIRROR' | 'RAIDZ1' | 'RAIDZ2' | 'RAIDZ3';
  disks: string[];
}

/** pool.py __common_topology_validation minmap: TrueNAS asks more of RAIDZ than zpool does. */
const MIN_DISKS: Record<DataVdev['type'], number> = { STRIPE: 1, MIRROR: 2, RAIDZ1: 3, RAIDZ2: 4, RAIDZ3: 5 };

/** Disks already used by a pool of the host (disk.get_reserved: boot.get_disks + pool.get_disks). */
function reservedDisks(host: Host): Set<string> {
  return new Set(host.pools.flatMap((p) => poolDisks(p)));
}

/** The business checks of pool.create (after the argument types passed), in do_create's order. */
export function checkPoolCreate(world: World, host: Host, name: string, data: DataVdev[]): ApiError[] {
  const errors: ApiError[] = [];
  if (host.pools.some((p) => p.name === name)) errors.push({ attr: 'pool_create.name', errno: 'EEXIST', message: 'A pool with this name already exists.' });
  else if (checkPoolName(name)) errors.push({ attr: 'pool_create.name', message: 'Invalid pool name' });
  if (data.length === 0) errors.push({ attr: 'pool_create.topology.data', message: 'At least one data vdev is required' });
  let last: string | null = null;
  data.forEach((v, i) => {
    const min = MIN_DISKS[v.type];
    if (v.disks.length < min) errors.push({ attr: `pool_create.topology.data.${i}.disks`, message: `You need at least ${min} disk(s) for this vdev type.` });
    if (last && last !== v.type) errors.push({ attr: `pool_create.topology.data.${i}.type`, message: `You are not allowed to create a pool with different data vdev types (${last} and ${v.type}).` });
    last = v.type;
  });
  const disks = data.flatMap((v) => v.disks);
  const present = new Set(hostKernel(world, host.name).devices.filter((d) => d.type === 'disk').map((d) => d.name));
  const missing = [...new Set(disks)].filter((d) => !present.has(d));
  if (missing.length > 0) errors.push({ attr: 'pool_create.topology', message: `The following disks were not found in system: ${missing.join(',')}.` });
  const reserved = reservedDisks(host);
  const used = [...new Set(disks)].filter((d) => reserved.has(d));
  if (used.length > 0) errors.push({ attr: 'pool_create.topology', message: `The following disks are already in use: ${used.join(',')}.` });
  return errors;
}

/**
 * Creates the pool (its checks passed) with the ZFS engine's `createPool`, the operation
 * `zpool create` uses: the model edit, the disk labels, the import and the mount at
 * /mnt/NAME. TrueNAS always asks for ashift=12 (pool.py do_create). Returns errors when the
 * engine refuses.
 */
export function createDataPool(world: World, hostName: string, name: string, data: DataVdev[]): ApiError[] {
  const vdevs: Vdev[] = data.map((v) => ({ type: v.type.toLowerCase() as Vdev['type'], disks: [...v.disks] }));
  // The middleware wipes and formats the disks first (disk.format), so nothing on them stops zpool: -f.
  const made = createPool(world, hostName, name, vdevs, { ashift: 12 } as Pool['properties'], true);
  return made.ok ? [] : [{ attr: 'pool_create', errno: 'EFAULT', message: made.error.lines.join('\n') }];
}
