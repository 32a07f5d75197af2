/**
 * `zpool offline`, `zpool online` and `zpool detach` (zpool_main.c zpool_do_offline,
 * zpool_do_online, zpool_do_detach): one leaf at a time, silent on success, "cannot offline
 * sdb: no valid replicas" and the like on stderr with status 1.
 */
// @sim zpool | OpenZFS 2.3 zpool offline [-ft] / online [-e] POOL DEV..., detach POOL DEV: messages and states as zpool_main.c and libzfs_pool.c
import type { CommandContext, CommandResult } from '../command-spec';
import { zfsHost } from '../../engines/zfs/state';
import { detachLeaf, offlineLeaf, onlineLeaf } from '../../engines/zfs/vdev-ops';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

function noPool(name: string): CommandResult {
  return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
}

/** Runs `zpool offline [-f] [-t] POOL DEV...` (-t, temporary, is accepted and kept like a plain offline). */
export function zpoolOffline(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'ft');
  if (!parsed.ok) return zpoolUsage('offline', parsed.message);
  const [name, ...devs] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('offline', 'missing pool name');
  if (devs.length === 0) return zpoolUsage('offline', 'missing device name');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return noPool(name);
  let stderr = '';
  for (const d of devs) {
    const r = offlineLeaf(ctx.world, ctx.host.name, pool, d);
    if (!r.ok) stderr += `cannot offline ${d}: ${r.message}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

/** Runs `zpool online [-e] POOL DEV...`; a failed disk stays faulted, with zpool's warning on stdout. */
export function zpoolOnline(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'e');
  if (!parsed.ok) return zpoolUsage('online', parsed.message);
  const [name, ...devs] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('online', 'missing pool name');
  if (devs.length === 0) return zpoolUsage('online', 'missing device name');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return noPool(name);
  let stdout = '';
  let stderr = '';
  for (const d of devs) {
    const r = onlineLeaf(ctx.world, ctx.host.name, pool, d);
    if (!r.ok) stderr += `cannot online ${d}: ${r.message}\n`;
    // zpool_do_online: newstate != VDEV_STATE_HEALTHY (a disk that cannot be opened is VDEV_STATE_CANT_OPEN).
    else if (r.stillFaulted) stdout += `warning: device '${d}' onlined, but remains in faulted state\nuse 'zpool replace' to replace devices that are no longer present\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** Runs `zpool detach POOL DEV`. */
export function zpoolDetach(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, '');
  if (!parsed.ok) return zpoolUsage('detach', parsed.message);
  const [name, dev, extra] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('detach', 'missing pool name');
  if (dev === undefined) return zpoolUsage('detach', 'missing <device> specification');
  if (extra !== undefined) return zpoolUsage('detach', 'too many arguments');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return noPool(name);
  const r = detachLeaf(ctx.world, ctx.host.name, pool, dev);
  // zpool_do_detach returns zpool_vdev_detach's -1: exit status 255.
  return r.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: `cannot detach ${dev}: ${r.message}\n`, exitCode: 255 };
}
