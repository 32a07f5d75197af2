/**
 * `zfs snapshot [-r] DS@SNAP...` (also `zfs snap`): a txg mark, nothing printed
 * (zfs_main.c zfs_do_snapshot; "cannot create snapshot 'X': dataset already exists").
 */
// @sim zfs | OpenZFS 2.3 zfs snapshot [-r] DS@SNAP: O(1) txg mark, -r atomic in one txg
import type { CommandContext, CommandResult } from '../command-spec';
import { snapshotDataset } from '../../engines/zfs/dataset-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs snapshot ARGS`. */
export function zfsSnapshot(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'ro:');
  if (!parsed.ok) return zfsUsage('snapshot', parsed.message);
  const ops = parsed.args.operands;
  if (ops.length === 0) return zfsUsage('snapshot', 'missing snapshot argument');
  let stderr = '';
  for (const full of ops) {
    const made = snapshotDataset(ctx.world, ctx.host.name, full, parsed.args.flags.r !== undefined);
    if (!made.ok) stderr += `cannot create snapshot '${full}': ${made.error.message}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}
