/**
 * The World: the whole machine state of a lab below the shell, as one plain JSON value —
 * the lab (configuration), the seed and generator, the virtual clock, and one slot per
 * engine (`kernel` per host, `net`; the ZFS and iSCSI engines add theirs). It is cloned for
 * undo, saved by the sandbox and compared in tests; nothing in it is a class or a function.
 */
import type { Lab } from '../model/lab';
import type { HostKernel } from './kernel/types';
import type { NetState } from './net/types';

/** The World's format version (bumped when its shape changes). */
export const WORLD_FORMAT = 1;

/** The machine state. */
export interface World {
  format: typeof WORLD_FORMAT;
  lab: Lab;
  seed: number;
  /** mulberry32 state (random.ts nextRandom). */
  rng: number;
  /** Virtual ms since the epoch (clock.ts). */
  clock: number;
  /** Kernel state per host, by the lab's host name. */
  kernel: Record<string, HostKernel>;
  net: NetState;
  /** Later engines' slots (zfs, iscsi), each owned by its engine. */
  engines: Record<string, unknown>;
}

/** The kernel state of `host`; throws RangeError for a host the World was not booted with (a programming error). */
export function hostKernel(world: World, host: string): HostKernel {
  const k = world.kernel[host];
  if (!k) throw new RangeError(`no kernel state for host "${host}"`);
  return k;
}
