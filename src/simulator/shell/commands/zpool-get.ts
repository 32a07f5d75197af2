/**
 * `zpool get [-Hp] [-o fields] all|PROP[,PROP] [POOL]...` and `zpool set PROP=VALUE POOL`
 * (zpool_main.c zpool_do_get / zpool_do_set; zpoolprops(7)). Settable properties change the
 * lab's pool entry through model/edit.
 */
// @sim zpool | OpenZFS 2.3 zpool get/set: NAME PROPERTY VALUE SOURCE for the common pool properties; set through the lab (ashift only at creation)
import type { CommandContext, CommandResult } from '../command-spec';
import { rawSize } from '../../engines/zfs/capacity';
import { poolHealth } from '../../engines/zfs/faults';
import { poolAllocated } from '../../engines/zfs/space';
import { zfsHost, type PoolState } from '../../engines/zfs/state';
import { poolAltroot } from '../../model/mountpoints';
import { draftHost, editLab } from '../../model/edit';
import { parseZfsArgs } from '../zfs-args';
import { nicebytes } from '../zfs-format';
import { zpoolUsage } from './zpool-usage';

/** zpool_prop.c order (a subset: no feature@, version, load_guid, compatibility, bcloning). */
const PROPS = ['size', 'capacity', 'altroot', 'health', 'guid', 'bootfs', 'delegation', 'autoreplace', 'cachefile', 'failmode', 'listsnapshots', 'autoexpand', 'dedupratio', 'free', 'allocated', 'readonly', 'ashift', 'comment', 'expandsize', 'freeing', 'fragmentation', 'leaked', 'multihost', 'checkpoint', 'autotrim'];
/** Defaults of the settable ones (zpool_prop.c). */
const DEFAULTS: Record<string, string> = { delegation: 'on', autoreplace: 'off', failmode: 'wait', listsnapshots: 'off', autoexpand: 'off', ashift: '0', comment: '-', multihost: 'off', autotrim: 'off' };

function value(ctx: CommandContext, pool: PoolState, prop: string, parsable: boolean): { value: string; source: string } | null {
  const lab = ctx.host.pools.find((p) => p.name === pool.name);
  const local = (lab?.properties ?? {}) as Record<string, unknown>;
  const size = pool.vdevs.reduce((n, v) => n + rawSize(v, pool.ashift), 0);
  const alloc = Math.min(size, poolAllocated(pool));
  const bytes = (n: number) => ({ value: parsable ? String(n) : nicebytes(n), source: '-' });
  switch (prop) {
    case 'size':
      return bytes(size);
    case 'allocated':
      return bytes(alloc);
    case 'free':
      return bytes(size - alloc);
    case 'capacity':
      return { value: `${Math.floor((alloc * 100) / Math.max(1, size))}${parsable ? '' : '%'}`, source: '-' };
    case 'health':
      return { value: poolHealth(pool), source: '-' };
    case 'guid':
      return { value: String(pool.guid), source: '-' };
    case 'altroot': {
      const a = poolAltroot(ctx.host, pool.name);
      return a ? { value: a, source: 'local' } : { value: '-', source: 'default' };
    }
    case 'bootfs':
      return { value: '-', source: 'default' };
    case 'cachefile':
      return { value: '-', source: 'default' };
    case 'dedupratio':
      return { value: parsable ? '1.00' : '1.00x', source: '-' };
    case 'readonly':
      return { value: 'off', source: '-' };
    case 'expandsize':
    case 'checkpoint':
      return { value: '-', source: '-' };
    case 'freeing':
    case 'leaked':
      return { value: '0', source: 'default' };
    case 'fragmentation':
      return { value: parsable ? '0' : '0%', source: '-' };
    default:
      break;
  }
  if (!(prop in DEFAULTS)) return null;
  if (local[prop] !== undefined) return { value: String(local[prop]), source: 'local' };
  return { value: DEFAULTS[prop] as string, source: 'default' };
}

/** Runs `zpool get ARGS`. */
export function zpoolGet(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'Hpo:');
  if (!parsed.ok) return zpoolUsage('get', parsed.message);
  const [propArg, ...names] = parsed.args.operands;
  if (propArg === undefined) return zpoolUsage('get', 'missing property argument');
  const props = propArg === 'all' ? PROPS : propArg.split(',');
  for (const p of props) if (!PROPS.includes(p)) return { stdout: '', stderr: `bad property list: invalid property '${p}'\n${zpoolUsage('get').stderr}`, exitCode: 2 };
  const pools = Object.values(zfsHost(ctx.world, ctx.host.name).pools).sort((a, b) => (a.name < b.name ? -1 : 1));
  const errors: string[] = [];
  const chosen = names.length === 0 ? pools : names.flatMap((n) => {
    const p = pools.find((x) => x.name === n);
    if (!p) errors.push(`cannot open '${n}': no such pool`);
    return p ? [p] : [];
  });
  const fields = (parsed.args.flags.o ?? ['name,property,value,source']).join(',').split(',');
  const rows = chosen.flatMap((p) => props.map((prop) => {
    const v = value(ctx, p, prop, parsed.args.flags.p !== undefined) ?? { value: '-', source: '-' };
    const cell: Record<string, string> = { name: p.name, property: prop, value: v.value, source: v.source };
    return fields.map((f) => cell[f] ?? '-');
  }));
  const stderr = errors.map((e) => e + '\n').join('');
  if (parsed.args.flags.H) return { stdout: rows.map((r) => r.join('\t') + '\n').join(''), stderr, exitCode: errors.length ? 1 : 0 };
  const headers = fields.map((f) => f.toUpperCase());
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ') + '\n';
  return { stdout: rows.length ? line(headers) + rows.map(line).join('') : '', stderr, exitCode: errors.length ? 1 : 0 };
}

/** Runs `zpool set PROP=VALUE POOL`. */
export function zpoolSet(ctx: CommandContext, argv: string[]): CommandResult {
  const [assignment, name, extra] = argv;
  if (assignment === undefined) return zpoolUsage('set', 'missing property=value argument');
  if (name === undefined) return zpoolUsage('set', 'missing pool name');
  if (extra !== undefined) return zpoolUsage('set', 'too many pool names');
  const eq = assignment.indexOf('=');
  if (eq < 0) return zpoolUsage('set', 'missing value in property=value argument');
  const prop = assignment.slice(0, eq);
  const raw = assignment.slice(eq + 1);
  if (!zfsHost(ctx.world, ctx.host.name).pools[name]) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  if (!(prop in DEFAULTS) && PROPS.includes(prop)) return { stdout: '', stderr: `cannot set property for '${name}': '${prop}' is readonly\n`, exitCode: 1 };
  if (!PROPS.includes(prop)) return { stdout: '', stderr: `cannot set property for '${name}': invalid property '${prop}'\n`, exitCode: 1 };
  // zpool_valid_proplist: ashift is fixed once the pool exists.
  if (prop === 'ashift') return { stdout: '', stderr: `cannot set property for '${name}': property 'ashift' can only be set at creation time\n`, exitCode: 1 };
  if (prop === 'delegation') return { stdout: '', stderr: '', exitCode: 0 };
  const edit = editLab(ctx.world.lab, (draft) => {
    const pool = draftHost(draft, ctx.host.name)?.pools.find((p) => p.name === name);
    if (!pool) return { ok: false, error: { code: 'no-pool', message: 'no such pool' } };
    pool.properties = { ...(pool.properties ?? {}), [prop]: raw } as never;
    return { ok: true, value: null };
  });
  if (!edit.ok) return { stdout: '', stderr: `cannot set property for '${name}': ${edit.error.message}\n`, exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0 };
}
