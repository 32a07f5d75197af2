/**
 * The block device a path names (`/dev/sdb`, `/dev/disk/by-path/...`): the registry entry
 * whose major:minor the device node carries, as the kernel finds a bdev from an inode.
 */
import type { BlockDevice } from '../engines/kernel/types';
import type { CommandContext } from './command-spec';
import { resolvePath } from './path';

/** The device at `path`, or why not: 'ENOENT' (no such file) or 'ENOTBLK' (not a block device). */
export function blockDeviceAt(ctx: CommandContext, path: string): BlockDevice | 'ENOENT' | 'ENOTBLK' {
  const st = ctx.vfs.stat(resolvePath(ctx.cwd, path), true);
  if (!st.ok) return 'ENOENT';
  if (st.value.type !== 'blk' || !st.value.rdev) return 'ENOTBLK';
  const [major, minor] = st.value.rdev;
  return ctx.world.kernel[ctx.vfs.host]?.devices.find((d) => d.major === major && d.minor === minor) ?? 'ENOTBLK';
}
