/**
 * The simulator state: the World (machine state below the shell, engines/world.ts) and the
 * shell's own session — the login stack (which host and which shell process each login
 * is), the variables the reader set in each login shell, `$?` and history. One plain JSON
 * value: the worker snapshots it for undo; tests compare it after a JSON round trip.
 */
import { boot } from '../engines';
import { DEFAULT_CLOCK } from '../engines/clock';
import { exitProcess, findProcess, spawnProcess, sshdListener } from '../engines/kernel/processes';
import type { Process } from '../engines/kernel/types';
import { resolveHost } from '../engines/net/resolve';
import { hostKernel, type World } from '../engines/world';
import type { Lab, LabHost } from './lab-types';
import { flavorForKind } from './shell-flavor';

/** One login: the host, the PID of its login shell there, what was typed after `ssh`, and the ssh client's PID on the host before. */
export interface Login {
  host: string;
  pid: number;
  target: string;
  /** The `ssh` client process on the previous host (absent for the first login). */
  clientPid?: number;
  /** `pct enter`: the VMID of the container whose namespaces the shell runs in. */
  container?: number;
  /** A shell started in other namespaces or as another user (pct enter, unshare, nsenter, su): `exit` just ends it; bash says this word. */
  attached?: 'exit' | 'logout';
  /** The process whose end ends the login (default: the shell's parent, its sshd-session). */
  exitPid?: number;
}

/** The shell session. */
export interface ShellState {
  /** The ssh stack, last = current. */
  logins: Login[];
  /** Variables set with `export` or `NAME=value`, per login shell (`host:pid`). Defaults (HOME, PATH...) are derived, not stored. */
  vars: Record<string, Record<string, string>>;
  /** `$?`: the exit status of the last pipeline. */
  lastStatus: number;
  /** Lines typed, oldest first; the last 500 are kept (bash's default HISTSIZE; root's Debian .bashrc does not change it). */
  history: string[];
  /** True after `exit` on the first host: the session is over. */
  exited: boolean;
}

/** The whole simulator state. */
export interface SimState {
  version: 2;
  world: World;
  shell: ShellState;
}

/** Options for createSimulator. */
export interface SimulatorOptions {
  /** Seed for generated values (MAC addresses, serials, later engine randomness); default 1. */
  seed?: number;
  /** Host to log in to (name, hostname or IP); default the first Proxmox host, else the first host. */
  host?: string;
  /** Starting virtual time in ms since the epoch; default clock.ts DEFAULT_CLOCK. */
  clock?: number;
}

export { DEFAULT_CLOCK };

/**
 * Boots a lab and logs in as root on the chosen host, in root's home. The lab must already
 * be valid (parseLab); the state owns it from now on. Throws RangeError only for a
 * programming error (a host the caller did not check with resolveHost, or no hosts).
 */
export function createSimulator(lab: Lab, opts: SimulatorOptions = {}): SimState {
  const start = opts.host !== undefined ? resolveHost(lab, opts.host) : (lab.hosts.find((h) => h.kind === 'proxmox') ?? lab.hosts[0]);
  if (!start) {
    const names = lab.hosts.map((h) => h.name).join(', ');
    throw new RangeError(opts.host !== undefined ? `no host "${opts.host}" in the lab (hosts: ${names})` : 'the lab has no hosts');
  }
  const world = boot(lab, opts.seed ?? 1, opts.clock !== undefined ? { clock: opts.clock } : {});
  const state: SimState = { version: 2, world, shell: { logins: [], vars: {}, lastStatus: 0, history: [], exited: false } };
  state.shell.logins.push(login(world, start.name, start.name, true));
  return state;
}

/**
 * Starts a login on `host`: OpenSSH 10's per-connection `sshd-session` under the listener,
 * then root's login shell (`-bash`, or `-zsh` on TrueNAS) on a new pseudo-terminal, in
 * root's home. `tty` false is `ssh HOST CMD` (no terminal: `root@notty`).
 */
export function login(world: World, host: string, target: string, tty: boolean, clientPid?: number): Login {
  const lab = world.lab.hosts.find((h) => h.name === host) as LabHost;
  const k = hostKernel(world, host);
  const pts = tty ? `pts/${k.nextPty++}` : null;
  const listener = sshdListener(world, host)?.pid ?? 1;
  const session = spawnProcess(world, host, { ppid: listener, args: [`sshd-session: root@${pts ?? 'notty'}`], comm: 'sshd-session', cwd: '/', tty: null, vsz: 19500, rss: 11000 });
  const shell = flavorForKind(lab.kind);
  const proc = spawnProcess(world, host, { ppid: session.pid, args: [tty ? `-${shell}` : shell], comm: shell, uid: 0, gid: 0, cwd: homeOf(lab, 'root'), tty: pts, vsz: shell === 'zsh' ? 11200 : 7400, rss: shell === 'zsh' ? 6800 : 4300 });
  return { host, pid: proc.pid, target, ...(clientPid !== undefined ? { clientPid } : {}) };
}

/** Ends a login: its session and shell on the host, and the ssh client on the host before. */
export function logout(world: World, entry: Login, previous?: Login): void {
  const shell = findProcess(world, entry.host, entry.pid);
  if (shell) exitProcess(world, entry.host, entry.exitPid ?? shell.ppid);
  if (previous && entry.clientPid !== undefined) exitProcess(world, previous.host, entry.clientPid);
}

/** The login the session is on now. */
export function currentLogin(state: SimState): Login {
  const entry = state.shell.logins[state.shell.logins.length - 1];
  if (!entry) throw new RangeError('the session has no login');
  return entry;
}

/** The host the session is on now. */
export function currentHost(state: SimState): LabHost {
  const entry = currentLogin(state);
  const host = state.world.lab.hosts.find((h) => h.name === entry.host);
  if (!host) throw new RangeError(`no host "${entry.host}"`);
  return entry.container === undefined ? host : containerHost(host, entry.container);
}

/**
 * A container seen as a host by the shell: a Debian system (kind linux: bash, no pct or
 * zfs) with the container's host name and root alone in the model's users; its files,
 * processes and IDs come from its namespaces, on the Proxmox host's kernel (same `name`).
 */
export function containerHost(host: LabHost, vmid: number): LabHost {
  const ct = (host.containers ?? []).find((c) => c.vmid === vmid);
  return { ...host, kind: 'linux', hostname: ct?.hostname ?? `CT${vmid}`, users: [{ name: 'root', uid: 0, gid: 0 }], disks: [], pools: [], datasets: [], containers: [] } as LabHost;
}

/** The login shell process the session is in now. */
export function currentProcess(state: SimState): Process {
  const entry = currentLogin(state);
  const proc = findProcess(state.world, entry.host, entry.pid);
  if (!proc) throw new RangeError(`no process ${entry.pid} on ${entry.host}`);
  return proc;
}

/** A user's home directory on a host: the model's `home`, else /root for root and /home/NAME. */
export function homeOf(host: LabHost, user: string): string {
  const entry = (host.users ?? []).find((u) => u.name === user);
  if (entry?.home) return entry.home;
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** The working directory of the current shell. */
export function cwdOf(state: SimState): string {
  return currentProcess(state).cwd;
}

/** The key of the current login's variables. */
export function varsKey(entry: Login): string {
  return `${entry.host}:${entry.pid}`;
}
