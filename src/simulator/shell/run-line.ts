/**
 * `runLine`: the one entry point that runs what a reader typed. It records history, runs
 * the line on the current host, sets `$?`, and returns the output as data. It never throws:
 * anything unexpected becomes a status-70 message (and is a bug to report).
 */
import { advanceClock, LINE_STEP_MS } from '../engines/clock';
import { emptyOutput, executeLine } from './execute';
import { CommandNotLoaded } from './lazy-command';
import { COMMANDS, type CommandRegistry } from './registry';
import type { SimState } from './session';

/** What running one line printed, and its exit status. */
export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** True when the terminal should clear its screen (`clear`). */
  clear?: boolean;
  /** The same output in the order it was produced, for a terminal that interleaves both streams. */
  chunks: { fd: 1 | 2; text: string }[];
}

/** bash keeps HISTSIZE=500 lines by default. */
export const HISTORY_LIMIT = 500;

/**
 * Runs one line of input against the state (mutating it) and returns what it printed. The
 * clock first steps by LINE_STEP_MS (typing takes time), so every line has its own time.
 */
export function runLine(state: SimState, line: string, commands: CommandRegistry = COMMANDS): LineResult {
  if (state.shell.exited) {
    const stderr = 'hlab: this session has ended (exit); start a new one\n';
    return { stdout: '', stderr, exitCode: state.shell.lastStatus, chunks: [{ fd: 2, text: stderr }] };
  }
  // bash records the line in history before running it, so `history` lists itself.
  if (line.trim() !== '') {
    state.shell.history.push(line);
    if (state.shell.history.length > HISTORY_LIMIT) state.shell.history.splice(0, state.shell.history.length - HISTORY_LIMIT);
  }
  advanceClock(state.world, LINE_STEP_MS);
  const out = emptyOutput();
  let exitCode: number;
  try {
    exitCode = executeLine(state, line, { remote: false, stopped: false, depth: 0, out }, commands);
  } catch (e) {
    if (e instanceof CommandNotLoaded) throw e; // the worker loads it and runs the line again (lazy-command.ts)
    const message = e instanceof Error ? e.message : String(e);
    const text = `hlab: internal error: ${message}\n`;
    out.stderr += text;
    out.chunks.push({ fd: 2, text });
    exitCode = 70;
    state.shell.lastStatus = exitCode;
  }
  const result: LineResult = { stdout: out.stdout, stderr: out.stderr, exitCode, chunks: out.chunks };
  if (out.clear) result.clear = true;
  return result;
}
