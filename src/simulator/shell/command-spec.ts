/**
 * The shape of a simulated command: a declarative spec (name, usage, options, help text,
 * what real tool it imitates) and a `run` function that returns output as data. Commands
 * never throw for anything a reader can type; they return stderr and an exit status.
 */
import type { Process } from '../engines/kernel/types';
import type { World } from '../engines/world';
import type { Vfs } from './vfs';
import type { ShellFlavor } from './shell-flavor';
import type { LabHost } from './lab-types';

/** One option a command accepts. */
export interface OptionSpec {
  /** Key under which the parsed value is stored (`lines` for `-n/--lines`). */
  key: string;
  /** Single-character short form, without the dash. */
  short?: string;
  /** Long form, without the dashes. */
  long?: string;
  /** When the option takes a value, its name in help text (`NUM`, `FILE`). */
  value?: string;
  /** With `value`: the value is optional and only given as `--long=VALUE` (getopt's optional_argument, grep --color[=WHEN]). */
  optionalValue?: boolean;
  /** Help line shown by `--help`. */
  help: string;
}

/**
 * How arguments are read before `run` sees them:
 * - `gnu`: GNU getopt_long — options anywhere (permuted), bundling, `--`, abbreviations,
 *   `--help`; errors worded like glibc getopt plus coreutils' `Try '... --help'` line.
 * - `builtin`: bash's internal_getopt — options only before the first operand; `--help`.
 * - `raw`: the command reads its own arguments (echo, ip, ssh, hostname do).
 */
export type ArgumentStyle = 'gnu' | 'builtin' | 'raw';

/** The declarative part of a command. */
export interface CommandSpec {
  name: string;
  /** One line for `help`: what the command does. */
  summary: string;
  /** The synopsis after `Usage: ` (`ls [OPTION]... [FILE]...`). */
  usage: string;
  /** A paragraph after the usage line in `--help`. */
  description: string;
  options: OptionSpec[];
  arguments: ArgumentStyle;
  /** Exit status for a usage error (coreutils uses 1; ls and grep use 2; bash builtins 2). */
  usageStatus: number;
  /** The real tool and version imitated, shown by `help` and `--help` (`GNU coreutils 9.1 ls`). */
  imitates: string;
  /**
   * A tool's own usage text, for tools that print it on stdout both for `--help` and after a
   * usage error, with `usageStatus` (Debian hostname); no `Try ...` line then.
   */
  usageText?: string;
  /** GNU tools that print their `Usage:` synopsis before the `Try ...` line on a usage error (grep does). */
  usageLineOnError?: boolean;
  /** A shell builtin whose help is laid out like bash's `help NAME` (implied by `arguments: 'builtin'`). */
  shellBuiltin?: boolean;
  /** A builtin that zsh gives BINF_SKIPINVALID (cd): on zsh an unknown option is taken as the first operand. */
  zshSkipsInvalidOptions?: boolean;
  /** For `raw` commands: whether a first argument `--help` shows the help (bash's CHECK_HELPOPT); echo and true do not. */
  rawHelp?: boolean;
  /** What is left out or simplified, one line; shown by `--help`. */
  simplified?: string;
}

/** What a command returns. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set by `clear`: the terminal should clear its screen. */
  clear?: boolean;
  /**
   * The same output in the order it was written, for commands that mix both streams (see
   * command-output.ts); without it, stdout is taken to come before stderr.
   */
  chunks?: { fd: 1 | 2; text: string }[];
}

/** Parsed options: a flag's key maps to true, a valued option to its last value (and `all` to every value). */
export interface ParsedOptions {
  flags: Record<string, true | string>;
  /** Every value given for each valued option, in order (grep -e A -e B). */
  all: Record<string, string[]>;
  /** Option keys in the order they were given, for tools where the last of two options wins (grep -l/-L, -h/-H). */
  order: string[];
  operands: string[];
}

/**
 * Namespaces to run a shell or command in: a container's (`pct enter`, with its VMID) or
 * any (`unshare`, `nsenter`), with the host IDs it runs as, its cgroup, and the argv of
 * the host-side helper that starts it (default `lxc-attach -n VMID`; none for unshare).
 */
export interface AttachTarget {
  container?: number;
  helper?: string[] | null;
  ns: Process['ns'];
  uid: number;
  gid: number;
  cgroup?: string;
  /** Working directory of the new shell (default: the container's /root, else the caller's). */
  cwd?: string;
  /** A login shell (`su -`): bash says "logout" at exit, not "exit". */
  loginShell?: boolean;
}

