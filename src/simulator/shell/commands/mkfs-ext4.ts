/**
 * `mkfs.ext4 [-F] [-q] [-L LABEL] DEVICE`: makes an ext4 filesystem on a block device with
 * mke2fs's output — the version line, the discard and group progress (each counter printed
 * once, then rubbed out with backspaces: lib/ext2fs/progress.c), the geometry, the UUID, the
 * backup superblocks wrapped at 72 columns (misc/mke2fs.c show_stats), the journal. It
 * refuses a mounted device and asks before overwriting an existing filesystem.
 */
// @sim mkfs.ext4 | e2fsprogs 1.47.2 mke2fs (Debian 13): the version line on stderr, output of show_stats and progress.c, "is mounted; will not make a filesystem here!", "contains a ext4 file system ... Proceed anyway? (y,N)", -F -q -L; checked against the real mkfs.ext4 1.47.0 on an image
import { ext4Geometry, isDeviceMounted, makeExt4, probeExt4, type Ext4Geometry } from '../../engines/iscsi';
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { blockDeviceAt } from '../block-device-path';

/** e2fsprogs version line (Debian 13 ships 1.47.2). */
export const MKE2FS_VERSION = 'mke2fs 1.47.2 (1-Jan-2025)';

const USAGE = `Usage: mkfs.ext4 [-c|-l filename] [-b block-size] [-C cluster-size]
	[-i bytes-per-inode] [-I inode-size] [-J journal-options]
	[-G flex-group-size] [-N number-of-inodes] [-d root-directory|tarball]
	[-m reserved-blocks-percentage] [-o creator-os]
	[-g blocks-per-group] [-L volume-label] [-M last-mounted-directory]
	[-O feature[,...]] [-r fs-revision] [-E extended-option[,...]]
	[-t fs-type] [-T usage-type ] [-U UUID] [-e errors_behavior][-z undo_file]
	[-jnqvDFSV] device [blocks-count]
`;

/** progress.c: `0/MAX` padded to MAX's width, rubbed out, then "done" and its padding. */
function progress(max: number, done = 'done                            \n'): string {
  const w = String(max).length;
  const counter = `${'0'.padStart(w)}/${String(max).padStart(w)}`;
  const back = '\b'.repeat(counter.length);
  return `${counter}${back}${' '.repeat(counter.length)}${back}${done}`;
}

/** show_stats(): the backup superblock list, wrapped as mke2fs wraps it. */
function backups(g: Ext4Geometry): string {
  if (g.groups <= 1) return '';
  let out = 'Superblock backups stored on blocks: ';
  let left = 0;
  g.backups.forEach((block, i) => {
    if (i > 0) out += ', ';
    const need = String(block).length + 1;
    if (need > left) {
      out += '\n\t';
      left = 72;
    }
    left -= need;
    out += String(block);
  });
  return `${out}\n\n`;
}

/** The `mkfs.ext4` command. */
export const mkfsExt4: Command = {
  spec: {
    name: 'mkfs.ext4',
    summary: 'make an ext4 filesystem on a block device',
    usage: 'mkfs.ext4 [-F] [-q] [-L volume-label] device',
    description: 'Create an ext4 filesystem.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 1,
    imitates: 'e2fsprogs 1.47.2 mke2fs',
    simplified:
      'always 4 KiB blocks and one inode per 16 KiB (mke2fs uses 1 KiB blocks below 512 MiB); options other than -F, -q, -L are refused; the filesystem is the simulator\'s ext4 (see the ext4 driver)',
  },
  hosts: ['proxmox', 'linux'],
  run(ctx: CommandContext, argv: string[]): CommandResult {
    let force = 0;
    let quiet = false;
    let label = '';
    const operands: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a === '-F') force++;
      else if (a === '-q') quiet = true;
      else if (a === '-L' || a.startsWith('-L')) {
        const v = a === '-L' ? argv[++i] : a.slice(2);
        if (v === undefined) return { stdout: '', stderr: `mkfs.ext4: option requires an argument -- 'L'\n${USAGE}`, exitCode: 1 };
        if (v.length > 16) return { stdout: '', stderr: `${MKE2FS_VERSION}\nWarning: label too long; will be truncated to '${v.slice(0, 16)}'\n\n`, exitCode: 1 };
        label = v;
      } else if (a === '-t' && argv[i + 1] === 'ext4') i++;
      else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `mkfs.ext4: invalid option -- '${a[1] ?? ''}'\n${USAGE}`, exitCode: 1 };
      else operands.push(a);
    }
    const path = operands[0];
    if (path === undefined || operands.length > 2) return { stdout: '', stderr: USAGE, exitCode: 1 };
    // mke2fs.c PRS(): the version line goes to stderr.
    const head = quiet ? '' : `${MKE2FS_VERSION}\n`;
    const dev = blockDeviceAt(ctx, path);
    if (dev === 'ENOENT') return { stdout: '', stderr: `${head}The file ${path} does not exist and no size was specified.\n`, exitCode: 1 };
    if (dev === 'ENOTBLK') return { stdout: '', stderr: `${head}mkfs.ext4: ${path} is not a block device (the simulator makes filesystems on devices only)\n`, exitCode: 1 };
    if (isDeviceMounted(ctx.world, ctx.host.name, dev.name)) return { stdout: '', stderr: `${head}${path} is mounted; will not make a filesystem here!\n`, exitCode: 1 };
    if (dev.readOnly) return { stdout: '', stderr: `${head}mkfs.ext4: Read-only file system while setting up superblock\n`, exitCode: 1 };
    const chunks: { fd: 1 | 2; text: string }[] = head ? [{ fd: 2, text: head }] : [];
    let out = '';
    const result = (exitCode: number): CommandResult => ({ stdout: out, stderr: head, exitCode, chunks: [...chunks, ...(out ? [{ fd: 1 as const, text: out }] : [])] });
    if (!force && probeExt4(ctx.world, ctx.host.name, dev)) {
      // misc/util.c check_plausibility + proceed_question: asks on the terminal, reads a line.
      out += `${path} contains a ext4 file system\nProceed anyway? (y,N) `;
      const answer = (ctx.stdin ?? '').split('\n')[0] ?? '';
      if (!/^[yY]/.test(answer)) return result(1);
    }
    const g = ext4Geometry(dev.size);
    const made = makeExt4(ctx.world, ctx.host.name, dev.name, label);
    if (!made.ok) return { stdout: out, stderr: `${head}mkfs.ext4: ${made.errno} while setting up superblock\n`, exitCode: 1 };
    ctx.shell.spend(1_000);
    if (quiet) return { stdout: '', stderr: '', exitCode: 0 };
    out += `Discarding device blocks: ${progress(g.blocks)}`;
    out += `Creating filesystem with ${g.blocks} 4k blocks and ${g.inodes} inodes\n`;
    out += `Filesystem UUID: ${made.uuid}\n`;
    out += backups(g);
    out += `Allocating group tables: ${progress(g.groups)}`;
    out += `Writing inode tables: ${progress(g.groups)}`;
    if (g.journalBlocks > 0) out += `Creating journal (${g.journalBlocks} blocks): done\n`;
    out += `Writing superblocks and filesystem accounting information: ${progress(g.groups, 'done\n\n')}`;
    return result(0);
  },
};
