/**
 * `zpool`: the pool tool, dispatching to one file per subcommand (zpool-list.ts,
 * zpool-status.ts). No command or an unknown one prints the usage with status 2.
 */
// @sim zpool | OpenZFS 2.3 zpool(8): add, attach, detach, offline, online, remove, replace, clear, create, destroy, export, import, get, set, history, iostat, list, status, scrub, wait; usage and "unrecognized command"
import type { Command, CommandResult } from '../command-spec';
import { logHistory } from '../../engines/zfs/history';
import { zfsHost } from '../../engines/zfs/state';
import { poolDisks } from '../../model/storage';
import { zpoolAdd } from './zpool-add';
import { zpoolAttach, zpoolReplace } from './zpool-attach';
import { zpoolClear } from './zpool-clear';
import { zpoolCreate, zpoolDestroy } from './zpool-create';
import { zpoolGet, zpoolSet } from './zpool-get';
import { zpoolHistory } from './zpool-history';
import { zpoolExport, zpoolImport } from './zpool-import';
import { zpoolIostat } from './zpool-iostat';
import { zpoolList } from './zpool-list';
import { zpoolRemove } from './zpool-remove';
import { zpoolDetach, zpoolOffline, zpoolOnline } from './zpool-offline';
import { zpoolScrub, zpoolWait } from './zpool-scrub';
import { zpoolStatus } from './zpool-status';
import { ZPOOL_HELP } from './zpool-usage';

const SUBCOMMANDS = { add: zpoolAdd, attach: zpoolAttach, detach: zpoolDetach, offline: zpoolOffline, online: zpoolOnline, replace: zpoolReplace, remove: zpoolRemove, clear: zpoolClear, create: zpoolCreate, destroy: zpoolDestroy, get: zpoolGet, set: zpoolSet, history: zpoolHistory, export: zpoolExport, import: zpoolImport, iostat: zpoolIostat, list: zpoolList, status: zpoolStatus, scrub: zpoolScrub, wait: zpoolWait } as const;

function usage(message: string): CommandResult {
  return { stdout: '', stderr: `${message}usage: zpool command args ...\nwhere 'command' is one of the following:\n\n${Object.values(ZPOOL_HELP).join('')}\nFor further help on a command or topic, run: zpool help [<topic>]\n`, exitCode: 2 };
}

/** The `zpool` command. */
export const zpool: Command = {
  spec: {
    name: 'zpool',
    summary: 'configure ZFS storage pools',
    usage: 'zpool command args ...',
    description: 'Show ZFS storage pools: their size, allocation, health and layout.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'OpenZFS 2.3 zpool',
    simplified: 'subcommands add (-f only), attach, detach, offline, online, remove (log, cache and spare devices; evacuating a data vdev is not simulated), replace, clear, create (no -t, no features), destroy, get, set, history, export, import (-a, -R; no new name; -d ignored), iostat (-v; rates 0, no interval), list (-v), status, scrub and wait; RAIDZ expansion (attach to raidzP-N) reflows at the simplified 500 MiB/s and a lab file read back keeps the expanded vdev as a plain wider one (its original width, which the space figures use, is not stored); no special or dedup classes; log and cache vdevs are listed but hold nothing (no ZIL or L2ARC); a spare taken by replace leaves the spares at once (no spare-N stage); no automatic spare activation (zed); offline -t is kept like a plain offline; online does not resilver what the leaf missed; scrub and resilver run at a simplified 500 MiB/s',
  },
  hosts: ['proxmox', 'truenas'],
  complete(req) {
    if (req.args.length === 0) return Object.keys(SUBCOMMANDS).filter((s) => s.startsWith(req.word));
    // zpool create NAME <TAB>: vdev types and the disks no pool uses.
    if (req.args[0] === 'create' && req.args.filter((a) => !a.startsWith('-')).length >= 2) {
      const used = new Set(req.host.pools.flatMap((p) => poolDisks(p)));
      return ['mirror', 'raidz1', 'raidz2', 'raidz3', ...req.host.disks.map((d) => d.name).filter((d) => !used.has(d) && !req.args.includes(d))].filter((w) => w.startsWith(req.word));
    }
    if (req.args[0] === 'create') return [];
    const operands = req.args.slice(1).filter((a) => !a.startsWith('-'));
    const free = () => {
      const used = new Set(req.host.pools.flatMap((p) => poolDisks(p)));
      return req.host.disks.map((d) => d.name).filter((d) => !used.has(d) && !req.args.includes(d));
    };
    // zpool add POOL <TAB>: vdev types and free disks; attach/replace POOL DISK <TAB>: free disks; offline/online/detach/attach/replace POOL <TAB>: the pool's disks.
    if (req.args[0] === 'add' && operands.length >= 1) return ['mirror', 'raidz1', 'raidz2', 'raidz3', ...free()].filter((w) => w.startsWith(req.word));
    if ((req.args[0] === 'attach' || req.args[0] === 'replace') && operands.length >= 2) return free().filter((w) => w.startsWith(req.word));
    if (['attach', 'replace', 'offline', 'online', 'detach'].includes(req.args[0] ?? '') && operands.length === 1) {
      const pool = req.host.pools.find((p) => p.name === operands[0]);
      return (pool ? poolDisks(pool) : []).filter((w) => w.startsWith(req.word));
    }
    return Object.keys(zfsHost(req.world, req.host.name).pools).filter((n) => n.startsWith(req.word));
  },
  run(ctx, argv) {
    const [sub, ...rest] = argv;
    if (sub === undefined) return usage('missing command\n');
    const fn = (SUBCOMMANDS as Record<string, (c: typeof ctx, a: string[]) => CommandResult>)[sub];
    if (!fn) return usage(`unrecognized command '${sub}'\n`);
    const result = fn(ctx, rest);
    // spa_history: pool-changing commands are logged in the pool's history.
    if (result.exitCode === 0 && ['create', 'set', 'scrub', 'clear', 'add', 'attach', 'detach', 'offline', 'online', 'replace'].includes(sub)) logHistory(ctx.world, ctx.host.name, `zpool ${argv.join(' ')}`, rest);
    return result;
  },
};
