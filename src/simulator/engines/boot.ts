/**
 * `boot(lab, seed)`: builds the World for a lab. The lab's derived names are filled in by the
 * model (model/edit fillDerivedNames), then each boot step runs for each host in order: the
 * kernel (devices, filesystems, mounts, daemons), the network (sshd on port 22), and the steps
 * later engines register (ZFS pools, iSCSI targets, containers) — each through the same
 * operations a reader's commands use, so a lab file and a typed session cannot diverge.
 */
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
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

/** A step of booting a host. Lower `order` runs first; the kernel is 0, the network 10. */
export interface BootStep {
  name: string;
  order: number;
  run(world: World, host: Host): void;
}

const STEPS: BootStep[] = [];

/**
 * Adds a boot step (an engine calls this when its module loads; engines/index.ts loads them
 * all). A step with the same name replaces the earlier one.
 */
export function registerBootStep(step: BootStep): void {
  const at = STEPS.findIndex((s) => s.name === step.name);
  if (at >= 0) STEPS.splice(at, 1);
  STEPS.push(step);
  STEPS.sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

registerBootStep({ name: 'kernel', order: 0, run: bootKernel });
registerBootStep({
  name: 'net',
  order: 10,
  // OpenSSH: sshd listens on every address, port 22 (sshd_config ListenAddress default).
  run: (world, host) => listen(world, host.name, { address: '0.0.0.0', port: 22, owner: 'sshd', pid: sshdListener(world, host.name)?.pid ?? 0 }),
});

/** Boots a lab (already valid: parseLab) into a World. The lab is used as given (the World owns it from now on). */
export function boot(lab: Lab, seed = 1, options: BootOptions = {}): World {
  const world: World = { format: WORLD_FORMAT, lab, seed: seed >>> 0, rng: seed >>> 0, clock: options.clock ?? DEFAULT_CLOCK, kernel: {}, net: { listening: {} }, engines: {} };
  fillDerivedNames(world.lab);
  for (const step of STEPS) for (const host of world.lab.hosts) step.run(world, host);
  return world;
}
