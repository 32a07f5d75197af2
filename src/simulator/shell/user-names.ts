/**
 * User and group names as a process sees them: glibc's getpwuid/getgrgid/getpwnam/getgrnam
 * over the /etc/passwd and /etc/group its mount namespace shows (files NSS, first match in
 * file order), and IDs as its user namespace shows them (an ID the namespace does not map
 * is the overflow ID 65534, `nobody`/`nogroup`; user_namespaces(7)).
 */
import { idInNamespace, idToHost } from '../engines/kernel/namespaces';
import { hostKernel } from '../engines/world';
import type { CommandContext } from './command-spec';

/** Name ↔ ID lookups for one command run. */
export interface IdNames {
  /** getpwuid(3): the user name of an ID (in the process's namespace), or null. */
  user(id: number): string | null;
  /** getgrgid(3). */
  group(id: number): string | null;
  /** getpwnam(3): the user's ID and primary group, or null. */
  userByName(name: string): { uid: number; gid: number } | null;
  /** getgrnam(3). */
  groupByName(name: string): number | null;
}

interface Entry {
  name: string;
  id: number;
  gid: number;
}

function parseDb(text: string, withGid: boolean): Entry[] {
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || f[0] === '' || !/^\d+$/.test(f[2] as string)) continue;
    out.push({ name: f[0] as string, id: Number(f[2]), gid: withGid && /^\d+$/.test(f[3] ?? '') ? Number(f[3]) : -1 });
  }
  return out;
}

/** The lookups of the process running `ctx` (the files are read once, on first use). */
export function idNames(ctx: CommandContext): IdNames {
  let users: Entry[] | null = null;
  let groups: Entry[] | null = null;
  const load = (path: string, withGid: boolean): Entry[] => {
    const r = ctx.vfs.read(path);
    return r.ok ? parseDb(r.text, withGid) : [];
  };
  const u = (): Entry[] => (users ??= load('/etc/passwd', true));
  const g = (): Entry[] => (groups ??= load('/etc/group', false));
  return {
    user: (id) => u().find((e) => e.id === id)?.name ?? null,
    group: (id) => g().find((e) => e.id === id)?.name ?? null,
    userByName: (name) => {
      const e = u().find((x) => x.name === name);
      return e ? { uid: e.id, gid: e.gid } : null;
    },
    groupByName: (name) => g().find((x) => x.name === name)?.id ?? null,
  };
}

/** A stored (host) ID as the process's user namespace shows it: 65534 when unmapped. */
export function seenId(ctx: CommandContext, hostId: number, kind: 'uid' | 'gid'): number {
  return idInNamespace(hostKernel(ctx.world, ctx.vfs.host), ctx.proc.ns.user, hostId, kind);
}

/** An ID of the process's user namespace as stored on disk, or null when the namespace does not map it (chown gets EINVAL). */
export function storedId(ctx: CommandContext, nsId: number, kind: 'uid' | 'gid'): number | null {
  return idToHost(hostKernel(ctx.world, ctx.vfs.host), ctx.proc.ns.user, nsId, kind);
}
