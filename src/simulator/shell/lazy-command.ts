/**
 * Commands whose code is not loaded yet. The sandbox's worker ships the shell and the engines
 * but loads each command's module on first use (lazy-registry.ts), so the page starts with a
 * fraction of the simulator's code. Until then the registry holds a stub under the command's
 * name: the shell finds it like any command (`command not found` and host filtering behave
 * the same), and using it throws {@link CommandNotLoaded}, which the shell lets through
 * instead of reporting an internal error. The worker then throws away the half-run line
 * (Session.rewind), loads the module and runs the line again: the simulator is deterministic,
 * so the reader sees exactly what a fully loaded simulator prints.
 */
import type { Command, HostKind } from './command-spec';

/** Thrown when a stub command is run or completed: load `command`, then run the line again. */
export class CommandNotLoaded extends Error {
  constructor(readonly command: string) {
    super(`the command ${command} is not loaded yet`);
    this.name = 'CommandNotLoaded';
  }
}

/** A stand-in for `name` until its module is loaded; every use throws CommandNotLoaded. */
export function stubCommand(name: string, hosts?: readonly HostKind[]): Command {
  const missing = (): never => {
    throw new CommandNotLoaded(name);
  };
  const stub: Command = {
    // Nothing reads the spec before rewriteArgs, which throws first; it is still a valid one.
    spec: { name, summary: '', usage: name, description: '', options: [], arguments: 'raw', usageStatus: 2, imitates: '' },
    ...(hosts ? { hosts } : {}),
    rewriteArgs: missing,
    complete: missing,
    run: missing,
  };
  stubs.add(stub);
  return stub;
}

const stubs = new WeakSet<Command>();

/** True for a stub made by {@link stubCommand}. */
export function isStub(command: Command): boolean {
  return stubs.has(command);
}
