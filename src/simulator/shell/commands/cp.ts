/**
 * `cp [-aprRv] SOURCE DEST` / `cp SOURCE... DIRECTORY`: copies files, and with -r whole
 * trees. Content is copied as descriptors (a 1 GiB file copies in a few bytes of state);
 * -p keeps mode, owner and times, -a is -dR --preserve=all.
 */
// @sim cp | GNU coreutils 9.7 cp(1), cp.c + copy.c: -r/-R -p -a -d -v, into a directory, "-r not specified; omitting directory", "are the same file", "into itself", "cannot overwrite", missing operands
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { copyTargets, inside, sameFile, statSource } from '../copy-targets';
import { copyNode } from '../file-tree';
import { quoteaf } from '../quotearg';
import { STRERROR } from '../vfs';

/** The `cp` command. */
export const cp: Command = {
  spec: {
    name: 'cp',
    summary: 'copy files and directories',
    usage: 'cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY',
    description: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'archive', short: 'a', long: 'archive', help: 'same as -dR --preserve=all' },
      { key: 'noDeref', short: 'd', help: 'same as --no-dereference --preserve=links' },
      { key: 'force', short: 'f', long: 'force', help: 'if an existing destination file cannot be opened, remove it and try again' },
      { key: 'preserve', short: 'p', help: 'same as --preserve=mode,ownership,timestamps' },
      { key: 'recursive', short: 'R', long: 'recursive', help: 'copy directories recursively' },
      { key: 'recursive', short: 'r', help: 'same as -R' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'explain what is being done' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 cp',
    simplified: 'no -i/-n/-u/-l/-s/-t/-T/--backup/--sparse/--reflink; hard links inside a tree are copied as separate files; entries are copied in name order',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const targets = copyTargets(ctx, 'cp', opts.operands);
    if (!targets.ok) return targets.result;
    const archive = f['archive'] === true;
    const recursive = archive || f['recursive'] === true;
    // cp.c: -a, -d and -r copy symbolic links as links (DEREF_NEVER); otherwise a command-line link is followed.
    const follow = !(recursive || f['noDeref']);
    const out = orderedOutput();
    let ok = true;
    for (const { src, dst, dstShown } of targets.pairs) {
      const source = statSource(ctx, 'cp', src, follow);
      if (!source.ok) {
        out.err(source.message);
        ok = false;
        continue;
      }
      const { attr, path } = source;
      if (attr.type === 'dir' && !recursive) {
        out.err(`cp: -r not specified; omitting directory ${quoteaf(src)}\n`);
        ok = false;
        continue;
      }
      const existing = ctx.vfs.stat(dst, true);
      if (dstShown.endsWith('/') && (!existing.ok || existing.value.type !== 'dir')) {
        out.err(existing.ok ? `cp: cannot stat ${quoteaf(dstShown)}: ${STRERROR.ENOTDIR}\n` : `cp: cannot create regular file ${quoteaf(dstShown)}: ${STRERROR.ENOTDIR}\n`);
        ok = false;
        continue;
      }
      if (existing.ok && sameFile(ctx, path, dst, follow)) {
        out.err(`cp: ${quoteaf(src)} and ${quoteaf(dstShown)} are the same file\n`);
        ok = false;
        continue;
      }
      if (attr.type === 'dir' && inside(path, dst)) {
        out.err(`cp: cannot copy a directory, ${quoteaf(src)}, into itself, ${quoteaf(dstShown)}\n`);
        ok = false;
        continue;
      }
      if (attr.type === 'dir' && existing.ok && existing.value.type !== 'dir') {
        out.err(`cp: cannot overwrite non-directory ${quoteaf(dstShown)} with directory ${quoteaf(src)}\n`);
        ok = false;
        continue;
      }
      if (attr.type !== 'dir' && existing.ok && existing.value.type === 'dir') {
        // copy.c (9.7): both names; coreutils 9.1 named only the directory.
        out.err(`cp: cannot overwrite directory ${quoteaf(dstShown)} with non-directory ${quoteaf(src)}\n`);
        ok = false;
        continue;
      }
      const opt = { cmd: 'cp', recursive, preserve: archive || f['preserve'] === true, derefInside: false, verbose: f['verbose'] === true, verbosePrefix: '', out };
      ok = copyNode(ctx, path, src, attr, dst, dstShown, opt) && ok;
    }
    return out.result(ok ? 0 : 1);
  },
};
