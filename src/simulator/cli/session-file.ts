/**
 * Session log files for the CLI: `hlab sh --record FILE` writes one, `hlab replay FILE` reads
 * one. Reading follows lab-file.ts: a file that cannot be read is one line and exit 2 (a
 * usage problem); a malformed, truncated or too-large log is every problem as
 * `FILE:LINE:COL: path: message (fix)` and exit 1.
 */
import { formatSessionLogIssue, MAX_SESSION_LOG_BYTES, parseSessionLog, sessionLogTooBig, stringifySessionLog, type Session, type SessionLog } from '../shell';
import type { CliIO } from './cli-io';
import { fileErrorReason } from './lab-file';

/** A loaded log, or the text to print and the exit status. */
export type LoadedSessionLog = { ok: true; log: SessionLog } | { ok: false; message: string; status: number };

/** Reads and checks a session log file. */
export function loadSessionLog(io: CliIO, path: string): LoadedSessionLog {
  const read = io.readFile(path, MAX_SESSION_LOG_BYTES);
  if (!read.ok) {
    if (read.code === 'EFBIG') return { ok: false, message: formatSessionLogIssue(sessionLogTooBig(read.size ?? 0), { filename: path }) + '\n', status: 1 };
    return { ok: false, message: `hlab: cannot read session log ${JSON.stringify(path)}: ${fileErrorReason(read.code)}\n`, status: 2 };
  }
  const parsed = parseSessionLog(read.text);
  if (!parsed.ok) return { ok: false, message: parsed.errors.map((e) => formatSessionLogIssue(e, { filename: path }) + '\n').join(''), status: 1 };
  return { ok: true, log: parsed.log };
}

/**
 * Writes the session's log to `path`; on failure prints `COMMAND: cannot write session log
 * "FILE": REASON` and returns false.
 */
export function saveSessionLog(io: CliIO, command: string, path: string, session: Session): boolean {
  const written = io.writeFile ? io.writeFile(path, stringifySessionLog(session.log)) : { ok: false as const, code: 'EROFS' };
  if (written.ok) return true;
  io.stderr(`${command}: cannot write session log ${JSON.stringify(path)}: ${fileErrorReason(written.code)}\n`);
  return false;
}
