/**
 * The middleware's iSCSI methods (`iscsi.global.config|update`, `iscsi.portal|initiator|
 * auth|extent|target|targetextent.create|update|delete|query|get_instance`) over the lab
 * model: arguments are checked as the 25.10 pydantic models check them, then the change goes
 * through model/edit (`editLab`), whose validation carries the middleware's business rules
 * (model/check-iscsi.ts: portals.py, targets.py, extents.py, targetextents.py wording); ids
 * are assigned by the model. A running `iscsitarget` reloads (re-binds its portals) after
 * each change, as `_service_change('iscsitarget', 'reload')` does.
 */
// @sim midclt iscsi.* | TrueNAS 25.10 middleware plugins/iscsi_/{portal,initiator,auth,extents,targets,target_to_extent,iscsi_global}.py: create/update/delete/query/get_instance, iscsi.global.config/update/sessions, pydantic argument errors, business validation through the lab model, ids from the model
import { canonicalIp } from '../../model/network';
import { fullTargetIqn, type IscsiTarget } from '../../model/iscsi-target';
import { editLab } from '../../model/edit';
import { reloadTargetListeners } from '../iscsi/target-service';
import { stableHash } from '../random';
import type { World } from '../world';
import { checkValue, obj, type ApiError, type Field, type FieldType } from './api-args';
import type { CallResult } from './call-result';
import { authEntry, extentEntry, globalEntry, initiatorEntry, portalEntry, targetEntry, targetextentEntry } from './iscsi-entries';
import { filterList } from './query-filters';
import type { PyValue } from './py-json';

type Obj = { [key: string]: PyValue };
type CollectionKey = 'portals' | 'initiators' | 'auths' | 'extents' | 'targets' | 'targetextents';

const str: FieldType = { kind: 'str' };
const int: FieldType = { kind: 'int' };
const bool: FieldType = { kind: 'bool' };
const AUTH_TYPES = ['NONE', 'CHAP', 'CHAP_MUTUAL'] as const;
const ip: FieldType = { kind: 'str', nonEmpty: true, pattern: /^(?:[0-9.]+|[0-9a-fA-F:]+)$/, patternMessage: 'Value error, value is not a valid IPv4 or IPv6 address' };

/** One CRUD collection: its model list, its API names and fields, and how an argument object becomes a model object. */
interface Collection {
  key: CollectionKey;
  /** The CRUDService verbose name (InstanceNotFound messages). */
  verbose: string;
  create: string;
  update: string;
  cls: string;
  fields: Record<string, Field>;
  entry(world: World, host: string, cfg: IscsiTarget, item: never): Obj;
  /** The model fields an argument object sets (unknown-to-the-model arguments are accepted and dropped). */
  toModel(args: Obj, world: World, host: string): Obj;
}

const pick = (args: Obj, keys: string[]): Obj => Object.fromEntries(keys.filter((k) => k in args).map((k) => [k, args[k] as PyValue]));

