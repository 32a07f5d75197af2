/**
 * `stress-ng --vm N --vm-bytes SIZE [--timeout T] [-v]`: the memory hog people use to meet
 * a cgroup's memory limit. Each vm worker touches SIZE bytes; past memory.high the group is
 * throttled, past memory.max the memcg OOM killer kills the worker, and stress-ng restarts
 * it (stress-vm.c via stress_oomable_child, reported at debug level) until the timeout.
 */
// @sim stress-ng | stress-ng 0.18 --vm/--vm-bytes/--timeout/-v: info lines with the run summary, OOM-killed workers restarted (debug line with -v), memory charged to the cgroup (memory.events, dmesg)
import { chargeMemory, forkProcess } from '../../engines/kernel/cgroup';
import { pidSeenFrom } from '../../engines/kernel/pid-namespace';
import { exitProcess, spawnProcess } from '../../engines/kernel/processes';
import { hostKernel } from '../../engines/world';
import type { Command } from '../command-spec';

/** stress-ng's size parser (K, M, G suffixes, 1024-based), null when invalid. */
function parseBytes(text: string): number | null {
  const m = /^(\d+)([bkmg]?)$/i.exec(text);
  if (!m) return null;
  return Number(m[1]) * 1024 ** 'bkmg'.indexOf((m[2] || 'b').toLowerCase());
}

/** stress-ng's time parser (s, m, h, d suffixes), in seconds. */
function parseTime(text: string): number | null {
  const m = /^(\d+)([smhd]?)$/.exec(text);
  return m ? Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's'] : null;
}

/** The `stress-ng` command. */
export const stressNg: Command = {
  spec: {
    name: 'stress-ng',
    summary: 'stress test a computer system in various selectable ways',
    usage: 'stress-ng [OPTION [ARG]]',
    description: 'Runs memory stressors (--vm) against the limits of the cgroup it runs in.\n',
    options: [
      { long: 'vm', key: 'vm', value: 'N', help: 'start N workers spinning on anonymous mmap' },
      { long: 'vm-bytes', key: 'vm-bytes', value: 'N', help: 'allocate N bytes per vm worker (default 256MB)' },
      { short: 't', long: 'timeout', key: 'timeout', value: 'T', help: 'timeout after T seconds' },
      { short: 'v', long: 'verbose', key: 'v', help: 'verbose output' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'stress-ng 0.18',
    simplified: 'only the vm stressor; no metrics; the default timeout is 60 s here (stress-ng runs for a day)',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const workers = f.vm === undefined ? 0 : Number(f.vm);
    if (!Number.isInteger(workers) || workers < 0) return { stdout: '', stderr: `Invalid number '${String(f.vm)}' for option --vm\n`, exitCode: 1 };
    const bytes = typeof f['vm-bytes'] === 'string' ? parseBytes(f['vm-bytes']) : 256 * 1024 * 1024;
    if (bytes === null) return { stdout: '', stderr: `Invalid size for option --vm-bytes\n`, exitCode: 1 };
    const timeout = typeof f.timeout === 'string' ? parseTime(f.timeout) : 60;
    if (timeout === null) return { stdout: '', stderr: `Invalid time for option --timeout\n`, exitCode: 1 };
    if (workers === 0) return { stdout: '', stderr: 'stress-ng: info:  [0] no stressors specified\n', exitCode: 1 };
    const host = ctx.vfs.host;
    const k = hostKernel(ctx.world, host);
    const main = spawnProcess(ctx.world, host, { ppid: ctx.proc.pid, args: ['stress-ng', ...(_argv as string[])], comm: 'stress-ng', vsz: 40000, rss: 6000 });
    const seen = (pid: number): number => {
      const p = k.processes[String(pid)];
      return p ? (pidSeenFrom(k, p, ctx.proc.ns.pid) ?? pid) : pid;
    };
    const tag = `stress-ng: info:  [${seen(main.pid)}]`;
    let out = `${tag} setting to a ${timeout} secs run per stressor\n${tag} dispatching hogs: ${workers} vm\n`;
    let failed = 0;
    for (let w = 0; w < workers; w++) {
      // One OOM kill and restart per second of the run at most, a few shown.
      for (let round = 0; round < Math.min(timeout, 5); round++) {
        const child = forkProcess(ctx.world, host, { ppid: main.pid, args: ['stress-ng-vm'], comm: 'stress-ng-vm', vsz: 40000, rss: 2000 });
        if (typeof child === 'string') {
          out += `stress-ng: error: [${seen(main.pid)}] vm: fork failed, errno=11 (Resource temporarily unavailable)\n`;
          failed++;
          break;
        }
        const r = chargeMemory(ctx.world, host, child.pid, Math.ceil(bytes / 1024));
        if (!r.killed) {
          exitProcess(ctx.world, host, child.pid);
          break;
        }
        if (f.v) out += `stress-ng: debug: [${seen(main.pid)}] vm: assuming killed by OOM killer, restarting again (instance ${w})\n`;
      }
    }
    exitProcess(ctx.world, host, main.pid);
    ctx.shell.spend(timeout * 1000);
    out += `${tag} skipped: 0\n${tag} passed: ${workers - failed}: vm (${workers - failed})\n${tag} failed: ${failed}${failed ? `: vm (${failed})` : ''}\n${tag} metrics untrustworthy: 0\n`;
    out += failed ? `${tag} unsuccessful run completed in ${timeout}.00 secs\n` : `${tag} successful run completed in ${timeout}.00 secs\n`;
    return { stdout: '', stderr: out, exitCode: failed ? 2 : 0 };
  },
};
