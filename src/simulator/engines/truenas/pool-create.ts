/**
 * Creating a data pool as TrueNAS 25.10's `pool.create` does it over the ZFS engine: the
 * disks get one ZFS partition each (middlewared plugins/disk_/format.py: a single
 * "Solaris /usr & Apple ZFS" partition since swap partitions were dropped), the pool goes into
 * the lab model through model/edit (so the exporters see it), then the ZFS engine imports it
 * with `openPool` (the call `zpool create` makes after its model edit) and its root dataset
 * is mounted at /mnt/NAME (altroot /mnt). Validation is worded as pool_/pool.py do_create and
 * disk_/availability.py check_disks_availability word it.
 */
import type { Host, Pool } from '../../model';
import { checkPoolName } from '../../model';
import { draftHost, editLab } from '../../model/edit';
import { approximatePoolBytes, mountDataset } from '../kernel/boot';
import { partitionDisk, removeBlockDevice } from '../kernel/devices';
import type { World } from '../world';
import { hostKernel } from '../world';
import { openPool, poolState } from '../zfs';
import { refreshKernelSpace } from '../zfs/kernel-space';
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
  return new Set(host.pools.flatMap((p) => p.vdevs.flatMap((v) => v.disks)));
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
 * Creates the pool (its checks passed): partitions, model edit, import, mount. Returns
 * errors when the lab model refuses it.
 */
export function createDataPool(world: World, hostName: string, name: string, data: DataVdev[]): ApiError[] {
  const pool: Pool = {
    name,
    vdevs: data.map((v) => ({ type: v.type.toLowerCase() as Pool['vdevs'][number]['type'], disks: [...v.disks] })),
    // pool.py do_create: TrueNAS always creates pools with ashift=12.
    properties: { ashift: 12 } as Pool['properties'],
  };
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, hostName);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${hostName}` } };
    h.pools.push(pool);
    return { ok: true, value: null };
  });
  if (!edit.ok) return [{ attr: 'pool_create', message: edit.error.message }];
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  const k = hostKernel(world, hostName);
  for (const disk of pool.vdevs.flatMap((v) => v.disks)) {
    // A new partition table: whatever was on the disk (an old pool's partitions) goes.
    for (const old of k.devices.filter((d) => d.parent === disk)) removeBlockDevice(world, hostName, old.name);
    partitionDisk(world, hostName, disk, [{ size: 0, typeName: 'Solaris /usr & Apple ZFS', fstype: 'zfs_member' }]);
  }
  const partSize = (disk: string): number => k.devices.find((d) => d.parent === disk && d.fstype === 'zfs_member')?.size ?? 0;
  k.spaces[name] = { size: approximatePoolBytes(host, name, partSize), used: 0 };
  const made = poolState(world, hostName, name) ?? openPool(world, host, host.pools.find((p) => p.name === name) as Pool);
  mountDataset(world, host, name);
  refreshKernelSpace(world, host, made);
  return [];
}
