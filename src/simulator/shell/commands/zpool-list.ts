/**
 * `zpool list`: NAME SIZE ALLOC FREE CKPOINT EXPANDSZ FRAG CAP DEDUP HEALTH ALTROOT
 * (zpool_main.c zpool_do_list, print_pool). SIZE and ALLOC count RAIDZ parity; only whole
 * metaslabs count towards SIZE.
 */
// @sim zpool | OpenZFS 2.3 zpool list [-H] [-p] [-P] [-v] [-o props] [pool]: vdev lines of collect_list_stats, columns of zpool_main.c print_pool; FRAG 0%, DEDUP 1.00x
import type { CommandContext, CommandResult } from '../command-spec';
import { leafUsable, rawSize } from '../../engines/zfs/capacity';
import { poolHealth, vdevHealth } from '../../engines/zfs/faults';
import type { PoolState, VdevState } from '../../engines/zfs/state';
import { leafName } from './zpool-status';
import { catchUpTxg } from '../../engines/zfs/pool';
import { poolAllocated } from '../../engines/zfs/space';
import { zfsHost } from '../../engines/zfs/state';
import { poolAltroot } from '../../model/mountpoints';
import { parseZfsArgs } from '../zfs-args';
import { nicebytes, printTable } from '../zfs-format';
import { zpoolUsage } from './zpool-usage';

const COLUMNS: Record<string, { header: string; right: boolean; min?: number }> = {
  name: { header: 'NAME', right: false },
  size: { header: 'SIZE', right: true },
  allocated: { header: 'ALLOC', right: true },
  free: { header: 'FREE', right: true },
  checkpoint: { header: 'CKPOINT', right: true },
  expandsize: { header: 'EXPANDSZ', right: true },
  fragmentation: { header: 'FRAG', right: true },
  capacity: { header: 'CAP', right: true },
  dedupratio: { header: 'DEDUP', right: true },
  // zprop_width: the widest value of the index (DEGRADED), 8.
  health: { header: 'HEALTH', right: true, min: 8 },
  altroot: { header: 'ALTROOT', right: false },
};
const ALIASES: Record<string, string> = { alloc: 'allocated', frag: 'fragmentation', cap: 'capacity', dedup: 'dedupratio', expandsz: 'expandsize', ckpoint: 'checkpoint' };
const DEFAULT = ['name', 'size', 'allocated', 'free', 'checkpoint', 'expandsize', 'fragmentation', 'capacity', 'dedupratio', 'health', 'altroot'];

/** Runs `zpool list ARGS`. */
export function zpoolList(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'gHLpPvo:T:');
  if (!parsed.ok) return zpoolUsage('list', parsed.message);
  const f = parsed.args.flags;
  const columns = f.o ? f.o.join(',').split(',').map((c) => ALIASES[c] ?? c) : DEFAULT;
  for (const c of columns) if (!COLUMNS[c]) return { stdout: '', stderr: `property '${c}' is not a valid pool or vdev property\n`, exitCode: 2 };
  const pools = Object.values(zfsHost(ctx.world, ctx.host.name).pools).sort((a, b) => (a.name < b.name ? -1 : 1));
  const errors: string[] = [];
  const chosen = parsed.args.operands.length === 0 ? pools : parsed.args.operands.flatMap((n) => {
    const p = pools.find((x) => x.name === n);
    if (!p) errors.push(`cannot open '${n}': no such pool`);
    return p ? [p] : [];
  });
  const parsable = f.p !== undefined;
  const size = (n: number) => (parsable ? String(n) : nicebytes(n));
  const rows = chosen.map((p) => {
    catchUpTxg(ctx.world, p);
    const total = p.vdevs.reduce((n, v) => n + rawSize(v, p.ashift), 0);
    const alloc = Math.min(total, poolAllocated(p));
    const altroot = poolAltroot(ctx.host, p.name);
    const cell: Record<string, string> = {
      name: p.name,
      size: size(total),
      allocated: size(alloc),
      free: size(total - alloc),
      checkpoint: '-',
      expandsize: '-',
      fragmentation: parsable ? '0' : '0%',
      // zpool_get_prop ZPOOL_PROP_CAPACITY: alloc * 100 / size, rounded down.
      capacity: `${Math.floor((alloc * 100) / Math.max(1, total))}${parsable ? '' : '%'}`,
      dedupratio: parsable ? '1.00' : '1.00x',
      health: poolHealth(p),
      altroot: altroot === '' ? '-' : altroot,
    };
    return columns.map((c) => cell[c] ?? '-');
  });
  const stderr = errors.map((e) => e + '\n').join('');
  if (chosen.length === 0 && errors.length === 0) return { stdout: 'no pools available\n', stderr: '', exitCode: 0 };
  const scripted = f.H !== undefined;
  const verbose = f.v !== undefined;
  // get_namewidth_list: with -v the name column fits every vdev name at its depth, at least 9.
  const vdevLists = verbose ? chosen.map((p) => vdevRows(ctx, p, f.P !== undefined)) : [];
  const nameWidth = Math.max(9, ...chosen.map((p) => p.name.length), ...vdevLists.flat().map((r) => r.depth + r.name.length));
  const specs = columns.map((c) => ({ ...(COLUMNS[c] as { header: string; right: boolean }), ...(COLUMNS[c]?.right && !parsable ? { min: COLUMNS[c]?.min ?? 5 } : {}), ...(verbose && c === columns[0] ? { min: nameWidth } : {}) }));
  const table = rows.length > 0 ? printTable(specs, rows, scripted) : '';
  if (!verbose || rows.length === 0) return { stdout: table, stderr, exitCode: errors.length ? 1 : 0 };
  const lines = table.split('\n');
  const head = scripted ? [] : [lines.shift() as string];
  const out = [...head];
  chosen.forEach((_, i) => {
    out.push(lines[i] as string);
    for (const r of vdevLists[i] ?? []) out.push(vdevLine(r, nameWidth, scripted, parsable));
  });
  return { stdout: out.join('\n') + '\n', stderr, exitCode: errors.length ? 1 : 0 };
}

