/**
 * `zpool clear POOL [DEVICE]`: resets the READ/WRITE/CKSUM counters (zpool_main.c
 * zpool_do_clear), what `zpool status` advises after a repair. The permanent-error list
 * stays (OpenZFS drops it only after later scrubs find the files clean); a failed disk
 * stays failed.
 */
// @sim zpool | OpenZFS 2.3 zpool clear POOL [DEVICE]: error counters reset; permanent errors kept
import type { CommandContext, CommandResult } from '../command-spec';
import { zfsHost } from '../../engines/zfs/state';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool clear ARGS`. */
export function zpoolClear(ctx: CommandContext, argv: string[]): CommandResult {
  const bad = argv.find((a) => a.startsWith('-') && !/^-[FnX]+$/.test(a));
  if (bad) return zpoolUsage('clear', `invalid option '${bad.slice(1, 2)}'`);
  const [name, device, extra] = argv.filter((a) => !a.startsWith('-'));
  if (name === undefined) return zpoolUsage('clear', 'missing pool name');
  if (extra !== undefined) return zpoolUsage('clear', 'too many arguments');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  const leaves = pool.vdevs.flatMap((v) => v.leaves);
  const devices = ctx.world.kernel[ctx.host.name]?.devices ?? [];
  const chosen = device === undefined ? leaves : leaves.filter((l) => l === device.replace(/^\/dev\//, '') || devices.find((d) => d.name === l)?.parent === device.replace(/^\/dev\//, ''));
  if (device !== undefined && chosen.length === 0) return { stdout: '', stderr: `cannot clear errors for ${device}: no such device in pool\n`, exitCode: 1 };
  for (const l of chosen) {
    const h = pool.health?.[l];
    if (h) h.read = h.write = h.cksum = 0;
  }
  if (device === undefined) delete pool.vdevCksum;
  return { stdout: '', stderr: '', exitCode: 0 };
}
