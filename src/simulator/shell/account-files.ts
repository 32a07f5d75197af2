/**
 * Adding users and groups (useradd, groupadd) where the process's /etc lives: on a lab host
 * /etc/passwd and /etc/group are drawn from the model, so the account goes into the model
 * through its edit API (and the exporters see it); in a container (its own mount namespace)
 * they are ordinary files in its rootfs and get a line appended, as shadow's tools write them.
 */
import type { Host } from '../model/host';
import { editLab } from '../model/edit';
import { hostKernel } from '../engines/world';
import type { CommandContext } from './command-spec';

/** An /etc/passwd or /etc/group entry: name, ID and (passwd) primary GID. */
export interface AccountEntry {
  name: string;
  id: number;
  gid: number;
}

function parse(text: string): AccountEntry[] {
  return text
    .split('\n')
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 3 && /^\d+$/.test(f[2] ?? ''))
    .map((f) => ({ name: f[0] as string, id: Number(f[2]), gid: /^\d+$/.test(f[3] ?? '') ? Number(f[3]) : -1 }));
}

/** The users and groups the process sees. */
export function accounts(ctx: CommandContext): { users: AccountEntry[]; groups: AccountEntry[] } {
  const read = (p: string): string => {
    const r = ctx.vfs.read(p);
    return r.ok ? r.text : '';
  };
  return { users: parse(read('/etc/passwd')), groups: parse(read('/etc/group')) };
}

/** The lowest free ID from `min` (login.defs UID_MIN/GID_MIN 1000) among `taken`. */
export function nextFreeId(taken: readonly number[], min = 1000, max = 60000): number | null {
  const used = new Set(taken);
  for (let id = min; id <= max; id++) if (!used.has(id)) return id;
  return null;
}

/** Whether this process's /etc is the lab host's (its initial mount namespace). */
function onLabHost(ctx: CommandContext): boolean {
  return ctx.proc.ns.mnt === hostKernel(ctx.world, ctx.vfs.host).initNs.mnt;
}

/** Adds a user and/or a group; returns an error text or null. */
export function addAccounts(ctx: CommandContext, user: { name: string; uid: number; gid: number; home: string; shell: string } | null, group: { name: string; gid: number } | null): string | null {
  if (onLabHost(ctx)) {
    const edit = editLab(ctx.world.lab, (draft) => {
      const h = draft.hosts.find((x) => x.name === ctx.vfs.host) as Host;
      if (group) (h.groups ??= []).push({ name: group.name, gid: group.gid });
      if (user) (h.users ??= []).push({ name: user.name, uid: user.uid, gid: user.gid, home: user.home, shell: user.shell });
      return { ok: true, value: null };
    });
    return edit.ok ? null : edit.error.message;
  }
  const append = (path: string, line: string): string | null => {
    const w = ctx.vfs.write(path, `${line}\n`, true);
    return w.ok ? null : `cannot open ${path}`;
  };
  if (group) {
    const e = append('/etc/group', `${group.name}:x:${group.gid}:`);
    if (e) return e;
  }
  if (user) return append('/etc/passwd', `${user.name}:x:${user.uid}:${user.gid}::${user.home}:${user.shell}`);
  return null;
}
