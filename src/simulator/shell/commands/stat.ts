/**
 * `stat [-L] [-t] [-c FORMAT | --printf FORMAT] FILE...`: shows what stat(2) (statx) says
 * about each file, in coreutils' default layout (File/Size/Blocks/IO Block/type,
 * Device/Inode/Links, Access/Uid/Gid, the four times with nanoseconds) or a FORMAT.
 */
// @sim stat | GNU coreutils 9.7 stat(1), stat.c default_format/print_stat: default and terse layouts, -c/--format and --printf directives with printf flags, -L, "cannot statx 'x'", missing operand
import { hostKernel } from '../../engines/world';
import type { Command, CommandContext } from '../command-spec';
import { orderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { quote, quoteaf } from '../quotearg';
import { expandFormat, printfEscapes, type StatSubject } from '../stat-format';
import { usageError } from '../usage-error';
import { idNames, seenId } from '../user-names';
import { STRERROR } from '../vfs';

// stat.c default_format (without SELinux), and the terse one.
const DEFAULT_HEAD = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n';
const DEFAULT_DEV = 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n';
const DEFAULT_DEV_SPECIAL = 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n';
const DEFAULT_TAIL = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

/** The `stat` command. */
export const stat: Command = {
  spec: {
    name: 'stat',
    summary: 'display file or file system status',
    usage: 'stat [OPTION]... FILE...',
    description: 'Display file or file system status.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'dereference', short: 'L', long: 'dereference', help: 'follow links' },
      { key: 'format', short: 'c', long: 'format', value: 'FORMAT', help: 'use the specified FORMAT instead of the default;\noutput a newline after each use of FORMAT' },
      { key: 'printf', long: 'printf', value: 'FORMAT', help: 'like --format, but interpret backslash escapes,\nand do not output a mandatory trailing newline;\nif you want a newline, include \\n in FORMAT' },
      { key: 'terse', short: 't', long: 'terse', help: 'print the information in terse form' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 stat',
    simplified: 'no -f (file system status) and no --cached; there is no birth time (Birth: -); device numbers of filesystems without a block device are made up (0,N)',
  },
  run(ctx, _argv, opts) {
    if (opts.operands.length === 0) return usageError('stat', 'missing operand');
    const f = opts.flags;
    const fmtKey = opts.order.filter((k) => k === 'format' || k === 'printf').pop();
    const custom = fmtKey === 'format' ? (f['format'] as string) : fmtKey === 'printf' ? (f['printf'] as string) : null;
    const out = orderedOutput();
    let format = custom;
    if (fmtKey === 'printf' && format !== null) {
      const esc = printfEscapes(format);
      for (const w of esc.warnings) out.err(`stat: ${w}\n`);
      format = esc.text;
    }
    const names = idNames(ctx);
    let ok = true;
    for (const name of opts.operands) {
      const found = lookupOperand(ctx, name, f['dereference'] === true);
      if (!found.attr) {
        out.err(`stat: cannot statx ${quoteaf(name)}: ${STRERROR[found.errno]}\n`);
        ok = false;
        continue;
      }
      const attr = { ...found.attr, uid: seenId(ctx, found.attr.uid, 'uid'), gid: seenId(ctx, found.attr.gid, 'gid') };
      const subject: StatSubject = {
        name,
        attr,
        user: names.user(attr.uid),
        group: names.group(attr.gid),
        dev: deviceOf(ctx, found.path, f['dereference'] === true),
        mountPoint: ctx.vfs.resolve(found.path, f['dereference'] === true).ok ? mountOf(ctx, found.path, f['dereference'] === true) : '/',
        // stat.c: %N quotes in shell-escape-always style when a FORMAT uses it; the default layout leaves names as they are.
        quoting: format !== null ? 'shell-escape-always' : 'literal',
      };
      const special = attr.type === 'chr' || attr.type === 'blk';
      const layout = format ?? (f['terse'] ? TERSE : DEFAULT_HEAD + (special ? DEFAULT_DEV_SPECIAL : DEFAULT_DEV) + DEFAULT_TAIL);
      const r = expandFormat(layout, subject);
      if ('invalid' in r) {
        // stat.c: "%s: invalid directive" is fatal.
        out.err(`stat: ${quote(r.invalid)}: invalid directive\n`);
        return out.result(1);
      }
      // stat.c: -c prints a newline after each file's FORMAT (not part of it: a trailing `%` stays a `%`).
      out.out(r.text + (fmtKey === 'format' ? '\n' : ''));
      for (const e of r.errors) out.err(`stat: ${e}\n`);
      if (r.errors.length > 0) ok = false;
    }
    return out.result(ok ? 0 : 1);
  },
};

/** The mount point the file is on (stat %m). */
function mountOf(ctx: CommandContext, path: string, follow: boolean): string {
  const r = ctx.vfs.resolve(path, follow);
  return r.ok ? r.value.mount.path : '/';
}

/**
 * st_dev of the filesystem a file is on: the block device it was mounted from when there
 * is one in the registry (`/dev/sda2` → 8,2), else an anonymous device 0,N as the kernel
 * gives virtual filesystems and ZFS datasets (N from the superblock's number).
 */
function deviceOf(ctx: CommandContext, path: string, follow: boolean): [number, number] {
  const r = ctx.vfs.resolve(path, follow);
  if (!r.ok) return [0, 0];
  const sb = r.value.sb;
  const dev = hostKernel(ctx.world, ctx.vfs.host).devices.find((d) => `/dev/${d.name}` === sb.source);
  if (dev) return [dev.major, dev.minor];
  const n = Number(/\d+$/.exec(sb.id)?.[0] ?? 0);
  return [0, 20 + n];
}
