/**
 * `false`: does nothing, unsuccessfully. As a bash builtin it ignores its arguments.
 */
// @sim false | bash 5.2 builtin false: ignores arguments, exit 1
import type { Command } from '../command-spec';

/** The `false` command. */
export const falseCommand: Command = {
  spec: {
    name: 'false',
    summary: 'do nothing, unsuccessfully (exit status 1)',
    usage: 'false',
    description: 'Return an unsuccessful result.',
    options: [],
    arguments: 'raw',
    shellBuiltin: true,
    usageStatus: 2,
    imitates: 'bash 5.2 builtin false',
  },
  run: () => ({ stdout: '', stderr: '', exitCode: 1 }),
};
