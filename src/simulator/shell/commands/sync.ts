/**
 * `sync [-d|-f] [FILE]...`: flushes what is written to the disks (coreutils 9.7 sync.c:
 * sync(2) without files, fsync/syncfs per FILE). On ZFS that ends the open txg: its blocks
 * and a new uberblock reach the disks, so a power cut after it keeps them.
 */
// @sim sync | GNU coreutils 9.7 sync [-d] [-f] [FILE]...: ZFS pools sync their open txg; missing files report "error opening"
import type { Command } from '../command-spec';
import { syncTxg } from '../../engines/zfs/pool';
import { zfsHost } from '../../engines/zfs/state';
import { quoteaf } from '../input-files';
import { resolvePath } from '../path';
import { STRERROR } from '../../engines/kernel/errno';

/** The `sync` command. */
export const sync: Command = {
  spec: {
    name: 'sync',
    summary: 'synchronize cached writes to persistent storage',
    usage: 'sync [OPTION] [FILE]...',
    description: 'Synchronize cached writes to persistent storage\n\nIf one or more files are specified, sync only them,\nor their containing file systems.\n',
    options: [
      { key: 'data', short: 'd', long: 'data', help: 'sync only file data, no unneeded metadata' },
      { key: 'fs', short: 'f', long: 'file-system', help: 'sync the file systems that contain the files' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 sync',
    simplified: 'every ZFS pool of the host syncs its open txg, whichever files are named',
  },
  run(ctx, _argv, opts) {
    if (opts.flags.data && opts.flags.fs) return { stdout: '', stderr: "sync: cannot specify both --data and --file-system\nTry 'sync --help' for more information.\n", exitCode: 1 };
    if (opts.flags.data && opts.operands.length === 0) return { stdout: '', stderr: "sync: --data needs at least one argument\nTry 'sync --help' for more information.\n", exitCode: 1 };
    let stderr = '';
    for (const f of opts.operands) {
      const r = ctx.vfs.resolve(resolvePath(ctx.cwd, f));
      if (!r.ok) stderr += `sync: error opening ${quoteaf(f)}: ${STRERROR[r.errno]}\n`;
    }
    for (const pool of Object.values(zfsHost(ctx.world, ctx.host.name).pools)) syncTxg(ctx.world, pool);
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  },
};
