/**
 * Who may see and log in to which target, as TrueNAS configures SCST: a target is offered on
 * the portals of its groups; a group's initiator group lists initiator *names* (an empty list,
 * or no group, allows every initiator); the names are compared as iSCSI names, so an IP
 * address in the list matches no initiator at all (scst.conf.mako writes each entry as an
 * `INITIATOR` line of the target's security group). CHAP and mutual CHAP follow the group's
 * `authmethod` and its auth entries (by tag).
 */
// @sim iscsi access | TrueNAS 25.10 scst.conf.mako: targets per portal group, INITIATOR name ACLs (an IP matches nobody, an empty group allows all), CHAP/CHAP_MUTUAL by auth tag
import { fullTargetIqn, type Extent, type IscsiTarget, type Portal, type Target } from '../../model/iscsi-target';

/** A group of a target. */
export type TargetGroup = Target['groups'][number];

/** True when `portal` listens on `address` (or on every address). */
export function portalListensOn(portal: Portal, address: string): boolean {
  return portal.listen.some((l) => l.ip === address || l.ip === '0.0.0.0' || l.ip === '::');
}

/** The portal's tag: its place among the portals, from 1 (middleware portal.py renumbers tags on delete). */
export function portalTag(cfg: IscsiTarget, portalId: number): number {
  return cfg.portals.findIndex((p) => p.id === portalId) + 1;
}

/** Why an initiator may not use a target group, or null when it may. */
export function groupDenies(cfg: IscsiTarget, group: TargetGroup, initiatorName: string): string | null {
  if (group.initiator === null) return null;
  const ig = cfg.initiators.find((i) => i.id === group.initiator);
  if (!ig || ig.initiators.length === 0) return null;
  // iSCSI names compare case-insensitively (RFC 3722 stringprep lower-cases them).
  const wanted = initiatorName.toLowerCase();
  if (ig.initiators.some((entry) => entry.toLowerCase() === wanted)) return null;
  const addresses = ig.initiators.filter((entry) => /^[0-9.]+(\/\d+)?$/.test(entry));
  return addresses.length > 0
    ? `initiator group ${ig.id} lists ${addresses.join(', ')}: an IP address matches no initiator name; list ${initiatorName}`
    : `initiator group ${ig.id} does not list ${initiatorName}`;
}

/** The group of `target` on a portal listening at `address`, if any. */
export function groupAt(cfg: IscsiTarget, target: Target, address: string): TargetGroup | undefined {
  return target.groups.find((g) => {
    const portal = cfg.portals.find((p) => p.id === g.portal);
    return portal !== undefined && portalListensOn(portal, address);
  });
}

/** A target as an initiator sees it through one portal. */
export interface OfferedTarget {
  iqn: string;
  target: Target;
  group: TargetGroup;
  tpgt: number;
}

/** The targets SendTargets offers `initiatorName` on a connection to `address` (iscsi-scstd only lists targets the initiator may access). */
export function offeredTargets(cfg: IscsiTarget, initiatorName: string, address: string): OfferedTarget[] {
  const out: OfferedTarget[] = [];
  for (const target of cfg.targets) {
    const group = groupAt(cfg, target, address);
    if (!group || groupDenies(cfg, group, initiatorName) !== null) continue;
    out.push({ iqn: fullTargetIqn(target, cfg.basename), target, group, tpgt: portalTag(cfg, group.portal) });
  }
  return out;
}

/** A target by its full IQN. */
export function targetByIqn(cfg: IscsiTarget, iqn: string): Target | undefined {
  return cfg.targets.find((t) => fullTargetIqn(t, cfg.basename) === iqn.toLowerCase());
}

/** The LUNs of a target, lowest first, with their extents (disabled extents are not served). */
export function targetLuns(cfg: IscsiTarget, target: Target): { lun: number; extent: Extent }[] {
  return cfg.targetextents
    .filter((te) => te.target === target.id)
    .map((te) => ({ lun: te.lunid, extent: cfg.extents.find((e) => e.id === te.extent) }))
    .filter((l): l is { lun: number; extent: Extent } => l.extent !== undefined && l.extent.enabled)
    .sort((a, b) => a.lun - b.lun);
}

/** CHAP credentials an initiator offers (node.session.auth.*). */
export interface ChapOffer {
  authmethod: 'None' | 'CHAP';
  username: string;
  password: string;
  username_in: string;
  password_in: string;
}

/**
 * Whether a login with `offer` passes the group's authentication: NONE accepts anyone (an
 * initiator offering CHAP,None gets None); CHAP needs a user and secret of an auth entry with
 * the group's tag; CHAP_MUTUAL also needs the initiator to check the target's peer user and
 * secret. Returns null when it passes, else why not.
 */
export function chapDenies(cfg: IscsiTarget, group: TargetGroup, offer: ChapOffer): string | null {
  if (group.authmethod === 'NONE') return null;
  if (offer.authmethod !== 'CHAP') return `the target requires ${group.authmethod === 'CHAP' ? 'CHAP' : 'mutual CHAP'}; set node.session.auth.authmethod = CHAP`;
  const entries = cfg.auths.filter((a) => a.tag === group.auth);
  const match = entries.find((a) => a.user === offer.username && a.secret === offer.password);
  if (!match) return `no auth entry with tag ${group.auth} has user ${JSON.stringify(offer.username)} and that secret`;
  if (group.authmethod === 'CHAP_MUTUAL' && (match.peeruser !== offer.username_in || match.peersecret !== offer.password_in)) {
    return `mutual CHAP: the initiator expects ${JSON.stringify(offer.username_in)}, the target answers as ${JSON.stringify(match.peeruser)}`;
  }
  return null;
}
