/**
 * `pool.query`, `pool.get_instance` and `pool.create` (TrueNAS 25.10 api/v25_10_0/pool.py,
 * plugins/pool_/pool.py): data pools only (the boot pool is `boot.*`'s, never in pool.query),
 * ids in creation order from 1. pool.create is a job (`@job(lock='pool_createupdate')`):
 * `midclt call` without `-j` prints the job id at once and a job whose validation fails
 * only fails in the job list; with `-j` the PoolEntry or the validation errors are printed.
 */
// @sim midclt pool.* | TrueNAS 25.10 plugins/pool_/pool.py + api/v25_10_0/pool.py: pool.query|get_instance (PoolEntry: representative fields), pool.create as a job over the ZFS engine (STRIPE/MIRROR/RAIDZ1-3, minimum disks, disks in use or missing)
import type { Host } from '../../model/host';
import type { World } from '../world';
import { poolState } from '../zfs';
import { rawSize } from '../zfs/capacity';
import { poolHealth, vdevHealth } from '../zfs/faults';
import { poolAllocated } from '../zfs/space';
import type { PoolState } from '../zfs/state';
import { checkValue, obj, type ApiError, type FieldType } from './api-args';
import type { CallResult } from './call-result';
import { checkPoolCreate, createDataPool, type DataVdev } from './pool-create';
import type { PyValue } from './py-json';
import { filterList } from './query-filters';

type Obj = { [key: string]: PyValue };