const COLLECTIONS: Record<string, Collection> = {
  portal: {
    key: 'portals',
    verbose: 'Iscsi Portal',
    create: 'iscsi_portal_create',
    update: 'iscsi_portal_update',
    cls: 'IscsiPortalCreate',
    fields: { listen: { type: { kind: 'list', of: obj('IscsiPortalIP', { ip: { type: ip, required: true } }) }, required: true }, comment: { type: str } },
    entry: (_w, _h, cfg, p) => portalEntry(cfg, p),
    toModel: (a) => pick(a, ['listen', 'comment']),
  },
  initiator: {
    key: 'initiators',
    verbose: 'Iscsi Initiator',
    create: 'iscsi_initiator_create',
    update: 'iscsi_initiator_update',
    cls: 'IscsiInitiatorCreate',
    fields: { initiators: { type: { kind: 'list', of: str } }, comment: { type: str } },
    entry: (_w, _h, _c, i) => initiatorEntry(i),
    toModel: (a) => pick(a, ['initiators', 'comment']),
  },
  auth: {
    key: 'auths',
    verbose: 'Iscsi Auth',
    create: 'data',
    update: 'data',
    cls: 'IscsiAuthCreate',
    fields: { tag: { type: int, required: true }, user: { type: str, required: true }, secret: { type: str, required: true }, peeruser: { type: str }, peersecret: { type: str }, discovery_auth: { type: { kind: 'literal', values: AUTH_TYPES } } },
    entry: (_w, _h, _c, a) => authEntry(a),
    toModel: (a) => pick(a, ['tag', 'user', 'secret', 'peeruser', 'peersecret']),
  },
  extent: {
    key: 'extents',
    verbose: 'Iscsi Extent',
    create: 'iscsi_extent_create',
    update: 'iscsi_extent_update',
    cls: 'IscsiExtentCreate',
    fields: {
      name: { type: { kind: 'str', nonEmpty: true, max: 64 }, required: true },
      type: { type: { kind: 'literal', values: ['DISK', 'FILE'] } },
      disk: { type: str, nullable: true },
      serial: { type: str, nullable: true },
      path: { type: str, nullable: true },
      filesize: { type: { kind: 'any' } },
      blocksize: { type: { kind: 'literal', values: [512, 1024, 2048, 4096] } },
      pblocksize: { type: bool },
      avail_threshold: { type: { kind: 'int', min: 1, max: 99 }, nullable: true },
      comment: { type: str },
      insecure_tpc: { type: bool },
      xen: { type: bool },
      rpm: { type: { kind: 'literal', values: ['UNKNOWN', 'SSD', '5400', '7200', '10000', '15000'] } },
      ro: { type: bool },
      enabled: { type: bool },
      defer: { type: bool },
    },
    entry: (w, h, _c, e) => extentEntry(w, h, e),
    toModel: (a, world, host) => {
      const out = pick(a, ['name', 'type', 'disk', 'path', 'blocksize', 'rpm', 'ro', 'enabled', 'comment', 'serial']);
      if ('filesize' in a && a['filesize'] !== '0' && a['filesize'] !== 0) out['filesize'] = a['filesize'] as PyValue;
      for (const k of ['disk', 'path', 'serial']) if (out[k] === null) delete out[k];
      // extents.py: a serial is generated when none is given (15 hex digits from the MAC; from the seed here).
      if (!('serial' in out) && typeof a['name'] === 'string') out['serial'] = stableHash(world.seed, 'extent-serial', host, a['name']).toString(16).padStart(8, '0').repeat(2).slice(0, 15);
      return out;
    },
  },
  target: {
    key: 'targets',
    verbose: 'Iscsi Target',
    create: 'iscsi_target_create',
    update: 'iscsi_target_update',
    cls: 'IscsiTargetCreate',
    fields: {
      name: { type: { kind: 'str', nonEmpty: true, max: 120, pattern: /^[-a-z0-9.:]+$/, patternMessage: 'Value error, Name can only contain lowercase alphanumeric charactersplus dot (.), dash (-), and colon (:)' }, required: true },
      alias: { type: str, nullable: true },
      mode: { type: { kind: 'literal', values: ['ISCSI', 'FC', 'BOTH'] } },
      groups: { type: { kind: 'list', of: obj('IscsiGroup', { portal: { type: int, required: true }, initiator: { type: int, nullable: true }, authmethod: { type: { kind: 'literal', values: AUTH_TYPES } }, auth: { type: int, nullable: true } }) } },
      auth_networks: { type: { kind: 'list', of: str } },
      iscsi_parameters: { type: { kind: 'any' }, nullable: true },
      defer: { type: bool },
    },
    entry: (_w, _h, _c, t) => targetEntry(t),
    toModel: (a) => {
      const out = pick(a, ['name', 'alias', 'mode', 'groups']);
      if (out['alias'] === null) delete out['alias'];
      return out;
    },
  },
  targetextent: {
    key: 'targetextents',
    verbose: 'Iscsi Targetextent',
    create: 'iscsi_target_to_extent_create',
    update: 'iscsi_target_to_extent_update',
    cls: 'IscsiTargetToExtentCreate',
    fields: { target: { type: int, required: true }, lunid: { type: int, nullable: true }, extent: { type: int, required: true }, defer: { type: bool } },
    entry: (_w, _h, _c, te) => targetextentEntry(te),
    toModel: (a) => {
      const out = pick(a, ['target', 'extent', 'lunid']);
      if (out['lunid'] === null) delete out['lunid'];
      return out;
    },
  },
};

/** The target configuration of a host, or null when it has none. */
function cfgOf(world: World, host: string): IscsiTarget | null {
  return world.lab.hosts.find((h) => h.name === host)?.iscsi?.target ?? null;
}

