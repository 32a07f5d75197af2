/**
 * `zpool history [POOL]...`: the commands that changed each pool, with their times
 * (zpool_main.c get_history_one: "History for '%s':", then "%F.%T CMD" lines and a blank line).
 */
// @sim zpool | OpenZFS 2.3 zpool history [pool]: the zpool/zfs commands that changed the pool, timestamps %F.%T (UTC)
import type { CommandContext, CommandResult } from '../command-spec';
import { zfsHost } from '../../engines/zfs/state';
import { zpoolUsage } from './zpool-usage';

function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}.${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Runs `zpool history ARGS`. */
export function zpoolHistory(ctx: CommandContext, argv: string[]): CommandResult {
  const bad = argv.find((a) => a.startsWith('-') && !/^-[il]+$/.test(a));
  if (bad) return zpoolUsage('history', `invalid option '${bad.slice(1, 2)}'`);
  const names = argv.filter((a) => !a.startsWith('-'));
  const pools = Object.values(zfsHost(ctx.world, ctx.host.name).pools).sort((a, b) => (a.name < b.name ? -1 : 1));
  let stdout = '';
  let stderr = '';
  for (const p of names.length === 0 ? pools : names.map((n) => pools.find((x) => x.name === n) ?? n)) {
    if (typeof p === 'string') {
      stderr += `cannot open '${p}': no such pool\n`;
      continue;
    }
    stdout += `History for '${p.name}':\n${p.history.map(([t, cmd]) => `${stamp(t)} ${cmd}\n`).join('')}\n`;
  }
  if (pools.length === 0 && names.length === 0) return { stdout: 'no pools available\n', stderr: '', exitCode: 0 };
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
