/**
 * Mount tables: each mount namespace has its own list of mounts (mountinfo order: the
 * order they were made). Mounting adds a line whose filesystem may be shared with other
 * lines (a bind mount shows a directory of an existing superblock); unmounting removes it
 * when nothing is mounted below it (EBUSY otherwise, as umount(2)).
 */
import type { World } from '../world';
import { hostKernel } from '../world';
import type { Errno } from './errno';
import { namespaceOf } from './namespaces';
import { isUnder } from './path';
import type { MountEntry, Superblock } from './types';

/** The mount table of mount namespace `mntNs`. */
export function mountTable(world: World, host: string, mntNs: number): MountEntry[] {
  return namespaceOf(hostKernel(world, host), mntNs).mounts ?? [];
}

/** Registers a superblock (a filesystem instance) on a host; its id is taken from the host's counter when not given. */
export function addSuperblock(world: World, host: string, sb: Omit<Superblock, 'id'> & { id?: string }): Superblock {
  const k = hostKernel(world, host);
  const id = sb.id ?? `sb${k.nextSuperblock++}`;
  const full: Superblock = { ...sb, id };
  k.superblocks[id] = full;
  return full;
}

/** The mount whose subtree holds `path` (the deepest mountpoint above it; the last one made wins for stacked mounts). */
export function mountAt(table: MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of table) {
    if (isUnder(path, m.path) && (!best || m.path.length >= best.path.length)) best = m;
  }
  return best;
}

/** Adds a mount of superblock `sb` (its directory `root`) at `path` in a namespace; the caller checked that `path` is a directory. */
export function addMount(world: World, host: string, mntNs: number, sb: string, path: string, options: string, root = '/'): MountEntry {
  const k = hostKernel(world, host);
  const table = (namespaceOf(k, mntNs).mounts ??= []);
  const parent = path === '/' ? undefined : mountAt(table, path);
  const entry: MountEntry = { id: k.nextMountId++, parent: parent?.id ?? 0, path, sb, root, options };
  table.push(entry);
  return entry;
}

/** Removes the topmost mount at exactly `path` (umount2(2)): EINVAL when nothing is mounted there, EBUSY when mounts sit below it. */
export function removeMount(world: World, host: string, mntNs: number, path: string): MountEntry | Errno {
  const table = mountTable(world, host, mntNs);
  let index = -1;
  for (let i = table.length - 1; i >= 0; i--) if (table[i]?.path === path) {
    index = i;
    break;
  }
  if (index < 0) return 'EINVAL';
  const entry = table[index] as MountEntry;
  if (table.some((m) => m.parent === entry.id && m !== entry)) return 'EBUSY';
  table.splice(index, 1);
  const k = hostKernel(world, host);
  // A superblock nothing mounts any more (in any namespace) is gone, as after the last umount.
  const stillUsed = Object.values(k.namespaces).some((ns) => (ns.mounts ?? []).some((m) => m.sb === entry.sb));
  if (!stillUsed && !k.superblocks[entry.sb]?.persistent) delete k.superblocks[entry.sb];
  return entry;
}