/** Model issue paths (`hosts[1].iscsi.target.portals[0].listen[0].ip`) as middleware attributes (`ARG.listen`). */
function issueErrors(argName: string, issues: { path: string; message: string }[] | undefined, message: string): ApiError[] {
  const list = issues && issues.length > 0 ? issues : [{ path: '', message }];
  return list.map((i) => {
    const m = /\.iscsi\.target\.(?:[a-z]+\[\d+\]\.)?([a-z_]+)/.exec(i.path);
    return { attr: m ? `${argName}.${m[1]}` : argName, message: i.message };
  });
}

/** Checks an argument object against a collection's fields (all optional for update). */
function checkArgs(c: Collection, argName: string, value: PyValue | undefined, update: boolean): ApiError[] {
  const errors: ApiError[] = [];
  if (value === undefined) return [{ attr: argName, message: 'Field required' }];
  const fields = update ? Object.fromEntries(Object.entries(c.fields).map(([k, f]) => [k, { ...f, required: false }])) : c.fields;
  checkValue(value, { type: obj(c.cls, fields) }, argName, errors);
  // portal listen IPs: IPvAnyAddress.
  if (c.key === 'portals' && errors.length === 0) {
    const listen = (value as Obj)['listen'];
    if (Array.isArray(listen)) listen.forEach((l, i) => {
      const text = (l as Obj)['ip'];
      if (typeof text === 'string' && !canonicalIp(text)) errors.push({ attr: `${argName}.listen.${i}.ip`, message: 'Value error, value is not a valid IPv4 or IPv6 address' });
    });
  }
  return errors;
}

/** The id argument of update/delete/get_instance. */
function idArg(params: PyValue[], errors: ApiError[]): number {
  const id = params[0];
  if (id === undefined) errors.push({ attr: 'id', message: 'Field required' });
  else checkValue(id, { type: int }, 'id', errors);
  return typeof id === 'number' ? id : -1;
}

/** Whether an initiator in the World has a session to `iqn` on `host` (iscsi.global.sessions). */
function targetInUse(world: World, host: string, iqn: string): boolean {
  const addresses = new Set(world.lab.hosts.find((h) => h.name === host)?.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0])) ?? []);
  const state = world.engines['iscsi'] as { initiators?: Record<string, { sessions: { target: string; address: string }[] }> } | undefined;
  return Object.values(state?.initiators ?? {}).some((i) => i.sessions.some((s) => s.target === iqn && addresses.has(s.address)));
}

/** After a change: a running target re-binds its portals. */
function reload(world: World, host: string): void {
  reloadTargetListeners(world, host);
}

