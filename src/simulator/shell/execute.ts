/**
 * The interpreter: runs a parsed Script against the state. Pipes feed one command's stdout
 * to the next one's stdin (commands run one after another; output is data, not streams),
 * redirections write the host's user files, `&&`/`||`/`;` follow POSIX §2.9.3, and `$?` is
 * the status of the last pipeline. The current host can change mid-line (`ssh`, `exit`),
 * and the rest of the line then runs on the new host, as a typed session would.
 */
import type { AttachTarget, Command, CommandContext, CommandResult, ShellControl } from './command-spec';
import { expandToString, expandWords, formatExpansionIssue, type ExpansionContext } from './expand';
import { renderHelp } from './help-text';
import { advanceClock } from '../engines/clock';
import { findProcess, spawnProcess } from '../engines/kernel/processes';
import type { World } from '../engines/world';
import { resolveHost } from '../engines/net/resolve';
import type { LabHost } from './lab-types';
import { parseOptions } from './options';
import { parse, type AndOrList, type Pipeline, type SimpleCommand } from './parse';
import { basename, dirname, resolvePath } from './path';
import { createPipelineOutputs, openRedirect, type Sink } from './redirect';
import { commandsFor } from './command-set';
import { CommandNotLoaded } from './lazy-command';
import { currentHost, currentLogin, currentProcess, cwdOf, homeOf, login, logout, varsKey, type Login, type SimState } from './session';
import { flavorForKind, type ShellFlavor } from './shell-flavor';
import { formatSyntaxIssue, syntaxErrorStatus } from './syntax-error';
import type { WordToken } from './tokenize';
import { allVariables, lookupVariable } from './variables';
import { sessionVfs, STRERROR, type Errno, type Vfs } from './vfs';

/** Output of a run, in the order it was produced (chunks) and per stream. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  /** Terminal output in order: fd 1 (stdout) or 2 (stderr). */
  chunks: { fd: 1 | 2; text: string }[];
  clear: boolean;
}

/** A running line: where output goes and whether the rest of it is abandoned (`exit` in `ssh HOST CMD`, an expansion error). */
export interface Frame {
  /** True inside `ssh HOST CMD`: `exit` ends the command, not the session. */
  remote: boolean;
  stopped: boolean;
  depth: number;
  out: RunOutput;
}

/** Nested `ssh HOST CMD` depth at which the simulator refuses (a loop guard, not a real limit). */
export const MAX_SSH_DEPTH = 16;

/** A new, empty output. */
export function emptyOutput(): RunOutput {
  return { stdout: '', stderr: '', chunks: [], clear: false };
}

/** Appends text to the terminal output. */
export function emit(out: RunOutput, fd: 1 | 2, text: string): void {
  if (text === '') return;
  if (fd === 1) out.stdout += text;
  else out.stderr += text;
  const last = out.chunks[out.chunks.length - 1];
  if (last && last.fd === fd) last.text += text;
  else out.chunks.push({ fd, text });
}

/** Parses and runs one line in `frame`; returns the exit status and sets `$?`. */
export function executeLine(state: SimState, line: string, frame: Frame, commands: ReadonlyMap<string, Command>): number {
  const flavor = flavorForKind(currentHost(state).kind);
  const parsed = parse(line, flavor);
  if (!parsed.ok) {
    emit(frame.out, 2, formatSyntaxIssue(parsed.error, flavor) + '\n');
    state.shell.lastStatus = syntaxErrorStatus(flavor);
    return state.shell.lastStatus;
  }
  for (const list of parsed.script.lists) {
    state.shell.lastStatus = runAndOr(state, list, frame, commands);
    if (frame.stopped || state.shell.exited) break;
  }
  return state.shell.lastStatus;
}

function runAndOr(state: SimState, list: AndOrList, frame: Frame, commands: ReadonlyMap<string, Command>): number {
  let status = runPipeline(state, list.first, frame, commands);
  for (const { op, pipeline } of list.rest) {
    if (frame.stopped || state.shell.exited) break;
    state.shell.lastStatus = status;
    if ((op === '&&') === (status === 0)) status = runPipeline(state, pipeline, frame, commands);
  }
  return status;
}

