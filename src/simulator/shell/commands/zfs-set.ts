/**
 * `zfs set PROP=VALUE... NAME...`: changes the lab's dataset entry (zfs_main.c zfs_do_set;
 * "cannot set property for 'X': ..." as libzfs zfs_prop_set_list words it).
 */
// @sim zfs | OpenZFS 2.3 zfs set prop=value NAME: values checked as zfs_valid_proplist, readonly statistics refused, mountpoint remounts
import type { CommandContext, CommandResult } from '../command-spec';
import { changeProperty } from '../../engines/zfs/property-ops';
import { ALIASES } from '../zfs-property-text';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs set ARGS`. */
export function zfsSet(ctx: CommandContext, argv: string[]): CommandResult {
  const assignments = argv.filter((a) => a.includes('='));
  const names = argv.filter((a) => !a.includes('='));
  if (assignments.length === 0) return zfsUsage('set', 'missing arguments');
  if (names.length === 0) return zfsUsage('set', 'missing dataset name(s)');
  let stderr = '';
  for (const name of names) {
    for (const a of assignments) {
      const eq = a.indexOf('=');
      const prop = a.slice(0, eq);
      const r = changeProperty(ctx.world, ctx.host.name, name, ALIASES[prop] ?? prop, a.slice(eq + 1));
      if (!r.ok) stderr += r.error.message === 'dataset does not exist' ? `cannot open '${name}': dataset does not exist\n` : `cannot set property for '${name}': ${r.error.message}\n`;
    }
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}
