/**
 * `cd [DIR]`: changes the working directory of the current host. No DIR means $HOME;
 * `cd -` goes to $OLDPWD and prints it.
 */
// @sim cd | bash 5.2 builtins/cd.def: DIR, -, no argument = $HOME; errors "bash: cd: DIR: strerror"; zsh 5.9 wording on TrueNAS
import { fail, ok, type Command } from '../command-spec';
import { logicalPath } from '../path';

/** The `cd` command. */
export const cd: Command = {
  spec: {
    name: 'cd',
    summary: 'change the working directory',
    // bash 5.2 builtins/cd.def $SHORT_DOC (shown by `help cd` and after a usage error).
    usage: 'cd [-L|[-P [-e]] [-@]] [dir]',
    // bash 5.2 `help cd`, first paragraphs.
    description: 'Change the shell working directory.\n\nChange the current directory to DIR.  The default DIR is the value of the\nHOME shell variable. If DIR is "-", it is converted to $OLDPWD.',
    options: [
      { key: 'logical', short: 'L', help: 'force symbolic links to be followed' },
      { key: 'physical', short: 'P', help: 'use the physical directory structure' },
      { key: 'checkPhysical', short: 'e', help: 'with -P, fail if the current directory cannot be determined' },
      { key: 'xattr', short: '@', help: 'present a file with extended attributes as a directory' },
    ],
    arguments: 'builtin',
    zshSkipsInvalidOptions: true,
    usageStatus: 2,
    imitates: 'bash 5.2 builtin cd',
  },
  run(ctx, _argv, opts) {
    const zsh = ctx.flavor === 'zsh';
    const args = opts.operands;
    let target = args[0];
    let print = false;
    if (args.length > 1) {
      if (!zsh || args.length > 2) return fail(zsh ? 'cd: too many arguments' : 'bash: cd: too many arguments');
      // zsh `cd OLD NEW`: the first OLD in $PWD becomes NEW, and the new directory is printed.
      const old = args[0] as string;
      if (!ctx.cwd.includes(old)) return fail(`cd: string not in pwd: ${old}`);
      target = ctx.cwd.replace(old, args[1] as string);
      print = true;
    }
    if (target === undefined) {
      target = ctx.lookup('HOME');
      if (target === undefined) return fail(zsh ? 'cd: HOME not set' : 'bash: cd: HOME not set');
    } else if (target === '-') {
      target = ctx.lookup('OLDPWD');
      if (target === undefined) return fail(zsh ? 'cd: no previous directory' : 'bash: cd: OLDPWD not set');
      print = true;
    }
    if (target === '') return ok();
    // bash cd -L (the default): `..` is taken off the logical path, not the physical one.
    const path = logicalPath(ctx.cwd, target);
    const kind = ctx.vfs.kind(path);
    if (kind !== 'dir') {
      const reason = kind === 'file' ? 'Not a directory' : 'No such file or directory';
      // zsh 5.9 bin_cd: "cd: no such file or directory: DIR" (strerror lower-cased first).
      return fail(zsh ? `cd: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}: ${target}` : `bash: cd: ${target}: ${reason}`);
    }
    ctx.shell.setCwd(path);
    return ok(print ? `${path}\n` : '');
  },
};
