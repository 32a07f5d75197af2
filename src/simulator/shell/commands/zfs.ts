/**
 * `zfs`: the dataset tool, dispatching to one file per subcommand (zfs-list.ts,
 * zfs-create.ts ...). No command or an unknown one prints zfs_main.c's usage on stderr
 * with status 2; `snap` is `snapshot`'s alias.
 */
// @sim zfs | OpenZFS 2.3 zfs(8): create, destroy, list, get, set, inherit, snapshot, rollback, clone, promote, rename, mount, unmount, diff; usage and "unrecognized command"
import type { Command, CommandResult } from '../command-spec';
import { logHistory } from '../../engines/zfs/history';
import { listDatasets } from '../../engines/zfs/report';
import { zfsClone } from './zfs-clone';
import { zfsCreate } from './zfs-create';
import { zfsDestroy } from './zfs-destroy';
import { zfsDiff } from './zfs-diff';
import { zfsGet } from './zfs-get';
import { zfsInherit } from './zfs-inherit';
import { zfsList } from './zfs-list';
import { zfsMount, zfsUnmount } from './zfs-mount';
import { zfsPromote } from './zfs-promote';
import { zfsRename } from './zfs-rename';
import { zfsRollback } from './zfs-rollback';
import { zfsSet } from './zfs-set';
import { zfsSnapshot } from './zfs-snapshot';
import { ZFS_HELP } from './zfs-usage';

const SUBCOMMANDS = { create: zfsCreate, destroy: zfsDestroy, list: zfsList, get: zfsGet, snapshot: zfsSnapshot, snap: zfsSnapshot, rollback: zfsRollback, set: zfsSet, inherit: zfsInherit, rename: zfsRename, mount: zfsMount, unmount: zfsUnmount, umount: zfsUnmount, clone: zfsClone, promote: zfsPromote, diff: zfsDiff } as const;

function usage(message: string): CommandResult {
  const lines = Object.values(ZFS_HELP).join('');
  return { stdout: '', stderr: `${message}usage: zfs command args ...\nwhere 'command' is one of the following:\n\n${lines}\nEach dataset is of the form: pool/[dataset/]*dataset[@name]\n\nFor the property list, run: zfs set|get\n\nFor the delegated permission list, run: zfs allow|unallow\n\nFor further help on a command or topic, run: zfs help [<topic>]\n`, exitCode: 2 };
}

/** The `zfs` command. */
export const zfs: Command = {
  spec: {
    name: 'zfs',
    summary: 'configure ZFS datasets',
    usage: 'zfs command args ...',
    description: 'Create, list, snapshot, roll back and destroy ZFS filesystems and volumes.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'OpenZFS 2.3 zfs',
    simplified: "subcommands create, destroy, list, get, set, inherit, snapshot, rollback, clone, promote, rename, mount, unmount, diff (-H; no -F/-t/-h, no link-count changes); properties of a pool's root dataset cannot be set; clones are recorded in the lab as plain datasets; no send/receive yet; usage omits the property table",
  },
  hosts: ['proxmox', 'truenas'],
  complete(req) {
    if (req.args.length === 0) return Object.keys(SUBCOMMANDS).filter((s) => s.startsWith(req.word));
    const names = listDatasets(req.world, req.host.name).map((r) => r.name);
    return names.filter((n) => n.startsWith(req.word) && (req.word.includes('@') || !n.includes('@')));
  },
  run(ctx, argv) {
    const [sub, ...rest] = argv;
    if (sub === undefined) return usage('missing command\n');
    const fn = (SUBCOMMANDS as Record<string, (c: typeof ctx, a: string[]) => CommandResult>)[sub];
    if (!fn) return usage(`unrecognized command '${sub}'\n`);
    const result = fn(ctx, rest);
    // spa_history: dataset-changing commands are logged in their pool's history.
    if (result.exitCode === 0 && !['list', 'get', 'mount', 'unmount', 'umount'].includes(sub)) logHistory(ctx.world, ctx.host.name, `zfs ${argv.join(' ')}`, rest);
    return result;
  },
};
