/**
 * Pool history (spa_history.c): each command that changed a pool is logged with its time,
 * for `zpool history`. A command's pool is the one its operands name.
 */
import type { World } from '../world';
import { poolOfName } from './pool';
import { zfsHost } from './state';

/** Appends `command` to the history of every pool its `operands` name (the pool created by `zpool create` too). */
export function logHistory(world: World, host: string, command: string, operands: string[]): void {
  const pools = zfsHost(world, host).pools;
  const named = new Set(operands.filter((o) => !o.startsWith('-')).map((o) => poolOfName(o.includes('=') ? '' : o)).filter((n) => pools[n]));
  for (const name of named) pools[name]?.history.push([world.clock, command]);
}
