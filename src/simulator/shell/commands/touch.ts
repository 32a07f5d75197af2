/**
 * `touch [-acm] [-d DATE] [-t STAMP] [-r FILE] FILE...`: sets access and modification
 * times (to the virtual clock's now by default), creating a missing file unless -c.
 */
// @sim touch | GNU coreutils 9.7 touch(1), touch.c: -a -c -m -d (common forms) -t -r, "cannot touch 'x'", "setting times of", "invalid date format ‘x’", missing file operand
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { resolvePath } from '../path';
import { quote, quoteaf } from '../quotearg';
import { parseDate, parsePosixStamp } from '../touch-date';
import { usageError } from '../usage-error';
import { STRERROR, type Errno } from '../vfs';

/** The `touch` command. */
export const touch: Command = {
  spec: {
    name: 'touch',
    summary: 'change file timestamps',
    usage: 'touch [OPTION]... FILE...',
    description: 'Update the access and modification times of each FILE to the current time.\n\nA FILE argument that does not exist is created empty, unless -c or -h\nis supplied.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'atime', short: 'a', help: 'change only the access time' },
      { key: 'noCreate', short: 'c', long: 'no-create', help: 'do not create any files' },
      { key: 'date', short: 'd', long: 'date', value: 'STRING', help: 'parse STRING and use it instead of current time' },
      { key: 'mtime', short: 'm', help: 'change only the modification time' },
      { key: 'reference', short: 'r', long: 'reference', value: 'FILE', help: "use this file's times instead of current time" },
      { key: 'stamp', short: 't', value: 'STAMP', help: 'use [[CC]YY]MMDDhhmm[.ss] instead of current time' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 touch',
    simplified: '-d reads @SECONDS, YYYY-MM-DD and YYYY-MM-DD HH:MM[:SS] (UTC) and now, not every parse_datetime form; no -h',
  },
  run(ctx, _argv, opts) {
    const now = ctx.world.clock;
    let atime = now;
    let mtime = now;
    const f = opts.flags;
    // touch.c: -t cannot be combined with -d or -r (-d with -r reads the date relative to the file: our forms are absolute).
    if (f['stamp'] !== undefined && (f['date'] !== undefined || f['reference'] !== undefined)) {
      return { stdout: '', stderr: "touch: cannot specify times from more than one source\nTry 'touch --help' for more information.\n", exitCode: 1 };
    }
    if (typeof f['reference'] === 'string' && f['date'] === undefined) {
      const ref = ctx.vfs.stat(resolvePath(ctx.cwd, f['reference']), true);
      if (!ref.ok) return { stdout: '', stderr: `touch: failed to get attributes of ${quoteaf(f['reference'])}: ${STRERROR[ref.errno]}\n`, exitCode: 1 };
      atime = ref.value.atime;
      mtime = ref.value.mtime;
    } else if (typeof f['date'] === 'string' || typeof f['stamp'] === 'string') {
      const text = (f['date'] ?? f['stamp']) as string;
      const t = typeof f['date'] === 'string' ? parseDate(text, now) : parsePosixStamp(text, now);
      // touch.c: "invalid date format %s" with quote().
      if (t === null) return { stdout: '', stderr: `touch: invalid date format ${quote(text)}\n`, exitCode: 1 };
      atime = mtime = t;
    }
    if (opts.operands.length === 0) return usageError('touch', 'missing file operand');
    const onlyA = f['atime'] === true && f['mtime'] === undefined;
    const onlyM = f['mtime'] === true && f['atime'] === undefined;
    const out = orderedOutput();
    let status = 0;
    for (const name of opts.operands) {
      const path = resolvePath(ctx.cwd, name);
      // touch.c: open(O_WRONLY|O_CREAT) first (unless -c), then utimensat(); when the times cannot be set,
      // a failed open is what is reported ("cannot touch"), except EISDIR (a directory, or a name ending in '/').
      const exists = ctx.vfs.stat(path, true);
      let openErrno: Errno | null = null;
      if (!f['noCreate']) {
        if (name.endsWith('/') || (exists.ok && exists.value.type === 'dir')) openErrno = 'EISDIR';
        else if (!exists.ok && exists.errno === 'ENOENT' && name !== '') {
          const made = ctx.vfs.create(path, { type: 'file' });
          if (!made.ok) openErrno = made.errno;
        } else if (!exists.ok) openErrno = exists.errno;
      }
      const target = lookupOperand(ctx, name, true);
      const set = target.attr ? ctx.vfs.setattr(path, { ...(onlyM ? {} : { atime }), ...(onlyA ? {} : { mtime }) }, true) : { ok: false as const, errno: target.errno };
      if (set.ok) continue;
      // Opening an existing file for writing fails as the change did (EROFS for the lab's own files).
      if (!f['noCreate'] && exists.ok && openErrno === null) openErrno = set.errno;
      if (openErrno && openErrno !== 'EISDIR') out.err(`touch: cannot touch ${quoteaf(name)}: ${STRERROR[openErrno]}\n`);
      else if (f['noCreate'] && set.errno === 'ENOENT') continue;
      else out.err(`touch: setting times of ${quoteaf(name)}: ${STRERROR[set.errno]}\n`);
      status = 1;
    }
    return out.result(status);
  },
};
