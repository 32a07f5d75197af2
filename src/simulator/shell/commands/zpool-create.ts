/**
 * `zpool create [-f] [-o property=value] POOL VDEV...` and `zpool destroy [-f] POOL`
 * (zpool_main.c zpool_do_create / zpool_do_destroy): print nothing on success.
 */
// @sim zpool | OpenZFS 2.3 zpool create [-f] [-o ashift=N] POOL [mirror|raidz1|raidz2|raidz3] DISKS..., zpool destroy: vdev checks, disks labelled as zpool_label_disk
import type { CommandContext, CommandResult } from '../command-spec';
import { createPool, destroyPool, parseVdevSpec } from '../../engines/zfs/pool-ops';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool create ARGS`. */
export function zpoolCreate(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'fndo:');
  if (!parsed.ok) return zpoolUsage('create', parsed.message);
  const [name, ...spec] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('create', 'missing pool name argument');
  if (spec.length === 0) return zpoolUsage('create', 'missing vdev specification');
  const properties: Record<string, number | string> = {};
  for (const o of parsed.args.flags.o ?? []) {
    const eq = o.indexOf('=');
    if (eq < 0) return zpoolUsage('create', `missing '=' for property=value argument`);
    const key = o.slice(0, eq);
    const value = o.slice(eq + 1);
    properties[key] = key === 'ashift' && /^[0-9]+$/.test(value) ? Number(value) : value;
  }
  const vdevs = parseVdevSpec(spec);
  if (!vdevs.ok) return { stdout: '', stderr: `${vdevs.message}\n`, exitCode: 1 };
  const made = createPool(ctx.world, ctx.host.name, name, vdevs.vdevs, properties as never, parsed.args.flags.f !== undefined);
  if (!made.ok) return { stdout: '', stderr: made.error.lines.join('\n') + '\n', exitCode: made.error.status };
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** Runs `zpool destroy ARGS`. */
export function zpoolDestroy(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'f');
  if (!parsed.ok) return zpoolUsage('destroy', parsed.message);
  const [name, extra] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('destroy', 'missing pool argument');
  if (extra !== undefined) return zpoolUsage('destroy', 'too many arguments');
  const r = destroyPool(ctx.world, ctx.host.name, name);
  if (!r.ok) return { stdout: '', stderr: r.message === 'no such pool' ? `cannot open '${name}': no such pool\n` : `cannot destroy '${name}': ${r.message}\n`, exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}