/** One vdev line's figures (vdev_stat_t): 0 where the stat is not kept. */
interface VdevRow {
  depth: number;
  name: string;
  /** vs_pspace (a leaf's device size), else vs_space. */
  size: number;
  /** Top-level (vs_space != 0): ALLOC, FREE, FRAG and CAP are shown. */
  toplevel: boolean;
  space: number;
  alloc: number;
  health: string;
  /** A class header line (`logs`, `cache`, `spare`) with dashes. */
  header?: boolean;
}

/** The vdev rows of a pool (collect_list_stats): top-level vdevs by type-id, their leaves below. */
function vdevRows(ctx: CommandContext, pool: PoolState, full: boolean): VdevRow[] {
  const devices = ctx.world.kernel[ctx.host.name]?.devices ?? [];
  const psize = (leaf: string) => devices.find((d) => d.name === leaf)?.size ?? 0;
  const rows: VdevRow[] = [];
  const leafHealth = (leaf: string) => {
    const h = pool.health?.[leaf];
    return h?.failed ? 'UNAVAIL' : h?.offline ? 'OFFLINE' : 'ONLINE';
  };
  const top = (v: VdevState, id: number, health: string) => {
    const space = rawSize(v, pool.ashift);
    if (v.type === 'stripe') {
      const leaf = v.leaves[0] as string;
      rows.push({ depth: 2, name: leafName(ctx, pool, leaf, full), size: psize(leaf), toplevel: true, space, alloc: v.alloc, health });
      return;
    }
    rows.push({ depth: 2, name: `${v.type}-${id}`, size: space, toplevel: true, space, alloc: v.alloc, health });
    for (const leaf of v.leaves) rows.push({ depth: 4, name: leafName(ctx, pool, leaf, full), size: psize(leaf), toplevel: false, space: 0, alloc: 0, health: leafHealth(leaf) });
  };
  pool.vdevs.forEach((v, i) => top(v, i, vdevHealth(pool, i)));
  // Then the classes, each under a line of dashes: logs (ids after the data vdevs'), cache, spare.
  const header = (name: string) => rows.push({ depth: 0, name, size: 0, toplevel: false, space: 0, alloc: 0, health: '-', header: true });
  if (pool.logs?.length) {
    header('logs');
    pool.logs.forEach((v, i) => top(v, pool.vdevs.length + i, v.leaves.every((l) => leafHealth(l) === 'ONLINE') ? 'ONLINE' : 'DEGRADED'));
  }
  if (pool.cache?.length) {
    header('cache');
    // An L2ARC device: its space is shown with nothing allocated (the ARC is not simulated).
    for (const leaf of pool.cache) rows.push({ depth: 2, name: leafName(ctx, pool, leaf, full), size: psize(leaf), toplevel: true, space: leafUsable(psize(leaf)), alloc: 0, health: leafHealth(leaf) });
  }
  if (pool.spares?.length) {
    header('spare');
    for (const leaf of pool.spares) rows.push({ depth: 2, name: leafName(ctx, pool, leaf, full), size: psize(leaf), toplevel: false, space: 0, alloc: 0, health: leafHealth(leaf) === 'ONLINE' ? 'AVAIL' : leafHealth(leaf) });
  }
  return rows;
}

/**
 * One vdev line of `zpool list -v` (OpenZFS 2.3 collect_list_stats / collect_vdev_prop): the
 * name padded to the name column, then SIZE ALLOC FREE CKPOINT EXPANDSZ FRAG CAP DEDUP HEALTH
 * each as "  %*s" at the property's fixed width (5, 7 for CKPOINT, 8 for EXPANDSZ and HEALTH);
 * sizes of 0 are "-", CAP is in hundredths ("0.00%", "28.4%"); no ALTROOT column.
 */
function vdevLine(r: VdevRow, nameWidth: number, scripted: boolean, parsable: boolean): string {
  // collect_list_stats `dashes`: "%-*s      -      -      -        -         -      -      -      -         -".
  if (r.header) return r.name.padEnd(nameWidth) + '      -      -      -        -         -      -      -      -         -';
  // zfs_nicenum (ZFS_NICENUM_1024): no unit below 1K, so nothing allocated prints "0".
  const num = (n: number, valid: boolean) => (!valid ? '-' : parsable ? String(n) : nicebytes(n, false));
  const dash = (n: number, valid: boolean) => (!valid || n === 0 ? '-' : num(n, true));
  const permyriad = r.space === 0 ? 0 : Math.floor((r.alloc * 10000) / r.space);
  const cap = !r.toplevel ? '-' : parsable ? String(Math.floor(permyriad / 100)) : `${(permyriad / 100).toFixed(permyriad < 1000 ? 2 : permyriad < 10000 ? 1 : 0)}%`;
  const cells: [string, number][] = [
    [dash(r.size, true), 5],
    [num(r.alloc, r.toplevel), 5],
    [num(r.space - r.alloc, r.toplevel), 5],
    ['-', 7],
    ['-', 8],
    [r.toplevel ? (parsable ? '0' : '0%') : '-', 5],
    [cap, 5],
    ['-', 5],
    [r.health, 8],
  ];
  const name = `${' '.repeat(r.depth)}${r.name}`;
  if (scripted) return `\t${r.name}${cells.map(([v]) => `\t${v}`).join('')}`;
  return name.padEnd(nameWidth) + cells.map(([v, w]) => `  ${v.padStart(w)}`).join('');
}
