/**
 * `nsenter -t PID [-a] [-m] [-u] [-i] [-n] [-p] [-U] [-C] [-T] [program [arguments]]`: runs
 * a shell (or a command under it) in the namespaces of another process (util-linux
 * nsenter.c, setns(2)). With -U the caller becomes root of that user namespace (setuid(0)
 * there), so in a container it is the container's root; without -U it keeps its host IDs.
 */
// @sim nsenter | util-linux 2.41 nsenter(1): -t PID, -a, -m -u -i -n -p -U -C -T; -U switches to root of the user namespace; a program runs under a shell
import { idToHost } from '../../engines/kernel/namespaces';
import { pidSeenFrom } from '../../engines/kernel/pid-namespace';
import type { NsType } from '../../engines/kernel/types';
import { hostKernel } from '../../engines/world';
import type { Command } from '../command-spec';
import { stopAtFirstOperand } from '../options-in-order';
import { quoteArgs } from '../quote';

const FLAGS: [string, string, NsType][] = [['m', 'mount', 'mnt'], ['u', 'uts', 'uts'], ['i', 'ipc', 'ipc'], ['n', 'net', 'net'], ['p', 'pid', 'pid'], ['U', 'user', 'user'], ['C', 'cgroup', 'cgroup'], ['T', 'time', 'time']];

/** The `nsenter` command. */
export const nsenter: Command = {
  spec: {
    name: 'nsenter',
    summary: 'run program in different namespaces',
    usage: 'nsenter [options] [<program> [<argument>...]]',
    description: 'Run a program with namespaces of other processes.\n',
    options: [
      { short: 't', long: 'target', key: 'target', value: 'pid', help: 'target process to get namespaces from' },
      { short: 'a', long: 'all', key: 'all', help: 'enter all namespaces' },
      ...FLAGS.map(([short, long]) => ({ short, long, key: long, help: `enter ${long} namespace` })),
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 nsenter',
    simplified: 'namespace files (-m=FILE) not accepted; no -S/-G/-r/-w/-F; a program runs under a shell',
  },
  rewriteArgs: (argv) => stopAtFirstOperand(argv, { short: 'tSGrw', long: ['target', 'setuid', 'setgid'] }),
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const k = hostKernel(ctx.world, ctx.vfs.host);
    const wanted = FLAGS.filter(([, long]) => f[long] || f.all).map(([, , t]) => t);
    if (wanted.length === 0) return { stdout: '', stderr: 'nsenter: no namespace specified\n', exitCode: 1 };
    if (typeof f.target !== 'string') return { stdout: '', stderr: 'nsenter: neither filename nor target pid supplied for ns/' + (wanted[0] === 'mnt' ? 'mnt' : wanted[0]) + '\n', exitCode: 1 };
    if (!/^\d+$/.test(f.target)) return { stdout: '', stderr: `nsenter: failed to parse pid: '${f.target}'\n`, exitCode: 1 };
    const target = Object.values(k.processes).find((p) => pidSeenFrom(k, p, ctx.proc.ns.pid) === Number(f.target));
    if (!target) return { stdout: '', stderr: `nsenter: cannot open /proc/${f.target}/ns/${wanted[0] === 'mnt' ? 'mnt' : wanted[0]}: No such file or directory\n`, exitCode: 1 };
    const ns = { ...ctx.proc.ns };
    for (const t of wanted) ns[t] = target.ns[t];
    // nsenter.c: after setns into a user namespace, setuid(0)/setgid(0) there.
    const uid = wanted.includes('user') ? (idToHost(k, ns.user, 0, 'uid') ?? ctx.proc.uid) : ctx.proc.uid;
    const gid = wanted.includes('user') ? (idToHost(k, ns.user, 0, 'gid') ?? ctx.proc.gid) : ctx.proc.gid;
    const attach = { helper: ['nsenter', ..._argv.filter((a) => a.startsWith('-'))], ns, uid, gid, ...(target.cgroup && wanted.includes('cgroup') ? { cgroup: target.cgroup } : {}) };
    if (opts.operands.length === 0) {
      ctx.shell.attach(attach);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    return ctx.shell.runAttached(attach, quoteArgs(opts.operands));
  },
};
