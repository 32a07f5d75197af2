/**
 * `useradd [-m] [-u UID] [-g GROUP] [-d HOME] [-s SHELL] NAME` (shadow useradd.c with
 * Debian's login.defs: UID_MIN 1000, USERGROUPS_ENAB yes → a group of the same name, with
 * GID = UID when free). On a lab host the account goes into the model; in a container into
 * its /etc files. `-m` makes the home directory owned by the new user (as stored: through
 * the container's map).
 */
// @sim useradd | shadow 4.17 useradd(8) (Debian 13): -m -u -g -d -s, user private groups, UID_MIN 1000; exit statuses 3 (bad name), 4 (UID not unique), 6 (no group), 9 (exists)
import type { Command } from '../command-spec';
import { accounts, addAccounts, nextFreeId } from '../account-files';
import { resolvePath } from '../path';
import { storedId } from '../user-names';

/** The `useradd` command. */
export const useradd: Command = {
  spec: {
    name: 'useradd',
    summary: 'create a new user',
    usage: 'useradd [options] LOGIN',
    description: 'Create a new user account.\n',
    options: [
      { short: 'm', long: 'create-home', key: 'm', help: "create the user's home directory" },
      { short: 'M', long: 'no-create-home', key: 'M', help: "do not create the user's home directory" },
      { short: 'u', long: 'uid', key: 'u', value: 'UID', help: 'user ID of the new account' },
      { short: 'g', long: 'gid', key: 'g', value: 'GROUP', help: 'name or ID of the primary group of the new account' },
      { short: 'd', long: 'home-dir', key: 'd', value: 'HOME_DIR', help: 'home directory of the new account' },
      { short: 's', long: 'shell', key: 's', value: 'SHELL', help: 'login shell of the new account' },
    ],
    arguments: 'gnu',
    usageStatus: 2,
    imitates: 'shadow 4.17 useradd (Debian 13)',
    simplified: 'no -G, -c, -e, -p, -r, -k skeleton files; no /etc/shadow entry on a lab host',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const name = opts.operands[0];
    if (name === undefined || opts.operands.length > 1) return { stdout: '', stderr: 'Usage: useradd [options] LOGIN\n', exitCode: 2 };
    // shadow chkname.c is_valid_user_name (Debian: no upper case).
    if (!/^[a-z_][a-z0-9_-]*\$?$/.test(name) || name.length > 32) return { stdout: '', stderr: `useradd: invalid user name '${name}': use --badname to ignore\n`, exitCode: 3 };
    const { users, groups } = accounts(ctx);
    if (users.some((u) => u.name === name)) return { stdout: '', stderr: `useradd: user '${name}' already exists\n`, exitCode: 9 };
    let uid: number;
    if (typeof f.u === 'string') {
      if (!/^\d+$/.test(f.u)) return { stdout: '', stderr: `useradd: invalid user ID '${f.u}'\n`, exitCode: 3 };
      uid = Number(f.u);
      if (users.some((u) => u.id === uid)) return { stdout: '', stderr: `useradd: UID ${uid} is not unique\n`, exitCode: 4 };
    } else uid = nextFreeId(users.map((u) => u.id)) ?? 60001;
    let gid: number;
    let newGroup: { name: string; gid: number } | null = null;
    if (typeof f.g === 'string') {
      const g = groups.find((x) => x.name === f.g || String(x.id) === f.g);
      if (!g) return { stdout: '', stderr: `useradd: group '${f.g}' does not exist\n`, exitCode: 6 };
      gid = g.id;
    } else {
      if (groups.some((g) => g.name === name)) return { stdout: '', stderr: `useradd: group ${name} exists - if you want to add this user to that group, use -g.\n`, exitCode: 9 };
      gid = groups.some((g) => g.id === uid) ? (nextFreeId(groups.map((g) => g.id)) ?? 60001) : uid;
      newGroup = { name, gid };
    }
    const home = typeof f.d === 'string' ? f.d : `/home/${name}`;
    const problem = addAccounts(ctx, { name, uid, gid, home, shell: typeof f.s === 'string' ? f.s : '/bin/sh' }, newGroup);
    if (problem) return { stdout: '', stderr: `useradd: ${problem}\n`, exitCode: 1 };
    if (f.m && !f.M) {
      const path = resolvePath('/', home);
      if (ctx.vfs.kind(path) === null) {
        ctx.vfs.mkdir(path, 0o755);
        ctx.vfs.setattr(path, { mode: 0o700, uid: storedId(ctx, uid, 'uid') ?? 65534, gid: storedId(ctx, gid, 'gid') ?? 65534 });
      }
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
