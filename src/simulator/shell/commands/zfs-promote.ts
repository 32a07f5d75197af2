/**
 * `zfs promote CLONE`: the clone stops depending on its origin snapshot; that snapshot (and
 * the ones before it) move to the clone, and the old origin becomes its clone
 * (zfs_main.c zfs_do_promote).
 */
// @sim zfs | OpenZFS 2.3 zfs promote CLONE: origin snapshots and their space move to the clone, the old origin becomes a clone
import type { CommandContext, CommandResult } from '../command-spec';
import { promoteClone } from '../../engines/zfs/clone-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs promote ARGS`. */
export function zfsPromote(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, '');
  if (!parsed.ok) return zfsUsage('promote', parsed.message);
  const [name, extra] = parsed.args.operands;
  if (name === undefined) return zfsUsage('promote', 'missing clone filesystem argument');
  if (extra !== undefined) return zfsUsage('promote', 'too many arguments');
  const r = promoteClone(ctx.world, ctx.host.name, name);
  if (r.ok) return { stdout: '', stderr: '', exitCode: 0 };
  const head = r.error.message === 'dataset does not exist' ? `cannot open '${name}'` : `cannot promote '${name}'`;
  return { stdout: '', stderr: `${head}: ${r.error.message}\n`, exitCode: 1 };
}
