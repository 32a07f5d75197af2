/**
 * `zpool create [-fnd] [-m MOUNTPOINT] [-o property=value] [-O fsprop=value] [-R ROOT] POOL VDEV...` and `zpool destroy [-f] POOL`
 * (zpool_main.c zpool_do_create / zpool_do_destroy): print nothing on success.
 */
// @sim zpool | OpenZFS 2.3 zpool create [-fnd] [-m MOUNTPOINT] [-o prop=val] [-O fsprop=val] [-R ROOT] POOL [mirror|raidz1|raidz2|raidz3] DISKS..., zpool destroy: vdev checks, disks labelled as zpool_label_disk
import type { CommandContext, CommandResult } from '../command-spec';
import { checkPoolCreate, createPool, destroyPool, parseVdevSpec, type VdevSpec } from '../../engines/zfs/pool-ops';
import { NATIVE_DEFAULTS } from '../../engines/zfs/properties';
import { poolAltroot } from '../../model/mountpoints';
import { type Vdev } from '../../model/storage';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Pool properties `-o` takes (zpool_prop.c; the settable ones the lab models). */
const POOL_PROPS = new Set(['ashift', 'autotrim', 'autoexpand', 'autoreplace', 'failmode', 'listsnapshots', 'multihost', 'comment', 'altroot', 'cachefile']);

const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

/**
 * The dry-run layout (zpool_main.c print_vdev_tree with no vdev ids): the pool, each
 * redundant vdev by type (`mirror`, `raidz1`), its disks two columns further in, after a tab.
 */
function dryRunLayout(name: string, spec: VdevSpec): string {
  const lines = [`would create '${name}' with the following layout:`, '', `\t${name}`];
  const tree = (vdevs: readonly Vdev[]) => {
    for (const v of vdevs) {
      if (v.type === 'stripe') for (const d of v.disks) lines.push(`\t  ${d}`);
      else lines.push(`\t  ${v.type}`, ...v.disks.map((d) => `\t    ${d}`));
    }
  };
  tree(spec.vdevs);
  // Then the classes: print_vdev_tree "logs", print_cache_list, print_spare_list.
  if (spec.logs.length > 0) {
    lines.push('\tlogs');
    tree(spec.logs);
  }
  if (spec.cache.length > 0) lines.push('\tcache', ...spec.cache.map((d) => `\t  ${d}`));
  if (spec.spares.length > 0) lines.push('\tspares', ...spec.spares.map((d) => `\t  ${d}`));
  return lines.join('\n') + '\n';
}

/**
 * Runs `zpool create [-fnd] [-m MOUNTPOINT] [-o prop=val]... [-O fsprop=val]... [-R ROOT] POOL VDEV...`
 * (zpool_main.c zpool_do_create): `-O` and `-m` set properties of the pool's root dataset,
 * `-R` sets the altroot, `-n` prints the layout and creates nothing.
 */
export function zpoolCreate(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'fndR:m:o:O:');
  if (!parsed.ok) return zpoolUsage('create', parsed.message);
  const flags = parsed.args.flags;
  const properties: Record<string, number | string> = {};
  const rootProperties: Record<string, string> = {};
  let mountpoint = flags.m?.[flags.m.length - 1];
  // Options in their order on the line: -o/-O checks happen while getopt reads them.
  for (const o of flags.o ?? []) {
    const eq = o.indexOf('=');
    if (eq < 0) return fail("missing '=' for -o option\n");
    const key = o.slice(0, eq);
    const value = o.slice(eq + 1);
    // add_prop_list(..., poolprop=B_TRUE).
    if (!POOL_PROPS.has(key) && !key.startsWith('feature@')) return fail(`property '${key}' is not a valid pool or vdev property\n`, 1);
    if (key in properties) return fail(`property '${key}' specified multiple times\n`);
    if (key === 'cachefile' || key.startsWith('feature@')) continue; // accepted, not modelled
    properties[key] = key === 'ashift' && /^[0-9]+$/.test(value) ? Number(value) : value;
  }
  for (const o of flags.O ?? []) {
    const eq = o.indexOf('=');
    if (eq < 0) return fail("missing '=' for -O option\n");
    const key = o.slice(0, eq);
    const value = o.slice(eq + 1);
    // Mountpoints are checked later and may be given more than once (with -m).
    if (key === 'mountpoint') {
      mountpoint = value;
      continue;
    }
    const native = NATIVE_DEFAULTS[key];
    if ((!native || native.fs === false || key === 'volsize') && !key.includes(':')) return fail(`property '${key}' is not a valid filesystem property\n`);
    if (key in rootProperties) return fail(`property '${key}' specified multiple times\n`);
    rootProperties[key] = value;
  }
  if (flags.R) properties.altroot = flags.R[flags.R.length - 1] as string;
  const [name, ...spec] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('create', 'missing pool name argument');
  if (spec.length === 0) return zpoolUsage('create', 'missing vdev specification');
  if (name.includes('/')) return fail(`cannot create '${name}': invalid character '/' in pool name\nuse 'zfs create' to create a dataset\n`);
  const vdevs = parseVdevSpec(spec);
  if (!vdevs.ok) return fail(`${vdevs.message}\n`);
  const altroot = typeof properties.altroot === 'string' ? properties.altroot : undefined;
  if (altroot !== undefined && !altroot.startsWith('/')) return fail(`invalid alternate root '${altroot}': must be an absolute path\n`);
  if (mountpoint === undefined || (mountpoint !== 'legacy' && mountpoint !== 'none')) {
    if (mountpoint !== undefined && !mountpoint.startsWith('/')) return fail(`invalid mountpoint '${mountpoint}': must be an absolute path, 'legacy', or 'none'\n`);
    // The altroot the pool will have: -R, else the host's (TrueNAS mounts data pools below /mnt).
    const root = altroot ?? poolAltroot(ctx.host, name);
    const where = mountpoint === undefined ? `${root}/${name}` : `${root}${mountpoint}`;
    // A directory with entries in the way: zpool create refuses before touching a disk.
    const entries = ctx.vfs.list(where);
    if (entries.ok && entries.names.length > 0) return fail(`mountpoint '${where}' exists and is not empty\nuse '-m' option to provide a different default\n`);
  }
  if (mountpoint !== undefined) rootProperties.mountpoint = mountpoint;
  if (flags.n) {
    const check = checkPoolCreate(ctx.world, ctx.host.name, name, vdevs, flags.f !== undefined);
    if (!check.ok) return fail(check.error.lines.join('\n') + '\n', check.error.status);
    return { stdout: dryRunLayout(name, vdevs), stderr: '', exitCode: 0 };
  }
  const made = createPool(ctx.world, ctx.host.name, name, vdevs.vdevs, properties as never, flags.f !== undefined, rootProperties, vdevs);
  if (!made.ok) return fail(made.error.lines.join('\n') + '\n', made.error.status);
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
