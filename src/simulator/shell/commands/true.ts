/**
 * `true`: does nothing, successfully. As a bash builtin it ignores its arguments, `--help` too.
 */
// @sim true | bash 5.2 builtin true: ignores arguments, exit 0
import { ok, type Command } from '../command-spec';

/** The `true` command. */
export const trueCommand: Command = {
  spec: {
    name: 'true',
    summary: 'do nothing, successfully (exit status 0)',
    usage: 'true',
    description: 'Return a successful result.',
    options: [],
    arguments: 'raw',
    shellBuiltin: true,
    usageStatus: 2,
    imitates: 'bash 5.2 builtin true',
  },
  run: () => ok(),
};
