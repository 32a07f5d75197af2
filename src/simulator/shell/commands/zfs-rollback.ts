/**
 * `zfs rollback [-r] DS@SNAP`: back to the latest snapshot; an older one only with -r,
 * which destroys the later ones (zfs_main.c zfs_do_rollback, rollback_check).
 */
// @sim zfs | OpenZFS 2.3 zfs rollback [-r] DS@SNAP: refuses a non-latest snapshot without -r and lists the later ones
import type { CommandContext, CommandResult } from '../command-spec';
import { rollbackDataset } from '../../engines/zfs/dataset-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs rollback ARGS`. */
export function zfsRollback(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'rRf');
  if (!parsed.ok) return zfsUsage('rollback', parsed.message);
  const ops = parsed.args.operands;
  if (ops.length === 0) return zfsUsage('rollback', 'missing dataset argument');
  if (ops.length > 1) return zfsUsage('rollback', 'too many arguments');
  const name = ops[0] as string;
  if (!name.includes('@')) return { stdout: '', stderr: `'${name}' is not a snapshot\n${zfsUsage('rollback').stderr}`, exitCode: 2 };
  const f = parsed.args.flags;
  const r = rollbackDataset(ctx.world, ctx.host.name, name, f.r !== undefined || f.R !== undefined);
  if (r.ok) return { stdout: '', stderr: '', exitCode: 0 };
  const verb = r.error.message === 'dataset does not exist' ? `cannot open '${name}'` : `cannot rollback to '${name}'`;
  return { stdout: '', stderr: [`${verb}: ${r.error.message}`, ...(r.error.more ?? [])].join('\n') + '\n', exitCode: 1 };
}
