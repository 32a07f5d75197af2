/**
 * `mount`: lists the mount table of the shell's mount namespace as util-linux prints it
 * (`SOURCE on TARGET type FSTYPE (OPTIONS)`, sys-utils/mount.c print_all), filtered by
 * `-t`; bind mounts (`--bind`/`-B`, `--rbind`/`-R`, `-o bind`) are made in the kernel's
 * mount table. Mounting a device or a dataset answers with libmount's checks first (a
 * missing mount point or device); an ext4 block device is mounted through the ext4 driver, other
 * sources are answered as not simulated yet.
 */
// @sim mount | util-linux 2.41 mount(8): listing (no operands, -l, -t TYPE[,TYPE], the no-prefix), --bind/--rbind/-o bind[,ro] SRC DST; libmount's messages and exit status 32 for a missing mount point or device; mounting an ext4 block device (ext4 engine) with wrong-fs-type and already-mounted messages; other devices, datasets and NFS are refused
import { fail, ok, type Command, type CommandContext, type CommandResult } from '../command-spec';
import { addMount } from '../../engines/kernel/mounts';
import { isUnder } from '../../engines/kernel/path';
import { matchFstype, mountEntries } from '../mount-table';
import { isNfsMount, mountNfs } from '../nfs-mount';
import { resolvePath } from '../path';
import { blockDeviceAt } from '../block-device-path';
import { mountExt4 } from '../../engines/iscsi';

/** libmount MNT_EX_* exit statuses (libmount.h). */
export const MNT_EX = { usage: 1, fail: 32 } as const;

/** What `mount -V` and `umount -V` print after their name (util-linux 2.41 on Debian 13: the libmount version and features). */
export const LIBMOUNT_VERSION = 'from util-linux 2.41 (libmount 2.41.0: selinux, smack, btrfs, verity, namespaces, idmapping, fd-based-mount, statx, assert, debug)';

/** util-linux errtryhelp() after "bad usage". */
function badUsage(name: string): CommandResult {
  return fail(`${name}: bad usage\nTry '${name} --help' for more information.`, MNT_EX.usage);
}

/** mk_exit_code(): `mount: TARGET: MESSAGE.` and, after a failed mount(2), the dmesg hint. */
function mountError(spec: string, message: string, syscall: boolean): CommandResult {
  const hint = syscall ? '       dmesg(1) may have more information after failed mount system call.\n' : '';
  return { stdout: '', stderr: `mount: ${spec}: ${message}.\n${hint}`, exitCode: MNT_EX.fail };
}

/** print_all(): every mount of the namespace, in mountinfo order, of the wanted types. */
function listMounts(ctx: CommandContext, types: string | undefined): CommandResult {
  let out = '';
  for (const fs of mountEntries(ctx.world, ctx.vfs)) {
    if (types !== undefined && !matchFstype(fs.fstype, types)) continue;
    // safe_fputs(): control characters in the target print as '?'.
    const target = fs.target.replace(/[\x00-\x1f\x7f]/g, '?');
    out += `${fs.source} on ${target} type ${fs.fstype} (${fs.options})\n`;
  }
  return ok(out);
}

