/**
 * A set of commands by name (the registry, or a host's share of it). Kept apart from
 * registry.ts, which imports every command, so the shell core can use it without them.
 */
import type { Command } from './command-spec';

/** Commands by name. */
export type CommandRegistry = ReadonlyMap<string, Command>;

/** The commands a host of `kind` has (a command without `hosts` is everywhere). */
export function commandsFor(registry: CommandRegistry, kind: string): CommandRegistry {
  return new Map([...registry].filter(([, c]) => !c.hosts || (c.hosts as readonly string[]).includes(kind)));
}
