/**
 * Reference checks for iSCSI: the TrueNAS target objects of a host refer to each other by id
 * (and auth by tag) the way the middleware checks them (truenas/middleware
 * plugins/iscsi_/targets.py, extents.py, targetextents.py, portals.py — same wording), and
 * an initiator's logged-in sessions point at a target that exists in the lab.
 */
import { checkIqn } from './names';
import type { Host } from './host';
import { hostHasIp } from './host';
import { fullTargetIqn } from './iscsi-target';
import { parsePortalAddress } from './iscsi-initiator';
import type { Lab } from './lab';
import { canonicalIp } from './network';
import { pathIssue, q, listOrNone, type PathIssue } from './path-issue';

/** Report ids used twice in one list of iSCSI objects. */
function duplicateIds(items: readonly { id: number }[], at: (string | number)[], what: string): PathIssue[] {
  const seen = new Set<number>();
  const out: PathIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push(pathIssue([...at, i, 'id'], 'duplicate', `${what} id ${item.id} is used twice`, 'give each one its own id, or leave ids out'));
    seen.add(item.id);
  });
  return out;
}

/** Check a host's iSCSI target configuration. `at` is the host's path. */
export function checkIscsiTarget(host: Host, at: (string | number)[]): PathIssue[] {
  const cfg = host.iscsi?.target;
  if (!cfg) return [];
  const base = [...at, 'iscsi', 'target'];
  const issues: PathIssue[] = [];
  if (host.kind === 'proxmox') {
    issues.push(pathIssue(base, 'host-kind', `an iSCSI target belongs on a truenas or linux host; ${host.name} is a proxmox host`, 'move iscsi.target to the storage host'));
  }
  issues.push(...duplicateIds(cfg.portals, [...base, 'portals'], 'portal'));
  issues.push(...duplicateIds(cfg.initiators, [...base, 'initiators'], 'initiator group'));
  issues.push(...duplicateIds(cfg.auths, [...base, 'auths'], 'authorized access'));
  issues.push(...duplicateIds(cfg.extents, [...base, 'extents'], 'extent'));
  issues.push(...duplicateIds(cfg.targets, [...base, 'targets'], 'target'));
  issues.push(...duplicateIds(cfg.targetextents, [...base, 'targetextents'], 'target-extent'));

  // portals.py: every listen IP must be configured here (or a wildcard), and used once.
  const listening = new Set<string>();
  cfg.portals.forEach((portal, p) => {
    portal.listen.forEach((listen, l) => {
      const where = [...base, 'portals', p, 'listen', l, 'ip'];
      const ip = canonicalIp(listen.ip)?.canonical ?? listen.ip;
      const wildcard = ip === '0.0.0.0' || ip === '0:0:0:0:0:0:0:0';
      if (!wildcard && !hostHasIp(host, listen.ip)) issues.push(pathIssue(where, 'reference', `IP ${listen.ip} not configured on this system.`, `addresses of ${host.name}: ${listOrNone(host.interfaces.flatMap((i) => i.addresses), 'none')}`));
      else if (listening.has(ip)) issues.push(pathIssue(where, 'duplicate', `'${listen.ip}' IP is already in use.`));
      listening.add(ip);
    });
  });

  // extents.py clean_type_and_path and name uniqueness.
  const zvols = new Set(host.zvols.map((z) => z.name));
  const extentNames = new Set<string>();
  cfg.extents.forEach((extent, e) => {
    const where = [...base, 'extents', e];
    if (extentNames.has(extent.name)) issues.push(pathIssue([...where, 'name'], 'duplicate', 'Extent name must be unique'));
    extentNames.add(extent.name);
    if (extent.type === 'DISK') {
      if (!extent.disk) issues.push(pathIssue([...where, 'disk'], 'missing', 'This field is required', 'write disk: zvol/<pool>/<zvol>'));
      else if (!extent.disk.startsWith('zvol/')) issues.push(pathIssue([...where, 'disk'], 'extent-disk', 'Disk name must start with "zvol/"', `write zvol/${extent.disk.replace(/^\/?(dev\/)?(zvol\/)?/, '')}`));
      else {
        const name = extent.disk.slice('zvol/'.length);
        if (!zvols.has(name)) {
          issues.push(pathIssue([...where, 'disk'], 'reference', `Device '/dev/zvol/${name}' for volume '${name}' does not exist`, `zvols on ${host.name}: ${listOrNone([...zvols], 'none; add one under zvols')}`));
        }
      }
    } else if (!extent.path) {
      issues.push(pathIssue([...where, 'path'], 'missing', 'This field is required', 'write path: /mnt/<pool>/<file>'));
    }
  });

  // targets.py __validate.
  const portalIds = new Set(cfg.portals.map((p) => p.id));
  const initiatorIds = new Set(cfg.initiators.map((i) => i.id));
  const names = new Set<string>();
  const aliases = new Set<string>();
  cfg.targets.forEach((target, t) => {
    const where = [...base, 'targets', t];
    if (names.has(target.name)) issues.push(pathIssue([...where, 'name'], 'duplicate', 'Target with this name already exists'));
    names.add(target.name);
    const full = fullTargetIqn(target, cfg.basename);
    const iqnProblem = checkIqn(full);
    if (iqnProblem) issues.push(pathIssue([...where, 'name'], 'iqn', `full target name "${full.length > 60 ? `${full.slice(0, 60)}…` : full}": ${iqnProblem}`, 'use a shorter target name or basename'));
    if (target.alias !== undefined && target.alias !== '') {
      if (aliases.has(target.alias)) issues.push(pathIssue([...where, 'alias'], 'duplicate', 'Alias already exists'));
      aliases.add(target.alias);
    }
    const used = new Set<number>();
    target.groups.forEach((group, g) => {
      const gAt = [...where, 'groups', g];
      if (used.has(group.portal)) issues.push(pathIssue([...gAt, 'portal'], 'duplicate', `Portal ${group.portal} cannot be duplicated on a target`));
      else if (!portalIds.has(group.portal)) issues.push(pathIssue([...gAt, 'portal'], 'reference', `${group.portal} Portal not found in database`, `portal ids: ${listOrNone([...portalIds], 'none; add one under portals')}`));
      used.add(group.portal);
      if (group.initiator !== null && !initiatorIds.has(group.initiator)) {
        issues.push(pathIssue([...gAt, 'initiator'], 'reference', `${group.initiator} Initiator not found in database`, `initiator group ids: ${listOrNone([...initiatorIds], 'none; add one under initiators')}`));
      }
      const auths = group.auth === null ? [] : cfg.auths.filter((a) => a.tag === group.auth);
      if (group.auth === null && group.authmethod !== 'NONE') {
        issues.push(pathIssue([...gAt, 'auth'], 'reference', 'Authentication group is required for CHAP and CHAP Mutual', 'set auth to the tag of an entry under auths'));
      } else if (group.auth !== null && auths.length === 0) {
        issues.push(pathIssue([...gAt, 'auth'], 'reference', 'Authentication group not found', `auth tags: ${listOrNone([...new Set(cfg.auths.map((a) => a.tag))], 'none; add one under auths')}`));
      } else if (group.authmethod === 'CHAP_MUTUAL' && !auths.some((a) => a.peeruser)) {
        issues.push(pathIssue([...gAt, 'auth'], 'reference', `Authentication group ${group.auth} does not support CHAP Mutual`, 'set peeruser and peersecret on that auth entry'));
      }
    });
  });

  // targetextents.py validate.
  const targetIds = new Set(cfg.targets.map((t) => t.id));
  const extentIds = new Set(cfg.extents.map((e) => e.id));
  const lunsByTarget = new Map<number, Set<number>>();
  const usedExtents = new Set<number>();
  cfg.targetextents.forEach((te, i) => {
    const where = [...base, 'targetextents', i];
    if (!targetIds.has(te.target)) issues.push(pathIssue([...where, 'target'], 'reference', `${te.target} Target not found in database`, `target ids: ${listOrNone([...targetIds], 'none')}`));
    if (!extentIds.has(te.extent)) issues.push(pathIssue([...where, 'extent'], 'reference', `${te.extent} Extent not found in database`, `extent ids: ${listOrNone([...extentIds], 'none')}`));
    const luns = lunsByTarget.get(te.target) ?? new Set<number>();
    lunsByTarget.set(te.target, luns);
    if (luns.has(te.lunid)) issues.push(pathIssue([...where, 'lunid'], 'duplicate', 'LUN ID is already being used for this target.'));
    luns.add(te.lunid);
    if (usedExtents.has(te.extent)) issues.push(pathIssue([...where, 'extent'], 'duplicate', 'Extent is already in use.'));
    usedExtents.add(te.extent);
  });
  return issues;
}