/** Services the shell lends a running command (session changes go through here). */
export interface ShellControl {
  /** The lines typed so far, oldest first (`history`). */
  history(): readonly string[];
  /** Empties the history (`history -c`). */
  clearHistory(): void;
  /** Every variable of the current shell, sorted by name (`export -p`). */
  variables(): Record<string, string>;
  /** `$?` before this command ran. */
  lastStatus(): number;
  /** Adds virtual time the command took (sleep, a connect that times out): the clock moves by that much. */
  spend(ms: number): void;
  /** Runs a line on another host as `ssh HOST CMD` does; the host is not entered. */
  runOn(hostName: string, line: string): CommandResult;
  /** Enters a host (interactive `ssh HOST`). */
  enter(hostName: string): void;
  /**
   * Leaves the current host (`exit`). Returns what was typed to reach it (for OpenSSH's
   * `Connection to X closed.`), or null on the first host, where the session ends;
   * `attached` when it was a shell in a container (`pct enter`), which just ends.
   */
  leave(): { closed: string; attached?: 'exit' | 'logout' } | null;
  /** Starts a shell in a container's namespaces and moves the session into it (`pct enter`: lxc-attach). */
  attach(target: AttachTarget): void;
  /** Runs a line in a container's namespaces without entering it (`pct exec`). */
  runAttached(target: AttachTarget, line: string): CommandResult;
  /** Changes the working directory of the current shell. */
  setCwd(path: string): void;
  /** Sets a shell variable on the current host. */
  setVar(name: string, value: string): void;
  /** Asks the interpreter to stop the line after this command (`exit` in `ssh HOST CMD`). */
  stopLine(): void;
}

/** Everything a command can see. */
export interface CommandContext {
  /** The machine state: the lab, clock, and engines' state. Configuration changes go through model/edit. */
  world: World;
  /** The current host's model entry. */
  host: LabHost;
  /** The shell process the command runs under (its PID, owner, namespaces). */
  proc: Process;
  flavor: ShellFlavor;
  /** The files as this process sees them (its mount namespace). */
  vfs: Vfs;
  cwd: string;
  /** Piped or redirected input; null when stdin is the terminal (read as empty). */
  stdin: string | null;
  /** True when stdin was redirected from a file with `<`: fstat(0) then says "regular file" (wc sizes its columns from it). */
  stdinIsFile: boolean;
  /** True when stdout is the terminal (isatty(1)): `ls` prints columns then, one name per line otherwise. */
  tty: boolean;
  /** A variable's value on this host (environment and shell variables). */
  lookup(name: string): string | undefined;
  /** True when running as `ssh HOST CMD` rather than in an interactive session. */
  remote: boolean;
  shell: ShellControl;
  /** The commands this host has, for `help` and completion. */
  commands: ReadonlyMap<string, Command>;
}

/** Host kinds (the model's `kind`). */
export type HostKind = 'proxmox' | 'truenas' | 'linux';

/** What a completer sees: the arguments before the word being completed, and that word. */
export interface CompletionRequest {
  world: World;
  host: LabHost;
  /** Arguments already typed after the command name. */
  args: string[];
  word: string;
  /** The commands this host has (for `help`). */
  commands: ReadonlyMap<string, Command>;
}

/** A simulated command. */
export interface Command {
  spec: CommandSpec;
  /** Host kinds that have this command (every kind when absent); elsewhere it is `command not found`, as on the real machines. */
  hosts?: readonly HostKind[];
  /**
   * Completes an argument; returns candidates (or null to fall back to file names). Options
   * after `-` come from the spec without this.
   */
  complete?(request: CompletionRequest): string[] | null;
  /** `argv` holds the arguments after the command name; for `gnu`/`builtin` styles, `opts` is the parsed form. */
  run(ctx: CommandContext, argv: string[], opts: ParsedOptions): CommandResult;
  /** Rewrites arguments before option parsing (head/tail turn the obsolete `-5` into `-n 5`), or refuses them. */
  rewriteArgs?(argv: string[]): ArgsRewrite;
}

/** What `rewriteArgs` gives back: the arguments to parse, or a usage error to print as is. */
export type ArgsRewrite = { ok: true; argv: string[] } | { ok: false; result: CommandResult };

/** A successful result with `stdout`. */
export function ok(stdout = ''): CommandResult {
  return { stdout, stderr: '', exitCode: 0 };
}

/** A failed result with `stderr` (a trailing newline is added when missing). */
export function fail(stderr: string, exitCode = 1, stdout = ''): CommandResult {
  return { stdout, stderr: stderr === '' || stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode };
}
