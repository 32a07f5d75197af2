/**
 * `chmod [-R] [-cfv] MODE[,MODE]... FILE...`: changes permission bits (chmod(2)). Modes
 * are octal or symbolic as gnulib modechange.c reads them; `-w`, `-x`, `+t`-like modes
 * given where an option would be are taken as modes (chmod.c's getopt string), and then a
 * result the umask kept from what was asked is reported ("new permissions are …, not …").
 * -R changes a directory before its contents and leaves symbolic links alone.
 */
// @sim chmod | GNU coreutils 9.7 chmod(1), chmod.c + gnulib modechange.c: octal and symbolic modes (ugoa +-= rwxXst, u/g/o copies, comma lists), -R -c -f -v, "invalid mode: ‘x’", umask surprises, missing operand
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { orderedOutput, type OrderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { modeString, octalMode } from '../file-mode';
import { childName } from '../file-tree';
import { byteOrder } from '../glob';
import { adjustMode, compileMode, type ModeChange } from '../mode-change';
import { resolvePath } from '../path';
import { quote, quoteaf, quotef } from '../quotearg';
import { UMASK, usageError } from '../usage-error';
import { STRERROR } from '../vfs';

interface Run {
  changes: ModeChange[];
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
  surprises: boolean;
  out: OrderedOutput;
}

const LONG: Record<string, string> = { recursive: 'R', changes: 'c', silent: 'f', quiet: 'f', verbose: 'v', 'preserve-root': '', 'no-preserve-root': '', help: '?' };
// chmod.c's getopt string: these letters after `-` start a mode, not options.
const MODE_CHARS = 'rwxXstugoa,+=01234567';

/** The `chmod` command. */
export const chmod: Command = {
  spec: {
    name: 'chmod',
    summary: 'change file mode bits',
    usage: 'chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...',
    description: 'Change the mode of each FILE to MODE.\n\nEach MODE is of the form \'[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+\'.',
    options: [
      { key: 'changes', short: 'c', long: 'changes', help: 'like verbose but report only when a change is made' },
      { key: 'silent', short: 'f', long: 'silent', help: 'suppress most error messages' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'output a diagnostic for every file processed' },
      { key: 'recursive', short: 'R', long: 'recursive', help: 'change files and directories recursively' },
    ],
    // chmod reads its own arguments: `-w` is a mode, not an option.
    arguments: 'raw',
    rawHelp: true,
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 chmod',
    simplified: 'no --reference, -h/-H/-L/-P; the umask is always 022',
  },
  run(ctx, argv) {
    const modeParts: string[] = [];
    const operands: string[] = [];
    let recursive = false;
    let silent = false;
    let verbosity: Run['verbosity'] = 'off';
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] as string;
      if (arg === '--') {
        operands.push(...argv.slice(i + 1));
        break;
      }
      if (arg.startsWith('--')) {
        const name = arg.slice(2).split('=')[0] as string;
        const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
        const exact = LONG[name] !== undefined ? name : matches.length === 1 ? matches[0] : undefined;
        if (exact === undefined) return usageError('chmod', matches.length > 1 ? `option '${arg}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}` : `unrecognized option '${arg}'`);
        const letter = LONG[exact];
        if (letter === 'R') recursive = true;
        else if (letter === 'c') verbosity = 'changes';
        else if (letter === 'v') verbosity = 'high';
        else if (letter === 'f') silent = true;
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) {
        let isMode = false;
        for (const ch of arg.slice(1)) {
          if (MODE_CHARS.includes(ch)) {
            isMode = true;
            break;
          }
          if (ch === 'R') recursive = true;
          else if (ch === 'c') verbosity = 'changes';
          else if (ch === 'v') verbosity = 'high';
          else if (ch === 'f') silent = true;
          else return usageError('chmod', `invalid option -- '${ch}'`);
        }
        if (isMode) modeParts.push(arg);
        continue;
      }
      operands.push(arg);
    }
    const fromOption = modeParts.length > 0;
    const modeText = fromOption ? modeParts.join(',') : operands.shift();
    if (modeText === undefined) return usageError('chmod', 'missing operand');
    if (operands.length === 0) return usageError('chmod', fromOption ? 'missing operand' : `missing operand after ${quote(modeText)}`);
    const changes = compileMode(modeText);
    if (!changes) return usageError('chmod', `invalid mode: ${quote(modeText)}`);
    const run: Run = { changes, verbosity, silent, surprises: fromOption, out: orderedOutput() };
    let ok = true;
    for (const name of operands) {
      const found = lookupOperand(ctx, name, true);
      if (!found.attr) {
        // chmod.c FTS_SLNONE: a command-line link that points nowhere.
        const dangling = found.errno === 'ENOENT' && ctx.vfs.stat(found.path, false).ok;
        if (!silent) run.out.err(dangling ? `chmod: cannot operate on dangling symlink ${quoteaf(name)}\n` : `chmod: cannot access ${quoteaf(name)}: ${STRERROR[found.errno]}\n`);
        ok = false;
        continue;
      }
      ok = (recursive && found.attr.type === 'dir' ? walk(ctx, found.path, name, run) : apply(ctx, found.path, name, run)) && ok;
    }
    return run.out.result(ok ? 0 : 1) as CommandResult;
  },
};

