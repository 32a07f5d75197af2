/**
 * `zfs list`: datasets (and snapshots with -t) in a table, NAME USED AVAIL REFER MOUNTPOINT
 * by default (zfs_main.c zfs_do_list, print_header, print_dataset).
 */
// @sim zfs | OpenZFS 2.3 zfs list [-H] [-p] [-r|-d N] [-o props|space] [-t types] [-s|-S prop]: columns and sizes as zfs_main.c print_dataset
import type { CommandContext, CommandResult } from '../command-spec';
import { listDatasets, type DatasetReport } from '../../engines/zfs/report';
import { parseZfsArgs } from '../zfs-args';
import { printTable } from '../zfs-format';
import { ALIASES, COLUMN, propertyText, rightAligned } from '../zfs-property-text';
import { zfsUsage } from './zfs-usage';

const SPACE = ['name', 'available', 'used', 'usedbysnapshots', 'usedbydataset', 'usedbyrefreservation', 'usedbychildren'];
const TYPES = ['filesystem', 'volume', 'snapshot', 'bookmark', 'all'];

/** Runs `zfs list ARGS`. */
export function zfsList(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'Hprd:o:t:s:S:');
  if (!parsed.ok) return zfsUsage('list', parsed.message);
  const f = parsed.args.flags;
  const scripted = f.H !== undefined;
  const parsable = f.p !== undefined;
  let columns = (f.o ?? ['name,used,available,referenced,mountpoint']).join(',').split(',');
  if (columns.length === 1 && columns[0] === 'space') columns = SPACE;
  columns = columns.map((c) => ALIASES[c] ?? c);
  for (const c of columns) if (!COLUMN[c] && !c.includes(':')) return { stdout: '', stderr: `bad property list: invalid property '${c}'\n${zfsUsage('list').stderr}`, exitCode: 2 };
  const types = (f.t ?? []).join(',').split(',').filter((t) => t !== '');
  for (const t of types) if (!TYPES.includes(t) && t !== 'snap' && t !== 'fs' && t !== 'vol') return { stdout: '', stderr: `invalid type '${t}'\n${zfsUsage('list').stderr}`, exitCode: 2 };
  const wanted = new Set(types.length === 0 ? ['filesystem', 'volume'] : types.flatMap((t) => (t === 'all' ? ['filesystem', 'volume', 'snapshot'] : t === 'snap' ? ['snapshot'] : t === 'fs' ? ['filesystem'] : t === 'vol' ? ['volume'] : [t])));
  const depth = f.d ? Number(f.d[f.d.length - 1]) : f.r ? Infinity : null;
  const all = listDatasets(ctx.world, ctx.host.name);
  let rows: DatasetReport[] = [];
  const errors: string[] = [];
  const operands = parsed.args.operands;
  if (operands.length === 0) rows = all.filter((r) => wanted.has(r.type));
  else {
    for (const name of operands) {
      const top = all.find((r) => r.name === name);
      if (!top) {
        errors.push(`cannot open '${name}': dataset does not exist`);
        continue;
      }
      // An operand is listed whatever its type when no -t is given (zfs_do_list: types from the operand).
      const ok = (r: DatasetReport): boolean => (types.length === 0 && r === top) || wanted.has(r.type) || (types.length === 0 && depth !== null && r.type !== 'snapshot');
      const level = (r: DatasetReport): number => r.name.split(/[/@]/).length - name.split('/').length;
      for (const r of all) {
        const under = r === top || r.name.startsWith(`${name}/`) || r.name.startsWith(`${name}@`);
        if (!under || !ok(r)) continue;
        if (r !== top && (depth === null || level(r) > depth)) continue;
        if (!rows.includes(r)) rows.push(r);
      }
    }
  }
  const sortKeys = [...(f.s ?? []).map((k) => [ALIASES[k] ?? k, 1] as const), ...(f.S ?? []).map((k) => [ALIASES[k] ?? k, -1] as const)];
  if (sortKeys.length > 0) {
    const numeric = (r: DatasetReport, k: string) => Number(propertyText(ctx.host, r, k, true)?.value ?? 0);
    rows = [...rows].sort((a, b) => {
      for (const [k, dir] of sortKeys) {
        const x = rightAligned(k) ? numeric(a, k) - numeric(b, k) : (propertyText(ctx.host, a, k, true)?.value ?? '').localeCompare(propertyText(ctx.host, b, k, true)?.value ?? '');
        if (x !== 0) return x * dir;
      }
      return 0;
    });
  }
  const cells = rows.map((r) => columns.map((c) => propertyText(ctx.host, r, c, parsable)?.value ?? '-'));
  const stderr = errors.map((e) => e + '\n').join('');
  if (rows.length === 0) {
    // zfs_do_list: "no datasets available" when nothing at all was listed and no operand failed.
    return { stdout: '', stderr: stderr || 'no datasets available\n', exitCode: errors.length > 0 ? 1 : 0 };
  }
  const table = printTable(columns.map((c) => ({ header: COLUMN[c] ?? c.toUpperCase(), right: rightAligned(c), ...(rightAligned(c) && !parsable ? { min: 5 } : {}) })), cells, scripted);
  return { stdout: table, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}
