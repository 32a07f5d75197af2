/**
 * `pool.dataset.create|query|get_instance|delete` (TrueNAS 25.10 api/v25_10_0/pool_dataset.py,
 * plugins/pool_/dataset.py) over the ZFS engine's own operations (`createFilesystem`,
 * `createVolume`, `destroyDataset`: the ones `zfs create` and `zfs destroy` use), so a
 * VOLUME is a real zvol with its /dev/zdN and the lab model changes through model/edit.
 */
// @sim midclt pool.dataset.* | TrueNAS 25.10 plugins/pool_/dataset.py: create FILESYSTEM|VOLUME (volsize, volblocksize, sparse), query/get_instance (PoolDatasetEntry: representative fields), delete [recursive] with its iSCSI extents (attachments.py), the 80% volsize rule; "zpool (X) does not exist.", "Parent dataset (X) does not exist.", "Path X already exists"
import type { Host } from '../../model/host';
import type { World } from '../world';
import { createFilesystem, createVolume, destroyDataset } from '../zfs/dataset-ops';
import { listDatasets, type DatasetReport } from '../zfs/report';
import { checkValue, obj, type ApiError, type Field, type FieldType } from './api-args';
import type { CallResult } from './call-result';
import type { PyValue } from './py-json';
import { iscsiCall } from './iscsi-api';
import { filterList } from './query-filters';

type Obj = { [key: string]: PyValue };

/** zfs_nicenum as `zfs get` shows a size: 1024-based, at most 5 characters ("96K", "1.50G", "10.2G", "1G"). */
export function zfsNicenum(n: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let i = 0;
  while (i < units.length - 1 && n >= 1024 ** (i + 1)) i++;
  if (i === 0) return String(n);
  const v = n / 1024 ** i;
  if (Number.isInteger(v)) return `${v}${units[i]}`;
  for (const digits of [2, 1, 0]) {
    const text = `${v.toFixed(digits)}${units[i]}`;
    if (text.length <= 5) return text;
  }
  return `${Math.round(v)}${units[i]}`;
}

/**
 * A failed zfs operation inside the middleware: a CallError, printed `[EFAULT] Failed to
 * VERB dataset: cannot VERB 'NAME': MESSAGE` (dataset.py wraps libzfs's error).
 */
function datasetError(verb: 'create' | 'destroy', name: string, error: { message: string; more?: string[] }): CallResult {
  const lead = verb === 'create' ? 'Failed to create dataset' : 'Failed to delete dataset';
  return { ok: false, text: `[EFAULT] ${lead}: cannot ${verb} '${name}': ${[error.message, ...(error.more ?? [])].join('\n')}` };
}

/** A PoolDatasetEntryProperty. */
function prop(parsed: PyValue, value: string, source: 'LOCAL' | 'DEFAULT' | 'NONE' | 'INHERITED', rawvalue = value): Obj {
  return { parsed, rawvalue, value, source, source_info: null };
}

const sizeProp = (n: number): Obj => prop(n, zfsNicenum(n), 'NONE', String(n));

/** A PoolDatasetEntry. Simplified: representative fields (space, compression, volume properties, mountpoint). */
function datasetEntry(host: Host, r: DatasetReport, all: DatasetReport[]): Obj {
  const pool = r.name.split('/')[0] as string;
  const zvol = host.zvols.find((z) => z.name === r.name);
  const local = (zvol?.properties ?? host.datasets.find((d) => d.name === r.name)?.properties ?? {}) as Record<string, unknown>;
  const compression = typeof local['compression'] === 'string' ? String(local['compression']) : 'lz4';
  const entry: Obj = {
    id: r.name,
    type: r.type === 'volume' ? 'VOLUME' : 'FILESYSTEM',
    name: r.name,
    pool,
    encrypted: false,
    encryption_root: null,
    key_loaded: false,
    children: all.filter((c) => c.type !== 'snapshot' && c.name.startsWith(`${r.name}/`) && !c.name.slice(r.name.length + 1).includes('/')).map((c) => datasetEntry(host, c, all)),
    user_properties: {},
    locked: false,
    compression: prop(compression.toUpperCase(), compression, 'compression' in local ? 'LOCAL' : r.name === pool ? 'LOCAL' : 'INHERITED'),
    used: sizeProp(r.space.used),
    available: sizeProp(r.space.available),
    usedbydataset: sizeProp(r.space.usedbydataset),
    usedbychildren: sizeProp(r.space.usedbychildren),
    usedbysnapshots: sizeProp(r.space.usedbysnapshots),
    usedbyrefreservation: sizeProp(r.space.usedbyrefreservation),
  };
  if (zvol) {
    const vbs = typeof zvol.properties?.volblocksize === 'number' ? zvol.properties.volblocksize : 16384;
    entry['volsize'] = prop(zvol.size, zfsNicenum(zvol.size), 'LOCAL', String(zvol.size));
    entry['volblocksize'] = prop(vbs, zfsNicenum(vbs), 'volblocksize' in (zvol.properties ?? {}) ? 'LOCAL' : 'DEFAULT', String(vbs));
    entry['sparse'] = prop(zvol.sparse, zvol.sparse ? 'true' : 'false', 'NONE');
    entry['mountpoint'] = null;
  } else {
    entry['mountpoint'] = `/mnt/${r.name}`;
  }
  return entry;
}

