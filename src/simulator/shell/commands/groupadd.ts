/**
 * `groupadd [-g GID] NAME` (shadow groupadd.c, Debian login.defs GID_MIN 1000). On a lab
 * host the group goes into the model; in a container into its /etc/group.
 */
// @sim groupadd | shadow 4.17 groupadd(8) (Debian 13): -g GID, GID_MIN 1000; exit statuses 3 (bad name), 4 (GID not unique), 9 (exists)
import type { Command } from '../command-spec';
import { accounts, addAccounts, nextFreeId } from '../account-files';

/** The `groupadd` command. */
export const groupadd: Command = {
  spec: {
    name: 'groupadd',
    summary: 'create a new group',
    usage: 'groupadd [options] GROUP',
    description: 'Create a new group.\n',
    options: [{ short: 'g', long: 'gid', key: 'g', value: 'GID', help: 'use GID for the new group' }],
    arguments: 'gnu',
    usageStatus: 2,
    imitates: 'shadow 4.17 groupadd (Debian 13)',
    simplified: 'no -f, -K, -o, -p, -r, -U',
  },
  run(ctx, _argv, opts) {
    const name = opts.operands[0];
    if (name === undefined || opts.operands.length > 1) return { stdout: '', stderr: 'Usage: groupadd [options] GROUP\n', exitCode: 2 };
    if (!/^[a-z_][a-z0-9_-]*\$?$/.test(name) || name.length > 32) return { stdout: '', stderr: `groupadd: '${name}' is not a valid group name\n`, exitCode: 3 };
    const { groups } = accounts(ctx);
    if (groups.some((g) => g.name === name)) return { stdout: '', stderr: `groupadd: group '${name}' already exists\n`, exitCode: 9 };
    const given = opts.flags.g;
    let gid: number;
    if (typeof given === 'string') {
      if (!/^\d+$/.test(given)) return { stdout: '', stderr: `groupadd: invalid group ID '${given}'\n`, exitCode: 3 };
      gid = Number(given);
      if (groups.some((g) => g.id === gid)) return { stdout: '', stderr: `groupadd: GID '${gid}' already exists\n`, exitCode: 4 };
    } else gid = nextFreeId(groups.map((g) => g.id)) ?? 60001;
    const problem = addAccounts(ctx, null, { name, gid });
    return problem ? { stdout: '', stderr: `groupadd: ${problem}\n`, exitCode: 10 } : { stdout: '', stderr: '', exitCode: 0 };
  },
};
