/**
 * `e2fsck -n DEVICE` (also `fsck.ext4`): checks an ext4 filesystem without changing it and
 * prints the passes, the problems each found (answering "no") and the summary line, with
 * e2fsck's exit status: 0 clean, 4 errors left uncorrected, 8 operational error.
 */
// @sim e2fsck | e2fsprogs 1.47.2 e2fsck -n/-f (unix.c show_stats, the pass headers, "WARNING: Filesystem still has errors", status 0/4/8); version line on stderr; checked against the real e2fsck on a fresh image
// @sim fsck.ext4 | e2fsprogs 1.47.2 fsck.ext4 (the same program as e2fsck, by another name): -n checks as e2fsck -n
import { checkExt4, isDeviceMounted } from '../../engines/iscsi';
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { blockDeviceAt } from '../block-device-path';

const VERSION = 'e2fsck 1.47.2 (1-Jan-2025)';
const PASS_HEADERS: [string, string][] = [
  ['1', 'Pass 1: Checking inodes, blocks, and sizes\n'],
  ['2', 'Pass 2: Checking directory structure\n'],
  ['3', 'Pass 3: Checking directory connectivity\n'],
  ['4', 'Pass 4: Checking reference counts\n'],
  ['5', 'Pass 5: Checking group summary information\n'],
];

/** Runs e2fsck under the name `prog`. */
function e2fsckRun(prog: string, ctx: CommandContext, argv: string[]): CommandResult {
  const flags = argv.filter((a) => a.startsWith('-')).join('');
  const operands = argv.filter((a) => !a.startsWith('-'));
  const path = operands[0];
  if (path === undefined) return { stdout: '', stderr: `Usage: ${prog} [-panyrcdfktvDFV] [-b superblock] [-B blocksize]\n\t\t[-l|-L bad_blocks_file] [-C fd] [-j external_journal]\n\t\t[-E extended-options] [-z undo_file] device\n`, exitCode: 16 };
  if (!flags.includes('n')) return { stdout: '', stderr: `${VERSION}\n${prog}: only -n (check without changing anything) is simulated\n`, exitCode: 8 };
  const dev = blockDeviceAt(ctx, path);
  if (typeof dev === 'string') return { stdout: '', stderr: `${VERSION}\n${prog}: No such file or directory while trying to open ${path}\nPossibly non-existent device?\n`, exitCode: 8 };
  const mounted = isDeviceMounted(ctx.world, ctx.host.name, dev.name) ? `Warning!  ${path} is mounted.\n` : '';
  const check = checkExt4(ctx.world, ctx.host.name, dev.name);
  if (!check) {
    return { stdout: `ext2fs_open2: Bad magic number in super-block\n${prog}: Superblock invalid, trying backup blocks....\n${prog}: Bad magic number in super-block while trying to open ${path}\n`, stderr: `${VERSION}\n`, exitCode: 8 };
  }
  let out = mounted;
  for (const [pass, header] of PASS_HEADERS) {
    out += header;
    if (pass === '1') {
      const dup = check.problems.filter((p) => p.pass === '1B');
      if (dup.length > 0) out += `\nRunning additional passes to resolve blocks claimed by more than one inode...\nPass 1B: Rescanning for multiply-claimed blocks\n${dup.map((p) => p.text).join('')}`;
    }
    for (const p of check.problems) if (String(p.pass) === pass) out += p.text;
  }
  const summary = `${path}: ${check.usedInodes}/${check.inodes} files (0.0% non-contiguous), ${check.usedBlocks}/${check.blocks} blocks\n`;
  if (check.problems.length === 0) return { stdout: out + summary, stderr: `${VERSION}\n`, exitCode: 0 };
  return { stdout: `${out}\n${path}: ********** WARNING: Filesystem still has errors **********\n\n${summary}`, stderr: `${VERSION}\n`, exitCode: 4 };
}

/** The spec both names share. */
function spec(name: string): Command['spec'] {
  return {
    name,
    summary: 'check an ext4 filesystem (read-only with -n)',
    usage: `${name} -n [-f] device`,
    description: 'Check a Linux ext2/ext3/ext4 file system.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 16,
    imitates: 'e2fsprogs 1.47.2 e2fsck',
    simplified: 'only -n (no repairs); a full check every time; pass 1B lists the shared blocks without the 1C/1D reports; non-contiguous is always 0.0%',
  };
}

/** `e2fsck`. */
export const e2fsck: Command = { spec: spec('e2fsck'), hosts: ['proxmox', 'linux'], run: (ctx, argv) => e2fsckRun('e2fsck', ctx, argv) };
/** `fsck.ext4` (the same program). */
export const fsckExt4: Command = { spec: spec('fsck.ext4'), hosts: ['proxmox', 'linux'], run: (ctx, argv) => e2fsckRun('fsck.ext4', ctx, argv) };