/** Runs `iscsi.NAME.VERB` for a collection. */
function collectionCall(world: World, host: string, c: Collection, verb: string, params: PyValue[]): CallResult {
  const cfg = cfgOf(world, host);
  if (!cfg) return { ok: false, text: 'iSCSI is not configured on this host' };
  const list = () => (cfgOf(world, host)?.[c.key] ?? []) as { id: number }[];
  const render = (item: { id: number }) => c.entry(world, host, cfgOf(world, host) as IscsiTarget, item as never);
  const notFound = (id: number): CallResult => ({ ok: false, errors: [{ attr: '', errno: 'ENOENT', message: `${c.verbose} ${id} does not exist` }] });
  switch (verb) {
    case 'query':
      return filterList(list().map(render), params[0], params[1]);
    case 'get_instance': {
      const errors: ApiError[] = [];
      const id = idArg(params, errors);
      if (errors.length) return { ok: false, errors };
      const item = list().find((i) => i.id === id);
      return item ? { ok: true, value: render(item) } : notFound(id);
    }
    case 'create': {
      const errors = checkArgs(c, c.create, params[0], false);
      if (errors.length) return { ok: false, errors };
      const model = c.toModel(params[0] as Obj, world, host);
      let index = -1;
      const res = editLab(world.lab, (draft) => {
        const t = draft.hosts.find((h) => h.name === host)?.iscsi?.target;
        if (!t) return { ok: false, error: { code: 'no-target', message: 'iSCSI is not configured on this host' } };
        const items = t[c.key] as unknown[];
        items.push(model);
        index = items.length - 1;
        return { ok: true, value: null };
      });
      if (!res.ok) return { ok: false, errors: issueErrors(c.create, res.error.issues, res.error.message) };
      reload(world, host);
      const created = list()[index];
      return created ? { ok: true, value: render(created) } : { ok: false, text: 'created object not found' };
    }
    case 'update': {
      const errors: ApiError[] = [];
      const id = idArg(params, errors);
      if (errors.length) return { ok: false, errors };
      if (!list().some((i) => i.id === id)) return notFound(id);
      const argErrors = checkArgs(c, c.update, params[1], true);
      if (argErrors.length) return { ok: false, errors: argErrors };
      const model = c.toModel(params[1] as Obj, world, host);
      if (c.key === 'extents' && !('serial' in (params[1] as Obj))) delete model['serial'];
      const res = editLab(world.lab, (draft) => {
        const items = (draft.hosts.find((h) => h.name === host)?.iscsi?.target?.[c.key] ?? []) as { id: number }[];
        const item = items.find((i) => i.id === id);
        if (!item) return { ok: false, error: { code: 'not-found', message: `${c.verbose} ${id} does not exist` } };
        Object.assign(item, model);
        return { ok: true, value: null };
      });
      if (!res.ok) return { ok: false, errors: issueErrors(c.update, res.error.issues, res.error.message) };
      reload(world, host);
      const item = list().find((i) => i.id === id);
      return item ? { ok: true, value: render(item) } : notFound(id);
    }
    case 'delete': {
      const errors: ApiError[] = [];
      const id = idArg(params, errors);
      if (errors.length) return { ok: false, errors };
      if (!list().some((i) => i.id === id)) return notFound(id);
      // targets.py do_delete: a target with logged-in initiators is refused unless `force` (the second argument).
      if (c.key === 'targets' && params[1] !== true) {
        const target = cfg.targets.find((t) => t.id === id);
        if (target && targetInUse(world, host, fullTargetIqn(target, cfg.basename))) return { ok: false, text: `[EFAULT] Target ${target.name} is in use.` };
      }
      const res = editLab(world.lab, (draft) => {
        const t = draft.hosts.find((h) => h.name === host)?.iscsi?.target;
        if (!t) return { ok: false, error: { code: 'no-target', message: 'iSCSI is not configured on this host' } };
        const doomed = c.key === 'targets' ? t.targets.find((x) => x.id === id) : undefined;
        removeWithDependents(t, c.key, id);
        // A forced delete drops the initiators' sessions to it (SCST closes them; the initiator's disk then fails I/O).
        if (doomed) {
          const iqn = fullTargetIqn(doomed, t.basename);
          const here = draft.hosts.find((h) => h.name === host);
          const addresses = new Set(here?.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0])) ?? []);
          for (const h of draft.hosts) {
            const initiator = h.iscsi?.initiator;
            if (initiator) initiator.sessions = initiator.sessions.filter((sn) => !(sn.target === iqn && addresses.has(sn.portal.replace(/:\d+$/, ''))));
          }
        }
        return { ok: true, value: null };
      });
      if (!res.ok) return { ok: false, errors: issueErrors(c.key, res.error.issues, res.error.message) };
      reload(world, host);
      return { ok: true, value: true };
    }
    default:
      return { ok: false, text: 'Method does not exist' };
  }
}

/**
 * Removes an object and what the middleware removes with it: a portal's target groups
 * (portal.py do_delete), a target's and an extent's LUN associations (targets.py,
 * extents.py), an initiator group's references (the groups fall back to "any initiator").
 */
function removeWithDependents(t: IscsiTarget, key: CollectionKey, id: number): void {
  const drop = <T extends { id: number }>(items: T[]) => items.filter((i) => i.id !== id);
  switch (key) {
    case 'portals':
      t.portals = drop(t.portals);
      for (const target of t.targets) target.groups = target.groups.filter((g) => g.portal !== id);
      break;
    case 'initiators':
      t.initiators = drop(t.initiators);
      for (const target of t.targets) for (const g of target.groups) if (g.initiator === id) g.initiator = null;
      break;
    case 'auths':
      t.auths = drop(t.auths);
      break;
    case 'extents':
      t.extents = drop(t.extents);
      t.targetextents = t.targetextents.filter((te) => te.extent !== id);
      break;
    case 'targets':
      t.targets = drop(t.targets);
      t.targetextents = t.targetextents.filter((te) => te.target !== id);
      break;
    case 'targetextents':
      t.targetextents = drop(t.targetextents);
      break;
  }
}

