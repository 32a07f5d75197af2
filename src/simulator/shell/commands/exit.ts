/**
 * `exit [N]`: leaves the current host. On a host reached with `ssh` it goes back (bash says
 * `logout`, OpenSSH says `Connection to HOST closed.`); on the first host the session ends.
 * Inside `ssh HOST CMD` it only ends CMD. The status is N, or the last command's.
 */
// @sim exit | bash 5.2 builtins/exit.def ("logout" for login shells) + OpenSSH 9.2 ssh.c "Connection to %s closed."
import type { Command } from '../command-spec';

/** The `exit` command. */
export const exit: Command = {
  spec: {
    name: 'exit',
    summary: 'leave this host (back to the previous one after ssh)',
    usage: 'exit [n]',
    description: 'Exit the shell.\n\nExits the shell with a status of N.  If N is omitted, the exit status\nis that of the last command executed.',
    options: [],
    arguments: 'raw',
    shellBuiltin: true,
    rawHelp: true,
    usageStatus: 2,
    imitates: 'bash 5.2 builtin exit with OpenSSH 9.2 ssh',
  },
  run(ctx, argv) {
    const zsh = ctx.flavor === 'zsh';
    let status = ctx.shell.lastStatus();
    // bash exit.def exit_builtin(): an interactive login shell prints "logout" on stderr
    // before it looks at the arguments; zsh prints nothing; `ssh HOST CMD` is not interactive.
    let stderr = zsh || ctx.remote ? '' : 'logout\n';
    const arg = argv[0];
    const numeric = arg === undefined || /^[-+]?[0-9]+$/.test(arg);
    // A numeric first argument with more after it: the shell stays (status 1).
    if (argv.length > 1 && numeric) return { stdout: '', stderr: stderr + (zsh ? 'exit: too many arguments\n' : 'bash: exit: too many arguments\n'), exitCode: 1 };
    if (arg !== undefined) {
      if (numeric) status = Number(BigInt.asUintN(8, BigInt(arg)));
      else if (zsh) {
        // zsh evaluates the argument as arithmetic: a name is its variable's value (0 when
        // unset); anything else is a math error, after which the shell still exits, with 0.
        const value = /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg) ? (ctx.lookup(arg) ?? '') : null;
        if (value !== null) status = /^[-+]?[0-9]+$/.test(value) ? Number(BigInt.asUintN(8, BigInt(value))) : 0;
        else {
          const number = /^[-+]?[0-9]+/.exec(arg);
          stderr += `zsh: bad math expression: ${number ? `operator expected at \`${arg.slice(number[0].length)}'` : `operand expected at \`${arg}'`}\n`;
          status = 0;
        }
      } else {
        // bash exit.def: "exit: %s: numeric argument required", then exits with status 2.
        stderr += `bash: exit: ${arg}: numeric argument required\n`;
        status = 2;
      }
    }
    if (ctx.remote) {
      ctx.shell.stopLine();
      return { stdout: '', stderr, exitCode: status };
    }
    const left = ctx.shell.leave();
    // The shell of `pct enter` is not a login shell: bash says "exit", and no ssh connection closes.
    if (left?.attached) stderr = stderr.replace(/^logout\n/, `${left.attached}\n`);
    else if (left) stderr += `Connection to ${left.closed} closed.\n`;
    return { stdout: '', stderr, exitCode: status };
  },
};
