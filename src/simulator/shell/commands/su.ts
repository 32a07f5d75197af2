/**
 * `su [-] [-l] [USER] [-c COMMAND]` (util-linux su-common.c): root becomes USER without a
 * password; a shell (login shell with `-`, in the user's home) runs with the user's IDs as
 * stored on disk (through the user namespace), and HOME is the user's. `exit` comes back.
 */
// @sim su | util-linux 2.41 su(1): root to any user without a password, -/-l login shell in the home, -c COMMAND; "user X does not exist or the user entry does not contain all the required fields"
import type { Command } from '../command-spec';
import { quoteArgs } from '../quote';
import { idNames, seenId, storedId } from '../user-names';

/** The `su` command. */
export const su: Command = {
  spec: {
    name: 'su',
    summary: 'run a command with substitute user and group ID',
    usage: 'su [options] [-] [<user> [<argument>...]]',
    description: 'Change the effective user ID and group ID to that of <user>.\nA mere - implies -l.  If <user> is not given, root is assumed.\n',
    options: [
      { short: 'l', long: 'login', key: 'l', help: 'make the shell a login shell' },
      { short: 'c', long: 'command', key: 'c', value: 'command', help: 'pass a single command to the shell with -c' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 su',
    simplified: 'no passwords or PAM: only root switches users; no -s, -m/-p, -g/-G, -w, -P',
  },
  run(ctx, _argv, opts) {
    const operands = [...opts.operands];
    let login = Boolean(opts.flags.l);
    if (operands[0] === '-') {
      login = true;
      operands.shift();
    }
    const name = operands[0] ?? 'root';
    const names = idNames(ctx);
    const user = names.userByName(name);
    if (!user) return { stdout: '', stderr: `su: user ${name} does not exist or the user entry does not contain all the required fields\n`, exitCode: 1 };
    if (seenId(ctx, ctx.proc.uid, 'uid') !== 0) return { stdout: '', stderr: 'su: Authentication failure\n', exitCode: 1 };
    const passwd = ctx.vfs.read('/etc/passwd');
    const home = (passwd.ok ? passwd.text.split('\n').find((l) => l.split(':')[0] === name)?.split(':')[5] : undefined) || '/';
    const target = {
      helper: ['su', ...(login ? ['-'] : []), name],
      ns: ctx.proc.ns,
      uid: storedId(ctx, user.uid, 'uid') ?? 65534,
      gid: storedId(ctx, user.gid, 'gid') ?? 65534,
      ...(login ? { cwd: home, loginShell: true } : {}),
      ...(ctx.proc.cgroup ? { cgroup: ctx.proc.cgroup } : {}),
    };
    const command = typeof opts.flags.c === 'string' ? opts.flags.c : operands.length > 1 ? quoteArgs(operands.slice(1)) : null;
    if (command !== null) return ctx.shell.runAttached(target, command);
    ctx.shell.attach(target);
    ctx.shell.setVar('HOME', home);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