/** A bind mount of `source` on `target` (with its submounts for --rbind), as mount(2) MS_BIND does it. */
function bindMount(ctx: CommandContext, sourceArg: string, targetArg: string, recursive: boolean, readOnly: boolean): CommandResult {
  const target = ctx.vfs.resolve(resolvePath(ctx.cwd, targetArg));
  // libmount canonicalizes an existing target; a missing one is reported as typed.
  if (!target.ok) return mountError(targetArg, 'mount point does not exist', true);
  const source = ctx.vfs.resolve(resolvePath(ctx.cwd, sourceArg));
  if (!source.ok) return mountError(target.value.path, `special device ${sourceArg} does not exist`, true);
  const srcDir = ctx.vfs.kind(source.value.path) === 'dir';
  const dstDir = ctx.vfs.kind(target.value.path) === 'dir';
  // do_loopback(): a directory goes onto a directory, anything else onto a non-directory (ENOTDIR).
  if (srcDir !== dstDir) return mountError(target.value.path, 'mount point is not a directory', true);
  const k = ctx.world.kernel[ctx.vfs.host];
  if (!k) return mountError(target.value.path, 'mount failed', true);
  // The new mount shows the source's directory inside its filesystem; it keeps the source mount's flags (clone_mnt()).
  const withRoot = (mount: typeof source.value.mount, path: string): string => {
    const rel = mount.path === '/' ? path : path.slice(mount.path.length);
    const root = (mount.root === '/' ? '' : mount.root) + rel;
    return root === '' ? '/' : root;
  };
  const flags = (options: string): string => (readOnly ? options.replace(/^rw(?=,|$)/, 'ro') : options);
  const table = ctx.vfs.mounts();
  // Submounts below the source, copied for --rbind (parents first, as mountinfo lists them).
  const below = recursive ? table.filter((m) => m !== source.value.mount && isUnder(m.path, source.value.path) && m.path !== source.value.path) : [];
  addMount(ctx.world, ctx.vfs.host, ctx.proc.ns.mnt, source.value.mount.sb, target.value.path, flags(source.value.mount.options), withRoot(source.value.mount, source.value.path));
  for (const m of below) {
    const rel = source.value.path === '/' ? m.path : m.path.slice(source.value.path.length);
    addMount(ctx.world, ctx.vfs.host, ctx.proc.ns.mnt, m.sb, target.value.path === '/' ? rel : target.value.path + rel, flags(m.options), m.root);
  }
  return ok();
}

/**
 * `mount DEVICE DIR`: the checks libmount makes before mount(2), then mount(2) itself for an
 * ext4 block device (the iSCSI engine's ext4 driver); other sources are not simulated.
 */
function mountDevice(ctx: CommandContext, sourceArg: string, targetArg: string, readOnly: boolean): CommandResult {
  const target = ctx.vfs.resolve(resolvePath(ctx.cwd, targetArg));
  if (!target.ok) return mountError(targetArg, 'mount point does not exist', true);
  if (sourceArg.startsWith('/') || sourceArg.startsWith('.')) {
    if (ctx.vfs.kind(resolvePath(ctx.cwd, sourceArg)) === null) return mountError(target.value.path, `special device ${sourceArg} does not exist`, true);
    const dev = blockDeviceAt(ctx, sourceArg);
    if (typeof dev !== 'string') {
      // libmount: "already mounted on" when this device is mounted at this very place (mk_exit_code EBUSY).
      const here = ctx.vfs.mounts().find((m) => m.path === target.value.path && ctx.world.kernel[ctx.vfs.host]?.superblocks[m.sb]?.source === `/dev/${dev.name}`);
      if (here) return mountError(target.value.path, `/dev/${dev.name} already mounted on ${target.value.path}`, false);
      if (ctx.vfs.kind(target.value.path) !== 'dir') return mountError(target.value.path, 'mount point is not a directory', true);
      // blkid names another signature (a ZFS member, an EFI partition): mount(2) with that type gives ENODEV.
      if (dev.fstype && dev.fstype !== 'ext4') return mountError(target.value.path, `unknown filesystem type '${dev.fstype}'`, true);
      const made = mountExt4(ctx.world, ctx.vfs.host, ctx.proc.ns.mnt, dev.name, target.value.path, readOnly);
      if (typeof made !== 'string') return ok();
      // libmount mk_exit_code(): EINVAL from mount(2) without a known type.
      return mountError(target.value.path, `wrong fs type, bad option, bad superblock on ${sourceArg}, missing codepage or helper program, or other error`, true);
    }
  }
  return mountError(target.value.path, `mounting ${sourceArg} is not simulated yet: block devices with ext4 are, datasets mount with the ZFS engine (zfs mount)`, false);
}

