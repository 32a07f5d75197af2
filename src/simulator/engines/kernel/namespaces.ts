/**
 * Namespace objects (namespaces(7)): every host starts with one initial namespace of each
 * type, with the inode numbers Linux gives them (include/linux/proc_ns.h: the fixed
 * PROC_*_INIT_INO values; mnt and net are the first two allocated, 0xF0000000 up). New
 * namespaces (containers, `unshare`) take the next numbers. User namespaces carry the
 * uid/gid maps through which every ID is seen; the initial one maps all IDs to themselves.
 */
// @sim kernel namespaces | namespaces(7), user_namespaces(7): initial namespace inode numbers (proc_ns.h), ID translation through uid_map/gid_map, unmapped IDs as 65534
import type { World } from '../world';
import { hostKernel } from '../world';
import type { HostKernel, IdMapEntry, Namespace, NsType } from './types';

/** The kernel's fixed inode numbers of the initial namespaces (proc_ns.h), and the first two allocated ones. */
export const INIT_NS_INUM: Record<NsType, number> = {
  ipc: 0xefffffff,
  uts: 0xeffffffe,
  user: 0xeffffffd,
  pid: 0xeffffffc,
  cgroup: 0xeffffffb,
  time: 0xeffffffa,
  net: 0xf0000000,
  mnt: 0xf0000001,
};

/** Inode numbers of namespaces made after boot start here (what a fresh Debian 13 host shows for its first container). */
export const FIRST_DYNAMIC_INUM = 4026532200;

/** The identity map of the initial user namespace: `0 0 4294967295` (user_namespaces(7)). */
export const IDENTITY_MAP: IdMapEntry[] = [{ inside: 0, outside: 0, count: 4294967295 }];

/** The overflow ID shown for an unmapped ID (/proc/sys/kernel/overflowuid). */
export const OVERFLOW_ID = 65534;

/** Namespace types in the order /proc/PID/ns lists them. */
export const NS_TYPES: NsType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/** The initial namespaces of a new host kernel. */
export function initialNamespaces(hostname: string): Record<string, Namespace> {
  const out: Record<string, Namespace> = {};
  for (const type of NS_TYPES) {
    const inum = INIT_NS_INUM[type];
    const ns: Namespace = { inum, type };
    if (type !== 'user') ns.owner = INIT_NS_INUM.user;
    if (type === 'user') {
      ns.uidMap = IDENTITY_MAP.map((e) => ({ ...e }));
      ns.gidMap = IDENTITY_MAP.map((e) => ({ ...e }));
    }
    if (type === 'mnt') ns.mounts = [];
    if (type === 'uts') ns.hostname = hostname;
    out[String(inum)] = ns;
  }
  return out;
}

/** A namespace by inode number; throws RangeError for one that does not exist (a programming error). */
export function namespaceOf(k: HostKernel, inum: number): Namespace {
  const ns = k.namespaces[String(inum)];
  if (!ns) throw new RangeError(`no namespace ${inum}`);
  return ns;
}

/** Creates a namespace of `type` (a copy of `from`'s type-specific parts where the kernel copies them, e.g. a mount table). */
export function createNamespace(world: World, host: string, type: NsType, from: number, owner?: number): Namespace {
  const k = hostKernel(world, host);
  const base = namespaceOf(k, from);
  const inum = k.nextInum++;
  const ns: Namespace = { inum, type, owner: owner ?? base.owner ?? INIT_NS_INUM.user };
  if (type === 'user' || type === 'pid') ns.parent = from;
  if (type === 'user') {
    delete ns.owner;
    ns.uidMap = [];
    ns.gidMap = [];
  }
  if (type === 'mnt') ns.mounts = (base.mounts ?? []).map((m) => ({ ...m }));
  if (type === 'uts') ns.hostname = base.hostname ?? '';
  k.namespaces[String(inum)] = ns;
  return ns;
}

/** Maps a host (initial-namespace) ID into user namespace `inum`: its ID there, or 65534 when unmapped. */
export function idInNamespace(k: HostKernel, inum: number, hostId: number, kind: 'uid' | 'gid'): number {
  const chain: Namespace[] = [];
  for (let at: Namespace | undefined = k.namespaces[String(inum)]; at; at = at.parent !== undefined ? k.namespaces[String(at.parent)] : undefined) {
    if (at.inum === INIT_NS_INUM.user) break;
    chain.unshift(at);
  }
  let id = hostId;
  for (const ns of chain) {
    const map = (kind === 'uid' ? ns.uidMap : ns.gidMap) ?? [];
    const entry = map.find((e) => id >= e.outside && id < e.outside + e.count);
    if (!entry) return OVERFLOW_ID;
    id = entry.inside + (id - entry.outside);
  }
  return id;
}

/** Maps an ID of user namespace `inum` to the host's ID, or null when the namespace does not map it (EINVAL for chown). */
export function idToHost(k: HostKernel, inum: number, nsId: number, kind: 'uid' | 'gid'): number | null {
  let id = nsId;
  for (let at: Namespace | undefined = k.namespaces[String(inum)]; at && at.inum !== INIT_NS_INUM.user; at = at.parent !== undefined ? k.namespaces[String(at.parent)] : undefined) {
    const map = (kind === 'uid' ? at.uidMap : at.gidMap) ?? [];
    const entry = map.find((e) => id >= e.inside && id < e.inside + e.count);
    if (!entry) return null;
    id = entry.outside + (id - entry.inside);
  }
  return id;
}
