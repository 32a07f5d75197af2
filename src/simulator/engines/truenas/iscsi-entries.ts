/**
 * The middleware's view of the model's iSCSI objects: each object rendered as its 25.10
 * `*Entry` model, fields in the model's order (pydantic serialises in declaration order):
 * api/v25_10_0/iscsi_portal.py IscsiPortalEntry, iscsi_initiator.py, iscsi_auth.py,
 * iscsi_extent.py, iscsi_target.py, iscsi_target_to_extent.py, iscsi_global.py.
 */
import type { Auth, Extent, InitiatorGroup, IscsiTarget, Portal, Target, TargetExtent } from '../../model/iscsi-target';
import { stableHash } from '../random';
import type { World } from '../world';
import type { PyValue } from './py-json';

type Obj = { [key: string]: PyValue };

/** iscsi.global.config. */
export function globalEntry(cfg: IscsiTarget): Obj {
  return { id: 1, basename: cfg.basename, isns_servers: [], listen_port: cfg.listen_port, pool_avail_threshold: null, alua: false, iser: false };
}

/** A portal: listen entries carry the global port; the tag is its place, from 1 (portal.py renumbers on delete). */
export function portalEntry(cfg: IscsiTarget, p: Portal): Obj {
  return { id: p.id, listen: p.listen.map((l) => ({ ip: l.ip, port: cfg.listen_port })), tag: cfg.portals.indexOf(p) + 1, comment: p.comment };
}

/** An initiator group. */
export function initiatorEntry(i: InitiatorGroup): Obj {
  return { id: i.id, initiators: [...i.initiators], comment: i.comment };
}

/** An authorized-access entry (secrets shown: root on the local socket has FULL_ADMIN). */
export function authEntry(a: Auth): Obj {
  return { id: a.id, tag: a.tag, user: a.user, secret: a.secret, peeruser: a.peeruser, peersecret: a.peersecret, discovery_auth: 'NONE' };
}

/** extents.py: the NAA id, "0x6589cfc000000" and 19 hex digits of a hash (derived from the seed here). */
function naaOf(world: World, host: string, e: Extent): string {
  const a = stableHash(world.seed, 'naa', host, e.name).toString(16).padStart(8, '0');
  const b = stableHash(world.seed, 'naa2', host, e.name).toString(16).padStart(8, '0');
  const c = stableHash(world.seed, 'naa3', host, e.name).toString(16).padStart(8, '0');
  return `0x6589cfc000000${(a + b + c).slice(0, 19)}`;
}

/** An extent (a DISK extent's path is its disk, as extents.py clean_type_and_path sets it). */
export function extentEntry(world: World, host: string, e: Extent): Obj {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    disk: e.type === 'DISK' ? (e.disk ?? null) : null,
    serial: e.serial ?? null,
    path: e.type === 'DISK' ? (e.disk ?? null) : (e.path ?? null),
    filesize: e.type === 'FILE' ? String(e.filesize ?? 0) : '0',
    blocksize: e.blocksize,
    pblocksize: false,
    avail_threshold: null,
    comment: e.comment,
    naa: naaOf(world, host, e),
    insecure_tpc: true,
    xen: false,
    rpm: e.rpm,
    ro: e.ro,
    enabled: e.enabled,
    vendor: 'TrueNAS',
    locked: false,
  };
}

/** A target. */
export function targetEntry(t: Target): Obj {
  return {
    id: t.id,
    name: t.name,
    alias: t.alias ?? null,
    mode: t.mode,
    groups: t.groups.map((g) => ({ portal: g.portal, initiator: g.initiator, authmethod: g.authmethod, auth: g.auth })),
    auth_networks: [],
    rel_tgt_id: t.id,
    iscsi_parameters: null,
  };
}

/** A target-extent association. */
export function targetextentEntry(te: TargetExtent): Obj {
  return { id: te.id, target: te.target, lunid: te.lunid, extent: te.extent };
}
