/**
 * `zfs get`: NAME PROPERTY VALUE SOURCE rows, every column left-aligned to its widest value,
 * the last unpadded (libzfs zprop_print_one_property); -H tabs, -p raw numbers, -o fields,
 * -s sources, -r/-d descendants.
 */
// @sim zfs | OpenZFS 2.3 zfs get [-rHp] [-d N] [-o fields] [-s sources] [-t types] all|props [names]: values and sources (local, default, inherited from, -)
import type { CommandContext, CommandResult } from '../command-spec';
import { listDatasets, type DatasetReport } from '../../engines/zfs/report';
import { parseZfsArgs } from '../zfs-args';
import { ALIASES, ALL_PROPERTIES, COLUMN, propertyText } from '../zfs-property-text';
import { zfsUsage } from './zfs-usage';

const FIELDS = ['name', 'property', 'value', 'received', 'source'];
const SOURCES = ['local', 'default', 'inherited', 'temporary', 'received', 'none'];

/** Runs `zfs get ARGS`. */
export function zfsGet(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'rHpd:o:s:t:');
  if (!parsed.ok) return zfsUsage('get', parsed.message);
  const f = parsed.args.flags;
  const [propArg, ...names] = parsed.args.operands;
  if (propArg === undefined) return zfsUsage('get', 'missing property argument');
  const fields = (f.o ?? ['name,property,value,source']).join(',').split(',');
  for (const x of fields) if (!FIELDS.includes(x) && x !== 'all') return zfsUsage('get', `invalid field '${x}'`);
  const cols = fields.includes('all') ? FIELDS : fields;
  const sources = f.s ? f.s.join(',').split(',') : null;
  for (const s of sources ?? []) if (!SOURCES.includes(s)) return zfsUsage('get', `invalid source '${s}'`);
  const props = propArg === 'all' ? ALL_PROPERTIES : propArg.split(',').map((p) => ALIASES[p] ?? p);
  for (const p of props) if (!COLUMN[p] && !p.includes(':')) return zfsUsage('get', `bad property list: invalid property '${p}'`);
  const all = listDatasets(ctx.world, ctx.host.name);
  const depth = f.d ? Number(f.d[f.d.length - 1]) : f.r ? Infinity : 0;
  const errors: string[] = [];
  let targets: DatasetReport[] = [];
  if (names.length === 0) targets = all.filter((r) => r.type !== 'snapshot' || depth === Infinity);
  for (const name of names) {
    const top = all.find((r) => r.name === name);
    if (!top) {
      errors.push(`cannot open '${name}': dataset does not exist`);
      continue;
    }
    for (const r of all) {
      if (r !== top && !(depth > 0 && (r.name.startsWith(`${name}/`) || r.name.startsWith(`${name}@`)) && r.name.split(/[/@]/).length - name.split('/').length <= depth)) continue;
      if (!targets.includes(r)) targets.push(r);
    }
  }
  const rows: string[][] = [];
  for (const r of targets) {
    for (const p of props) {
      const v = propertyText(ctx.host, r, p, f.p !== undefined);
      if (!v) continue;
      // `zfs get all` leaves out what does not apply to the type (zfs_prop_valid_for_type).
      if (propArg === 'all' && v.value === '-' && v.source === '-' && !['origin', 'mounted', 'available'].includes(p)) continue;
      const kind = v.source.startsWith('inherited') ? 'inherited' : v.source === '-' ? 'none' : v.source;
      if (sources && !sources.includes(kind)) continue;
      const cell: Record<string, string> = { name: r.name, property: p, value: v.value, received: '-', source: v.source };
      rows.push(cols.map((c) => cell[c] ?? '-'));
    }
  }
  const stderr = errors.map((e) => e + '\n').join('');
  if (f.H !== undefined) return { stdout: rows.map((r) => r.join('\t') + '\n').join(''), stderr, exitCode: errors.length ? 1 : 0 };
  const headers = cols.map((c) => c.toUpperCase());
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ') + '\n';
  return { stdout: rows.length > 0 ? line(headers) + rows.map(line).join('') : '', stderr, exitCode: errors.length ? 1 : 0 };
}