/** iscsi.global.config / iscsi.global.update. */
function globalCall(world: World, host: string, verb: string, params: PyValue[]): CallResult {
  const cfg = cfgOf(world, host);
  if (!cfg) return { ok: false, text: 'iSCSI is not configured on this host' };
  if (verb === 'config') return { ok: true, value: globalEntry(cfg) };
  if (verb === 'sessions') return filterList(globalSessions(world, host, cfg), params[0], params[1]);
  if (verb !== 'update') return { ok: false, text: 'Method does not exist' };
  const errors: ApiError[] = [];
  const fields: Record<string, Field> = {
    basename: { type: str },
    isns_servers: { type: { kind: 'list', of: str } },
    listen_port: { type: { kind: 'int', min: 1025, max: 65535 } },
    pool_avail_threshold: { type: { kind: 'int', min: 1, max: 99 }, nullable: true },
    alua: { type: bool },
    iser: { type: bool },
  };
  if (params[0] === undefined) errors.push({ attr: 'iscsi_update', message: 'Field required' });
  else checkValue(params[0], { type: obj('ISCSIGlobalUpdateArgs', fields) }, 'iscsi_update', errors);
  if (errors.length) return { ok: false, errors };
  const args = params[0] as Obj;
  const res = editLab(world.lab, (draft) => {
    const t = draft.hosts.find((h) => h.name === host)?.iscsi?.target;
    if (!t) return { ok: false, error: { code: 'no-target', message: 'iSCSI is not configured on this host' } };
    if (typeof args['basename'] === 'string') t.basename = args['basename'];
    if (typeof args['listen_port'] === 'number') t.listen_port = args['listen_port'];
    return { ok: true, value: null };
  });
  if (!res.ok) return { ok: false, errors: issueErrors('iscsi_update', res.error.issues, res.error.message) };
  reload(world, host);
  const after = cfgOf(world, host);
  return after ? { ok: true, value: globalEntry(after) } : { ok: false, text: 'iSCSI is not configured on this host' };
}

/**
 * iscsi.global.sessions (api/v25_10_0/iscsi_global.py IscsiSession): the initiators logged in
 * to this host's targets. Simplified: the negotiated lengths are given as SCST's defaults.
 */
function globalSessions(world: World, host: string, cfg: IscsiTarget): Obj[] {
  const here = world.lab.hosts.find((h) => h.name === host);
  const addresses = new Set(here?.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0])) ?? []);
  const state = world.engines['iscsi'] as { initiators?: Record<string, { loadedName: string | null; sessions: { target: string; address: string }[] }> } | undefined;
  const out: Obj[] = [];
  for (const [initiatorHost, st] of Object.entries(state?.initiators ?? {})) {
    const from = world.lab.hosts.find((h) => h.name === initiatorHost);
    const addr = from?.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0] as string)).find((a) => a.includes('.')) ?? '';
    for (const sn of st.sessions) {
      if (!addresses.has(sn.address)) continue;
      const target = cfg.targets.find((t) => fullTargetIqn(t, cfg.basename) === sn.target);
      out.push({
        initiator: st.loadedName ?? '',
        initiator_addr: addr,
        initiator_alias: null,
        target: sn.target,
        target_alias: target?.alias ?? '',
        header_digest: 'None',
        data_digest: 'None',
        max_data_segment_length: null,
        max_receive_data_segment_length: 1048576,
        max_xmit_data_segment_length: 262144,
        max_burst_length: 1048576,
        first_burst_length: 65536,
        immediate_data: true,
        iser: false,
        offload: false,
      });
    }
  }
  return out;
}

/** Every iSCSI method name the middleware answers here (for completion and `core.get_methods`-like listings). */
export const ISCSI_METHODS: readonly string[] = [
  'iscsi.global.config',
  'iscsi.global.sessions',
  'iscsi.global.update',
  ...Object.keys(COLLECTIONS).flatMap((name) => ['create', 'update', 'delete', 'query', 'get_instance'].map((verb) => `iscsi.${name}.${verb}`)),
];

/** Runs an `iscsi.*` method; null when the name is not an iSCSI method. */
export function iscsiCall(world: World, host: string, method: string, params: PyValue[]): CallResult | null {
  const m = /^iscsi\.([a-z]+)\.([a-z_]+)$/.exec(method);
  if (!m) return null;
  const [, name, verb] = m as unknown as [string, string, string];
  if (name === 'global') return globalCall(world, host, verb, params);
  const c = COLLECTIONS[name];
  return c ? collectionCall(world, host, c, verb, params) : null;
}