/** chmod -R: the directory, then its entries (fts pre-order); symbolic links are not followed nor changed. */
function walk(ctx: CommandContext, path: string, shown: string, run: Run): boolean {
  let ok = apply(ctx, path, shown, run);
  const listed = ctx.vfs.list(path);
  for (const name of listed.ok ? [...listed.names].sort(byteOrder) : []) {
    const child = resolvePath(path, name);
    const st = ctx.vfs.stat(child, false);
    if (!st.ok) continue;
    if (st.value.type === 'symlink') {
      // chmod.c describe_change for CH_NOT_APPLIED.
      if (run.verbosity === 'high') run.out.out(`neither symbolic link ${quoteaf(childName(shown, name))} nor referent has been changed\n`);
      continue;
    }
    ok = (st.value.type === 'dir' ? walk(ctx, child, childName(shown, name), run) : apply(ctx, child, childName(shown, name), run)) && ok;
  }
  return ok;
}

/** chmod.c process_file for one file. */
function apply(ctx: CommandContext, path: string, shown: string, run: Run): boolean {
  const st = ctx.vfs.stat(path, true);
  if (!st.ok) return false;
  const old = st.value.mode & 0o7777;
  const dir = st.value.type === 'dir';
  const next = adjustMode(old, dir, UMASK, run.changes).mode;
  const r = ctx.vfs.setattr(path, { mode: next }, true);
  const perms = (m: number): string => modeString(st.value.type, m).slice(1);
  if (!r.ok && !run.silent) run.out.err(`chmod: changing permissions of ${quoteaf(shown)}: ${STRERROR[r.errno]}\n`);
  if (run.verbosity !== 'off') {
    const q = quoteaf(shown);
    if (!r.ok) run.out.out(`failed to change mode of ${q} from ${octalMode(old)} (${perms(old)}) to ${octalMode(next)} (${perms(next)})\n`);
    else if (next !== old) run.out.out(`mode of ${q} changed from ${octalMode(old)} (${perms(old)}) to ${octalMode(next)} (${perms(next)})\n`);
    else if (run.verbosity === 'high') run.out.out(`mode of ${q} retained as ${octalMode(next)} (${perms(next)})\n`);
  }
  if (!r.ok) return false;
  if (run.surprises) {
    // chmod.c: with a mode given like an option, say when the umask kept bits the mode asked to clear.
    const naive = adjustMode(old, dir, 0, run.changes).mode;
    if (next & ~naive) {
      run.out.err(`chmod: ${quotef(shown)}: new permissions are ${perms(next)}, not ${perms(naive)}\n`);
      return false;
    }
  }
  return true;
}
