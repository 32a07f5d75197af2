/**
 * The TrueNAS middleware calls that build a host's iSCSI target from the lab, in the order
 * the objects depend on each other (../shared/reference/iscsi.md "Setup order"): the
 * datasets and zvols the DISK extents sit on, then portal, initiator groups, CHAP entries,
 * targets (whose groups name the portal and initiator-group ids), extents, target-extents,
 * and the service. Both `truenas-midclt.ts` (a bash script) and `truenas-jsonrpc.ts` (a
 * JSON-RPC 2.0 document) render this one plan, so they cannot disagree.
 *
 * Ids that the middleware assigns are never written as numbers: an argument holds a
 * {@link IdRef} to the step whose result carries the id (`portal-1` for the lab's portal 1).
 * Argument shapes are those of TrueNAS 25.10 (truenas/middleware tag TS-25.10.1,
 * src/middlewared/middlewared/api/v25_10_0/): pool_dataset.py PoolDatasetCreateVolume /
 * PoolDatasetCreateFilesystem, iscsi_portal.py IscsiPortalCreate, iscsi_initiator.py
 * IscsiInitiatorCreate, iscsi_auth.py IscsiAuthCreate, iscsi_extent.py IscsiExtentCreate,
 * iscsi_target.py IscsiTargetCreate, iscsi_target_to_extent.py IscsiTargetToExtentCreate,
 * service.py ServiceUpdateArgs / ServiceControlArgs.
 */
import type { Host } from '../model/host';
import type { IscsiTarget } from '../model/iscsi-target';
import type { Zvol } from '../model/storage';

/** A placeholder for the `id` of an earlier step's result. */
export interface IdRef {
  /** The step whose result's `id` goes here. */
  readonly ref: string;
}

/** An argument value: JSON, with id placeholders. */
export type PlanValue = string | number | boolean | null | IdRef | readonly PlanValue[] | { readonly [key: string]: PlanValue };

/** One step: query for an existing object, create it when missing. */
export interface PlanStep {
  /** Unique name of the step (`portal-1`, `zvol-MyMassStorage/nextcloud`), also the JSON-RPC request id. */
  readonly name: string;
  /** What the step makes, for the script's comments; lab ids only, never a lab string: `portal 1`, `zvol of extent 2`. */
  readonly what: string;
  /** The CRUD namespace: `iscsi.portal`, `pool.dataset`. */
  readonly namespace: string;
  /** Query filters that find the object when it exists (middleware filter_list syntax); null when `match` alone decides. */
  readonly filters: PlanValue | null;
  /** Fields an existing entry must equal (lists of objects: the fields named in the first item) to count as this object. */
  readonly match: { readonly [key: string]: PlanValue };
  /** The `create` argument. */
  readonly create: { readonly [key: string]: PlanValue };
}

/** The whole plan for one host. */
export interface TruenasPlan {
  /** Pools the zvols and datasets need; the scripts check they exist and never create them. */
  readonly pools: readonly string[];
  /** Steps in dependency order. */
  readonly steps: readonly PlanStep[];
  /** Volume or dataset properties the middleware's create call cannot carry: `NAME PROP=VALUE`, set with `zfs set`. */
  readonly leftOut: readonly string[];
  /** Start the iSCSI service (`service.update` enable, then `service.control START`) when there is a target. */
  readonly startService: boolean;
}

/** An id placeholder. */
export function idRef(step: string): IdRef {
  return { ref: step };
}

/** Whether a plan value is an id placeholder. */
export function isIdRef(value: PlanValue): value is IdRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as IdRef).ref === 'string';
}

// pool_dataset.py PoolDatasetCreateVolume.volblocksize: Literal["512", "512B", "1K", ..., "128K"].
function volblocksizeText(bytes: number): string {
  return bytes < 1024 ? String(bytes) : `${bytes / 1024}K`;
}

/** Lab (zfsprops) properties the middleware's PoolDatasetCreate takes, under its own names and upper-case values. */
function middlewareProperties(properties: Record<string, unknown> | undefined, name: string, leftOut: string[]): Record<string, PlanValue> {
  const out: Record<string, PlanValue> = {};
  for (const [key, raw] of Object.entries(properties ?? {})) {
    const value = String(raw);
    // pool_dataset.py PoolDatasetCreate: sync, compression, deduplication (ON|VERIFY|OFF), copies, readonly.
    if (key === 'compression' || key === 'sync' || key === 'readonly') out[key] = value.toUpperCase();
    else if (key === 'dedup' && ['on', 'off', 'verify'].includes(value)) out['deduplication'] = value.toUpperCase();
    else if (key === 'copies') out['copies'] = Number(value);
    else if (key !== 'volblocksize' && key !== 'mountpoint') leftOut.push(`${name} ${key}=${value}`);
  }
  return out;
}

/** The zvol a DISK extent names (`zvol/<pool>/<name>`), if the lab declares it. */
export function extentZvol(host: Host, disk: string | undefined): Zvol | undefined {
  return disk?.startsWith('zvol/') ? host.zvols.find((z) => z.name === disk.slice('zvol/'.length)) : undefined;
}

