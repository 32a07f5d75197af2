/**
 * `zfs mount` (list the mounted filesystems, or mount one / -a all) and `zfs unmount`
 * (zfs_main.c share_mount / unshare_unmount: the list is "%-30s  %s" name and mountpoint).
 * The files of an unmounted dataset stay on the pool.
 */
// @sim zfs | OpenZFS 2.3 zfs mount [-a] [DATASET], zfs unmount [-a] DATASET|PATH: files kept while unmounted
import type { CommandContext, CommandResult } from '../command-spec';
import { isMounted, mountKeeping, unmountKeeping } from '../../engines/zfs/rename-ops';
import { listDatasets } from '../../engines/zfs/report';
import { mountedPath } from '../../model/mountpoints';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs mount ARGS`. */
export function zfsMount(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'aflvo:O');
  if (!parsed.ok) return zfsUsage('mount', parsed.message);
  const host = ctx.host.name;
  const filesystems = listDatasets(ctx.world, host).filter((r) => r.type === 'filesystem');
  const [name] = parsed.args.operands;
  if (name === undefined && !parsed.args.flags.a) {
    const rows = filesystems.filter((r) => isMounted(ctx.world, host, r.name));
    return { stdout: rows.map((r) => `${r.name.padEnd(30)}  ${mountedPath(ctx.host, r.name) ?? ''}\n`).join(''), stderr: '', exitCode: 0 };
  }
  if (parsed.args.flags.a) {
    for (const r of filesystems) mountKeeping(ctx.world, host, r.name);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const target = filesystems.find((r) => r.name === name);
  if (!target) return { stdout: '', stderr: `cannot open '${name}': dataset does not exist\n`, exitCode: 1 };
  if (isMounted(ctx.world, host, target.name)) return { stdout: '', stderr: `cannot mount '${name}': filesystem already mounted\n`, exitCode: 1 };
  if (!mountKeeping(ctx.world, host, target.name)) return { stdout: '', stderr: `cannot mount '${name}': no mountpoint set\n`, exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** Runs `zfs unmount ARGS` (also `zfs umount`). */
export function zfsUnmount(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'afu');
  if (!parsed.ok) return zfsUsage('unmount', parsed.message);
  const host = ctx.host.name;
  const filesystems = listDatasets(ctx.world, host).filter((r) => r.type === 'filesystem');
  if (parsed.args.flags.a) {
    for (const r of [...filesystems].reverse()) if (mountedPath(ctx.host, r.name) !== '/') unmountKeeping(ctx.world, host, r.name);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const [arg] = parsed.args.operands;
  if (arg === undefined) return zfsUsage('unmount', 'missing filesystem argument');
  const byPath = filesystems.find((r) => mountedPath(ctx.host, r.name) === arg);
  const target = byPath ?? filesystems.find((r) => r.name === arg);
  if (!target) return { stdout: '', stderr: arg.startsWith('/') ? `cannot unmount '${arg}': not a mountpoint\n` : `cannot open '${arg}': dataset does not exist\n`, exitCode: 1 };
  if (!isMounted(ctx.world, host, target.name)) return { stdout: '', stderr: `cannot unmount '${arg}': not currently mounted\n`, exitCode: 1 };
  if (!unmountKeeping(ctx.world, host, target.name)) return { stdout: '', stderr: `cannot unmount '${mountedPath(ctx.host, target.name) ?? arg}': pool or dataset is busy\n`, exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}
