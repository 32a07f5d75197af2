/**
 * `dmesg`: the kernel ring buffer (util-linux dmesg.c), lines as `[ seconds.micro] text`.
 * Reading it needs CAP_SYSLOG in the initial user namespace (kernel/printk syslog_action_restricted
 * with dmesg_restrict=1 on Debian), so an unprivileged container gets EPERM.
 */
// @sim dmesg | util-linux 2.41 dmesg(1): "[%5ld.%06ld] " timestamps, -T not offered; "read kernel buffer failed: Operation not permitted" without CAP_SYSLOG in the initial user namespace
import { hostKernel } from '../../engines/world';
import type { Command } from '../command-spec';

/** The `dmesg` command. */
export const dmesg: Command = {
  spec: {
    name: 'dmesg',
    summary: 'print or control the kernel ring buffer',
    usage: 'dmesg [options]',
    description: 'Display or control the kernel ring buffer.\n',
    options: [],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 dmesg',
    simplified: 'the buffer holds the simulator\'s own kernel messages (OOM kills), not a boot log; no options',
  },
  run(ctx) {
    const k = hostKernel(ctx.world, ctx.vfs.host);
    if (ctx.proc.ns.user !== k.initNs.user || ctx.proc.uid !== 0) return { stdout: '', stderr: 'dmesg: read kernel buffer failed: Operation not permitted\n', exitCode: 1 };
    const lines = (k.log ?? []).map((l) => {
      const us = Math.floor(l.at * 1000);
      return `[${String(Math.floor(us / 1e6)).padStart(5)}.${String(us % 1e6).padStart(6, '0')}] ${l.text}\n`;
    });
    return { stdout: lines.join(''), stderr: '', exitCode: 0 };
  },
};