/** middlewared/utils/size.py format_size: binary units with two decimals ("3.62 TiB"). */
export function formatSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)} ${units[i]}`;
}

/** The data pools of a host, in lab order (their ids). */
export function dataPools(host: Host): string[] {
  return host.pools.filter((p) => p.name !== 'boot-pool').map((p) => p.name);
}

/** A DISK entry of the topology for a cache or spare leaf (no vdev around it). */
function auxLeaf(pool: PoolState, name: string, index: number, spare: boolean): Obj {
  const h = pool.health?.[name];
  // A spare waiting is AVAIL (zpool status), as the middleware reports it.
  const status = h?.failed ? 'UNAVAIL' : spare ? 'AVAIL' : 'ONLINE';
  return { name, type: 'DISK', path: `/dev/${name}`, guid: String(900 + index), status, children: [], disk: name.replace(/p?[0-9]+$/, ''), unavail_disk: null };
}

/** A vdev of the topology (pool_/topology: name, type, path, guid, status, children, disk). */
function vdevEntry(pool: PoolState, index: number, list: PoolState['vdevs'] = pool.vdevs): Obj {
  const v = list[index];
  if (!v) return {};
  const status = list === pool.vdevs ? vdevHealth(pool, index) : v.leaves.every((l) => !pool.health?.[l]?.failed) ? 'ONLINE' : 'DEGRADED';
  const leaf = (name: string): Obj => ({ name, type: 'DISK', path: `/dev/${name}`, guid: String(v.leaves.indexOf(name) + 1 + index * 100), status: pool.health?.[name]?.failed ? 'UNAVAIL' : pool.health?.[name]?.offline ? 'OFFLINE' : 'ONLINE', children: [], disk: name.replace(/p?[0-9]+$/, ''), unavail_disk: null });
  if (v.type === 'stripe') return leaf(v.leaves[0] as string);
  const sameType = list.slice(0, index).filter((x) => x.type === v.type).length;
  return { name: `${v.type}-${sameType}`, type: v.type.toUpperCase(), path: null, guid: String(index + 1), status, children: v.leaves.map(leaf), unavail_disk: null };
}

/** A PoolEntry. Simplified: representative fields; `scan` and the vdev stats are left out. */
export function poolEntry(world: World, host: Host, id: number, name: string): Obj {
  const pool = poolState(world, host.name, name);
  const size = pool ? pool.vdevs.reduce((n, v) => n + rawSize(v, pool.ashift), 0) : 0;
  const allocated = pool ? Math.min(size, poolAllocated(pool)) : 0;
  const health = pool ? poolHealth(pool) : 'UNAVAIL';
  return {
    id,
    name,
    guid: String(pool?.guid ?? 0),
    status: health,
    path: `/mnt/${name}`,
    scan: null,
    expand: null,
    is_upgraded: true,
    healthy: health === 'ONLINE',
    warning: false,
    status_code: health === 'ONLINE' ? null : 'DEGRADED',
    status_detail: null,
    size,
    allocated,
    free: size - allocated,
    freeing: 0,
    dedup_table_size: 0,
    dedup_table_quota: 'auto',
    fragmentation: '0',
    size_str: formatSize(size),
    allocated_str: formatSize(allocated),
    free_str: formatSize(size - allocated),
    freeing_str: '0',
    autotrim: { parsed: 'off', rawvalue: 'off', source: 'DEFAULT', value: 'off' },
    topology: pool
      ? {
          data: pool.vdevs.map((_, i) => vdevEntry(pool, i)),
          log: (pool.logs ?? []).map((_, i) => vdevEntry(pool, i, pool.logs)),
          cache: (pool.cache ?? []).map((l, i) => auxLeaf(pool, l, i, false)),
          spare: (pool.spares ?? []).map((l, i) => auxLeaf(pool, l, 50 + i, true)),
          special: [],
          dedup: [],
        }
      : null,
  };
}

const vdevType: FieldType = { kind: 'literal', values: ['RAIDZ1', 'RAIDZ2', 'RAIDZ3', 'MIRROR', 'STRIPE', 'DRAID1', 'DRAID2', 'DRAID3'] };
const strList: FieldType = { kind: 'list', of: { kind: 'str' } };
const anyList: FieldType = { kind: 'list', of: { kind: 'any' } };

/** PoolCreate's fields (api/v25_10_0/pool.py). */
const POOL_CREATE = obj('PoolCreate', {
  name: { type: { kind: 'str', nonEmpty: true, max: 50, pattern: /^\S+$/, patternMessage: 'Value error, Pool name must not contain whitespace' }, required: true },
  encryption: { type: { kind: 'bool' } },
  dedup_table_quota: { type: { kind: 'literal', values: ['AUTO', 'CUSTOM'] }, nullable: true },
  dedup_table_quota_value: { type: { kind: 'int', min: 1 }, nullable: true },
  deduplication: { type: { kind: 'literal', values: ['ON', 'VERIFY', 'OFF'] }, nullable: true },
  checksum: { type: { kind: 'literal', values: ['ON', 'OFF', 'FLETCHER2', 'FLETCHER4', 'SHA256', 'SHA512', 'SKEIN', 'EDONR', 'BLAKE3'] }, nullable: true },
  encryption_options: { type: { kind: 'any' } },
  topology: {
    type: obj('PoolCreateTopology', {
      data: { type: { kind: 'list', of: obj('PoolCreateTopologyDataVdevNonDRAID', { type: { type: vdevType, required: true }, disks: { type: strList, required: true }, draid_data_disks: { type: { kind: 'int' }, nullable: true }, draid_spare_disks: { type: { kind: 'int' } } }) }, required: true },
      special: { type: anyList },
      dedup: { type: anyList },
      cache: { type: anyList },
      log: { type: anyList },
      spares: { type: strList },
    }),
    required: true,
  },
  allow_duplicate_serials: { type: { kind: 'bool' } },
});

/** pool.create: argument types checked at once; the rest runs as the job. */
function poolCreate(world: World, host: Host, params: PyValue[], job: () => number, waited: boolean): CallResult {
  const errors: ApiError[] = [];
  if (params[0] === undefined) return { ok: false, errors: [{ attr: 'data', message: 'Field required' }] };
  checkValue(params[0], { type: POOL_CREATE }, 'data', errors);
  const args = params[0] as Obj;
  const data = (((args['topology'] as Obj | undefined)?.['data'] ?? []) as Obj[]) ;
  if (errors.length === 0 && data.length === 0) errors.push({ attr: 'data.topology.data', message: 'List should have at least 1 item after validation, not 0' });
  // dRAID layouts are not simulated: the engine's vdevs are stripe, mirror and RAIDZ.
  data.forEach((v, i) => {
    if (typeof v['type'] === 'string' && v['type'].startsWith('DRAID')) errors.push({ attr: `data.topology.data.${i}.type`, message: 'dRAID is not simulated here: use STRIPE, MIRROR or RAIDZ1-3' });
  });
  if (errors.length > 0) return { ok: false, errors };
  const vdevs = data as unknown as DataVdev[];
  const name = args['name'] as string;
  const id = job();
  const failed = checkPoolCreate(world, host, name, vdevs);
  const made = failed.length > 0 ? failed : createDataPool(world, host.name, name, vdevs);
  if (!waited) return { ok: true, value: id };
  if (made.length > 0) return { ok: false, errors: made };
  const after = world.lab.hosts.find((h) => h.name === host.name) as Host;
  return { ok: true, value: poolEntry(world, after, dataPools(after).indexOf(name) + 1, name) };
}

/** Runs a `pool.*` method (not pool.dataset.*); null when it is not one. */
export function poolCall(world: World, host: string, method: string, params: PyValue[], job: () => number, waited: boolean): CallResult | null {
  const verb = /^pool\.([a-z_]+)$/.exec(method)?.[1];
  if (!verb) return null;
  const h = world.lab.hosts.find((x) => x.name === host);
  if (!h) return { ok: false, text: 'Method does not exist' };
  const entries = (): Obj[] => dataPools(h).map((name, i) => poolEntry(world, h, i + 1, name));
  switch (verb) {
    case 'query':
      return filterList(entries(), params[0], params[1]);
    case 'get_instance': {
      const id = params[0];
      if (typeof id !== 'number') return { ok: false, errors: [{ attr: 'id', message: id === undefined ? 'Field required' : 'Input should be a valid integer' }] };
      const found = entries().find((e) => e['id'] === id);
      return found ? { ok: true, value: found } : { ok: false, errors: [{ attr: '', errno: 'ENOENT', message: `Pool ${id} does not exist` }] };
    }
    case 'create':
      return poolCreate(world, h, params, job, waited);
    default:
      return { ok: false, text: 'Method does not exist' };
  }
}

/** The pool.* method names answered here. */
export const POOL_METHODS: readonly string[] = ['pool.query', 'pool.get_instance', 'pool.create'];