/** Where a file descriptor's output goes. */
function runPipeline(state: SimState, pipeline: Pipeline, frame: Frame, commands: ReadonlyMap<string, Command>): number {
  let stdin: string | null = null;
  let status = 0;
  const created = pipeline.commands.length > 1 ? pipelineOutputs(state, pipeline) : [];
  pipeline.commands.forEach((cmd, i) => {
    if (frame.stopped || state.shell.exited) return;
    const last = i === pipeline.commands.length - 1;
    const piped = runSimple(state, cmd, frame, commands, stdin, !last, pipeline.pipeStderr[i] ?? false, created[i]);
    stdin = piped.pipe;
    status = piped.status;
    // An expansion error in a command the shell runs itself (not a pipeline's subshell)
    // abandons the rest of the line: bash 5.2 and zsh 5.9 both go back to the prompt.
    if (piped.expansionFailed && pipeline.commands.length === 1) frame.stopped = true;
  });
  return pipeline.negated ? (status === 0 ? 1 : 0) : status;
}

/** createPipelineOutputs() on the current host. */
function pipelineOutputs(state: SimState, pipeline: Pipeline): Set<string>[] {
  const host = currentHost(state);
  const vfs = sessionVfs(state);
  const cwd = cwdOf(state);
  return createPipelineOutputs(pipeline, vfs, cwd, expansionContext(state, host, vfs, cwd, {}));
}

/** How words are expanded on `host` (variables, `~`, globbing over its files, leaving out `hidden` paths). */
function expansionContext(state: SimState, host: LabHost, vfs: Vfs, cwd: string, temp: Record<string, string>, hidden?: Set<string>): ExpansionContext {
  return {
    flavor: flavorForKind(host.kind),
    cwd,
    lookup: (name) => lookupVariable(state, host, name, temp),
    home: (user) => (user === '' ? (lookupVariable(state, host, 'HOME') ?? '/root') : (host.users ?? []).some((u) => u.name === user) ? homeOf(host, user) : undefined),
    listDir: (dir) => {
      const r = vfs.list(dir);
      if (!r.ok) return null;
      return hidden && hidden.size > 0 ? r.names.filter((n) => !hidden.has(resolvePath(dir, n))) : r.names;
    },
  };
}