/** The lab host that answers at a portal address (by IP, or by name/hostname). */
function hostAt(lab: Lab, address: string): Host | undefined {
  return canonicalIp(address) ? lab.hosts.find((h) => hostHasIp(h, address)) : lab.hosts.find((h) => h.name === address || h.hostname === address);
}

/** Check a host's initiator configuration and sessions against the lab. */
export function checkIscsiInitiator(lab: Lab, host: Host, at: (string | number)[]): PathIssue[] {
  const initiator = host.iscsi?.initiator;
  if (!initiator) return [];
  const base = [...at, 'iscsi', 'initiator'];
  const issues: PathIssue[] = [];
  if (host.kind === 'truenas') {
    issues.push(pathIssue(base, 'host-kind', `the iSCSI initiator belongs on a proxmox or linux host; ${host.name} is a truenas host`, 'move iscsi.initiator to the host that uses the LUN'));
  }
  const seen = new Set<string>();
  initiator.sessions.forEach((session, s) => {
    const where = [...base, 'sessions', s];
    const portal = parsePortalAddress(session.portal);
    if (!portal) return;
    const key = `${session.target} ${portal.host}:${portal.port}`;
    if (seen.has(key)) issues.push(pathIssue(where, 'duplicate', `a session to ${session.target} at ${session.portal} is listed twice`));
    seen.add(key);
    const server = hostAt(lab, portal.host);
    if (!server) {
      issues.push(pathIssue([...where, 'portal'], 'reference', `no host in this lab has the address ${q(portal.host)}`, 'use the address of the storage host'));
      return;
    }
    const cfg = server.iscsi?.target;
    if (!cfg) {
      issues.push(pathIssue([...where, 'portal'], 'reference', `${server.name} has no iSCSI target configured`, `add iscsi.target to ${server.name}`));
      return;
    }
    if (portal.port !== cfg.listen_port) {
      issues.push(pathIssue([...where, 'portal'], 'reference', `${server.name} listens for iSCSI on port ${cfg.listen_port}, not ${portal.port}`));
    }
    const iqns = cfg.targets.map((t) => fullTargetIqn(t, cfg.basename));
    if (!iqns.includes(session.target)) {
      issues.push(pathIssue([...where, 'target'], 'reference', `${server.name} has no target ${q(session.target)}`, `targets on ${server.name}: ${listOrNone(iqns, 'none')}`));
    }
  });
  return issues;
}
