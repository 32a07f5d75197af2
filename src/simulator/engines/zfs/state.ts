/**
 * The ZFS engine's slot of the World (`world.engines.zfs`), as plain JSON: per host, the
 * runtime state of its volumes (their bytes as content descriptors and the /dev/zdN they
 * appear as). Configuration (which pools, datasets and zvols exist, their properties) lives
 * in the lab model; this is what a real pool keeps on its disks.
 */
import type { Content } from '../kernel/content';
import type { World } from '../world';

/** Runtime state of one zvol. */
export interface ZvolState {
  /** Full dataset name (`tank/vol`). */
  dataset: string;
  /** Its block device (`zd0`, `zd16`: minors 16 apart, zvol_os.c ZVOL_MINOR_BITS 4). */
  device: string;
  /** Bytes (volsize, a multiple of volblocksize). */
  volsize: number;
  volblocksize: number;
  /** Bytes the volume reserves in its pool (0 when sparse). */
  refreservation: number;
  /** Its bytes: a hole where nothing was written (a sparse volume reads zeros there). */
  data: Content;
  /** Bytes charged to the pool's space: max(refreservation, allocated blocks). */
  charged: number;
}

/** The ZFS state of one host. */
export interface ZfsHostState {
  zvols: Record<string, ZvolState>;
}

/** `world.engines.zfs`. */
export interface ZfsState {
  hosts: Record<string, ZfsHostState>;
}

/** The engine's state, created on first use. */
export function zfsState(world: World): ZfsState {
  const existing = world.engines.zfs as ZfsState | undefined;
  if (existing) return existing;
  const made: ZfsState = { hosts: {} };
  world.engines.zfs = made;
  return made;
}

/** The ZFS state of `host`, created on first use. */
export function zfsHost(world: World, host: string): ZfsHostState {
  const state = zfsState(world);
  const existing = state.hosts[host];
  if (existing) return existing;
  const made: ZfsHostState = { zvols: {} };
  state.hosts[host] = made;
  return made;
}