/** Runs one simple command; returns its status and what it wrote into the pipe. */
function runSimple(
  state: SimState,
  cmd: SimpleCommand,
  frame: Frame,
  commands: ReadonlyMap<string, Command>,
  stdin: string | null,
  toPipe: boolean,
  stderrToPipe: boolean,
  ownNewFiles?: Set<string>,
): { status: number; pipe: string; expansionFailed?: boolean } {
  const host = currentHost(state);
  const flavor = flavorForKind(host.kind);
  const vfs = sessionVfs(state);
  const cwd = cwdOf(state);
  const temp: Record<string, string> = {};
  const expansion = expansionContext(state, host, vfs, cwd, temp, ownNewFiles);
  const failWith = (message: string, status: number): { status: number; pipe: string } => {
    emit(frame.out, 2, message + '\n');
    return { status, pipe: '' };
  };
  const expansionFailed = (message: string): { status: number; pipe: string; expansionFailed: true } => ({ ...failWith(message, 1), expansionFailed: true });

  // Assignments: NAME=value (value not split or globbed, POSIX §2.9.1).
  const assigned: [string, string][] = [];
  for (const word of cmd.assignments) {
    const eq = word.raw.indexOf('=');
    const value = expandToString(stripAssignmentName(word, eq), expansion);
    if (!value.ok) return expansionFailed(formatExpansionIssue(value.error, flavor));
    assigned.push([word.raw.slice(0, eq), value.text]);
  }
  const argv = expandWords(cmd.words, expansion);
  if (!argv.ok) return expansionFailed(formatExpansionIssue(argv.error, flavor));

  // Redirections, left to right (POSIX §2.7): later ones see earlier ones' effect.
  const fds: Record<number, Sink> = { 1: toPipe ? { kind: 'pipe' } : { kind: 'terminal', fd: 1 }, 2: stderrToPipe ? { kind: 'pipe' } : { kind: 'terminal', fd: 2 } };
  let input = stdin;
  let inputIsFile = false;
  for (const r of cmd.redirects) {
    const opened = openRedirect(r, fds, vfs, cwd, expansion, flavor);
    if (!opened.ok) return failWith(opened.message, 1);
    if (opened.stdin !== undefined) {
      input = opened.stdin;
      inputIsFile = opened.fromFile === true;
    }
  }

  if (argv.fields.length === 0) {
    // Only assignments and/or redirections: assignments persist in the shell (bash(1) "SIMPLE COMMAND EXPANSION").
    for (const [name, value] of assigned) (state.shell.vars[varsKey(currentLogin(state))] ??= {})[name] = value;
    return { status: 0, pipe: '' };
  }
  for (const [name, value] of assigned) temp[name] = value;

  const [name, ...args] = argv.fields as [string, ...string[]];
  const found = findCommand(name, commandsFor(commands, host.kind), vfs, cwd, flavor);
  let result: CommandResult;
  if ('error' in found) result = { stdout: '', stderr: found.error + '\n', exitCode: found.status };
  else result = invoke(state, found.command, args, {
    host,
    flavor,
    vfs,
    cwd,
    stdin: input,
    stdinIsFile: inputIsFile,
    tty: !frame.remote && fds[1]?.kind === 'terminal',
    temp,
    frame,
    commands,
  });

  if (result.clear) frame.out.clear = true;
  let pipe = '';
  let writeFailed: Errno | null = null;
  const deliver = (fd: 1 | 2, text: string): void => {
    const sink: Sink = fds[fd] ?? { kind: 'terminal', fd };
    if (text === '') return;
    if (sink.kind === 'terminal') emit(frame.out, sink.fd, text);
    else if (sink.kind === 'pipe') pipe += text;
    else if (sink.kind === 'file') {
      if (writeFailed && fd === 1) return;
      const w = sessionVfs(state).write(sink.path, text, true);
      if (!w.ok && fd === 1) writeFailed = w.errno;
    }
  };
  // In the order the command wrote them (coreutils' error() flushes stdout before it writes to stderr).
  if (result.chunks) for (const chunk of result.chunks) deliver(chunk.fd, chunk.text);
  else {
    deliver(1, result.stdout);
    deliver(2, result.stderr);
  }
  let status = result.exitCode & 255;
  if (writeFailed && 'command' in found) {
    // The file opened but a write failed (a full filesystem, /dev/full): bash builtins say
    // "bash: echo: write error: ..." (builtins/common.c sh_wrerror), coreutils and grep
    // "NAME: write error: ..." (close_stdout), and exit with their failure status.
    const spec = found.command.spec;
    const builtin = spec.arguments === 'builtin' || spec.shellBuiltin === true;
    const text = STRERROR[writeFailed as Errno];
    deliver(2, builtin ? (flavor === 'zsh' ? `${spec.name}: write error: ${text.charAt(0).toLowerCase()}${text.slice(1)}\n` : `bash: ${spec.name}: write error: ${text}\n`) : `${spec.name}: write error: ${text}\n`);
    status = builtin ? 1 : Math.max(1, spec.usageStatus === 2 ? 2 : 1);
  }
  return { status, pipe };
}

/** The value part of `NAME=value`: the same word without the `NAME=` prefix of its first piece. */
function stripAssignmentName(word: WordToken, eq: number): WordToken {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'text') return word;
  const remaining = first.text.slice(eq + 1);
  return { ...word, parts: remaining === '' ? rest : [{ ...first, text: remaining }, ...rest] };
}

// Directories on root's PATH: `/usr/bin/hostname` runs the simulated `hostname`.
const PATH_DIRS = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);

type Found = { command: Command } | { error: string; status: number };

