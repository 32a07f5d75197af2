/**
 * Walking a directory tree to remove or copy it, as coreutils' fts-based remove.c and
 * copy.c do: removal is post-order (children, then the directory; a directory whose child
 * could not go is left silently, remove.c mark_ancestor_dirs), copying pre-order (the
 * directory, then its children). Names in messages are the operand joined with `/` and each
 * entry's name, as fts_path is. Content is copied as descriptors, so copying a 1 GiB file
 * costs what its descriptor costs.
 */
import type { Attr } from '../engines/kernel/types';
import type { CommandContext } from './command-spec';
import type { OrderedOutput } from './command-output';
import { byteOrder } from './glob';
import { quoteaf } from './quotearg';
import { resolvePath } from './path';
import { UMASK } from './usage-error';
import { STRERROR, type Errno } from './vfs';

/** fts_path of a child: the parent's path as typed, `/`, the name. */
export function childName(parent: string, name: string): string {
  return parent.endsWith('/') ? parent + name : `${parent}/${name}`;
}

/** The entries of a directory, in a fixed order (readdir order is the filesystem's; the simulator sorts). */
function entries(ctx: CommandContext, path: string): string[] | Errno {
  const listed = ctx.vfs.list(path);
  return listed.ok ? [...listed.names].sort(byteOrder) : listed.errno;
}

/** What a removal reports. */
export interface RemoveOptions {
  cmd: string;
  verbose: boolean;
  out: OrderedOutput;
}

/** rm -r of one directory (`path`, shown as `shown`), post-order; true when everything went. */
export function removeTree(ctx: CommandContext, path: string, shown: string, o: RemoveOptions): boolean {
  const names = entries(ctx, path);
  if (typeof names === 'string') {
    o.out.err(`${o.cmd}: cannot remove ${quoteaf(shown)}: ${STRERROR[names]}\n`);
    return false;
  }
  let ok = true;
  for (const name of names) {
    const childPath = resolvePath(path, name);
    const child = childName(shown, name);
    const st = ctx.vfs.stat(childPath, false);
    if (st.ok && st.value.type === 'dir') {
      ok = removeTree(ctx, childPath, child, o) && ok;
      continue;
    }
    const r = ctx.vfs.remove(childPath, false);
    if (!r.ok) {
      o.out.err(`${o.cmd}: cannot remove ${quoteaf(child)}: ${STRERROR[r.errno]}\n`);
      ok = false;
    } else if (o.verbose) o.out.out(`removed ${quoteaf(child)}\n`);
  }
  // remove.c: a directory that still holds something that could not be removed is not tried.
  if (!ok) return false;
  const r = ctx.vfs.remove(path, true);
  if (!r.ok) {
    o.out.err(`${o.cmd}: cannot remove ${quoteaf(shown)}: ${STRERROR[r.errno]}\n`);
    return false;
  }
  if (o.verbose) o.out.out(`removed directory ${quoteaf(shown)}\n`);
  return true;
}

/** How a copy is made. */
export interface CopyOptions {
  cmd: string;
  recursive: boolean;
  /** Keep mode, owner and times (-p, -a, and mv across filesystems). */
  preserve: boolean;
  /** Follow symbolic links below the top (cp -L); cp -r and -a copy them as links. */
  derefInside: boolean;
  verbose: boolean;
  /** mv's wording for -v across filesystems (`copied 'a' -> 'b'`). */
  verbosePrefix: string;
  out: OrderedOutput;
}

function fail(o: CopyOptions, message: string, errno: Errno): false {
  o.out.err(`${o.cmd}: ${message}: ${STRERROR[errno]}\n`);
  return false;
}

function keep(ctx: CommandContext, dst: string, attr: Attr, o: CopyOptions): void {
  if (!o.preserve) return;
  ctx.vfs.setattr(dst, { uid: attr.uid, gid: attr.gid }, false);
  if (attr.type !== 'symlink') ctx.vfs.setattr(dst, { mode: attr.mode, atime: attr.atime, mtime: attr.mtime }, false);
}

/**
 * Copies `src` (stat `attr`) to `dst`, which the caller checked may be written (a file
 * over a file, a directory into a new name or over a directory). true when all went well.
 */
export function copyNode(ctx: CommandContext, src: string, srcShown: string, attr: Attr, dst: string, dstShown: string, o: CopyOptions): boolean {
  const existing = ctx.vfs.stat(dst, false);
  if (attr.type === 'dir') {
    if (!existing.ok) {
      // copy.c: a new directory gets the source's mode less the umask (all of it with -p).
      const made = ctx.vfs.create(dst, { type: 'dir', mode: o.preserve ? attr.mode : attr.mode & 0o777 & ~UMASK });
      if (!made.ok) return fail(o, `cannot create directory ${quoteaf(dstShown)}`, made.errno);
    }
    if (o.verbose) o.out.out(`${o.verbosePrefix}${quoteaf(srcShown)} -> ${quoteaf(dstShown)}\n`);
    const names = entries(ctx, src);
    if (typeof names === 'string') return fail(o, `cannot access ${quoteaf(srcShown)}`, names);
    let ok = true;
    for (const name of names) {
      const from = resolvePath(src, name);
      const st = ctx.vfs.stat(from, o.derefInside);
      if (!st.ok) {
        ok = fail(o, `cannot stat ${quoteaf(childName(srcShown, name))}`, st.errno);
        continue;
      }
      ok = copyNode(ctx, from, childName(srcShown, name), st.value, resolvePath(dst, name), childName(dstShown, name), o) && ok;
    }
    keep(ctx, dst, attr, o);
    return ok;
  }
  if (existing.ok && existing.value.type === 'dir') {
    o.out.err(`${o.cmd}: cannot overwrite directory ${quoteaf(dstShown)} with non-directory\n`);
    return false;
  }
  if (attr.type === 'file') {
    const content = ctx.vfs.readContent(src);
    if (!content.ok) return fail(o, `cannot open ${quoteaf(srcShown)} for reading`, content.errno);
    if (!existing.ok) {
      // copy.c copy_reg: a new file gets the source's permission bits less the umask (set-ID bits only with -p).
      const made = ctx.vfs.create(dst, { type: 'file', mode: o.preserve ? attr.mode : attr.mode & 0o777 & ~UMASK });
      if (!made.ok) return fail(o, `cannot create regular file ${quoteaf(dstShown)}`, made.errno);
    }
    const w = ctx.vfs.writeContent(dst, content.value, { truncate: true });
    if (!w.ok) return fail(o, existing.ok ? `cannot open ${quoteaf(dstShown)} for writing` : `error writing ${quoteaf(dstShown)}`, w.errno);
  } else {
    if (existing.ok) {
      const gone = ctx.vfs.remove(dst, false);
      if (!gone.ok) return fail(o, `cannot remove ${quoteaf(dstShown)}`, gone.errno);
    }
    const made = ctx.vfs.create(dst, { type: attr.type, mode: attr.mode, ...(attr.rdev ? { rdev: attr.rdev } : {}), ...(attr.target !== undefined ? { target: attr.target } : {}) });
    if (!made.ok) return fail(o, attr.type === 'symlink' ? `cannot create symbolic link ${quoteaf(dstShown)}` : `cannot create special file ${quoteaf(dstShown)}`, made.errno);
  }
  if (o.verbose) o.out.out(`${o.verbosePrefix}${quoteaf(srcShown)} -> ${quoteaf(dstShown)}\n`);
  keep(ctx, dst, attr, o);
  return true;
}
