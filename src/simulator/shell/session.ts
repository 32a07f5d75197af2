/**
 * The simulator state: one plain JSON value (no classes, no functions) holding the lab, the
 * seeded generator, the virtual clock, engine state and the shell session. The worker
 * snapshots it with structuredClone for undo; tests compare it after a JSON round trip.
 */
import type { Lab, LabHost } from './lab-types';
import { resolveHost } from './host-resolve';

/** The shell session: who is logged in where, variables, history and the user's own files. */
export interface ShellState {
  /** The ssh stack: host names (the lab's `name`), last = current. */
  hosts: string[];
  /** What was typed after `ssh` for each stacked host (for `Connection to X closed.`); same length as `hosts`. */
  targets: string[];
  /** Variables set with `export` or `NAME=value`, per host name. Defaults (HOME, PATH...) are derived, not stored. */
  env: Record<string, Record<string, string>>;
  /** `$?`: the exit status of the last pipeline. */
  lastStatus: number;
  /** Lines typed, oldest first; the last 500 are kept (bash's default HISTSIZE; root's Debian .bashrc does not change it). */
  history: string[];
  /** Working directory per host name. */
  cwd: Record<string, string>;
  /** Files the user wrote with `>` and `>>`, per host name, by absolute path. Only these are stored. */
  files: Record<string, Record<string, string>>;
  /** True after `exit` on the first host: the session is over. */
  exited: boolean;
}

/** The whole simulator state. */
export interface SimState {
  version: 1;
  lab: Lab;
  seed: number;
  /** mulberry32 state (see random.ts); engines draw from it with nextRandom(state). */
  rng: number;
  /** Virtual milliseconds since the Unix epoch. */
  clock: number;
  /** Runtime state of engines (zfs, kernel, iscsi, net), filled by later work. */
  engines: Record<string, unknown>;
  shell: ShellState;
}

/** Options for createSimulator. */
export interface SimulatorOptions {
  /** Seed for generated values (MAC addresses, later engine randomness); default 1. */
  seed?: number;
  /** Host to log in to (name, hostname or IP); default the first Proxmox host, else the first host. */
  host?: string;
  /** Starting virtual time in ms since the epoch; default 2025-01-01T00:00:00Z. */
  clock?: number;
}

/** 2025-01-01T00:00:00Z: a fixed start so transcripts are reproducible. */
export const DEFAULT_CLOCK = 1735689600000;

/**
 * Boots a lab: logs in as root on the chosen host, in /root. The lab must already be valid
 * (parseLab). Throws RangeError only for a programming error (a host the caller did not
 * check with resolveHost, or a lab with no hosts); user input never reaches that point.
 */
export function createSimulator(lab: Lab, opts: SimulatorOptions = {}): SimState {
  const seed = (opts.seed ?? 1) >>> 0;
  const start = opts.host !== undefined ? resolveHost(lab, opts.host) : (lab.hosts.find((h) => h.kind === 'proxmox') ?? lab.hosts[0]);
  if (!start) {
    const names = lab.hosts.map((h) => h.name).join(', ');
    throw new RangeError(opts.host !== undefined ? `no host "${opts.host}" in the lab (hosts: ${names})` : 'the lab has no hosts');
  }
  return {
    version: 1,
    lab,
    seed,
    rng: seed,
    clock: opts.clock ?? DEFAULT_CLOCK,
    engines: {},
    shell: {
      hosts: [start.name],
      targets: [start.name],
      env: {},
      lastStatus: 0,
      history: [],
      cwd: { [start.name]: homeOf(start, 'root') },
      files: {},
      exited: false,
    },
  };
}

/** The host the session is on now. */
export function currentHost(state: SimState): LabHost {
  const name = state.shell.hosts[state.shell.hosts.length - 1];
  const host = state.lab.hosts.find((h) => h.name === name) ?? state.lab.hosts[0];
  if (!host) throw new RangeError('the lab has no hosts');
  return host;
}

/** A user's home directory on a host: the model's `home`, else /root for root and /home/NAME. */
export function homeOf(host: LabHost, user: string): string {
  const entry = (host.users ?? []).find((u) => u.name === user);
  if (entry?.home) return entry.home;
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** The working directory on a host (home when never set). */
export function cwdOf(state: SimState, host: LabHost): string {
  return state.shell.cwd[host.name] ?? homeOf(host, 'root');
}