const VOLBLOCKSIZES: Record<string, number> = { '512': 512, '512B': 512, '1K': 1024, '2K': 2048, '4K': 4096, '8K': 8192, '16K': 16384, '32K': 32768, '64K': 65536, '128K': 131072 };

const str: FieldType = { kind: 'str' };
const inheritable = (values: string[]): Field => ({ type: { kind: 'literal', values: [...values, 'INHERIT'] } });
const COMMON: Record<string, Field> = {
  name: { type: { kind: 'str', nonEmpty: true }, required: true },
  type: { type: { kind: 'literal', values: ['FILESYSTEM', 'VOLUME'] } },
  comments: { type: str },
  sync: inheritable(['STANDARD', 'ALWAYS', 'DISABLED']),
  snapdev: inheritable(['HIDDEN', 'VISIBLE']),
  compression: inheritable(['ON', 'OFF', 'LZ4', 'GZIP', 'ZSTD', 'ZLE', 'LZJB']),
  exec: inheritable(['ON', 'OFF']),
  managedby: { type: str },
  copies: { type: { kind: 'any' } },
  snapdir: inheritable(['DISABLED', 'VISIBLE', 'HIDDEN']),
  deduplication: inheritable(['ON', 'VERIFY', 'OFF']),
  checksum: { type: { kind: 'any' } },
  readonly: inheritable(['ON', 'OFF']),
  share_type: { type: { kind: 'literal', values: ['GENERIC', 'MULTIPROTOCOL', 'NFS', 'SMB', 'APPS'] } },
  encryption: { type: { kind: 'bool' } },
  encryption_options: { type: { kind: 'any' } },
  inherit_encryption: { type: { kind: 'bool' } },
  user_properties: { type: { kind: 'list', of: { kind: 'any' } } },
  create_ancestors: { type: { kind: 'bool' } },
  reservation: { type: { kind: 'int' } },
  refreservation: { type: { kind: 'int' } },
};
const FILESYSTEM = obj('PoolDatasetCreateFilesystem', { ...COMMON, aclmode: { type: { kind: 'any' } }, acltype: { type: { kind: 'any' } }, atime: inheritable(['ON', 'OFF']), casesensitivity: { type: { kind: 'any' } }, quota: { type: { kind: 'any' }, nullable: true }, refquota: { type: { kind: 'any' }, nullable: true }, recordsize: { type: str } });
const VOLUME = obj('PoolDatasetCreateVolume', { ...COMMON, force_size: { type: { kind: 'bool' } }, sparse: { type: { kind: 'bool' } }, volsize: { type: { kind: 'int' }, required: true }, volblocksize: { type: { kind: 'literal', values: Object.keys(VOLBLOCKSIZES) } } });

/** pool.dataset.create. */
function datasetCreate(world: World, host: Host, params: PyValue[]): CallResult {
  const args = params[0];
  if (args === undefined) return { ok: false, errors: [{ attr: 'data', message: 'Field required' }] };
  const errors: ApiError[] = [];
  const isVolume = args !== null && typeof args === 'object' && !Array.isArray(args) && args['type'] === 'VOLUME';
  // The union is discriminated by `type` (FILESYSTEM by default).
  checkValue(args, { type: isVolume ? VOLUME : FILESYSTEM }, 'data', errors);
  if (errors.length > 0) return { ok: false, errors };
  const a = args as Obj;
  const name = a['name'] as string;
  const at = 'pool_dataset_create';
  const parts = name.split('/');
  const parent = parts.slice(0, -1).join('/');
  const all = listDatasets(world, host.name);
  const problems: ApiError[] = [];
  if (parts.length < 2) problems.push({ attr: `${at}.name`, message: 'Please provide a valid dataset name according to ZFS standards' });
  else if (!all.some((r) => r.name === parent && r.type === 'filesystem')) problems.push({ attr: `${at}.name`, message: parts.length === 2 ? `zpool (${parent}) does not exist.` : `Parent dataset (${parent}) does not exist.` });
  else if (all.some((r) => r.name === name)) problems.push({ attr: `${at}.name`, message: `Path ${name} already exists` });
  const volblocksize = VOLBLOCKSIZES[typeof a['volblocksize'] === 'string' ? a['volblocksize'] : '16K'] as number;
  const volsize = typeof a['volsize'] === 'number' ? a['volsize'] : 0;
  const parentAvail = all.find((r) => r.name === parent)?.space.available ?? 0;
  // dataset.py __common_validation: the 80% rule unless force_size, then the block-size multiple when volblocksize is given.
  if (isVolume && problems.length === 0 && volsize > parentAvail * 0.8 && a['force_size'] !== true) problems.push({ attr: `${at}.volsize`, message: 'It is not recommended to use more than 80% of your available space for VOLUME' });
  if (isVolume && 'volblocksize' in a && volsize % volblocksize !== 0) problems.push({ attr: `${at}.volsize`, message: 'Volume size should be a multiple of volume block size' });
  if (problems.length > 0) return { ok: false, errors: problems };
  // Without volblocksize the middleware leaves the check to zfs (zfs_ioctl: EINVAL, libzfs's wording).
  if (isVolume && volsize % volblocksize !== 0) return datasetError('create', name, { message: 'volume size must be a multiple of volume block size' });
  const compression: Record<string, string> = typeof a['compression'] === 'string' && a['compression'] !== 'INHERIT' ? { compression: a['compression'].toLowerCase() } : {};
  const volumeProps: Record<string, string | number> = { ...compression, ...('volblocksize' in a ? { volblocksize } : {}) };
  const made = isVolume
    ? createVolume(world, host.name, name, a['volsize'] as number, a['sparse'] === true, volumeProps)
    : createFilesystem(world, host.name, name, compression);
  if (!made.ok) return datasetError('create', name, made.error);
  const after = world.lab.hosts.find((h) => h.name === host.name) as Host;
  const reports = listDatasets(world, host.name);
  const r = reports.find((x) => x.name === name) as DatasetReport;
  return { ok: true, value: datasetEntry(after, r, reports) };
}

