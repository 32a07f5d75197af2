/**
 * `zpool add [-f] POOL VDEV...` (zpool_main.c zpool_do_add): new top-level vdevs; a
 * replication mismatch is refused without -f, as zpool_vdev.c check_replication prints it.
 */
// @sim zpool | OpenZFS 2.3 zpool add [-f] POOL VDEV...: usage errors, in-use disks, mismatched replication level unless -f
import type { CommandContext, CommandResult } from '../command-spec';
import { parseVdevSpec } from '../../engines/zfs/pool-ops';
import { zfsHost } from '../../engines/zfs/state';
import { addVdevs } from '../../engines/zfs/vdev-add';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool add ARGS`. */
export function zpoolAdd(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'f');
  if (!parsed.ok) return zpoolUsage('add', parsed.message);
  const [name, ...spec] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('add', 'missing pool name argument');
  if (spec.length === 0) return zpoolUsage('add', 'missing vdev specification');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  const vdevs = parseVdevSpec(spec);
  if (!vdevs.ok) return { stdout: '', stderr: `${vdevs.message}\n`, exitCode: 1 };
  const r = addVdevs(ctx.world, ctx.host.name, pool, vdevs, parsed.args.flags.f !== undefined);
  if (!r.ok) return { stdout: '', stderr: r.lines.map((l, i) => (i === 0 && r.prefixed ? `cannot add to '${name}': ${l}` : l) + '\n').join(''), exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}
