/**
 * `free [-b|-k|-m|-g] [-h]`: memory as /proc/meminfo would give it (procps free.c). On the
 * host: the host's memory and what its processes hold; inside a container, as lxcfs shows
 * it on Proxmox: the container's memory.max as the total, its cgroup's usage as used, and
 * memory.swap.max as swap.
 */
// @sim free | procps-ng 4.0.4 free(1): Mem/Swap rows (label to 8, first column to 20, then 12 each), -b -k -m -g -h; lxcfs-style figures inside a container (its cgroup limits)
import { cgroupTable, memoryCurrent } from '../../engines/kernel/cgroup';
import { HOST_MEMORY_KIB } from '../../engines/kernel/host-kind';
import { hostKernel } from '../../engines/world';
import type { Command } from '../command-spec';

/** procps scale_size() for -h: 1024-based with Ki/Mi/Gi, one decimal below 10. */
function human(kib: number): string {
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  if (kib * 1024 < 1024) return `${kib * 1024}B`;
  let v = kib;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v < 10 ? `${(Math.round(v * 10) / 10).toFixed(1)}${units[i]}` : `${Math.round(v)}${units[i]}`;
}

/** The `free` command. */
export const free: Command = {
  spec: {
    name: 'free',
    summary: 'display amount of free and used memory in the system',
    usage: 'free [options]',
    description: '',
    options: [
      { short: 'b', long: 'bytes', key: 'b', help: 'show output in bytes' },
      { short: 'k', long: 'kibi', key: 'k', help: 'show output in kibibytes' },
      { short: 'm', long: 'mebi', key: 'm', help: 'show output in mebibytes' },
      { short: 'g', long: 'gibi', key: 'g', help: 'show output in gibibytes' },
      { short: 'h', long: 'human', key: 'h', help: 'show human-readable output' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'procps-ng 4.0.4 free',
    simplified: 'buff/cache and shared are fixed shares; no -w, -t, -s/-c, -l, --si',
  },
  run(ctx, _argv, opts) {
    const k = hostKernel(ctx.world, ctx.vfs.host);
    const group = ctx.proc.cgroup?.match(/^\/lxc\/\d+/)?.[0];
    const limits = group ? cgroupTable(k)[group] : undefined;
    let total: number;
    let used: number;
    let swap: number;
    let shared: number;
    let cache: number;
    if (limits && limits.memoryMax !== null) {
      total = Math.floor(limits.memoryMax / 1024);
      used = Math.floor(memoryCurrent(k, group as string) / 1024);
      swap = limits.swapMax === null ? 0 : Math.floor(limits.swapMax / 1024);
      shared = 128;
      cache = 4096;
    } else {
      total = HOST_MEMORY_KIB;
      used = Object.values(k.processes).reduce((n, p) => n + p.rss, 0) + 380000;
      swap = 0;
      shared = 45000;
      cache = 900000;
    }
    used = Math.min(used, total - cache);
    const freeKib = total - used - cache;
    const avail = freeKib + Math.floor(cache * 0.8);
    const f = opts.flags;
    const show = (kib: number): string => (f.h ? human(kib) : f.b ? String(kib * 1024) : f.m ? String(Math.floor(kib / 1024)) : f.g ? String(Math.floor(kib / 1048576)) : String(kib));
    const row = (label: string, values: number[]): string => label.padEnd(8) + values.map((v, i) => (i === 0 ? show(v).padStart(12) : ` ${show(v).padStart(11)}`)).join('') + '\n';
    const header = ' '.repeat(8) + 'total'.padStart(12) + ['used', 'free', 'shared', 'buff/cache', 'available'].map((h) => ` ${h.padStart(11)}`).join('') + '\n';
    return { stdout: header + row('Mem:', [total, used, freeKib, shared, cache, avail]) + row('Swap:', [swap, 0, swap]), stderr: '', exitCode: 0 };
  },
};
