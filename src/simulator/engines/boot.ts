/**
 * `boot(lab, seed)`: builds the World for a lab. Each host's kernel comes up (devices,
 * filesystems, mounts, daemons), its sshd listens on port 22, and the lab's derived names
 * are filled in by the model (model/edit fillDerivedNames) — the same operations a reader's
 * commands use, so a lab file and a typed session cannot diverge.
 */
import type { Lab } from '../model';
import { fillDerivedNames } from '../model/edit';
import { DEFAULT_CLOCK } from './clock';
import { bootKernel } from './kernel/boot';
import { sshdListener } from './kernel/processes';
import { listen } from './net/connect';
import { WORLD_FORMAT, type World } from './world';

/** Options for boot. */
export interface BootOptions {
  /** Starting virtual time, ms since the epoch (default clock.ts DEFAULT_CLOCK). */
  clock?: number;
}

/** Boots a lab (already valid: parseLab) into a World. The lab is used as given (the World owns it from now on). */
export function boot(lab: Lab, seed = 1, options: BootOptions = {}): World {
  const world: World = { format: WORLD_FORMAT, lab, seed: seed >>> 0, rng: seed >>> 0, clock: options.clock ?? DEFAULT_CLOCK, kernel: {}, net: { listening: {} }, engines: {} };
  fillDerivedNames(world.lab);
  for (const host of world.lab.hosts) {
    bootKernel(world, host);
    // OpenSSH: sshd listens on every address, port 22 (sshd_config ListenAddress default).
    listen(world, host.name, { address: '0.0.0.0', port: 22, owner: 'sshd', pid: sshdListener(world, host.name)?.pid ?? 0 });
  }
  return world;
}
