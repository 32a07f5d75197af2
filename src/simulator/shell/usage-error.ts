/**
 * coreutils' usage errors that the option parser cannot see (`mkdir: missing operand`):
 * the message, then emit_try_help()'s `Try 'NAME --help' for more information.`
 */
import type { CommandResult } from './command-spec';

/** `NAME: MESSAGE` and the Try line, exit status 1 (coreutils' usage (EXIT_FAILURE)). */
export function usageError(name: string, message: string, status = 1): CommandResult {
  return { stdout: '', stderr: `${name}: ${message}\nTry '${name} --help' for more information.\n`, exitCode: status };
}

/** The umask the simulated shells run with (Debian's default 022; there is no `umask` builtin yet). */
export const UMASK = 0o022;