/** The ordered middleware calls for `host`'s iSCSI target (an empty plan when it has none). */
export function truenasPlan(host: Host): TruenasPlan {
  const cfg: IscsiTarget | undefined = host.iscsi?.target;
  const steps: PlanStep[] = [];
  const leftOut: string[] = [];
  const pools = new Set<string>();
  if (!cfg) return { pools: [], steps, leftOut, startService: false };

  // Datasets and zvols under the DISK extents, parents first.
  const seen = new Set<string>();
  for (const extent of cfg.extents) {
    if (extent.type !== 'DISK' || !extent.disk?.startsWith('zvol/')) continue;
    const name = extent.disk.slice('zvol/'.length);
    const parts = name.split('/');
    pools.add(parts[0] as string);
    for (let depth = 2; depth < parts.length; depth++) {
      const parent = parts.slice(0, depth).join('/');
      if (seen.has(parent)) continue;
      seen.add(parent);
      const declared = host.datasets.find((d) => d.name === parent);
      const props = middlewareProperties(declared?.properties as Record<string, unknown> | undefined, parent, leftOut);
      steps.push({
        name: `dataset-${parent}`,
        what: `dataset above extent ${extent.id}'s zvol`,
        namespace: 'pool.dataset',
        filters: [['id', '=', parent]],
        match: { id: parent },
        create: { name: parent, type: 'FILESYSTEM', ...props },
      });
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const zvol = extentZvol(host, extent.disk);
    if (!zvol) continue; // The model refuses an extent on an undeclared zvol (check-iscsi.ts); nothing to create.
    const props = middlewareProperties(zvol.properties as Record<string, unknown> | undefined, name, leftOut);
    const vbs = zvol.properties?.volblocksize;
    steps.push({
      name: `zvol-${name}`,
      what: `zvol of extent ${extent.id}`,
      namespace: 'pool.dataset',
      filters: [['id', '=', name]],
      match: { id: name, type: 'VOLUME' },
      create: { name, type: 'VOLUME', volsize: zvol.size, ...(typeof vbs === 'number' ? { volblocksize: volblocksizeText(vbs) } : {}), sparse: zvol.sparse, ...props },
    });
  }

  for (const portal of cfg.portals) {
    const listen = portal.listen.map((l) => ({ ip: l.ip }));
    steps.push({ name: `portal-${portal.id}`, what: `portal ${portal.id}`, namespace: 'iscsi.portal', filters: null, match: { listen }, create: { listen, comment: portal.comment } });
  }
  for (const group of cfg.initiators) {
    steps.push({
      name: `initiator-${group.id}`,
      what: `initiator group ${group.id}`,
      namespace: 'iscsi.initiator',
      filters: null,
      match: { initiators: group.initiators, comment: group.comment },
      create: { initiators: group.initiators, comment: group.comment },
    });
  }
  for (const auth of cfg.auths) {
    // iscsi_auth.py: the secrets come back redacted, so an entry is recognised by tag and user.
    steps.push({
      name: `auth-${auth.id}`,
      what: `CHAP entry ${auth.id}`,
      namespace: 'iscsi.auth',
      filters: [['tag', '=', auth.tag], ['user', '=', auth.user]],
      match: { tag: auth.tag, user: auth.user },
      create: { tag: auth.tag, user: auth.user, secret: auth.secret, peeruser: auth.peeruser, peersecret: auth.peersecret },
    });
  }
  for (const target of cfg.targets) {
    // iscsi_target.py IscsiGroup: portal and initiator are ids; auth is the CHAP entries' *tag*.
    const groups = target.groups.map((g) => ({
      portal: idRef(`portal-${g.portal}`),
      initiator: g.initiator === null ? null : idRef(`initiator-${g.initiator}`),
      authmethod: g.authmethod,
      auth: g.auth,
    }));
    steps.push({
      name: `target-${target.id}`,
      what: `target ${target.id}`,
      namespace: 'iscsi.target',
      filters: [['name', '=', target.name]],
      match: { name: target.name },
      create: { name: target.name, ...(target.alias !== undefined ? { alias: target.alias } : {}), mode: target.mode, groups },
    });
  }
  for (const extent of cfg.extents) {
    const create: Record<string, PlanValue> = { name: extent.name, type: extent.type };
    // iscsi_extent.py IscsiExtentCreate: disk `zvol/...` for DISK; path and filesize for FILE.
    if (extent.type === 'DISK' && extent.disk !== undefined) create['disk'] = extent.disk;
    if (extent.type === 'FILE') {
      if (extent.path !== undefined) create['path'] = extent.path;
      if (extent.filesize !== undefined) create['filesize'] = extent.filesize;
    }
    if (extent.serial !== undefined) create['serial'] = extent.serial;
    Object.assign(create, { blocksize: extent.blocksize, rpm: extent.rpm, ro: extent.ro, enabled: extent.enabled, comment: extent.comment });
    steps.push({ name: `extent-${extent.id}`, what: `extent ${extent.id}`, namespace: 'iscsi.extent', filters: [['name', '=', extent.name]], match: { name: extent.name }, create });
  }
  for (const te of cfg.targetextents) {
    const target = idRef(`target-${te.target}`);
    const extent = idRef(`extent-${te.extent}`);
    steps.push({
      name: `targetextent-${te.id}`,
      what: `LUN ${te.lunid} of target ${te.target}`,
      namespace: 'iscsi.targetextent',
      filters: null,
      match: { target, extent },
      create: { target, extent, lunid: te.lunid },
    });
  }
  return { pools: [...pools], steps, leftOut, startService: cfg.targets.length > 0 };
}
