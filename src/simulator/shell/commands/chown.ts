/**
 * `chown [-R] [-cfv] OWNER[:GROUP] FILE...`: changes owner and group (chown(2); lchown
 * inside a -R walk, where directories are done after their contents, as fts post-order in
 * chown-core.c). IDs are the process's user namespace's, stored as the host's.
 */
// @sim chown | GNU coreutils 9.7 chown(1), chown.c + chown-core.c + gnulib userspec.c: names and IDs, user: (login group), :group, user.group warning, -R -c -f -v messages, "invalid user: ‘bob’"
import type { Command, CommandContext } from '../command-spec';
import { orderedOutput, type OrderedOutput } from '../command-output';
import { lookupOperand } from '../file-operand';
import { childName } from '../file-tree';
import { byteOrder } from '../glob';
import { parseOwnerSpec } from '../owner-spec';
import { resolvePath } from '../path';
import { quote, quoteaf } from '../quotearg';
import { usageError } from '../usage-error';
import { idNames, seenId, storedId, type IdNames } from '../user-names';
import { STRERROR, type Errno } from '../vfs';

interface Change {
  uid?: number;
  gid?: number;
  userName?: string;
  groupName?: string;
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
}

/** The `chown` command. */
export const chown: Command = {
  spec: {
    name: 'chown',
    summary: 'change file owner and group',
    usage: 'chown [OPTION]... [OWNER][:[GROUP]] FILE...',
    description: 'Change the owner and/or group of each FILE to OWNER and/or GROUP.',
    options: [
      { key: 'changes', short: 'c', long: 'changes', help: 'like verbose but report only when a change is made' },
      { key: 'silent', short: 'f', long: 'silent', help: 'suppress most error messages' },
      { key: 'verbose', short: 'v', long: 'verbose', help: 'output a diagnostic for every file processed' },
      { key: 'recursive', short: 'R', long: 'recursive', help: 'operate on files and directories recursively' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 chown',
    simplified: 'no -h/-H/-L/-P, --from, --reference; symbolic links met inside -R are changed themselves, as with the default -P',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const [spec, ...files] = opts.operands;
    if (spec === undefined) return usageError('chown', 'missing operand');
    if (files.length === 0) return usageError('chown', `missing operand after ${quote(spec)}`);
    const names = idNames(ctx);
    const parsed = parseOwnerSpec(names, spec);
    if (!parsed.ok) return { stdout: '', stderr: `chown: ${parsed.message}\n`, exitCode: 1 };
    const out = orderedOutput();
    if (parsed.warning) out.err(`chown: ${parsed.warning}\n`);
    const last = opts.order.filter((k) => k === 'changes' || k === 'verbose').pop();
    const change: Change = { ...parsed, verbosity: last === 'verbose' ? 'high' : last === 'changes' ? 'changes' : 'off', silent: f['silent'] === true };
    let ok = true;
    for (const name of files) {
      // chown.c: -R works on a command-line link itself (FTS_PHYSICAL); without -R the link is followed.
      const recursive = f['recursive'] === true;
      const found = lookupOperand(ctx, name, !recursive);
      if (!found.attr) {
        const link = found.errno === 'ENOENT' ? ctx.vfs.stat(found.path, false) : null;
        if (!change.silent) out.err(link?.ok ? `chown: cannot dereference ${quoteaf(name)}: ${STRERROR[found.errno]}\n` : `chown: cannot access ${quoteaf(name)}: ${STRERROR[found.errno]}\n`);
        ok = false;
        continue;
      }
      ok = (recursive && found.attr.type === 'dir' ? walk(ctx, found.path, name, change, names, out) : apply(ctx, found.path, name, !recursive, change, names, out)) && ok;
    }
    return out.result(ok ? 0 : 1);
  },
};

/** chown -R of a directory: its entries first (without following links), then the directory. */
function walk(ctx: CommandContext, path: string, shown: string, change: Change, names: IdNames, out: OrderedOutput): boolean {
  let ok = true;
  const listed = ctx.vfs.list(path);
  for (const name of listed.ok ? [...listed.names].sort(byteOrder) : []) {
    const child = resolvePath(path, name);
    const st = ctx.vfs.stat(child, false);
    if (!st.ok) continue;
    ok = (st.value.type === 'dir' ? walk(ctx, child, childName(shown, name), change, names, out) : apply(ctx, child, childName(shown, name), false, change, names, out)) && ok;
  }
  return apply(ctx, path, shown, true, change, names, out) && ok;
}

/** chown-core.c change_file_owner + describe_change for one file. */
function apply(ctx: CommandContext, path: string, shown: string, follow: boolean, c: Change, names: IdNames, out: OrderedOutput): boolean {
  const before = ctx.vfs.stat(path, follow);
  if (!before.ok) return false;
  const oldUid = seenId(ctx, before.value.uid, 'uid');
  const oldGid = seenId(ctx, before.value.gid, 'gid');
  const uid = c.uid === undefined ? undefined : storedId(ctx, c.uid, 'uid');
  const gid = c.gid === undefined ? undefined : storedId(ctx, c.gid, 'gid');
  let errno: Errno | null = uid === null || gid === null ? 'EINVAL' : null;
  if (!errno && (c.uid !== undefined || c.gid !== undefined)) {
    // chown(2) on a non-directory clears set-user-ID, and set-group-ID when group-executable (the kernel's notify_change, ATTR_KILL_SUID/SGID).
    const mode = before.value.type === 'dir' ? before.value.mode : before.value.mode & ~(0o4000 | (before.value.mode & 0o010 ? 0o2000 : 0));
    const r = ctx.vfs.setattr(path, { ...(uid !== undefined && uid !== null ? { uid } : {}), ...(gid !== undefined && gid !== null ? { gid } : {}), ...(mode !== before.value.mode && before.value.type !== 'symlink' ? { mode } : {}) }, follow);
    if (!r.ok) errno = r.errno;
  }
  if (errno && !c.silent) out.err(`chown: changing ownership of ${quoteaf(shown)}: ${STRERROR[errno]}\n`);
  if (c.verbosity !== 'off') {
    const changed = !errno && ((c.uid !== undefined && c.uid !== oldUid) || (c.gid !== undefined && c.gid !== oldGid));
    if (errno || changed || c.verbosity === 'high') out.out(describe(shown, c, names.user(oldUid) ?? String(oldUid), names.group(oldGid) ?? String(oldGid), errno ? 'failed' : changed ? 'changed' : 'retained'));
  }
  return !errno;
}

/**
 * chown-core.c describe_change. chown.c gives an empty user name when only a group is
 * given, so the messages speak of "ownership" and `:GROUP`; "retained as" shows the old
 * owner (the format has two %s, the second is the old spec).
 */
function describe(file: string, c: Change, oldUser: string, oldGroup: string, how: 'changed' | 'failed' | 'retained'): string {
  const group = c.groupName;
  const user = c.userName ?? (group !== undefined ? '' : undefined);
  const spec = user !== undefined ? (group !== undefined ? `${user}:${group}` : user) : (group ?? '');
  const old = user !== undefined ? (group !== undefined ? `${oldUser}:${oldGroup}` : oldUser) : oldGroup;
  const q = quoteaf(file);
  if (user === undefined && group === undefined) return how === 'changed' ? `no change to ownership of ${q}\n` : how === 'failed' ? `failed to change ownership of ${q}\n` : `ownership of ${q} retained\n`;
  const what = user !== undefined ? 'ownership' : 'group';
  if (how === 'changed') return `changed ${what} of ${q} from ${old} to ${spec}\n`;
  if (how === 'failed') return `failed to change ${what} of ${q} from ${old} to ${spec}\n`;
  return `${what} of ${q} retained as ${old}\n`;
}
