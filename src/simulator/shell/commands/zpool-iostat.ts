/**
 * `zpool iostat [-v] [pool...]` (zpool_main.c zpool_do_iostat, print_iostat_header,
 * print_vdev_stats): capacity per pool (and with -v per top-level vdev; leaves of a mirror or
 * RAIDZ show `-`), operations and bandwidth. The simulator counts no I/O rates, so they are 0
 * (what an idle pool shows). Column layout: the name column at least 10 wide, six 5-wide
 * columns two spaces apart, the group titles 4 spaces past the name column.
 */
// @sim zpool | OpenZFS 2.3 zpool iostat [-v] [pool...]: capacity columns and layout of print_iostat_header/print_vdev_stats; operations and bandwidth always 0; no interval/count
import type { CommandContext, CommandResult } from '../command-spec';
import { leafUsable, rawSize } from '../../engines/zfs/capacity';
import { catchUpTxg } from '../../engines/zfs/pool';
import { poolAllocated } from '../../engines/zfs/space';
import type { PoolState, VdevState } from '../../engines/zfs/state';
import { zfsHost } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { nicebytes } from '../zfs-format';
import { leafName } from './zpool-status';
import { zpoolUsage } from './zpool-usage';

interface Row {
  name: string;
  alloc: string;
  free: string;
  /** A class line (`logs`, `cache`): the name, then "-" in every column. */
  header?: boolean;
}

function poolRows(ctx: CommandContext, pool: PoolState, verbose: boolean): Row[] {
  catchUpTxg(ctx.world, pool);
  const total = pool.vdevs.reduce((n, v) => n + rawSize(v, pool.ashift), 0);
  const alloc = Math.min(total, poolAllocated(pool));
  const rows: Row[] = [{ name: pool.name, alloc: nicebytes(alloc, false), free: nicebytes(total - alloc, false) }];
  if (!verbose) return rows;
  const top = (v: VdevState, id: number) => {
    const size = rawSize(v, pool.ashift);
    const a = Math.min(size, v.alloc);
    const figures = { alloc: nicebytes(a, false), free: nicebytes(size - a, false) };
    if (v.type === 'stripe') return void rows.push({ name: `  ${leafName(ctx, pool, v.leaves[0] as string, false)}`, ...figures });
    rows.push({ name: `  ${v.type}-${id}`, ...figures });
    for (const l of v.leaves) rows.push({ name: `    ${leafName(ctx, pool, l, false)}`, alloc: '-', free: '-' });
  };
  pool.vdevs.forEach((v, i) => top(v, i));
  // print_vdev_stats: the log class, then cache, each under print_iostat_dashes(cb, 0, NAME); spares are not listed.
  if (pool.logs?.length) {
    rows.push({ name: 'logs', alloc: '', free: '', header: true });
    pool.logs.forEach((v, i) => top(v, pool.vdevs.length + i));
  }
  if (pool.cache?.length) {
    rows.push({ name: 'cache', alloc: '', free: '', header: true });
    const devices = ctx.world.kernel[ctx.host.name]?.devices ?? [];
    for (const l of pool.cache) rows.push({ name: `  ${leafName(ctx, pool, l, false)}`, alloc: '0', free: nicebytes(leafUsable(devices.find((d) => d.name === l)?.size ?? 0), false) });
  }
  return rows;
}

/** Runs `zpool iostat ARGS`. */
export function zpoolIostat(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'gLPvyHlpqrwnT:');
  if (!parsed.ok) return zpoolUsage('iostat', parsed.message);
  const verbose = parsed.args.flags.v !== undefined;
  const pools = Object.values(zfsHost(ctx.world, ctx.host.name).pools).sort((a, b) => (a.name < b.name ? -1 : 1));
  const chosen: PoolState[] = [];
  for (const n of parsed.args.operands) {
    const p = pools.find((x) => x.name === n);
    // An operand that is not a pool would be an interval; intervals are not simulated.
    if (!p) return { stdout: '', stderr: `cannot open '${n}': no such pool\n`, exitCode: 1 };
    chosen.push(p);
  }
  const list = parsed.args.operands.length === 0 ? pools : chosen;
  if (list.length === 0) return { stdout: 'no pools available\n', stderr: '', exitCode: 0 };
  const groups = list.map((p) => poolRows(ctx, p, verbose));
  const width = Math.max(10, ...groups.flat().map((r) => r.name.length));
  const sep = `${'-'.repeat(width)}${'  -----'.repeat(6)}`;
  const out = [`${' '.repeat(width + 4)}capacity     operations     bandwidth `, `${'pool'.padEnd(width)}  alloc   free   read  write   read  write`, sep];
  for (const g of groups) {
    for (const r of g) out.push(r.header ? `${r.name.padEnd(width)}${'      -'.repeat(6)}` : `${r.name.padEnd(width)}  ${r.alloc.padStart(5)}  ${r.free.padStart(5)}${'      0'.repeat(4)}`);
    // print_iostat: verbose mode separates every pool; otherwise a closing line when there are several.
    if (verbose) out.push(sep);
  }
  if (!verbose && groups.length > 1) out.push(sep);
  return { stdout: out.join('\n') + '\n', stderr: '', exitCode: 0 };
}