function findCommand(name: string, commands: ReadonlyMap<string, Command>, vfs: Vfs, cwd: string, flavor: ShellFlavor): Found {
  if (!name.includes('/')) {
    const command = commands.get(name);
    if (command) return { command };
    // bash 5.2 execute_cmd.c: "%s: command not found", status 127; zsh 5.9 exec.c: "command not found: %s".
    return { error: flavor === 'zsh' ? `zsh: command not found: ${name}` : `bash: ${name}: command not found`, status: 127 };
  }
  const path = resolvePath(cwd, name);
  const command = commands.get(basename(path));
  if (command && PATH_DIRS.has(dirname(path))) return { command };
  const kind = vfs.kind(path);
  // A file that is not a simulated program cannot be run: 126 (bash: Permission denied / Is a directory).
  if (kind === 'dir') return { error: flavor === 'zsh' ? `zsh: permission denied: ${name}` : `bash: ${name}: Is a directory`, status: 126 };
  if (kind !== null) return { error: flavor === 'zsh' ? `zsh: permission denied: ${name}` : `bash: ${name}: Permission denied`, status: 126 };
  return { error: flavor === 'zsh' ? `zsh: no such file or directory: ${name}` : `bash: ${name}: No such file or directory`, status: 127 };
}

interface InvokeEnv {
  host: LabHost;
  flavor: ShellFlavor;
  vfs: Vfs;
  cwd: string;
  stdin: string | null;
  stdinIsFile: boolean;
  tty: boolean;
  temp: Record<string, string>;
  frame: Frame;
  commands: ReadonlyMap<string, Command>;
}

/** Parses options from the spec and runs the command; a command that throws becomes a status-70 message. */
function invoke(state: SimState, command: Command, args: string[], env: InvokeEnv): CommandResult {
  const rewritten = command.rewriteArgs ? command.rewriteArgs(args) : { ok: true as const, argv: args };
  if (!rewritten.ok) return rewritten.result;
  const parsed = parseOptions(command.spec, rewritten.argv, env.flavor);
  if (!parsed.ok) return parsed.result;
  if (parsed.help) {
    const own = command.spec.usageText;
    return own !== undefined ? { stdout: own, stderr: '', exitCode: command.spec.usageStatus } : { stdout: renderHelp(command.spec), stderr: '', exitCode: 0 };
  }
  const ctx: CommandContext = {
    world: state.world,
    host: env.host,
    proc: currentProcess(state),
    flavor: env.flavor,
    vfs: env.vfs,
    cwd: env.cwd,
    stdin: env.stdin,
    stdinIsFile: env.stdinIsFile,
    tty: env.tty,
    lookup: (name) => lookupVariable(state, env.host, name, env.temp),
    remote: env.frame.remote,
    shell: shellControl(state, env.frame, env.commands),
    commands: env.commands,
  };
  try {
    return command.run(ctx, args, parsed.opts);
  } catch (e) {
    if (e instanceof CommandNotLoaded) throw e; // a command it runs (pvesm → iscsiadm) is still a stub: see lazy-command.ts
    // Commands return errors as data; reaching this is a simulator bug, reported without a stack.
    const message = e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: `${command.spec.name}: internal simulator error: ${message}\n`, exitCode: 70 };
  }
}

/**
 * lxc-attach (lxc 6.0 attach.c): a child of the current shell on the host that starts a
 * shell (or a command) in the container's namespaces and cgroup, as the container's root,
 * in /root; the session's login for it. `exit` ends both.
 */
function attachLogin(world: World, here: Login, target: AttachTarget, tty: boolean): Login {
  const shellProc = findProcess(world, here.host, here.pid);
  const helperArgs = target.helper === undefined ? ['lxc-attach', '-n', String(target.container)] : target.helper;
  const helper = helperArgs ? spawnProcess(world, here.host, { ppid: here.pid, args: helperArgs, vsz: 5400, rss: 3300 }) : undefined;
  const cwd = target.cwd ?? (target.container !== undefined ? '/root' : (shellProc?.cwd ?? '/'));
  const proc = spawnProcess(world, here.host, { ppid: helper?.pid ?? here.pid, args: ['/bin/bash'], comm: 'bash', uid: target.uid, gid: target.gid, cwd, tty: tty ? (shellProc?.tty ?? null) : null, ns: target.ns, ...(target.cgroup ? { cgroup: target.cgroup } : {}), vsz: 7400, rss: 4300 });
  return { host: here.host, pid: proc.pid, exitPid: helper?.pid ?? proc.pid, target: target.container !== undefined ? `CT ${target.container}` : 'bash', attached: target.loginShell ? 'logout' : 'exit', ...(target.container !== undefined ? { container: target.container } : {}) };
}

