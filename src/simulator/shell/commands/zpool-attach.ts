/**
 * `zpool attach` and `zpool replace` (zpool_main.c zpool_do_attach_or_replace): the new disk
 * is labelled and resilvered; -w waits for the resilver (the virtual clock moves by its
 * duration). Errors as libzfs_pool.c zpool_vdev_attach words them, after "cannot attach NEW
 * to OLD: " or "cannot replace OLD with NEW: ".
 */
// @sim zpool | OpenZFS 2.3 zpool attach [-fw] POOL DEV NEW, replace [-fw] POOL OLD NEW: usage errors, in-use and size refusals, resilver started
import type { CommandContext, CommandResult } from '../command-spec';
import { attachLeaf, replaceLeaf } from '../../engines/zfs/resilver';
import { zfsHost } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

function attachOrReplace(ctx: CommandContext, argv: string[], replacing: boolean): CommandResult {
  const sub = replacing ? 'replace' : 'attach';
  const parsed = parseZfsArgs(argv, 'fswo:');
  if (!parsed.ok) return zpoolUsage(sub, parsed.message);
  const [name, old, given, extra] = parsed.args.operands;
  if (name === undefined) return zpoolUsage(sub, 'missing pool name argument');
  if (old === undefined) return zpoolUsage(sub, 'missing <device> specification');
  if (given === undefined && !replacing) return zpoolUsage(sub, 'missing <new_device> specification');
  if (extra !== undefined) return zpoolUsage(sub, 'too many arguments');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  // Without NEW, replace puts a new disk in the same slot: the simulated disk is the same one, still labelled.
  const disk = given ?? old;
  const force = parsed.args.flags.f !== undefined;
  const r = replacing ? replaceLeaf(ctx.world, ctx.host.name, pool, old, disk, force) : attachLeaf(ctx.world, ctx.host.name, pool, old, disk, force);
  if (!r.ok) {
    const prefix = r.prefixed ? (replacing ? `cannot replace ${old} with ${disk}: ` : `cannot attach ${disk} to ${old}: `) : '';
    // make_root_vdev's refusals exit 1; zpool_vdev_attach's -1 is returned as the exit status (255).
    return { stdout: '', stderr: r.lines.map((l, i) => (i === 0 ? prefix + l : l) + '\n').join(''), exitCode: r.prefixed ? 255 : 1 };
  }
  // -w waits for the resilver, or for a RAIDZ expansion (ZPOOL_WAIT_RAIDZ_EXPAND).
  if (parsed.args.flags.w) ctx.shell.spend(Math.max(0, ('expandEnd' in r ? r.expandEnd : r.scan.end) - ctx.world.clock));
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** Runs `zpool attach [-fsw] POOL DEVICE NEW-DEVICE`. */
export function zpoolAttach(ctx: CommandContext, argv: string[]): CommandResult {
  return attachOrReplace(ctx, argv, false);
}

/** Runs `zpool replace [-fsw] POOL DEVICE [NEW-DEVICE]`. */
export function zpoolReplace(ctx: CommandContext, argv: string[]): CommandResult {
  return attachOrReplace(ctx, argv, true);
}
