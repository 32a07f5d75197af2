/**
 * `id [-u|-g|-G] [-n] [-r] [USER]`: the IDs of the shell's process as its user namespace
 * shows them (an unmapped ID is 65534, `nobody`), with names from /etc/passwd and
 * /etc/group of its mount namespace (coreutils id.c, print_full_info).
 */
// @sim id | GNU coreutils 9.7 id(1): uid=/gid=/groups= with names, -u -g -G -n -r, a USER operand; IDs through the user namespace
import { quote } from '../quotearg';
import type { Command, CommandContext } from '../command-spec';
import { idNames, seenId } from '../user-names';

/** Supplementary groups of `user` (members in /etc/group), after the primary one. */
function groupsOf(ctx: CommandContext, user: string, primary: number): number[] {
  const r = ctx.vfs.read('/etc/group');
  const out = [primary];
  if (r.ok) for (const line of r.text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 4 && /^\d+$/.test(f[2] ?? '') && (f[3] ?? '').split(',').includes(user) && !out.includes(Number(f[2]))) out.push(Number(f[2]));
  }
  return out;
}

/** The `id` command. */
export const id: Command = {
  spec: {
    name: 'id',
    summary: 'print real and effective user and group IDs',
    usage: 'id [OPTION]... [USER]...',
    description: 'Print user and group information for each specified USER,\nor (when USER omitted) for the current process.\n',
    options: [
      { short: 'g', long: 'group', key: 'g', help: 'print only the effective group ID' },
      { short: 'G', long: 'groups', key: 'G', help: 'print all group IDs' },
      { short: 'n', long: 'name', key: 'n', help: 'print a name instead of a number, for -u,-g,-G' },
      { short: 'r', long: 'real', key: 'r', help: 'print the real ID instead of the effective ID, with -u,-g,-G' },
      { short: 'u', long: 'user', key: 'u', help: 'print only the effective user ID' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 id',
    simplified: 'no -a, -z, -Z or security context; supplementary groups from /etc/group members',
  },
  run(ctx, argv, opts) {
    const names = idNames(ctx);
    const f = opts.flags;
    const only = ['u', 'g', 'G'].filter((k) => f[k]);
    if (only.length > 1) return { stdout: '', stderr: 'id: cannot print "only" of more than one choice\n', exitCode: 1 };
    if (only.length === 0 && (f.n || f.r)) return { stdout: '', stderr: 'id: cannot print only names or real IDs in default format\n', exitCode: 1 };
    const users = opts.operands.length > 0 ? opts.operands : [null];
    let out = '';
    let err = '';
    let status = 0;
    for (const user of users) {
      let uid: number;
      let gid: number;
      let userName: string | null;
      if (user === null) {
        uid = seenId(ctx, ctx.proc.uid, 'uid');
        gid = seenId(ctx, ctx.proc.gid, 'gid');
        userName = names.user(uid);
      } else {
        const found = /^\d+$/.test(user) && names.user(Number(user)) ? { uid: Number(user), gid: names.userByName(names.user(Number(user)) as string)?.gid ?? 0 } : names.userByName(user);
        if (!found) {
          err += `id: ${quote(user)}: no such user\n`;
          status = 1;
          continue;
        }
        uid = found.uid;
        gid = found.gid;
        userName = names.user(uid);
      }
      const groups = user === null && uid === 65534 ? [gid] : groupsOf(ctx, userName ?? '', gid);
      const show = (n: number, name: string | null): string => (f.n ? (name ?? String(n)) : String(n));
      if (f.u) out += `${show(uid, userName)}\n`;
      else if (f.g) out += `${show(gid, names.group(gid))}\n`;
      else if (f.G) out += `${groups.map((g) => show(g, names.group(g))).join(' ')}\n`;
      else {
        const fmt = (n: number, name: string | null): string => (name === null ? String(n) : `${n}(${name})`);
        out += `uid=${fmt(uid, userName)} gid=${fmt(gid, names.group(gid))} groups=${groups.map((g) => fmt(g, names.group(g))).join(',')}\n`;
      }
    }
    return { stdout: out, stderr: err, exitCode: status };
  },
};
