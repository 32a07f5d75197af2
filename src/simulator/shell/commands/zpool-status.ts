/**
 * `zpool status [-v] [-P] [-x] [pool]`: pool, state, config tree with READ WRITE CKSUM
 * counters and the errors line (zpool_main.c status_callback, print_status_config:
 * "\t%*s%-*s  %-8s %5s %5s %5s", the name column at least 10 wide, 2 more per level).
 * A pool never scrubbed has no scan line (print_scan_status returns early in 2.x).
 */
// @sim zpool | OpenZFS 2.3 zpool status [-v] [-x] [-P] [pool]: status/action/see for data errors, missing and failing devices; scan line; pool/state/config/errors as zpool_main.c; leaf names as the installers create them (by-id -part3 on Proxmox, partuuid on TrueNAS)
import type { CommandContext, CommandResult } from '../command-spec';
import { byIdName } from '../../engines/kernel/drivers/devtmpfs';
import { stableHash } from '../../engines/random';
import type { PoolState } from '../../engines/zfs/state';
import { zfsHost } from '../../engines/zfs/state';
import { poolHealth, vdevHealth } from '../../engines/zfs/faults';
import { ctimeDate, nicebytes } from '../zfs-format';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** The name a leaf shows: the disk for a whole-disk vdev, the by-id or partuuid link the installers use for partitions. */
function leafName(ctx: CommandContext, pool: PoolState, leaf: string, full: boolean): string {
  const dev = ctx.world.kernel[ctx.host.name]?.devices.find((d) => d.name === leaf);
  if (!dev || dev.type !== 'part' || !dev.parent) return full ? `/dev/${leaf}` : leaf;
  // libzfs zpool_label_disk: a whole disk given to zpool create shows as the disk.
  if (dev.partition === 1 && (ctx.host.kind !== 'truenas' || pool.wholeDisks)) return full ? `/dev/${dev.parent}1` : dev.parent;
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

/** zpool_main.c secs_to_dhms: `00:01:06`, or `2 days 03:04:05`. */
function dhms(ms: number): string {
  const secs = Math.round(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(secs / 86400);
  const hms = `${two(Math.floor((secs % 86400) / 3600))}:${two(Math.floor((secs % 3600) / 60))}:${two(secs % 60)}`;
  return days > 0 ? `${days} days ${hms}` : hms;
}

/** The scan line(s) of print_scan_scrub_resilver_status (none for a pool never scrubbed). */
function scanLines(ctx: CommandContext, pool: PoolState): string[] {
  const scan = pool.scan;
  if (!scan) return [];
  const now = ctx.world.clock;
  if (scan.end > now) {
    const fraction = (now - scan.start) / Math.max(1, scan.end - scan.start);
    const done = Math.floor(scan.examined * fraction);
    const rate = nicebytes(Math.floor(done / Math.max(1, (now - scan.start) / 1000)));
    return [
      `  scan: scrub in progress since ${ctimeDate(scan.start)}`,
      `\t${nicebytes(done)} / ${nicebytes(scan.examined)} scanned at ${rate}/s, ${nicebytes(done)} / ${nicebytes(scan.examined)} issued at ${rate}/s`,
      `\t${nicebytes(Math.floor(scan.repaired * fraction))} repaired, ${(fraction * 100).toFixed(2)}% done, ${dhms(scan.end - now)} to go`,
    ];
  }
  return [`  scan: scrub repaired ${nicebytes(scan.repaired)} in ${dhms(scan.end - scan.start)} with ${scan.errors} errors on ${ctimeDate(scan.end)}`];
}

/** status:/action:/see: lines for the pool's worst problem (libzfs_status.c check_status order). */
function problemLines(pool: PoolState): string[] {
  const see = (code: string) => `   see: https://openzfs.github.io/openzfs-docs/msg/${code}`;
  if ((pool.errors ?? []).length > 0) {
    return ['status: One or more devices has experienced an error resulting in data\n\tcorruption.  Applications may be affected.', 'action: Restore the file in question if possible.  Otherwise restore the\n\tentire pool from backup.', see('ZFS-8000-8A')];
  }
  if (poolHealth(pool) === 'DEGRADED') {
    return ['status: One or more devices could not be opened.  Sufficient replicas exist for\n\tthe pool to continue functioning in a degraded state.', "action: Attach the missing device and online it using 'zpool online'.", see('ZFS-8000-2Q')];
  }
  if (Object.values(pool.health ?? {}).some((h) => h.cksum + h.read + h.write > 0)) {
    return ['status: One or more devices has experienced an unrecoverable error.  An\n\tattempt was made to correct the error.  Applications are unaffected.', "action: Determine if the device needs to be replaced, and clear the errors\n\tusing 'zpool clear' or replace the device with 'zpool replace'.", see('ZFS-8000-9P')];
  }
  return [];
}

function poolStatus(ctx: CommandContext, pool: PoolState, full: boolean, verbose: boolean): string {
  const count = (n: number) => nicebytes(n, false);
  const rows: { depth: number; name: string; state: string; cksum: number; read: number; write: number; note?: string }[] = [
    { depth: 0, name: pool.name, state: poolHealth(pool), cksum: pool.vdevCksum?.pool ?? 0, read: 0, write: 0 },
  ];
  const leafRow = (leaf: string, depth: number) => {
    const h = pool.health?.[leaf];
    return { depth, name: leafName(ctx, pool, leaf, full), state: h?.failed ? 'UNAVAIL' : 'ONLINE', cksum: h?.cksum ?? 0, read: h?.read ?? 0, write: h?.write ?? 0, ...(h?.failed ? { note: 'cannot open' } : {}) };
  };
  pool.vdevs.forEach((v, i) => {
    if (v.type === 'stripe') rows.push(leafRow(v.leaves[0] as string, 2));
    else {
      rows.push({ depth: 2, name: `${v.type}-${i}`, state: vdevHealth(pool, i), cksum: pool.vdevCksum?.[String(i)] ?? 0, read: 0, write: 0 });
      for (const leaf of v.leaves) rows.push(leafRow(leaf, 4));
    }
  });
  const width = Math.max(10, ...rows.map((r) => r.depth + r.name.length));
  const line = (depth: number, name: string, state: string, r: string, w: string, c: string) => `\t${' '.repeat(depth)}${name.padEnd(width - depth)}  ${state.padEnd(8)} ${r.padStart(5)} ${w.padStart(5)} ${c.padStart(5)}`;
  const out = [`  pool: ${pool.name}`, ` state: ${poolHealth(pool)}`, ...problemLines(pool), ...scanLines(ctx, pool), 'config:', '', line(0, 'NAME', 'STATE', 'READ', 'WRITE', 'CKSUM')];
  for (const r of rows) out.push(line(r.depth, r.name, r.state, count(r.read), count(r.write), count(r.cksum)) + (r.note ? `  ${r.note}` : ''));
  out.push('');
  const errors = pool.errors ?? [];
  if (errors.length === 0) out.push('errors: No known data errors');
  else if (!verbose) out.push(`errors: ${errors.length} data errors, use '-v' for a list`);
  else out.push('errors: Permanent errors have been detected in the following files:', '', ...errors.map((e) => `${' '.repeat(7)} ${e}`));
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
  if (f.x) {
    const sick = chosen.filter((p) => problemLines(p).length > 0);
    if (sick.length === 0) return { stdout: chosen.length > 0 ? 'all pools are healthy\n' : '', stderr, exitCode: errors.length ? 1 : 0 };
    return { stdout: sick.map((p) => poolStatus(ctx, p, f.P !== undefined, f.v !== undefined)).join('\n'), stderr, exitCode: errors.length ? 1 : 0 };
  }
  return { stdout: chosen.map((p) => poolStatus(ctx, p, f.P !== undefined, f.v !== undefined)).join('\n'), stderr, exitCode: errors.length ? 1 : 0 };
}
