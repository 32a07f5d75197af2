/**
 * `whoami`: the name of the effective user ID as the process's user namespace shows it
 * (coreutils whoami.c: getpwuid(geteuid())).
 */
// @sim whoami | GNU coreutils 9.7 whoami(1): getpwuid of the effective UID in the process's user namespace; "cannot find name for user ID N"
import { quote } from '../quotearg';
import type { Command } from '../command-spec';
import { idNames, seenId } from '../user-names';

/** The `whoami` command. */
export const whoami: Command = {
  spec: {
    name: 'whoami',
    summary: 'print effective user name',
    usage: 'whoami [OPTION]...',
    description: 'Print the user name associated with the current effective user ID.\nSame as id -un.\n',
    options: [],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 whoami',
  },
  run(ctx, argv) {
    if (argv.length > 0) return { stdout: '', stderr: `whoami: extra operand ${quote(argv[0] as string)}\nTry 'whoami --help' for more information.\n`, exitCode: 1 };
    const uid = seenId(ctx, ctx.proc.uid, 'uid');
    const name = idNames(ctx).user(uid);
    return name === null ? { stdout: '', stderr: `whoami: cannot find name for user ID ${uid}\n`, exitCode: 1 } : { stdout: `${name}\n`, stderr: '', exitCode: 0 };
  },
};