/**
 * The iSCSI attachments of a dataset go with it (plugins/iscsi_/attachments.py
 * ISCSIFSAttachmentDelegate.delete): its DISK extents at or below `zvol/NAME` and their LUN
 * associations, then targets left without a LUN (forced: their sessions drop), and the
 * service reloads — through the middleware's own iscsi.* methods.
 */
function deleteIscsiAttachments(world: World, host: string, name: string): void {
  const cfg = world.lab.hosts.find((h) => h.name === host)?.iscsi?.target;
  if (!cfg) return;
  const path = `zvol/${name}`;
  const doomed = cfg.extents.filter((e) => e.type === 'DISK' && (e.disk === path || e.disk?.startsWith(`${path}/`)));
  const orphans = new Set(cfg.targetextents.filter((te) => doomed.some((e) => e.id === te.extent)).map((te) => te.target));
  for (const e of doomed) iscsiCall(world, host, 'iscsi.extent.delete', [e.id]);
  const after = world.lab.hosts.find((h) => h.name === host)?.iscsi?.target;
  for (const te of after?.targetextents ?? []) orphans.delete(te.target);
  for (const id of orphans) iscsiCall(world, host, 'iscsi.target.delete', [id, true]);
}

/** Runs a `pool.dataset.*` method; null when it is not one. */
export function datasetCall(world: World, hostName: string, method: string, params: PyValue[]): CallResult | null {
  const verb = /^pool\.dataset\.([a-z_]+)$/.exec(method)?.[1];
  if (!verb) return null;
  const host = world.lab.hosts.find((h) => h.name === hostName);
  if (!host) return { ok: false, text: 'Method does not exist' };
  // The boot pool's datasets are internal (pool.dataset.query hides them).
  const reports = (): DatasetReport[] => listDatasets(world, hostName).filter((r) => r.type !== 'snapshot' && r.pool.name !== 'boot-pool');
  switch (verb) {
    case 'query': {
      const all = reports();
      return filterList(all.map((r) => datasetEntry(host, r, all)), params[0], params[1]);
    }
    case 'get_instance': {
      const all = reports();
      const r = all.find((x) => x.name === params[0]);
      return r ? { ok: true, value: datasetEntry(host, r, all) } : { ok: false, errors: [{ attr: '', errno: 'ENOENT', message: `PoolDataset ${String(params[0])} does not exist` }] };
    }
    case 'create':
      return datasetCreate(world, host, params);
    case 'delete': {
      const id = params[0];
      if (typeof id !== 'string') return { ok: false, errors: [{ attr: 'id', message: id === undefined ? 'Field required' : 'Input should be a valid string' }] };
      const options = (params[1] ?? {}) as Obj;
      if (!reports().some((r) => r.name === id)) return { ok: false, errors: [{ attr: '', errno: 'ENOENT', message: `PoolDataset ${id} does not exist` }] };
      if (!options['recursive'] && reports().some((r) => r.name.startsWith(`${id}/`))) return datasetError('destroy', id, { message: 'filesystem has children', more: ["use '-r' to destroy the following datasets:", ...reports().filter((r) => r.name.startsWith(`${id}/`)).map((r) => r.name)] });
      deleteIscsiAttachments(world, hostName, id);
      const gone = destroyDataset(world, hostName, id, options['recursive'] === true);
      return gone.ok ? { ok: true, value: true } : datasetError('destroy', id, gone.error);
    }
    default:
      return { ok: false, text: 'Method does not exist' };
  }
}

/** The pool.dataset.* method names answered here. */
export const DATASET_METHODS: readonly string[] = ['pool.dataset.create', 'pool.dataset.query', 'pool.dataset.get_instance', 'pool.dataset.delete'];
