/**
 * The virtual clock: milliseconds since the Unix epoch, kept in the World. It moves only
 * through recorded events (each typed line steps it; a command may add a declared duration,
 * such as `sleep 5` or ssh's wait for an address nobody answers), never from the wall clock,
 * so the same session log always gives the same times.
 */
import type { World } from './world';

/** 2026-01-01T00:00:00Z: a fixed start (after Proxmox VE 9's release) so transcripts are reproducible. */
export const DEFAULT_CLOCK = 1767225600000;

/** How far the clock moves for each typed line before it runs: one second (a reader's pace, kept fixed). */
export const LINE_STEP_MS = 1000;

/** Moves the clock forward by `ms` (negative or non-finite amounts are ignored). */
export function advanceClock(world: World, ms: number): void {
  if (Number.isFinite(ms) && ms > 0) world.clock += Math.round(ms);
}

/** Seconds since the epoch, as `st_mtime` and `ps` START use. */
export function clockSeconds(world: World): number {
  return Math.floor(world.clock / 1000);
}
