/**
 * `zfs diff [-H] SNAPSHOT [SNAPSHOT|FILESYSTEM]` (zfs_main.c zfs_do_diff, libzfs_diff.c
 * print_file/print_rename): `TYPE<tab>PATH`, a rename as `R<tab>OLD -> NEW` (with -H a tab).
 */
// @sim zfs | OpenZFS 2.3 zfs diff [-H] SNAPSHOT [SNAPSHOT|FILESYSTEM]: M/+/-/R lines; no -F, -t, -h
import type { CommandContext, CommandResult } from '../command-spec';
import { diffDataset } from '../../engines/zfs/diff';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs diff ARGS`. */
export function zfsDiff(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'H');
  if (!parsed.ok) return zfsUsage('diff', parsed.message);
  const [from, to, extra] = parsed.args.operands;
  if (from === undefined) return zfsUsage('diff', 'must provide at least one snapshot name');
  if (extra !== undefined) return zfsUsage('diff', 'too many arguments');
  // zfs_do_diff: `@snap` as the first operand takes its filesystem from the second.
  const fromName = from.startsWith('@') && to !== undefined && to.includes('@') ? `${to.slice(0, to.indexOf('@'))}${from}` : from;
  const r = diffDataset(ctx.world, ctx.host.name, fromName, to);
  if (!r.ok) return { stdout: '', stderr: `${r.message}\n`, exitCode: 1 };
  const scripted = parsed.args.flags.H !== undefined;
  const stdout = r.entries.map((e) => (e.type === 'R' ? `R\t${e.path}${scripted ? '\t' : ' -> '}${e.to}\n` : `${e.type}\t${e.path}\n`)).join('');
  return { stdout, stderr: '', exitCode: 0 };
}
