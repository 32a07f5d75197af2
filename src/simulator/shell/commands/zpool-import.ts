/**
 * `zpool export [-f] POOL...` and `zpool import [-a] [-d DIR] [-f] [-R ROOT] [POOL]` (zpool_main.c
 * zpool_do_export, zpool_do_import, show_import): without a pool name import lists what it
 * can import, each as pool/id/state/action/config.
 */
// @sim zpool | OpenZFS 2.3 zpool export [-f] POOL..., zpool import [-a] [-d DIR] [-f] [-R ROOT] [POOL]: show_import listing, -a imports all, -R altroot, refusals of libzfs_import.c
import type { CommandContext, CommandResult } from '../command-spec';
import { exportPool, importablePools, importPool } from '../../engines/zfs/pool-export';
import type { ExportedPool } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { leafName } from './zpool-status';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool export ARGS`. */
export function zpoolExport(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'af');
  if (!parsed.ok) return zpoolUsage('export', parsed.message);
  const names = parsed.args.operands;
  if (names.length === 0) return zpoolUsage('export', 'missing pool argument');
  let stderr = '';
  for (const n of names) {
    const r = exportPool(ctx.world, ctx.host.name, n);
    if (!r.ok) stderr += `${r.message}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

/** show_import: one importable pool (its disks all present, so ONLINE). */
function showImport(ctx: CommandContext, e: ExportedPool): string {
  const rows: [number, string][] = [[0, e.state.name]];
  e.state.vdevs.forEach((v, i) => {
    if (v.type === 'stripe') rows.push([2, leafName(ctx, e.state, v.leaves[0] as string, false)]);
    else {
      rows.push([2, `${v.type}-${i}`]);
      for (const l of v.leaves) rows.push([4, leafName(ctx, e.state, l, false)]);
    }
  });
  const width = Math.max(10, ...rows.map(([d, n]) => d + n.length));
  const lines = [`   pool: ${e.state.name}`, `     id: ${BigInt(e.state.guid)}`, '  state: ONLINE', ' action: The pool can be imported using its name or numeric identifier.', ' config:', ''];
  for (const [d, n] of rows) lines.push(`\t${' '.repeat(d)}${n.padEnd(width - d)}  ONLINE`);
  return lines.join('\n') + '\n';
}

/** Runs `zpool import ARGS`. */
export function zpoolImport(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'ad:fNo:R:');
  if (!parsed.ok) return zpoolUsage('import', parsed.message);
  const [name, extra] = parsed.args.operands;
  const altroot = parsed.args.flags.R?.at(-1);
  // zpool_do_import: -a takes no pool argument; a second one would be a new name (not simulated).
  if (parsed.args.flags.a && name !== undefined) return zpoolUsage('import', 'too many arguments');
  if (extra !== undefined) return zpoolUsage('import', 'too many arguments');
  if (parsed.args.flags.a) {
    const all = importablePools(ctx.world, ctx.host.name);
    if (all.length === 0) return { stdout: '', stderr: 'no pools available to import\n', exitCode: 1 };
    // import_pools with do_all: every pool found is imported; one failure makes the status 1.
    let stderr = '';
    for (const e of all) {
      const r = importPool(ctx.world, ctx.host.name, e.state.name, altroot);
      if (!r.ok) stderr += `${r.message}\n`;
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  }
  if (name === undefined) {
    const all = importablePools(ctx.world, ctx.host.name);
    // zpool_do_import: nothing found prints nothing with -d, "no pools available to import" without.
    if (all.length === 0) return { stdout: '', stderr: parsed.args.flags.d ? '' : 'no pools available to import\n', exitCode: 1 };
    return { stdout: all.map((e) => showImport(ctx, e)).join('\n'), stderr: '', exitCode: 0 };
  }
  const r = importPool(ctx.world, ctx.host.name, name, altroot);
  return r.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: `${r.message}\n`, exitCode: 1 };
}
