/**
 * Recording, undo and replay of a session (the log format is session-log.ts).
 *
 * A Session holds the current SimState, the log of every event so far and checkpoints: the
 * state as JSON text after every K events. Undo drops the last event and rebuilds the state
 * before it from the nearest checkpoint by running the events after it again — the
 * simulator is deterministic (virtual clock, seeded generator, plain JSON state), so this
 * gives the same state as before, byte for byte, at the cost of at most K-1 lines.
 * `replay(log)` boots the log's lab and runs its events, printing the transcript `hlab sh -c`
 * prints for the same lines.
 */
import { labAction } from './commands/lab';
import { promptFor } from './prompt';
import { COMMANDS, type CommandRegistry } from './registry';
import { runLine, type LineResult } from './run-line';
import { createSimulator, type SimState, type SimulatorOptions } from './session';
import { checkAction, formatSessionLogIssue, SESSION_LOG_FORMAT, SESSION_LOG_VERSION, SIMULATOR_VERSION, type LabAction, type SessionEvent, type SessionLog } from './session-log';
import { parseLabValue } from '../model/lab-value';
import type { Lab } from './lab-types';

/**
 * Events between two checkpoints. A line costs about 0.05–0.3 ms and a checkpoint (the
 * starter lab's state, ~60 kB of JSON) about 0.2 ms to parse back, so undo replays at most 31
 * lines: ~2 ms measured on a 1,000-line session (target ≤ 20 ms; `npm run bench`).
 */
export const CHECKPOINT_EVERY = 32;
/** Checkpoints kept before older ones are thinned out (every other one dropped, the recent ones kept). */
const MAX_CHECKPOINTS = 64;
/** The most recent checkpoints that thinning never drops, so undoing many lines stays cheap. */
const RECENT_CHECKPOINTS = 16;

/** A piece of a transcript: text for stdout (1) or stderr (2). */
export interface TranscriptChunk {
  fd: 1 | 2;
  text: string;
}

/** What a lab action did: the same shape as a typed line's result. */
const quiet = (exitCode: number): LineResult => ({ stdout: '', stderr: '', exitCode, chunks: [] });

/**
 * Applies a lab action to the state. Unknown action types (from a newer simulator, or a
 * caller's mistake) change nothing and come back as an `hlab:` message with status 2.
 */
export function applyAction(state: SimState, action: LabAction): LineResult {
  const problems = checkAction(action);
  if (problems.length > 0) {
    const stderr = problems.map((p) => `hlab: ${formatSessionLogIssue(p)}\n`).join('');
    return { stdout: '', stderr, exitCode: 2, chunks: [{ fd: 2, text: stderr }] };
  }
  switch (action.type) {
    case 'interrupt':
      // bash: SIGINT at the prompt abandons the line and sets $? to 128 + 2.
      if (!state.shell.exited) state.shell.lastStatus = 130;
      return quiet(state.shell.lastStatus);
    case 'lab': {
      // The lab's own controls (commands/lab.ts): a fault or a power cut, not a typed line.
      const r = labAction(state.world, action.host, action.args);
      const chunks = [...(r.stdout ? [{ fd: 1 as const, text: r.stdout }] : []), ...(r.stderr ? [{ fd: 2 as const, text: r.stderr }] : [])];
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, chunks };
    }
  }
}

/** Runs one event against the state (mutating it) and returns what it printed. */
export function applyEvent(state: SimState, event: SessionEvent, commands: CommandRegistry = COMMANDS): LineResult {
  return event.kind === 'line' ? runLine(state, event.text, commands) : applyAction(state, event.action);
}

/** What the terminal shows after the prompt for an event: the line typed, or `^C` for an interrupt. */
export function echoOf(event: SessionEvent): string {
  if (event.kind === 'line') return event.text;
  if (event.action.type === 'interrupt') return '^C';
  return `[lab ${event.action.args.join(' ')}]`;
}

/** The transcript of one event: the prompt and what was typed on stdout, then the output in the order it was written. */
export function transcriptChunks(prompt: string, event: SessionEvent, result: LineResult): TranscriptChunk[] {
  return [{ fd: 1, text: `${prompt}${echoOf(event)}\n` }, ...result.chunks];
}

