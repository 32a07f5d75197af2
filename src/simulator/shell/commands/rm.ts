/**
 * `rm [-f] [-r] [-d] [-v] FILE...`: removes files (unlink(2)), empty directories with -d
 * (rmdir(2)) and whole trees with -r, never following symbolic links. `.` and `..` are
 * refused, and so is `/` with -r unless --no-preserve-root.
 */
// @sim rm | GNU coreutils 9.7 rm(1), rm.c + remove.c: -f -r/-R -d -v --preserve-root/--no-preserve-root, "cannot remove 'x': Is a directory", "refusing to remove '.' or '..'", the '/' failsafe, missing operand
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { removeTree } from '../file-tree';
import { resolvePath } from '../path';
import { quoteaf } from '../quotearg';
import { usageError } from '../usage-error';
import { STRERROR } from '../vfs';

/** The `rm` command. */
export const rm: Command = {
  spec: {
    name: 'rm',
    summary: 'remove files or directories',
    usage: 'rm [OPTION]... [FILE]...',
    description: 'Remove (unlink) the FILE(s).',
    options: [
      { key: 'force', short: 'f', long: 'force', help: 'ignore nonexistent files and arguments, never prompt' },
      { key: 'recursive', short: 'r', long: 'recursive', help: 'remove directories and their contents recursively' },
      { key: 'recursive', short: 'R', help: 'same as -r' },
      { key: 'dir', short: 'd', long: 'dir', help: 'remove empty directories' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'explain what is being done' },
      { key: 'noPreserveRoot', long: 'no-preserve-root', help: "do not treat '/' specially" },
      { key: 'preserveRoot', long: 'preserve-root', help: "do not remove '/' (default)" },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 rm',
    simplified: 'no -i/-I prompts (the session is root, which rm does not ask about write-protected files); entries are removed in name order, not the filesystem\'s readdir order',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (opts.operands.length === 0) return f['force'] ? { stdout: '', stderr: '', exitCode: 0 } : usageError('rm', 'missing operand');
    const preserveRoot = opts.order.filter((k) => k === 'noPreserveRoot' || k === 'preserveRoot').pop() !== 'noPreserveRoot';
    const out = orderedOutput();
    let ok = true;
    for (const name of opts.operands) {
      const found = lookupOperand(ctx, name, false);
      if (!found.attr) {
        // A dangling symbolic link named with a trailing slash: unlinkat(2) of `link/` says ENOTDIR.
        const errno = found.errno === 'ENOENT' && name.endsWith('/') && ctx.vfs.stat(found.path, false).ok ? 'ENOTDIR' : found.errno;
        if (f['force'] && errno === 'ENOENT') continue;
        out.err(`rm: cannot remove ${quoteaf(name)}: ${STRERROR[errno]}\n`);
        ok = false;
        continue;
      }
      if (found.attr.type !== 'dir') {
        const r = ctx.vfs.remove(found.path, false);
        if (!r.ok) {
          if (!(f['force'] && r.errno === 'ENOENT')) out.err(`rm: cannot remove ${quoteaf(name)}: ${STRERROR[r.errno]}\n`);
          ok = false;
        } else if (f['verbose']) out.out(`removed ${quoteaf(name)}\n`);
        continue;
      }
      // remove.c rm_fts FTS_D: without -r a directory goes only with -d, and only when empty.
      const listed = ctx.vfs.list(found.path);
      const empty = listed.ok && listed.names.length === 0;
      if (!f['recursive'] && !(f['dir'] && empty)) {
        out.err(`rm: cannot remove ${quoteaf(name)}: ${STRERROR[f['dir'] ? 'ENOTEMPTY' : 'EISDIR']}\n`);
        ok = false;
        continue;
      }
      // remove.c rm_fts: POSIX says an operand whose last component is . or .. is diagnosed and skipped.
      const last = name.replace(/\/+$/, '').split('/').pop();
      if (last === '.' || last === '..') {
        out.err(`rm: refusing to remove '.' or '..' directory: skipping ${quoteaf(name)}\n`);
        ok = false;
        continue;
      }
      if (preserveRoot && resolvePath('/', found.path) === '/') {
        // remove.c ROOT_DEV_INO_WARN.
        const same = name === '/' ? '' : ` (same as ${quoteaf('/')})`;
        out.err(`rm: it is dangerous to operate recursively on ${quoteaf(name)}${same}\nrm: use --no-preserve-root to override this failsafe\n`);
        ok = false;
        continue;
      }
      if (!f['recursive']) {
        const r = ctx.vfs.remove(found.path, true);
        if (!r.ok) {
          out.err(`rm: cannot remove ${quoteaf(name)}: ${STRERROR[r.errno]}\n`);
          ok = false;
        } else if (f['verbose']) out.out(`removed directory ${quoteaf(name)}\n`);
        continue;
      }
      ok = removeTree(ctx, found.path, name, { cmd: 'rm', verbose: f['verbose'] === true, out }) && ok;
    }
    return out.result(ok ? 0 : 1);
  },
};
