/**
 * The shell's public API, used by the worker and the `hlab` CLI:
 * - createSimulator(lab, opts) → SimState (plain JSON)
 * - runLine(state, line) → { stdout, stderr, exitCode, clear?, chunks } (mutates state)
 * - promptFor(state) → `root@pve:~# `
 * - completions(state, line, cursor) → { from, to, candidates }
 * - startSession(lab, opts) → Session (run, act, undo, redo, log); replay(log); parseSessionLog(text)
 */
export { createSimulator, currentHost, DEFAULT_CLOCK, type ShellState, type SimState, type SimulatorOptions } from './session';
export { runLine, type LineResult } from './run-line';
export { parseSessionLog, stringifySessionLog, formatSessionLogIssue, sessionLogTooBig, MAX_SESSION_LOG_BYTES, SIMULATOR_VERSION, type SessionLog, type SessionEvent, type LabAction, type SessionLogIssue } from './session-log';
export { startSession, resumeSession, replay, transcriptChunks, type Session, type ReplayResult, type TranscriptChunk } from './session-replay';
export { promptFor } from './prompt';
export { completions, type Completion } from './completions';
export { resolveHost } from '../engines/net/resolve';
export { quoteArg, quoteArgs } from './quote';
export { nextRandom, stableHash } from '../engines/random';
export { COMMANDS } from './registry';
export { SHELL_SIMPLIFICATIONS } from './fidelity';
export type { Command, CommandContext, CommandResult, CommandSpec, OptionSpec } from './command-spec';