/** The `mount` command. */
export const mount: Command = {
  spec: {
    name: 'mount',
    summary: 'list mounted filesystems, make bind mounts',
    usage: 'mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n mount [options] <source> <directory>\n mount <operation> <mountpoint> [<target>]',
    description: 'Mount a filesystem.\n\nOptions:',
    options: [
      { key: 'all', short: 'a', long: 'all', help: 'mount all filesystems mentioned in fstab' },
      { key: 'fake', short: 'f', long: 'fake', help: 'dry run; skip the mount(2) syscall' },
      { key: 'labels', short: 'l', long: 'show-labels', help: 'show also filesystem labels' },
      { key: 'noMtab', short: 'n', long: 'no-mtab', help: "don't write to /etc/mtab" },
      { key: 'options', short: 'o', long: 'options', value: 'list', help: 'comma-separated list of mount options' },
      { key: 'readOnly', short: 'r', long: 'read-only', help: 'mount the filesystem read-only (same as -o ro)' },
      { key: 'types', short: 't', long: 'types', value: 'list', help: 'limit the set of filesystem types' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'say what is being done' },
      { key: 'rw', short: 'w', long: 'rw', help: 'mount the filesystem read-write (default)' },
      { key: 'bind', short: 'B', long: 'bind', help: 'mount a subtree somewhere else (same as -o bind)' },
      { key: 'move', short: 'M', long: 'move', help: 'move a subtree to some other place' },
      { key: 'rbind', short: 'R', long: 'rbind', help: 'mount a subtree and all submounts somewhere else' },
      { key: 'version', short: 'V', long: 'version', help: 'display version' },
    ],
    arguments: 'gnu',
    usageStatus: MNT_EX.usage,
    imitates: 'util-linux 2.41 mount',
    simplified: 'lists mounts, makes bind mounts and mounts ext4 block devices; mounting other devices, datasets and NFS shares, --move, -a and fstab lookups are not simulated; no filesystem labels to show with -l',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (f['version']) return ok(`mount ${LIBMOUNT_VERSION}\n`);
    const types = typeof f['types'] === 'string' ? f['types'] : undefined;
    const options = typeof f['options'] === 'string' ? f['options'].split(',').filter((o) => o !== '') : [];
    const bind = Boolean(f['bind']) || options.includes('bind');
    const rbind = Boolean(f['rbind']) || options.includes('rbind');
    const oper = bind || rbind || Boolean(f['move']);
    const args = opts.operands;
    if (args.length === 0 && !f['all']) {
      // mount.c: an operation or options without a source or target is "bad usage".
      if (oper || options.length > 0) return badUsage('mount');
      return listMounts(ctx, types);
    }
    if (oper && (types !== undefined || f['all'])) return badUsage('mount');
    // Everything /etc/fstab lists was mounted at boot: nothing is left for -a to do.
    if (f['all']) return ok();
    if (args.length > 2) return badUsage('mount');
    if (args.length === 1) {
      // One operand is looked up in /etc/fstab (libmount MNT_ERR_NOFSTAB when absent).
      return fail(`mount: ${args[0]}: can't find in /etc/fstab.`, MNT_EX.usage);
    }
    const [source, target] = args as [string, string];
    if (f['move']) return mountError(target, 'moving a mount is not simulated', false);
    if (bind || rbind) {
      const other = options.filter((o) => !['bind', 'rbind', 'ro', 'rw'].includes(o));
      if (other.length > 0) return mountError(target, `the bind mount options ${other.join(',')} are not simulated`, false);
      return bindMount(ctx, source, target, rbind, Boolean(f['readOnly']) || options.includes('ro'));
    }
    if (isNfsMount(source, types)) return mountNfs(ctx, source, target);
    return mountDevice(ctx, source, target, Boolean(f['readOnly']) || options.includes('ro'));
  },
};
