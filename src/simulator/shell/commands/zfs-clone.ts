/**
 * `zfs clone [-p] SNAPSHOT FILESYSTEM`: a writable copy that shares the snapshot's blocks
 * (zfs_main.c zfs_do_clone): prints nothing; the origin snapshot then needs -R to destroy.
 */
// @sim zfs | OpenZFS 2.3 zfs clone SNAP FS: shares the snapshot's blocks (REFER as the snapshot, USED only new writes), origin property, dependent-clone refusals
import type { CommandContext, CommandResult } from '../command-spec';
import { cloneSnapshot } from '../../engines/zfs/clone-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs clone ARGS`. */
export function zfsClone(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'puo:');
  if (!parsed.ok) return zfsUsage('clone', parsed.message);
  const [snap, name, extra] = parsed.args.operands;
  if (snap === undefined) return zfsUsage('clone', 'missing source dataset argument');
  if (name === undefined) return zfsUsage('clone', 'missing target dataset argument');
  if (extra !== undefined) return zfsUsage('clone', 'too many arguments');
  const r = cloneSnapshot(ctx.world, ctx.host.name, snap, name);
  if (r.ok) return { stdout: '', stderr: '', exitCode: 0 };
  const head = r.error.message === 'dataset does not exist' ? `cannot open '${snap}'` : `cannot create '${name}'`;
  return { stdout: '', stderr: `${head}: ${r.error.message}\n`, exitCode: 1 };
}
