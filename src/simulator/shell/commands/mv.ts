/**
 * `mv [-fv] SOURCE DEST` / `mv SOURCE... DIRECTORY`: renames (rename(2)); between two
 * filesystems, where rename fails with EXDEV, copies with everything kept and then removes
 * the source, as mv does.
 */
// @sim mv | GNU coreutils 9.7 mv(1), mv.c + copy.c: rename, EXDEV copy-then-remove, -v (renamed/copied/removed), into a directory, "subdirectory of itself", "are the same file", "cannot overwrite", missing operands
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { copyTargets, inside, sameFile, statSource } from '../copy-targets';
import { copyNode, removeTree } from '../file-tree';
import { quoteaf } from '../quotearg';
import { STRERROR } from '../vfs';

/** The `mv` command. */
export const mv: Command = {
  spec: {
    name: 'mv',
    summary: 'move (rename) files',
    usage: 'mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY',
    description: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'force', short: 'f', long: 'force', help: 'do not prompt before overwriting' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'explain what is being done' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 mv',
    simplified: 'no -i/-n/-u/-t/-T/--backup/--exchange',
  },
  run(ctx, _argv, opts) {
    const targets = copyTargets(ctx, 'mv', opts.operands);
    if (!targets.ok) return targets.result;
    const verbose = opts.flags['verbose'] === true;
    const out = orderedOutput();
    let ok = true;
    for (const { src, dst, dstShown } of targets.pairs) {
      const source = statSource(ctx, 'mv', src, false);
      if (!source.ok) {
        out.err(source.message);
        ok = false;
        continue;
      }
      const { attr, path } = source;
      const existing = ctx.vfs.stat(dst, false);
      if (existing.ok && sameFile(ctx, path, dst, false)) {
        out.err(`mv: ${quoteaf(src)} and ${quoteaf(dstShown)} are the same file\n`);
        ok = false;
        continue;
      }
      if (attr.type === 'dir' && inside(path, dst)) {
        out.err(`mv: cannot move ${quoteaf(src)} to a subdirectory of itself, ${quoteaf(dstShown)}\n`);
        ok = false;
        continue;
      }
      if (existing.ok && (attr.type === 'dir') !== (existing.value.type === 'dir')) {
        // copy.c (9.7): "cannot overwrite non-directory %s with directory %s" and its converse, both names.
        out.err(attr.type === 'dir' ? `mv: cannot overwrite non-directory ${quoteaf(dstShown)} with directory ${quoteaf(src)}\n` : `mv: cannot overwrite directory ${quoteaf(dstShown)} with non-directory ${quoteaf(src)}\n`);
        ok = false;
        continue;
      }
      const renamed = ctx.vfs.rename(path, dst);
      if (renamed.ok) {
        if (verbose) out.out(`renamed ${quoteaf(src)} -> ${quoteaf(dstShown)}\n`);
        continue;
      }
      if (renamed.errno !== 'EXDEV') {
        // copy.c (9.7): errors that are the destination's name only it.
        const dstOnly = ['EEXIST', 'ENOTEMPTY', 'EISDIR', 'ENOSPC'].includes(renamed.errno);
        out.err(dstOnly ? `mv: cannot overwrite ${quoteaf(dstShown)}: ${STRERROR[renamed.errno]}\n` : `mv: cannot move ${quoteaf(src)} to ${quoteaf(dstShown)}: ${STRERROR[renamed.errno]}\n`);
        ok = false;
        continue;
      }
      // Across filesystems: remove what is in the way, copy everything kept, then remove the source (mv.c, copy.c).
      if (existing.ok) {
        const cleared = existing.value.type === 'dir' ? ctx.vfs.remove(dst, true) : ctx.vfs.remove(dst, false);
        if (!cleared.ok) {
          out.err(`mv: cannot overwrite ${quoteaf(dstShown)}: ${STRERROR[cleared.errno]}\n`);
          ok = false;
          continue;
        }
      }
      const copied = copyNode(ctx, path, src, attr, dst, dstShown, { cmd: 'mv', recursive: true, preserve: true, derefInside: false, verbose, verbosePrefix: 'copied ', out });
      if (!copied) {
        ok = false;
        continue;
      }
      if (attr.type === 'dir') ok = removeTree(ctx, path, src, { cmd: 'mv', verbose, out }) && ok;
      else {
        const gone = ctx.vfs.remove(path, false);
        if (!gone.ok) {
          out.err(`mv: cannot remove ${quoteaf(src)}: ${STRERROR[gone.errno]}\n`);
          ok = false;
        } else if (verbose) out.out(`removed ${quoteaf(src)}\n`);
      }
    }
    return out.result(ok ? 0 : 1);
  },
};
