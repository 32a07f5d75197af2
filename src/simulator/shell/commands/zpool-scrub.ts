/**
 * `zpool scrub [-w] POOL...`: starts a scrub (zpool_main.c zpool_do_scrub); -w waits for it
 * (the virtual clock moves by its duration), as does `zpool wait -t scrub`; `zpool wait -t
 * raidz_expand` waits for a RAIDZ expansion.
 */
// @sim zpool | OpenZFS 2.3 zpool scrub [-w] POOL: verify and repair every block; virtual time in proportion to the data; zpool wait [-t activity,...] POOL
import type { CommandContext, CommandResult } from '../command-spec';
import { scrubPool } from '../../engines/zfs/scrub';
import { zfsHost } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** Runs `zpool scrub ARGS`. */
export function zpoolScrub(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'spwe');
  if (!parsed.ok) return zpoolUsage('scrub', parsed.message);
  const names = parsed.args.operands;
  if (names.length === 0) return zpoolUsage('scrub', 'missing pool name argument');
  let stderr = '';
  let wait = 0;
  for (const name of names) {
    const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
    if (!pool) {
      stderr += `cannot open '${name}': no such pool\n`;
      continue;
    }
    if (parsed.args.flags.s) {
      // -s stops a running scrub.
      if (!pool.scan || pool.scan.end <= ctx.world.clock) stderr += `cannot cancel scrubbing ${name}: there is no active scrub\n`;
      else pool.scan.end = ctx.world.clock;
      continue;
    }
    if (pool.scan && pool.scan.end > ctx.world.clock) {
      // libzfs_pool.c zpool_scan: EBUSY while a resilver runs is "currently resilvering".
      stderr += pool.scan.func === 'resilver' ? `cannot scrub ${name}: currently resilvering\n` : `cannot scrub ${name}: currently scrubbing; use 'zpool scrub -s' to cancel the current scrub\n`;
      continue;
    }
    const scan = scrubPool(ctx.world, ctx.host.name, pool);
    wait = Math.max(wait, scan.end - scan.start);
  }
  if (parsed.args.flags.w && wait > 0) ctx.shell.spend(wait);
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

/** zpool_do_wait's activities (-t), in its order. */
const ACTIVITIES = ['discard', 'free', 'initialize', 'replace', 'remove', 'resilver', 'scrub', 'trim', 'raidz_expand'];

/**
 * Runs `zpool wait [-t ACTIVITY[,...]] POOL`: waits (moves the virtual clock) until the
 * chosen activities are done: scrub, resilver and replace are the pool's scan; raidz_expand
 * its expansion; the others never run here. Without -t, all of them.
 */
export function zpoolWait(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'Hpt:T:');
  if (!parsed.ok) return zpoolUsage('wait', parsed.message);
  const chosen = new Set(parsed.args.flags.t ? [] : ACTIVITIES);
  for (const tok of (parsed.args.flags.t ?? []).flatMap((t) => t.split(','))) {
    if (!ACTIVITIES.includes(tok)) return zpoolUsage('wait', `invalid activity '${tok}'`);
    chosen.add(tok);
  }
  const [name, extra] = parsed.args.operands;
  if (name === undefined) return zpoolUsage('wait', "missing 'pool' argument");
  if (extra !== undefined) return zpoolUsage('wait', 'too many arguments');
  const pool = zfsHost(ctx.world, ctx.host.name).pools[name];
  if (!pool) return { stdout: '', stderr: `cannot open '${name}': no such pool\n`, exitCode: 1 };
  const scan = pool.scan;
  const scanWanted = scan && (scan.func !== 'resilver' ? chosen.has('scrub') : chosen.has('resilver') || (scan.replacing !== undefined && chosen.has('replace')));
  const until = Math.max(scanWanted ? scan.end : 0, chosen.has('raidz_expand') && pool.expand ? pool.expand.end : 0);
  if (until > ctx.world.clock) ctx.shell.spend(until - ctx.world.clock);
  return { stdout: '', stderr: '', exitCode: 0 };
}
