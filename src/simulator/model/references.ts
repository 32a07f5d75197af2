/**
 * Cross-reference checks, run once the lab has a valid shape: names that must exist, things
 * that must be unique, rules that span several objects. Every problem is collected, with
 * its path; the per-area rules live in check-storage.ts, check-iscsi.ts and check-guests.ts.
 */
import { checkHostGuests } from './check-guests';
import { checkIscsiInitiator, checkIscsiTarget } from './check-iscsi';
import { checkHostStorage } from './check-storage';
import type { Host } from './host';
import type { Lab } from './lab';
import { canonicalIp, parseCidr } from './network';
import { pathIssue, q, listOrNone, type PathIssue } from './path-issue';

/** Check every cross-reference of a shaped lab; returns all problems found. */
export function checkReferences(lab: Lab): PathIssue[] {
  const issues: PathIssue[] = [];
  const zoneIds = new Set<string>();
  lab.zones.forEach((zone, z) => {
    if (zoneIds.has(zone.id)) issues.push(pathIssue(['zones', z, 'id'], 'duplicate', `zone ${q(zone.id)} is defined twice`));
    zoneIds.add(zone.id);
  });
  const checkZone = (zone: string | undefined, at: (string | number)[]) => {
    if (zone !== undefined && !zoneIds.has(zone)) issues.push(pathIssue(at, 'reference', `zone ${q(zone)} is not defined`, `add it under zones, or use one of: ${listOrNone([...zoneIds], 'none defined')}`));
  };

  const hostNames = new Map<string, number>();
  lab.hosts.forEach((host, h) => {
    const at = ['hosts', h];
    if (hostNames.has(host.name)) issues.push(pathIssue([...at, 'name'], 'duplicate', `host name ${q(host.name)} is used twice`, 'give each host its own name'));
    hostNames.set(host.name, h);
    checkZone(host.zone, [...at, 'zone']);
    const ifaces = new Set<string>();
    host.interfaces.forEach((iface, i) => {
      if (ifaces.has(iface.name)) issues.push(pathIssue([...at, 'interfaces', i, 'name'], 'duplicate', `interface ${q(iface.name)} is defined twice`));
      ifaces.add(iface.name);
      checkZone(iface.zone, [...at, 'interfaces', i, 'zone']);
    });
    issues.push(...checkAccounts(host, at));
    issues.push(...checkHostStorage(host, at));
    issues.push(...checkIscsiTarget(host, at));
    issues.push(...checkIscsiInitiator(lab, host, at));
    issues.push(...checkHostGuests(host, at));
  });
  issues.push(...checkUniqueAddresses(lab));
  issues.push(...checkUniqueVmids(lab));

  const zoneKinds = new Set(lab.zones.map((z) => z.kind));
  lab.services.forEach((service, s) => {
    const host = lab.hosts.find((h) => h.name === service.host);
    if (!host) {
      issues.push(pathIssue(['services', s, 'host'], 'reference', `no host named ${q(service.host)}`, `hosts: ${lab.hosts.map((h) => h.name).join(', ')}`));
    } else if (service.guest !== undefined && !host.containers.some((c) => c.vmid === service.guest) && !host.vms.some((v) => v.vmid === service.guest)) {
      const guests = [...host.containers.map((c) => c.vmid), ...host.vms.map((v) => v.vmid)];
      issues.push(pathIssue(['services', s, 'guest'], 'reference', `no container or VM ${service.guest} on ${host.name}`, `guests on ${host.name}: ${listOrNone(guests, 'none')}`));
    }
    service.ports.forEach((port, p) => {
      if (port.exposure !== 'local' && lab.zones.length > 0 && !zoneKinds.has(port.exposure)) {
        issues.push(pathIssue(['services', s, 'ports', p, 'exposure'], 'reference', `no zone of kind ${q(port.exposure)} in this lab`, `add a zone with kind: ${port.exposure}, or use one of: ${[...zoneKinds, 'local'].join(', ')}`));
      }
    });
  });
  lab.links.forEach((link, l) => {
    for (const end of ['from', 'to'] as const) {
      if (!hostNames.has(link[end])) issues.push(pathIssue(['links', l, end], 'reference', `no host named ${q(link[end])}`, `hosts: ${lab.hosts.map((h) => h.name).join(', ')}`));
    }
  });
  return issues;
}

