/**
 * `lsns [-t TYPE]`: the namespaces the processes visible from the caller's PID namespace
 * are in (util-linux lsns.c reads /proc/PID/ns/*): one line per namespace with how many
 * of those processes are in it and the lowest PID, its user and command line, sorted by
 * inode number. Columns as libsmartcols lays them out: NS and numbers right-aligned, the
 * last column unpadded.
 */
// @sim lsns | util-linux 2.41 lsns(8): NS TYPE NPROCS PID USER COMMAND, -t TYPE, -n, sorted by NS; users by name in the caller's user namespace
import { NS_TYPES } from '../../engines/kernel/namespaces';
import { processesSeenFrom } from '../../engines/kernel/pid-namespace';
import type { NsType, Process } from '../../engines/kernel/types';
import type { Command } from '../command-spec';
import { idNames, seenId } from '../user-names';

/** The `lsns` command. */
export const lsns: Command = {
  spec: {
    name: 'lsns',
    summary: 'list namespaces',
    usage: 'lsns [options] [<namespace>]',
    description: 'List system namespaces.\n',
    options: [
      { short: 't', long: 'type', key: 't', value: 'type', help: 'namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)' },
      { short: 'n', long: 'noheadings', key: 'n', help: "don't print headings" },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 lsns',
    simplified: 'no -o/-l/-J/-p/-T or NETNSID/NSFS columns; kernel threads count as on the host',
  },
  run(ctx, _argv, opts) {
    const type = opts.flags.t;
    if (typeof type === 'string' && !(NS_TYPES as string[]).includes(type)) return { stdout: '', stderr: `lsns: unknown namespace type: ${type}\n`, exitCode: 1 };
    const procs = processesSeenFrom(ctx.world, ctx.vfs.host, ctx.proc.ns.pid);
    const byNs = new Map<number, { type: NsType; procs: Process[] }>();
    for (const p of procs) {
      for (const t of NS_TYPES) {
        if (typeof type === 'string' && t !== type) continue;
        const entry = byNs.get(p.ns[t]) ?? { type: t, procs: [] };
        entry.procs.push(p);
        byNs.set(p.ns[t], entry);
      }
    }
    const names = idNames(ctx);
    const rows = [...byNs.entries()]
      .sort(([a], [b]) => a - b)
      .map(([inum, e]) => {
        const first = e.procs.reduce((a, b) => (b.pid < a.pid ? b : a));
        const uid = seenId(ctx, first.uid, 'uid');
        return [String(inum), e.type, String(e.procs.length), String(first.pid), names.user(uid) ?? String(uid), first.args.length > 0 ? first.args.join(' ') : first.comm];
      });
    const header = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', 'COMMAND'];
    const all = opts.flags.n ? rows : [header, ...rows];
    const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)));
    const right = [true, false, true, true, false, false];
    const out = all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : right[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join(' ') + '\n').join('');
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
