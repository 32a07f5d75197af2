/**
 * `zfs inherit PROP NAME...`: clears a local property so the parent's value (or the
 * default) applies again (zfs_main.c zfs_do_inherit).
 */
// @sim zfs | OpenZFS 2.3 zfs inherit PROP NAME: the local value removed from the lab; non-inheritable properties refused
import type { CommandContext, CommandResult } from '../command-spec';
import { changeProperty } from '../../engines/zfs/property-ops';
import { parseZfsArgs } from '../zfs-args';
import { ALIASES } from '../zfs-property-text';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs inherit ARGS`. */
export function zfsInherit(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'rS');
  if (!parsed.ok) return zfsUsage('inherit', parsed.message);
  const [prop, ...names] = parsed.args.operands;
  if (prop === undefined) return zfsUsage('inherit', 'missing property argument');
  if (names.length === 0) return zfsUsage('inherit', 'missing dataset argument');
  let stderr = '';
  for (const name of names) {
    const r = changeProperty(ctx.world, ctx.host.name, name, ALIASES[prop] ?? prop, undefined);
    if (!r.ok) stderr += r.error.message === 'dataset does not exist' ? `cannot open '${name}': dataset does not exist\n` : `cannot inherit ${prop} for '${name}': ${r.error.message}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}
