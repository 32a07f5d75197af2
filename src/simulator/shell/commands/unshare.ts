/**
 * `unshare [options] [program [arguments]]`: runs a shell (or a command under it) in new
 * namespaces (util-linux unshare.c): -m -u -i -n -p -U -C -T, -f/--fork so the shell is
 * PID 1 of the new PID namespace, --mount-proc (a new /proc for it, implies -m), -r/
 * --map-root-user and --map-users=OUTER,INNER,COUNT (uid_map/gid_map written through the
 * kernel's rules). Without a program the session moves into the new namespaces until `exit`.
 */
// @sim unshare | util-linux 2.41 unshare(1): -m -u -i -n -p -U -C -T -f --mount-proc -r --map-users --map-groups; a program runs under a shell that is PID 1 with -pf
import { addMount, addSuperblock } from '../../engines/kernel/mounts';
import { createNamespace } from '../../engines/kernel/namespaces';
import type { NsType } from '../../engines/kernel/types';
import { setIdMap } from '../../engines/kernel/user-namespace';
import type { Command } from '../command-spec';
import { stopAtFirstOperand } from '../options-in-order';
import { quoteArgs } from '../quote';
import { STRERROR } from '../vfs';

const FLAGS: [string, string, NsType][] = [['m', 'mount', 'mnt'], ['u', 'uts', 'uts'], ['i', 'ipc', 'ipc'], ['n', 'net', 'net'], ['p', 'pid', 'pid'], ['U', 'user', 'user'], ['C', 'cgroup', 'cgroup'], ['T', 'time', 'time']];

/** The `unshare` command. */
export const unshare: Command = {
  spec: {
    name: 'unshare',
    summary: 'run program in new namespaces',
    usage: 'unshare [options] [<program> [<argument>...]]',
    description: 'Run a program with some namespaces unshared from the parent.\n',
    options: [
      ...FLAGS.map(([short, long]) => ({ short, long, key: long, help: `unshare ${long} namespace` })),
      { short: 'f', long: 'fork', key: 'fork', help: 'fork before launching <program>' },
      { long: 'mount-proc', key: 'mount-proc', help: 'mount proc filesystem first (implies --mount)' },
      { short: 'r', long: 'map-root-user', key: 'map-root-user', help: 'map current user to root (implies --user)' },
      { long: 'map-users', key: 'map-users', value: 'outeruid,inneruid,count', help: 'map count users from outeruid to inneruid (implies --user)' },
      { long: 'map-groups', key: 'map-groups', value: 'outergid,innergid,count', help: 'map count groups from outergid to innergid (implies --user)' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 unshare',
    simplified: 'a program runs under a bash that is the namespace\'s PID 1 (not exec\'d directly); -p without -f is treated as -pf; no --propagation, --setgroups, --kill-child, --root, --wd',
  },
  rewriteArgs: (argv) => stopAtFirstOperand(argv, { short: '', long: ['map-users', 'map-groups'] }),
  run(ctx, argv, opts) {
    const f = opts.flags;
    const host = ctx.vfs.host;
    const wants = new Set<NsType>(FLAGS.filter(([, long]) => f[long]).map(([, , t]) => t));
    if (f['mount-proc']) wants.add('mnt');
    if (f['map-root-user'] || f['map-users'] || f['map-groups']) wants.add('user');
    const ns = { ...ctx.proc.ns };
    const uid = ctx.proc.uid;
    const gid = ctx.proc.gid;
    if (wants.has('user')) {
      ns.user = createNamespace(ctx.world, host, 'user', ctx.proc.ns.user).inum;
      const maps: ['uid' | 'gid', string | undefined][] = [
        ['uid', typeof f['map-users'] === 'string' ? f['map-users'] : f['map-root-user'] ? `${uid},0,1` : undefined],
        ['gid', typeof f['map-groups'] === 'string' ? f['map-groups'] : f['map-root-user'] ? `${gid},0,1` : undefined],
      ];
      for (const [kind, spec] of maps) {
        if (spec === undefined) continue;
        const m = /^(\d+)[,:](\d+)[,:](\d+)$/.exec(spec);
        if (!m) return { stdout: '', stderr: `unshare: failed to parse ${kind === 'uid' ? 'uid' : 'gid'} map: ${spec}\n`, exitCode: 1 };
        const extent = { first: Number(m[2]), lower: Number(m[1]), count: Number(m[3]) };
        const err = setIdMap(ctx.world, host, ns.user, kind, [extent], `${extent.first} ${extent.lower} ${extent.count}\n`.length);
        if (err) return { stdout: '', stderr: `unshare: write failed /proc/self/${kind}_map: ${STRERROR[err]}\n`, exitCode: 1 };
      }
      // Inside, the caller is whoever its host ID maps to; unmapped stays as is (shown as 65534).
    }
    for (const t of wants) if (t !== 'user') ns[t] = createNamespace(ctx.world, host, t, ctx.proc.ns[t], ns.user).inum;
    if (f['mount-proc']) {
      const proc = addSuperblock(ctx.world, host, { driver: 'procfs', fstype: 'proc', source: 'proc', options: '', data: { pidNs: ns.pid } });
      addMount(ctx.world, host, ns.mnt, proc.id, '/proc', 'rw,nosuid,nodev,noexec,relatime');
    }
    const target = { helper: f.fork || wants.has('pid') ? ['unshare', ...argv.filter((a) => a.startsWith('-'))] : null, ns, uid, gid, ...(ctx.proc.cgroup ? { cgroup: ctx.proc.cgroup } : {}) };
    if (opts.operands.length === 0) {
      ctx.shell.attach(target);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    return ctx.shell.runAttached(target, quoteArgs(opts.operands));
  },
};
