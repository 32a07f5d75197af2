/**
 * `hlab replay FILE`: reads a session log (`hlab sh --record FILE` wrote it, or the sandbox
 * saved it), boots its lab and runs its events, printing the transcript `hlab sh -c` printed
 * for the same lines: prompt and line on stdout, each line's output on stdout or stderr as
 * it was written. Exits with the last line's status.
 */
import { replay } from '../shell';
import type { CliIO } from './cli-io';
import { readArgs } from './cli-args';
import { REPLAY_HELP } from './help-texts';
import { loadSessionLog } from './session-file';

/** Runs `hlab replay ARGS`; resolves to the exit status. */
export function replayCommand(argv: string[], io: CliIO): number {
  const args = readArgs('hlab replay', argv, [{ key: 'help', names: ['-h', '--help'] }]);
  if (!args.ok) return usage(io, args.message);
  if (args.values['help']) {
    io.stdout(REPLAY_HELP);
    return 0;
  }
  if (args.positional.length === 0) return usage(io, 'hlab replay: missing FILE (a session log from `hlab sh --record FILE`)');
  if (args.positional.length > 1) return usage(io, `hlab replay: expected one FILE, got ${args.positional.length} arguments`);
  const file = args.positional[0] as string;
  const loaded = loadSessionLog(io, file);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return loaded.status;
  }
  const result = replay(loaded.log);
  for (const chunk of result.chunks) (chunk.fd === 1 ? io.stdout : io.stderr)(chunk.text);
  return result.exitCode;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab replay --help' for more information.\n`);
  return 2;
}
