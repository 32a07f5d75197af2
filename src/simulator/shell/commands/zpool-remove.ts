/**
 * `zpool remove [-npsw] POOL DEVICE...` (zpool_main.c zpool_do_remove): cache disks, spares
 * and log vdevs leave the pool at once; each failure prints "cannot remove DEV: REASON" and
 * makes the status 1 while the other devices are still tried.
 */
// @sim zpool | OpenZFS 2.3 zpool remove [-npsw] POOL DEVICE...: cache/spare/log removal, -s with nothing in progress, usage errors
import type { CommandContext, CommandResult } from '../command-spec';
import { removeDevice } from '../../engines/zfs/vdev-remove';
import { zfsHost } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool remove ARGS`. */
export function zpoolRemove(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'npsw');
  if (!parsed.ok) return zpoolUsage('remove', parsed.message);
  const f = parsed.args.flags;
  const [name, ...devices] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('remove', 'missing pool name argument');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  if (f.s && f.n) return { stdout: '', stderr: 'stop request ignored\n', exitCode: 0 };
  if (f.s) {
    if (devices.length > 0) return zpoolUsage('remove', 'too many arguments');
    if (f.w) return zpoolUsage('remove', 'invalid option combination: -w cannot be used with -s');
    // zpool_vdev_remove_cancel: ENOTACTIVE (no removal is ever running here).
    return { stdout: '', stderr: 'cannot cancel removal: operation is not in progress\n', exitCode: 1 };
  }
  if (devices.length === 0) return zpoolUsage('remove', 'missing device');
  let stdout = '';
  let stderr = '';
  for (const d of devices) {
    if (f.n) {
      // A log, cache or spare leaves no indirect mapping behind: 0 bytes of memory.
      stdout += f.p ? `${d} 0\n` : `Memory that will be used after removing ${d}: 0\n`;
      continue;
    }
    const r = removeDevice(ctx.world, ctx.host.name, pool, d);
    if (!r.ok) stderr += `cannot remove ${d}: ${r.message}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
