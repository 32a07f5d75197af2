/**
 * `mount -t nfs SERVER:/PATH DIR` (nfs-utils mount.nfs): NFS is not FS_USERNS_MOUNT, so
 * mount(2) wants CAP_SYS_ADMIN in the initial user namespace and an unprivileged container
 * gets EPERM whatever its `features: mount=nfs` (the fix: mount on the host, bind-mount into
 * the container with mpN). On the host the server is reached through the net engine (port
 * 2049); the lab has no NFS server yet, so a reachable host refuses the connection.
 */
import { connect } from '../engines/net/connect';
import { hostAddresses, resolveHost } from '../engines/net/resolve';
import { hostKernel } from '../engines/world';
import type { CommandContext, CommandResult } from './command-spec';
import { resolvePath } from './path';

/** mount.nfs's exit status for a failed mount (mount(8) EX_FAIL). */
const EX_FAIL = 32;

/** Whether a mount request is for NFS: `-t nfs|nfs4`, or a `host:/path` source without a type. */
export function isNfsMount(source: string, types: string | undefined): boolean {
  if (types !== undefined) return types.split(',').some((t) => t === 'nfs' || t === 'nfs4');
  return /^[^/:]+:\//.test(source);
}

/** Tries the NFS mount; always a failure for now, with mount.nfs's message. */
export function mountNfs(ctx: CommandContext, source: string, target: string): CommandResult {
  const fail = (message: string): CommandResult => ({ stdout: '', stderr: `mount.nfs: ${message}\n`, exitCode: EX_FAIL });
  const k = hostKernel(ctx.world, ctx.vfs.host);
  // fs/namespace.c mount_capable(): without FS_USERNS_MOUNT, CAP_SYS_ADMIN in the initial user namespace.
  if (ctx.proc.ns.user !== k.initNs.user || ctx.proc.uid !== 0) return fail('Operation not permitted');
  const colon = source.indexOf(':');
  if (colon <= 0) return fail(`remote share not in 'host:dir' format`);
  if (ctx.vfs.kind(resolvePath(ctx.cwd, target)) !== 'dir') return fail(`mount point ${target} does not exist`);
  const server = source.slice(0, colon);
  const host = resolveHost(ctx.world.lab, server);
  const address = /^\d+\.\d+\.\d+\.\d+$/.test(server) ? server : host ? hostAddresses(host)[0] : undefined;
  if (!address) return fail(`Failed to resolve server ${server}: Name or service not known`);
  const r = connect(ctx.world, ctx.vfs.host, address, 2049);
  if (r.ms > 0) ctx.shell.spend(r.ms);
  if (!r.ok) return fail(r.errno === 'ECONNREFUSED' ? 'Connection refused' : r.errno === 'ETIMEDOUT' ? 'Connection timed out' : 'No route to host');
  return fail(`mounting ${source} is not simulated yet: the NFS server side is not part of the lab`);
}
