/**
 * `umount`: removes a mount from the shell's mount namespace (umount2(2)), found by its
 * mount point or its source as libmount finds it, with libmount's messages: `not mounted`
 * (EINVAL), `target is busy` (EBUSY: mounts below it, or a process working inside it),
 * `no mount point specified` (ENOENT), each with exit status 32. `-R` unmounts the mounts
 * below first; `-l` detaches the whole subtree even when it is busy.
 */
// @sim umount | util-linux 2.41 umount(8): by mount point or source, -R, -l, -q; EINVAL/EBUSY/ENOENT messages and exit status 32 (libmount context_umount.c mnt_context_get_umount_excode)
import { fail, ok, type Command, type CommandContext, type CommandResult } from '../command-spec';
import { listProcesses } from '../../engines/kernel/processes';
import { removeMount } from '../../engines/kernel/mounts';
import { isUnder } from '../../engines/kernel/path';
import type { MountEntry } from '../../engines/kernel/types';
import { mountEntries } from '../mount-table';
import { resolvePath } from '../path';
import { LIBMOUNT_VERSION, MNT_EX } from './mount';

/** `umount: SPEC: MESSAGE.` with status 32 (mk_exit_code()). */
function umountError(spec: string, message: string): CommandResult {
  return fail(`umount: ${spec}: ${message}.`, MNT_EX.fail);
}

/** The topmost mount at `path` in the view's table. */
function topMountAt(table: MountEntry[], path: string): MountEntry | undefined {
  return [...table].reverse().find((m) => m.path === path);
}

/** Mounts strictly below `m` (its children, their children...), deepest last-made first. */
function mountsBelow(table: MountEntry[], m: MountEntry): MountEntry[] {
  const out: MountEntry[] = [];
  const walk = (parent: number): void => {
    for (const c of table) if (c.parent === parent && c !== m) {
      walk(c.id);
      out.push(c);
    }
  };
  walk(m.id);
  return out;
}

/** Unmounts one operand. */
function umountOne(ctx: CommandContext, arg: string, recursive: boolean, lazy: boolean, quiet: boolean): CommandResult | null {
  const table = ctx.vfs.mounts();
  const resolved = ctx.vfs.resolve(resolvePath(ctx.cwd, arg));
  let target = resolved.ok ? topMountAt(table, resolved.value.path) : undefined;
  if (!target) {
    // Not a mount point: libmount then looks for the operand as a mount's source.
    const bySource = [...mountEntries(ctx.world, ctx.vfs)].reverse().find((fs) => fs.source === arg);
    target = bySource ? topMountAt(table, bySource.target) : undefined;
  }
  if (!target) {
    if (!resolved.ok) return umountError(arg, 'no mount point specified');
    // umount2(2) on a directory that is no mount point: EINVAL ("not mounted"); -q keeps quiet (status 32 still).
    return quiet ? { stdout: '', stderr: '', exitCode: MNT_EX.fail } : umountError(resolved.value.path, 'not mounted');
  }
  const spec = target.path;
  const below = mountsBelow(table, target);
  if (!lazy) {
    if (below.length > 0 && !recursive) return umountError(spec, 'target is busy');
    // A process whose working directory is inside keeps the filesystem busy (the shell itself too).
    const busy = listProcesses(ctx.world, ctx.vfs.host).some((p) => p.ns.mnt === ctx.proc.ns.mnt && !p.kernel && isUnder(p.cwd, spec));
    if (busy) return umountError(spec, 'target is busy');
  }
  for (const m of [...below, target]) {
    const r = removeMount(ctx.world, ctx.vfs.host, ctx.proc.ns.mnt, m.path);
    if (typeof r === 'string') return umountError(m.path, r === 'EBUSY' ? 'target is busy' : 'not mounted');
  }
  return null;
}

/** The `umount` command. */
export const umount: Command = {
  spec: {
    name: 'umount',
    summary: 'unmount filesystems',
    usage: 'umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>',
    description: 'Unmount filesystems.\n\nOptions:',
    options: [
      { key: 'all', short: 'a', long: 'all', help: 'unmount all filesystems' },
      { key: 'force', short: 'f', long: 'force', help: 'force unmount (in case of an unreachable NFS system)' },
      { key: 'noMtab', short: 'n', long: 'no-mtab', help: "don't write to /etc/mtab" },
      { key: 'lazy', short: 'l', long: 'lazy', help: 'detach the filesystem now, clean up things later' },
      { key: 'recursive', short: 'R', long: 'recursive', help: 'recursively unmount a target with all its children' },
      { key: 'readOnly', short: 'r', long: 'read-only', help: 'in case unmounting fails, try to remount read-only' },
      { key: 'types', short: 't', long: 'types', value: 'list', help: 'limit the set of filesystem types' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'say what is being done' },
      { key: 'quiet', short: 'q', long: 'quiet', help: "suppress 'not mounted' error messages" },
      { key: 'version', short: 'V', long: 'version', help: 'display version' },
    ],
    arguments: 'gnu',
    usageStatus: MNT_EX.usage,
    imitates: 'util-linux 2.41 umount',
    simplified: 'unmounts from the mount table only (no filesystem helpers, no NFS); -a is refused',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (f['version']) return ok(`umount ${LIBMOUNT_VERSION}\n`);
    if (f['all']) return fail('umount: -a is not simulated: unmount each mount point by name', MNT_EX.fail);
    if (opts.operands.length === 0) return fail("umount: bad usage\nTry 'umount --help' for more information.", MNT_EX.usage);
    let stderr = '';
    let exitCode = 0;
    for (const arg of opts.operands) {
      const r = umountOne(ctx, arg, Boolean(f['recursive']), Boolean(f['lazy']), Boolean(f['quiet']));
      if (!r) continue;
      stderr += r.stderr;
      // umount.c: several failures of different kinds give MNT_EX_SOMEOK only when some succeeded; one status here.
      exitCode = r.exitCode;
    }
    return { stdout: '', stderr, exitCode };
  },
};
