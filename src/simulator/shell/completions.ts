/**
 * Tab completion, as bash's programmable completion would offer it: command names this
 * host has in command position, options from the command's spec after `-`, the command's
 * own completer (ssh: hosts, help: commands, ip: objects...) and otherwise paths from the
 * files the current shell sees (directories with a trailing `/`).
 */
import { byteOrder } from './glob';
import { resolvePath } from './path';
import { commandsFor, type CommandRegistry } from './command-set';
import { COMMANDS } from './registry';
import { currentHost, cwdOf, homeOf, type SimState } from './session';
import { sessionVfs } from './vfs';

/** Replace `line.slice(from, to)` with one of `candidates` (sorted, unique). */
export interface Completion {
  from: number;
  to: number;
  candidates: string[];
}

const BREAKS = new Set([' ', '\t', '\n', ';', '|', '&', '<', '>', '(', ')']);

/** Completions for the word that ends at `cursor` in `line`. Never throws. */
export function completions(state: SimState, line: string, cursor: number = line.length, registry: CommandRegistry = COMMANDS): Completion {
  const end = Math.max(0, Math.min(cursor, line.length));
  let start = end;
  while (start > 0 && !BREAKS.has(line[start - 1] as string)) start--;
  const word = line.slice(start, end);
  const before = line.slice(0, start);
  // The words of the current simple command before this one.
  const segment = before.split(/;|&&|\|\||\||&/).pop() ?? '';
  const previous = segment.trim() === '' ? [] : segment.trim().split(/\s+/);
  const done = (candidates: string[]): Completion => ({ from: start, to: end, candidates: [...new Set(candidates)].sort(byteOrder) });
  const host = currentHost(state);
  const commands = commandsFor(registry, host.kind);

  if (previous.length === 0 && !word.includes('/')) {
    return done([...commands.keys()].filter((n) => n.startsWith(word)));
  }
  const command = commands.get(previous[0] ?? '');
  const args = previous.slice(1);
  if (command && word.startsWith('-')) {
    const opts = command.spec.options.flatMap((o) => [o.short ? `-${o.short}` : null, o.long ? `--${o.long}` : null]).filter((x): x is string => x !== null);
    if (command.spec.arguments !== 'raw' || command.spec.rawHelp) opts.push('--help');
    return done(opts.filter((o) => o.startsWith(word)));
  }
  const own = command?.complete?.({ world: state.world, host, args, word, commands });
  if (own) return done(own.filter((c) => c.startsWith(word)));
  return done(pathCandidates(state, word));
}

function pathCandidates(state: SimState, word: string): string[] {
  const host = currentHost(state);
  const vfs = sessionVfs(state);
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  let dirText = dirPart === '' ? '.' : dirPart;
  if (dirText.startsWith('~')) dirText = homeOf(host, 'root') + dirText.slice(1);
  const dir = resolvePath(cwdOf(state), dirText);
  const listed = vfs.list(dir);
  if (!listed.ok) return [];
  return listed.names
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (vfs.kind(resolvePath(dir, n)) === 'dir' ? '/' : ''));
}