/** Options for startSession: createSimulator's, and the checkpoint spacing. */
export interface SessionOptions extends SimulatorOptions {
  /** Events between checkpoints (default CHECKPOINT_EVERY). */
  checkpointEvery?: number;
  /** The command registry (default COMMANDS). */
  commands?: CommandRegistry;
  /**
   * The lab is already what parseLab gives for its JSON (an example lab the sandbox prepared:
   * worker/example-lab.ts), so it is not parsed again. Leave unset for any other lab.
   */
  normalised?: boolean;
}

/** A live session: state, log, undo and redo. */
export interface Session {
  /** The current state (a new object after undo: read it again rather than keeping it). */
  readonly state: SimState;
  /** The log so far (a copy of the event list; the lab is shared: do not change it). */
  readonly log: SessionLog;
  /** Number of events in the log. */
  readonly length: number;
  /** Runs a typed line and records it (lines typed after the session ended are not recorded). */
  run(line: string): LineResult;
  /** Applies a lab action and records it; an unknown action is refused (status 2) and not recorded. */
  act(action: LabAction): LineResult;
  /** Drops the last event, restoring the state before it; false when there is nothing to undo. */
  undo(): boolean;
  /**
   * Restores the state after the first `length` events (default: all recorded), dropping later
   * ones and whatever a line that did not finish changed (a stub command threw CommandNotLoaded
   * part-way: lazy-command.ts). Dropped events are not redoable.
   */
  rewind(length?: number): void;
  /** Runs the last undone event again and returns what it printed, or null when there is nothing to redo. */
  redo(): LineResult | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Boots `lab` (already valid: parseLab) and starts recording. The log keeps a copy of the lab
 * as given (normalised by parseLab, as parseSessionLog will read it), and the start host, seed and clock as booted, so a later simulator with other
 * defaults replays it the same. Throws RangeError only for an unknown host, as createSimulator.
 */
export function startSession(lab: Lab, opts: SessionOptions = {}): Session {
  // The lab as a replay will see it: JSON, then parseLab (whose output may order keys differently
  // from the caller's copy, e.g. a filled-in hostname), so live and replayed states match byte for byte.
  const { checkpointEvery, commands, normalised, ...simOpts } = opts;
  const parsed = normalised ? null : parseLabValue(cloneJson(lab));
  const bootLab = parsed?.ok ? parsed.lab : cloneJson(lab);
  const state = createSimulator(cloneJson(bootLab), simOpts);
  const header: Omit<SessionLog, 'events'> = {
    format: SESSION_LOG_FORMAT,
    version: SESSION_LOG_VERSION,
    simulator: SIMULATOR_VERSION,
    lab: bootLab,
    seed: state.world.seed,
    host: state.shell.logins[0]?.host as string,
    clock: state.world.clock,
  };
  return sessionOn(header, state, Math.max(1, Math.floor(checkpointEvery ?? CHECKPOINT_EVERY)), commands ?? COMMANDS);
}

/** Boots a log's lab with its options. */
function bootLog(log: SessionLog): SimState {
  return createSimulator(cloneJson(log.lab), {
    seed: log.seed,
    ...(log.host !== undefined ? { host: log.host } : {}),
    ...(log.clock !== undefined ? { clock: log.clock } : {}),
  });
}

/**
 * A session that continues a log (the sandbox restoring a saved or shared one): boots it,
 * runs its events up to the end of the session, and keeps recording from there.
 */
export function resumeSession(log: SessionLog, opts: Omit<SessionOptions, keyof SimulatorOptions> = {}): Session {
  const state = bootLog(log);
  const session = sessionOn(
    { format: SESSION_LOG_FORMAT, version: SESSION_LOG_VERSION, simulator: SIMULATOR_VERSION, lab: cloneJson(log.lab), seed: log.seed, host: state.shell.logins[0]?.host as string, clock: state.world.clock },
    state,
    Math.max(1, Math.floor(opts.checkpointEvery ?? CHECKPOINT_EVERY)),
    opts.commands ?? COMMANDS,
  );
  for (const event of log.events) {
    if (session.state.shell.exited) break;
    if (event.kind === 'line') session.run(event.text);
    else session.act(event.action);
  }
  return session;
}

function sessionOn(header: Omit<SessionLog, 'events'>, initial: SimState, every: number, commands: CommandRegistry): Session {
  let state = initial;
  const events: SessionEvent[] = [];
  let undone: SessionEvent[] = [];
  // Event count → the state after that many events, as JSON text (immutable, and half the memory of objects).
  const checkpoints = new Map<number, string>([[0, JSON.stringify(state)]]);

  const record = (event: SessionEvent, result: LineResult): LineResult => {
    events.push(event);
    if (events.length % every === 0) {
      checkpoints.set(events.length, JSON.stringify(state));
      if (checkpoints.size > MAX_CHECKPOINTS) thin(checkpoints, events.length - RECENT_CHECKPOINTS * every);
    }
    return result;
  };
  const perform = (event: SessionEvent): LineResult => {
    const ended = state.shell.exited; // then the line only prints "this session has ended": nothing to record
    const result = applyEvent(state, event, commands);
    return ended ? result : record(event, result);
  };

  /** Rebuilds the state after the recorded events from the nearest checkpoint. */
  const restore = (): void => {
    for (const at of checkpoints.keys()) if (at > events.length) checkpoints.delete(at);
    let from = 0;
    for (const at of checkpoints.keys()) if (at > from) from = at;
    state = JSON.parse(checkpoints.get(from) as string) as SimState;
    for (let i = from; i < events.length; i++) applyEvent(state, events[i] as SessionEvent, commands);
  };

  return {
    get state() {
      return state;
    },
    get log() {
      return { ...header, events: events.slice() };
    },
    get length() {
      return events.length;
    },
    get canUndo() {
      return events.length > 0;
    },
    get canRedo() {
      return undone.length > 0;
    },
    run(line) {
      undone = [];
      return perform({ kind: 'line', text: line });
    },
    act(action) {
      if (checkAction(action).length > 0) return applyAction(state, action); // refused with its message, not recorded
      undone = [];
      return perform({ kind: 'action', action });
    },
    undo() {
      const last = events.pop();
      if (!last) return false;
      undone.push(last);
      restore();
      return true;
    },
    rewind(length = events.length) {
      events.length = Math.max(0, Math.min(length, events.length));
      restore();
    },
    redo() {
      const next = undone.pop();
      return next ? perform(next) : null;
    },
  };
}

/** Drops every other checkpoint before `keepFrom` (never the boot state), so memory grows with the log's logarithm, not its length. */
function thin(checkpoints: Map<number, string>, keepFrom: number): void {
  let drop = false;
  for (const at of [...checkpoints.keys()].sort((a, b) => a - b)) {
    if (at === 0 || at >= keepFrom) continue;
    if (drop) checkpoints.delete(at);
    drop = !drop;
  }
}

/** What replaying a log gave. */
export interface ReplayResult {
  /** The state after the last event. */
  state: SimState;
  /** Everything printed, both streams interleaved in order (what a terminal shows). */
  transcript: string;
  /** The same, split by stream, for a caller that prints stdout and stderr apart (`hlab replay`). */
  chunks: TranscriptChunk[];
  /** The status of the last event (0 for an empty log): `hlab replay` exits with it. */
  exitCode: number;
  /** Events run; fewer than the log holds when the session ended (`exit` on the first host) before its end. */
  eventsRun: number;
}

/**
 * Boots the log's lab and runs its events, as `hlab sh -c` runs lines: for each, the prompt
 * and the line, then its output in order; it stops after the session ends, as `hlab sh`
 * does. The same log always gives the same state (as JSON) and the same transcript.
 */
export function replay(log: SessionLog, commands: CommandRegistry = COMMANDS): ReplayResult {
  const state = bootLog(log);
  const chunks: TranscriptChunk[] = [];
  let exitCode = 0;
  let eventsRun = 0;
  for (const event of log.events) {
    if (state.shell.exited) break;
    const prompt = promptFor(state);
    const result = applyEvent(state, event, commands);
    chunks.push(...transcriptChunks(prompt, event, result));
    exitCode = result.exitCode;
    eventsRun++;
  }
  return { state, transcript: chunks.map((c) => c.text).join(''), chunks, exitCode, eventsRun };
}