function shellControl(state: SimState, frame: Frame, commands: ReadonlyMap<string, Command>): ShellControl {
  const shell = state.shell;
  const world = state.world;
  /** The `ssh` client process on the current host, under the current shell. */
  const client = (target: string, line?: string): number => {
    const here = currentLogin(state);
    return spawnProcess(world, here.host, { ppid: here.pid, args: ['ssh', target, ...(line !== undefined ? [line] : [])], vsz: 12600, rss: 7900 }).pid;
  };
  return {
    history: () => shell.history,
    clearHistory() {
      shell.history.length = 0;
    },
    variables: () => allVariables(state, currentHost(state)),
    lastStatus: () => shell.lastStatus,
    spend(ms) {
      advanceClock(world, ms);
    },
    runOn(hostName, line) {
      const host = resolveHost(world.lab, hostName);
      const out = emptyOutput();
      if (!host) return { stdout: '', stderr: `ssh: Could not resolve hostname ${hostName}\n`, exitCode: 255 };
      if (frame.depth >= MAX_SSH_DEPTH) return { stdout: '', stderr: `ssh: more than ${MAX_SSH_DEPTH} nested ssh sessions (simulator limit)\n`, exitCode: 255 };
      const previous = currentLogin(state);
      const entry = login(world, host.name, hostName, false, client(hostName, line));
      const savedStatus = shell.lastStatus;
      shell.logins.push(entry);
      const status = executeLine(state, line, { remote: true, stopped: false, depth: frame.depth + 1, out }, commands);
      // The remote command may have logged in further (`ssh a ssh b`... never interactive here) — unwind to this login.
      while (shell.logins.length > 0 && shell.logins[shell.logins.length - 1] !== entry) shell.logins.pop();
      shell.logins.pop();
      logout(world, entry, previous);
      delete shell.vars[varsKey(entry)];
      shell.lastStatus = savedStatus;
      return { stdout: out.stdout, stderr: out.stderr, exitCode: status };
    },
    enter(hostName) {
      const host = resolveHost(world.lab, hostName);
      if (!host) return;
      shell.logins.push(login(world, host.name, hostName, true, client(hostName)));
    },
    leave() {
      if (shell.logins.length <= 1) {
        shell.exited = true;
        frame.stopped = true;
        return null;
      }
      const entry = shell.logins.pop() as (typeof shell.logins)[number];
      logout(world, entry, currentLogin(state));
      delete shell.vars[varsKey(entry)];
      return { closed: entry.target, ...(entry.attached ? { attached: entry.attached } : {}) };
    },
    attach(target) {
      shell.logins.push(attachLogin(world, currentLogin(state), target, true));
    },
    runAttached(target, line) {
      const out = emptyOutput();
      const entry = attachLogin(world, currentLogin(state), target, false);
      const savedStatus = shell.lastStatus;
      shell.logins.push(entry);
      const status = executeLine(state, line, { remote: true, stopped: false, depth: frame.depth + 1, out }, commands);
      while (shell.logins.length > 0 && shell.logins[shell.logins.length - 1] !== entry) shell.logins.pop();
      shell.logins.pop();
      logout(world, entry);
      shell.lastStatus = savedStatus;
      return { stdout: out.stdout, stderr: out.stderr, exitCode: status };
    },
    setCwd(path) {
      const proc = currentProcess(state);
      (shell.vars[varsKey(currentLogin(state))] ??= {})['OLDPWD'] = proc.cwd;
      proc.cwd = path;
    },
    setVar(name, value) {
      (shell.vars[varsKey(currentLogin(state))] ??= {})[name] = value;
    },
    stopLine() {
      frame.stopped = true;
    },
  };
}
