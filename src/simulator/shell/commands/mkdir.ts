/**
 * `mkdir [-p] [-m MODE] [-v] DIRECTORY...`: makes directories (mkdir(2) through the VFS).
 * With -p the missing parents are made too (mode u+wx over the umask's) and an existing
 * directory is fine; -m sets the new directory's mode exactly, as mkdir.c does after
 * mode_adjust(0777, …); -v says `mkdir: created directory 'x'` for each one made.
 */
// @sim mkdir | GNU coreutils 9.7 mkdir(1), mkdir.c + gnulib mkdir-p.c/mkancesdirs.c: -p -m (octal and symbolic) -v, "cannot create directory ‘x’", "invalid mode", missing operand
import type { Command, CommandContext } from '../command-spec';
import { orderedOutput, type OrderedOutput } from '../command-output';
import { adjustMode, compileMode } from '../mode-change';
import { resolvePath } from '../path';
import { quote, quoteaf } from '../quotearg';
import { UMASK, usageError } from '../usage-error';
import { STRERROR, type Errno } from '../vfs';

/** The `mkdir` command. */
export const mkdir: Command = {
  spec: {
    name: 'mkdir',
    summary: 'make directories',
    usage: 'mkdir [OPTION]... DIRECTORY...',
    description: 'Create the DIRECTORY(ies), if they do not already exist.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'mode', short: 'm', long: 'mode', value: 'MODE', help: 'set file mode (as in chmod), not a=rwx - umask' },
      { key: 'parents', short: 'p', long: 'parents', help: 'no error if existing, make parent directories as needed,\nwith their file modes unaffected by any -m option' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'print a message for each created directory' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 mkdir',
    simplified: 'no -Z/--context; the umask is always 022',
  },
  run(ctx, _argv, opts) {
    if (opts.operands.length === 0) return usageError('mkdir', 'missing operand');
    let mode: number | undefined;
    const modeText = opts.flags['mode'];
    if (typeof modeText === 'string') {
      const change = compileMode(modeText);
      // mkdir.c: "invalid mode %s" with quote(), no Try line.
      if (!change) return { stdout: '', stderr: `mkdir: invalid mode ${quote(modeText)}\n`, exitCode: 1 };
      mode = adjustMode(0o777, true, UMASK, change).mode;
    }
    const out = orderedOutput();
    let status = 0;
    for (const name of opts.operands) {
      const problem = opts.flags['parents'] ? makeParents(ctx, name, mode, out, opts.flags['verbose'] === true) : makeOne(ctx, name, mode);
      if (problem) {
        // mkdir.c / mkdir-p.c: "cannot create directory %s" with quote().
        out.err(`mkdir: cannot create directory ${quote(problem.name)}: ${STRERROR[problem.errno]}\n`);
        status = 1;
      } else if (opts.flags['verbose'] && !opts.flags['parents']) out.out(`mkdir: created directory ${quoteaf(name)}\n`);
    }
    return out.result(status);
  },
};

type Problem = { name: string; errno: Errno } | null;

/** mkdir(2) of one directory: with an explicit mode it is set exactly (the umask does not apply). */
function makeOne(ctx: CommandContext, name: string, mode: number | undefined): Problem {
  if (name === '') return { name, errno: 'ENOENT' };
  const path = resolvePath(ctx.cwd, name);
  const made = mode === undefined ? ctx.vfs.mkdir(path) : ctx.vfs.create(path, { type: 'dir', mode });
  return made.ok ? null : { name, errno: made.errno };
}

/** mkdir -p: each missing ancestor (0777 & ~umask | u+wx), then the directory itself; an existing directory is fine. */
function makeParents(ctx: CommandContext, name: string, mode: number | undefined, out: OrderedOutput, verbose: boolean): Problem {
  if (name === '') return { name, errno: 'ENOENT' };
  const parts = name.split('/');
  let prefix = name.startsWith('/') ? '/' : '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '' || part === '.') {
      if (part === '.' && prefix === '') prefix = '.';
      continue;
    }
    prefix = prefix === '' ? part : prefix.endsWith('/') ? prefix + part : `${prefix}/${part}`;
    const last = parts.slice(i + 1).every((p) => p === '' || p === '.');
    const path = resolvePath(ctx.cwd, prefix);
    const st = ctx.vfs.stat(path, true);
    if (st.ok) {
      if (st.value.type === 'dir') {
        if (last) return null;
        continue;
      }
      // mkancesdirs: an ancestor that exists but is no directory; the last one: mkdir(2) says EEXIST.
      return { name: last ? name : prefix, errno: last ? 'EEXIST' : 'ENOTDIR' };
    }
    if (part === '..') continue;
    // mkdir.c: the directory asked for gets -m's mode (or 0777 & ~umask); ancestors get u+wx as well.
    const made = ctx.vfs.create(path, { type: 'dir', mode: last ? (mode ?? 0o777 & ~UMASK) : (0o777 & ~UMASK) | 0o300 });
    if (!made.ok) return { name: last ? name : prefix, errno: made.errno };
    if (verbose) out.out(`mkdir: created directory ${quoteaf(last ? name : prefix)}\n`);
    if (last) return null;
  }
  return null;
}
