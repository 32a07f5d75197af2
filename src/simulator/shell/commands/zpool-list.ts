/**
 * `zpool list`: NAME SIZE ALLOC FREE CKPOINT EXPANDSZ FRAG CAP DEDUP HEALTH ALTROOT
 * (zpool_main.c zpool_do_list, print_pool). SIZE and ALLOC count RAIDZ parity; only whole
 * metaslabs count towards SIZE.
 */
// @sim zpool | OpenZFS 2.3 zpool list [-H] [-p] [-o props] [pool]: columns of zpool_main.c print_pool; FRAG 0%, DEDUP 1.00x
import type { CommandContext, CommandResult } from '../command-spec';
import { rawSize } from '../../engines/zfs/capacity';
import { poolHealth } from '../../engines/zfs/faults';
import { catchUpTxg } from '../../engines/zfs/pool';
import { poolAllocated } from '../../engines/zfs/space';
import { zfsHost } from '../../engines/zfs/state';
import { poolAltroot } from '../../model';
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
  const table = rows.length > 0 ? printTable(columns.map((c) => ({ ...(COLUMNS[c] as { header: string; right: boolean }), ...(COLUMNS[c]?.right && !parsable ? { min: COLUMNS[c]?.min ?? 5 } : {}) })), rows, f.H !== undefined) : '';
  return { stdout: table, stderr, exitCode: errors.length ? 1 : 0 };
}
