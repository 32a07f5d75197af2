/**
 * `zpool status [-v] [-P] [-x] [pool]`: pool, state, config tree with READ WRITE CKSUM
 * counters and the errors line (zpool_main.c status_callback, print_status_config:
 * "\t%*s%-*s  %-8s %5s %5s %5s", the name column at least 10 wide, 2 more per level).
 * A pool never scrubbed has no scan line (print_scan_status returns early in 2.x).
 */
// @sim zpool | OpenZFS 2.3 zpool status [-x] [-P] [pool]: pool/state/config/errors as zpool_main.c; leaf names as the installers create them (by-id -part3 on Proxmox, partuuid on TrueNAS)
import type { CommandContext, CommandResult } from '../command-spec';
import { byIdName } from '../../engines/kernel/drivers/devtmpfs';
import { stableHash } from '../../engines/random';
import type { PoolState } from '../../engines/zfs/state';
import { zfsHost } from '../../engines/zfs/state';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** The name a leaf shows: the disk for a whole-disk vdev, the by-id or partuuid link the installers use for partitions. */
function leafName(ctx: CommandContext, leaf: string, full: boolean): string {
  const dev = ctx.world.kernel[ctx.host.name]?.devices.find((d) => d.name === leaf);
  if (!dev || dev.type !== 'part' || !dev.parent) return full ? `/dev/${leaf}` : leaf;
  // libzfs zpool_label_disk: a whole disk given to zpool create shows as the disk.
  if (dev.partition === 1 && ctx.host.kind !== 'truenas') return full ? `/dev/${dev.parent}1` : dev.parent;
  if (ctx.host.kind === 'truenas') {
    // TrueNAS middleware builds pools from /dev/disk/by-partuuid links.
    let state = stableHash(ctx.world.seed, 'partuuid', ctx.host.name, leaf);
    const h = (_n: number): string => {
      state = stableHash(state, 'partuuid-next', String(state));
      return state.toString(16).padStart(8, '0');
    };
    const uuid = `${h(1)}-${h(2).slice(0, 4)}-${h(3).slice(0, 4)}-${h(4).slice(0, 4)}-${h(5)}${h(6).slice(0, 4)}`;
    return full ? `/dev/disk/by-partuuid/${uuid}` : uuid;
  }
  const disk = ctx.world.kernel[ctx.host.name]?.devices.find((d) => d.name === dev.parent);
  const id = disk ? byIdName(disk) : null;
  // Proxmox's installer creates rpool on /dev/disk/by-id/...-part3.
  if (!id) return full ? `/dev/${leaf}` : leaf;
  return full ? `/dev/disk/by-id/${id}-part${dev.partition}` : `${id}-part${dev.partition}`;
}

function poolStatus(ctx: CommandContext, pool: PoolState, full: boolean): string {
  const rows: [number, string][] = [[0, pool.name]];
  pool.vdevs.forEach((v, i) => {
    if (v.type === 'stripe') rows.push([2, leafName(ctx, v.leaves[0] as string, full)]);
    else {
      rows.push([2, `${v.type}-${i}`]);
      for (const leaf of v.leaves) rows.push([4, leafName(ctx, leaf, full)]);
    }
  });
  const width = Math.max(10, ...rows.map(([d, n]) => d + n.length));
  const line = (depth: number, name: string, state: string, r: string, w: string, c: string) => `\t${' '.repeat(depth)}${name.padEnd(width - depth)}  ${state.padEnd(8)} ${r.padStart(5)} ${w.padStart(5)} ${c.padStart(5)}`;
  const out = [`  pool: ${pool.name}`, ' state: ONLINE', 'config:', '', line(0, 'NAME', 'STATE', 'READ', 'WRITE', 'CKSUM')];
  for (const [depth, name] of rows) out.push(line(depth, name, 'ONLINE', '0', '0', '0'));
  out.push('', 'errors: No known data errors');
  return out.join('\n') + '\n';
}

/** Runs `zpool status ARGS`. */
export function zpoolStatus(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'c:DdegiLPpstT:vx');
  if (!parsed.ok) return zpoolUsage('status', parsed.message);
  const f = parsed.args.flags;
  const pools = Object.values(zfsHost(ctx.world, ctx.host.name).pools).sort((a, b) => (a.name < b.name ? -1 : 1));
  const errors: string[] = [];
  const chosen = parsed.args.operands.length === 0 ? pools : parsed.args.operands.flatMap((n) => {
    const p = pools.find((x) => x.name === n);
    if (!p) errors.push(`cannot open '${n}': no such pool`);
    return p ? [p] : [];
  });
  const stderr = errors.map((e) => e + '\n').join('');
  if (chosen.length === 0 && errors.length === 0) return { stdout: 'no pools available\n', stderr: '', exitCode: 0 };
  // -x: only pools with problems; a healthy system says so once.
  if (f.x) return { stdout: chosen.length > 0 ? 'all pools are healthy\n' : '', stderr, exitCode: errors.length ? 1 : 0 };
  return { stdout: chosen.map((p) => poolStatus(ctx, p, f.P !== undefined)).join('\n'), stderr, exitCode: errors.length ? 1 : 0 };
}