/** Users and groups: unique names and ids, groups and members that exist (shadow-utils wording). */
function checkAccounts(host: Host, at: (string | number)[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const userNames = new Set<string>();
  const uids = new Set<number>();
  const gids = new Set(host.groups.map((g) => g.gid));
  host.users.forEach((user, u) => {
    if (userNames.has(user.name)) issues.push(pathIssue([...at, 'users', u, 'name'], 'duplicate', `useradd: user ${q(user.name)} already exists`));
    else if (uids.has(user.uid)) issues.push(pathIssue([...at, 'users', u, 'uid'], 'duplicate', `useradd: UID ${user.uid} is not unique`));
    if (host.groups.length > 0 && !gids.has(user.gid)) issues.push(pathIssue([...at, 'users', u, 'gid'], 'reference', `useradd: group '${user.gid}' does not exist`, 'add the group under groups'));
    userNames.add(user.name);
    uids.add(user.uid);
  });
  const groupNames = new Set<string>();
  const seenGids = new Set<number>();
  host.groups.forEach((group, g) => {
    if (groupNames.has(group.name)) issues.push(pathIssue([...at, 'groups', g, 'name'], 'duplicate', `groupadd: group ${q(group.name)} already exists`));
    else if (seenGids.has(group.gid)) issues.push(pathIssue([...at, 'groups', g, 'gid'], 'duplicate', `groupadd: GID '${group.gid}' already exists`));
    groupNames.add(group.name);
    seenGids.add(group.gid);
    group.members?.forEach((member, m) => {
      if (!userNames.has(member)) issues.push(pathIssue([...at, 'groups', g, 'members', m], 'reference', `user ${q(member)} does not exist`, 'add the user under users'));
    });
  });
  return issues;
}

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '0:0:0:0:0:0:0:1';
}

/** Every static address in the lab (hosts' interfaces and containers' netN) is used once. */
function checkUniqueAddresses(lab: Lab): PathIssue[] {
  const issues: PathIssue[] = [];
  const owners = new Map<string, string>();
  const claim = (cidr: string, owner: string, at: (string | number)[]) => {
    const parsed = parseCidr(cidr);
    const ip = parsed ? canonicalIp(parsed.address)?.canonical : undefined;
    if (ip === undefined || isLoopback(ip) || !parsed) return;
    const first = owners.get(ip);
    if (first !== undefined) issues.push(pathIssue(at, 'duplicate', `address ${parsed.address} is already used by ${first}`, 'give each interface its own address'));
    else owners.set(ip, owner);
  };
  lab.hosts.forEach((host, h) => {
    host.interfaces.forEach((iface, i) => iface.addresses.forEach((cidr, a) => claim(cidr, `${host.name} (${iface.name})`, ['hosts', h, 'interfaces', i, 'addresses', a])));
  });
  lab.hosts.forEach((host, h) => {
    host.containers.forEach((ct, c) =>
      ct.net.forEach((net, n) => {
        if (net.ip !== undefined && net.ip !== 'dhcp' && net.ip !== 'manual') claim(net.ip, `CT ${ct.vmid} on ${host.name} (${net.name})`, ['hosts', h, 'containers', c, 'net', n, 'ip']);
      }),
    );
  });
  return issues;
}

/** VMIDs are unique across the cluster (pve-cluster PVE/Cluster.pm check_vmid_unused); here, across the lab. */
function checkUniqueVmids(lab: Lab): PathIssue[] {
  const issues: PathIssue[] = [];
  const owners = new Map<number, string>();
  lab.hosts.forEach((host, h) => {
    const guests = [
      ...host.containers.map((ct, c) => ({ vmid: ct.vmid, type: 'CT', at: ['hosts', h, 'containers', c, 'vmid'] })),
      ...host.vms.map((vm, v) => ({ vmid: vm.vmid, type: 'VM', at: ['hosts', h, 'vms', v, 'vmid'] })),
    ];
    for (const guest of guests) {
      const first = owners.get(guest.vmid);
      if (first !== undefined) issues.push(pathIssue(guest.at, 'duplicate', first, 'pick an unused VMID'));
      else owners.set(guest.vmid, `${guest.type} ${guest.vmid} already exists on node '${host.name}'`);
    }
  });
  return issues;
}
