/**
 * `zfs rename OLD NEW` (a dataset and its children, remounted where they now inherit) and
 * `zfs rename DS@OLD DS@NEW` (zfs_main.c zfs_do_rename; libzfs zfs_rename messages).
 */
// @sim zfs | OpenZFS 2.3 zfs rename DATASET NEW, DS@SNAP DS@NEW: children and mounts follow; same-pool and parent checks
import type { CommandContext, CommandResult } from '../command-spec';
import { renameDataset } from '../../engines/zfs/rename-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs rename ARGS`. */
export function zfsRename(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'fpunr');
  if (!parsed.ok) return zfsUsage('rename', parsed.message);
  const [from, to, extra] = parsed.args.operands;
  if (from === undefined) return zfsUsage('rename', 'missing source dataset argument');
  if (to === undefined) return zfsUsage('rename', 'missing target dataset argument');
  if (extra !== undefined) return zfsUsage('rename', 'too many arguments');
  const r = renameDataset(ctx.world, ctx.host.name, from, to);
  if (r.ok) return { stdout: '', stderr: '', exitCode: 0 };
  const head = r.error.message === 'dataset does not exist' ? `cannot open '${from}'` : `cannot rename to '${to}'`;
  return { stdout: '', stderr: `${head}: ${r.error.message}\n`, exitCode: 1 };
}
