/**
 * `zpool add [-fn] POOL VDEV...` (zpool_main.c zpool_do_add): new top-level vdevs, logs, cache
 * and spares (-n prints the configuration it would make); a
 * replication mismatch is refused without -f, as zpool_vdev.c check_replication prints it.
 */
// @sim zpool | OpenZFS 2.3 zpool add [-fn] POOL VDEV...: the -n configuration, usage errors, in-use disks, mismatched replication level unless -f
import type { CommandContext, CommandResult } from '../command-spec';
import { parseVdevSpec, type VdevSpec } from '../../engines/zfs/pool-ops';
import type { PoolState, VdevState } from '../../engines/zfs/state';
import type { Vdev } from '../../model/storage';
import { leafName } from './zpool-status';
import { zfsHost } from '../../engines/zfs/state';
import { addVdevs, checkAdd } from '../../engines/zfs/vdev-add';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool add ARGS`. */
export function zpoolAdd(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'fgLnPo:');
  if (!parsed.ok) return zpoolUsage('add', parsed.message);
  const [name, ...spec] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('add', 'missing pool name argument');
  if (spec.length === 0) return zpoolUsage('add', 'missing vdev specification');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  const vdevs = parseVdevSpec(spec);
  if (!vdevs.ok) return { stdout: '', stderr: `${vdevs.message}\n`, exitCode: 1 };
  if (parsed.args.flags.n) {
    const checked = checkAdd(ctx.world, ctx.host.name, pool, vdevs, parsed.args.flags.f !== undefined);
    if (!checked.ok) return { stdout: '', stderr: checked.lines.map((l) => l + '\n').join(''), exitCode: 1 };
    return { stdout: dryRun(ctx, pool, vdevs), stderr: '', exitCode: 0 };
  }
  const r = addVdevs(ctx.world, ctx.host.name, pool, vdevs, parsed.args.flags.f !== undefined);
  if (!r.ok) return { stdout: '', stderr: r.lines.map((l, i) => (i === 0 && r.prefixed ? `cannot add to '${name}': ${l}` : l) + '\n').join(''), exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

/**
 * `zpool add -n`: "would update POOL to the following configuration:", the pool's tree
 * (top-level vdevs by type-id) with the new vdevs after it, then logs, cache and spares,
 * each old then new (zpool_main.c zpool_do_add, print_vdev_tree).
 */
function dryRun(ctx: CommandContext, pool: PoolState, spec: VdevSpec): string {
  const lines = [`would update '${pool.name}' to the following configuration:`, '', `\t${pool.name}`];
  const leaf = (l: string) => leafName(ctx, pool, l, false);
  const old = (vdevs: readonly VdevState[], withId: (i: number) => number | undefined) =>
    vdevs.forEach((v, i) => {
      if (v.type === 'stripe') return void lines.push(`\t  ${leaf(v.leaves[0] as string)}`);
      const id = withId(i);
      lines.push(`\t  ${v.type}${id === undefined ? '' : `-${id}`}`, ...v.leaves.map((l) => `\t    ${leaf(l)}`));
    });
  const added = (vdevs: readonly Vdev[]) =>
    vdevs.forEach((v) => {
      if (v.type === 'stripe') lines.push(...v.disks.map((d) => `\t  ${d}`));
      else lines.push(`\t  ${v.type}`, ...v.disks.map((d) => `\t    ${d}`));
    });
  old(pool.vdevs, (i) => i);
  added(spec.vdevs);
  if ((pool.logs?.length ?? 0) > 0 || spec.logs.length > 0) {
    lines.push('\tlogs');
    old(pool.logs ?? [], () => undefined);
    added(spec.logs);
  }
  const plain = (title: string, had: readonly string[], add: readonly string[]) => {
    if (had.length + add.length === 0) return;
    lines.push(`\t${title}`, ...had.map((l) => `\t  ${leaf(l)}`), ...add.map((d) => `\t  ${d}`));
  };
  plain('cache', pool.cache ?? [], spec.cache);
  plain('spares', pool.spares ?? [], spec.spares);
  return lines.join('\n') + '\n';
}
