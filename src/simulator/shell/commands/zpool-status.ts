/**
 * `zpool status [-v] [-P] [-x] [pool]`: pool, state, config tree with READ WRITE CKSUM
 * counters and the errors line (zpool_main.c status_callback, print_status_config:
 * "\t%*s%-*s  %-8s %5s %5s %5s", the name column at least 10 wide, 2 more per level).
 * A pool never scrubbed has no scan line (print_scan_status returns early in 2.x).
 */
// @sim zpool | OpenZFS 2.3 zpool status [-v] [-x] [-P] [pool]: logs/cache/spares sections; expand: lines of a RAIDZ expansion; status/action/see for data errors, missing and failing devices; scan line; pool/state/config/errors as zpool_main.c; leaf names as the installers create them (by-id -part3 on Proxmox, partuuid on TrueNAS)
import type { CommandContext, CommandResult } from '../command-spec';
import { byIdName } from '../../engines/kernel/drivers/devtmpfs';
import { stableHash } from '../../engines/random';
import type { PoolState } from '../../engines/zfs/state';
import { zfsHost } from '../../engines/zfs/state';
import { poolHealth, vdevHealth } from '../../engines/zfs/faults';
import { ctimeDate, nicebytes } from '../zfs-format';
import { parseZfsArgs } from '../zfs-args';
import { zpoolUsage } from './zpool-usage';

/** The name a leaf shows (status, iostat -v): the disk for a whole-disk vdev, the by-id or partuuid link the installers use for partitions. */
export function leafName(ctx: CommandContext, pool: PoolState, leaf: string, full: boolean): string {
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
  const resilver = scan.func === 'resilver';
  if (scan.end > now) {
    const fraction = (now - scan.start) / Math.max(1, scan.end - scan.start);
    const done = Math.floor(scan.examined * fraction);
    const rate = nicebytes(Math.floor(done / Math.max(1, (now - scan.start) / 1000)));
    return [
      `  scan: ${resilver ? 'resilver' : 'scrub'} in progress since ${ctimeDate(scan.start)}`,
      `\t${nicebytes(done)} / ${nicebytes(scan.examined)} scanned at ${rate}/s, ${nicebytes(done)} / ${nicebytes(scan.examined)} issued at ${rate}/s`,
      `\t${nicebytes(Math.floor(scan.repaired * fraction))} ${resilver ? 'resilvered' : 'repaired'}, ${(fraction * 100).toFixed(2)}% done, ${dhms(scan.end - now)} to go`,
    ];
  }
  // print_scan_scrub_resilver_status: "resilvered %s in %s with %llu errors on %s".
  if (resilver) return [`  scan: resilvered ${nicebytes(scan.repaired)} in ${dhms(scan.end - scan.start)} with ${scan.errors} errors on ${ctimeDate(scan.end)}`];
  return [`  scan: scrub repaired ${nicebytes(scan.repaired)} in ${dhms(scan.end - scan.start)} with ${scan.errors} errors on ${ctimeDate(scan.end)}`];
}

/**
 * print_raidz_expand_status: "expand: expanded raidzP-N copied X in T, on DATE" when done,
 * or the in-progress pair of lines with bytes copied, rate, percentage and time to go.
 */
function expandLines(ctx: CommandContext, pool: PoolState): string[] {
  const e = pool.expand;
  const v = e ? pool.vdevs[e.vdev] : undefined;
  if (!e || !v) return [];
  const name = `${v.type}-${e.vdev}`;
  const now = ctx.world.clock;
  const nice = (n: number) => nicebytes(n, false);
  if (e.end <= now) return [`expand: expanded ${name} copied ${nice(e.bytes)} in ${dhms(e.end - e.start)}, on ${ctimeDate(e.end)}`];
  const elapsed = Math.max(1, Math.floor((now - e.start) / 1000));
  const fraction = (now - e.start) / Math.max(1, e.end - e.start);
  const copied = Math.max(1, Math.floor(e.bytes * fraction));
  const total = Math.max(1, e.bytes);
  const rate = Math.max(1, Math.floor(copied / elapsed));
  const left = Math.floor((total - copied) / rate);
  // No estimate past 30 days (the first second of a reflow has copied next to nothing).
  const eta = left < 30 * 24 * 3600 ? `${dhms(left * 1000)} to go` : '(copy is slow, no estimated time)';
  return [`expand: expansion of ${name} in progress since ${ctimeDate(e.start)}`, `\t${nice(copied)} / ${nice(total)} copied at ${nice(rate)}/s, ${((100 * copied) / total).toFixed(2)}% done, ${eta}`];
}

/** A replace whose resilver is still running at `now`. */
function replacingNow(pool: PoolState, now: number): NonNullable<PoolState['scan']> | undefined {
  return pool.scan?.replacing && pool.scan.end > now ? pool.scan : undefined;
}

/** The pool's state as status shows it: a replace of a missing or offline leaf keeps it DEGRADED until resilvered. */
function shownHealth(pool: PoolState, now: number): string {
  const health = poolHealth(pool);
  const r = replacingNow(pool, now);
  return health === 'ONLINE' && r && r.replacing?.state !== 'ONLINE' ? 'DEGRADED' : health;
}

/** status:/action:/see: lines for the pool's worst problem (libzfs_status.c check_status order). */
function problemLines(pool: PoolState, now = 0): string[] {
  const see = (code: string) => `   see: https://openzfs.github.io/openzfs-docs/msg/${code}`;
  if ((pool.errors ?? []).length > 0) {
    return ['status: One or more devices has experienced an error resulting in data\n\tcorruption.  Applications may be affected.', 'action: Restore the file in question if possible.  Otherwise restore the\n\tentire pool from backup.', see('ZFS-8000-8A')];
  }
  const health = Object.values(pool.health ?? {});
  if (poolHealth(pool) === 'DEGRADED' && health.some((h) => h.failed)) {
    return ['status: One or more devices could not be opened.  Sufficient replicas exist for\n\tthe pool to continue functioning in a degraded state.', "action: Attach the missing device and online it using 'zpool online'.", see('ZFS-8000-2Q')];
  }
  if (Object.values(pool.health ?? {}).some((h) => h.cksum + h.read + h.write > 0)) {
    return ['status: One or more devices has experienced an unrecoverable error.  An\n\tattempt was made to correct the error.  Applications are unaffected.', "action: Determine if the device needs to be replaced, and clear the errors\n\tusing 'zpool clear' or replace the device with 'zpool replace'.", see('ZFS-8000-9P')];
  }
  // zpool_main.c ZPOOL_STATUS_OFFLINE_DEV: no see: line.
  if (health.some((h) => h.offline)) {
    return ['status: One or more devices has been taken offline by the administrator.\n\tSufficient replicas exist for the pool to continue functioning in a\n\tdegraded state.', "action: Online the device using 'zpool online' or replace the device with\n\t'zpool replace'."];
  }
  // ZPOOL_STATUS_RESILVERING (a replaced leaf under replacing-N is not counted missing: find_vdev_problem ignore_replacing).
  if (pool.scan?.func === 'resilver' && pool.scan.end > now) {
    return ['status: One or more devices is currently being resilvered.  The pool will\n\tcontinue to function, possibly in a degraded state.', 'action: Wait for the resilver to complete.'];
  }
  return [];
}

function poolStatus(ctx: CommandContext, pool: PoolState, full: boolean, verbose: boolean): string {
  const count = (n: number) => nicebytes(n, false);
  const rows: { depth: number; name: string; state: string; cksum: number; read: number; write: number; note?: string }[] = [
    { depth: 0, name: pool.name, state: shownHealth(pool, ctx.world.clock), cksum: pool.vdevCksum?.pool ?? 0, read: 0, write: 0 },
  ];
  const now = ctx.world.clock;
  const scan = pool.scan;
  const resilvering = scan?.func === 'resilver' && scan.end > now ? scan.target : undefined;
  const replacing = replacingNow(pool, now);
  const leafRow = (leaf: string, depth: number) => {
    const h = pool.health?.[leaf];
    // print_status_config: "  (resilvering)" after the counters of a leaf being resilvered.
    const note = h?.failed ? 'cannot open' : leaf === resilvering ? '(resilvering)' : undefined;
    return { depth, name: leafName(ctx, pool, leaf, full), state: h?.failed ? 'UNAVAIL' : h?.offline ? 'OFFLINE' : 'ONLINE', cksum: h?.cksum ?? 0, read: h?.read ?? 0, write: h?.write ?? 0, ...(note ? { note } : {}) };
  };
  /** A leaf, or while it replaces another the replacing-N vdev over the old and the new leaf. */
  const pushLeaf = (leaf: string, depth: number, index: number) => {
    const old = replacing?.replacing;
    if (!old || leaf !== replacing?.target) return void rows.push(leafRow(leaf, depth));
    rows.push({ depth, name: `replacing-${index}`, state: old.state === 'ONLINE' ? 'ONLINE' : 'DEGRADED', cksum: 0, read: 0, write: 0 });
    rows.push({ depth: depth + 2, name: leafName(ctx, pool, old.old, full), state: old.state, cksum: 0, read: 0, write: 0, ...(old.state === 'UNAVAIL' ? { note: 'cannot open' } : {}) });
    rows.push(leafRow(leaf, depth + 2));
  };
  pool.vdevs.forEach((v, i) => {
    if (v.type === 'stripe') pushLeaf(v.leaves[0] as string, 2, i);
    else {
      const degraded = replacing && v.leaves.includes(replacing.target ?? '') && replacing.replacing?.state !== 'ONLINE';
      rows.push({ depth: 2, name: `${v.type}-${i}`, state: degraded && vdevHealth(pool, i) === 'ONLINE' ? 'DEGRADED' : vdevHealth(pool, i), cksum: pool.vdevCksum?.[String(i)] ?? 0, read: 0, write: 0 });
      v.leaves.forEach((leaf, j) => pushLeaf(leaf, 4, j));
    }
  });
  // The classes after the data vdevs (status_callback): print_class_vdevs "logs" (top-level
  // vdev ids go on after the data vdevs'), print_l2cache, print_spares.
  const classRows: { header: string; rows: typeof rows; spare?: boolean }[] = [];
  if (pool.logs?.length) {
    const logRows: typeof rows = [];
    pool.logs.forEach((v, i) => {
      if (v.type === 'stripe') logRows.push(leafRow(v.leaves[0] as string, 2));
      else {
        const leaves = v.leaves.map((l) => leafRow(l, 4));
        const bad = leaves.filter((l) => l.state !== 'ONLINE').length;
        logRows.push({ depth: 2, name: `${v.type}-${pool.vdevs.length + i}`, state: bad === 0 ? 'ONLINE' : bad < leaves.length ? 'DEGRADED' : 'UNAVAIL', cksum: 0, read: 0, write: 0 }, ...leaves);
      }
    });
    classRows.push({ header: 'logs\t', rows: logRows });
  }
  if (pool.cache?.length) classRows.push({ header: 'cache', rows: pool.cache.map((l) => leafRow(l, 2)) });
  // print_status_config with isspare: AVAIL for a healthy spare, no counters.
  if (pool.spares?.length) classRows.push({ header: 'spares', spare: true, rows: pool.spares.map((l) => ({ ...leafRow(l, 2), state: pool.health?.[l]?.failed ? 'UNAVAIL' : 'AVAIL' })) });
  const width = Math.max(10, ...[...rows, ...classRows.flatMap((c) => c.rows)].map((r) => r.depth + r.name.length));
  const line = (depth: number, name: string, state: string, r: string, w: string, c: string) => `\t${' '.repeat(depth)}${name.padEnd(width - depth)}  ${state.padEnd(8)} ${r.padStart(5)} ${w.padStart(5)} ${c.padStart(5)}`;
  const out = [`  pool: ${pool.name}`, ` state: ${shownHealth(pool, now)}`, ...problemLines(pool, now), ...scanLines(ctx, pool), ...expandLines(ctx, pool), 'config:', '', line(0, 'NAME', 'STATE', 'READ', 'WRITE', 'CKSUM')];
  for (const r of rows) out.push(line(r.depth, r.name, r.state, count(r.read), count(r.write), count(r.cksum)) + (r.note ? `  ${r.note}` : ''));
  for (const c of classRows) {
    out.push(`\t${c.header}`);
    for (const r of c.rows) {
      if (c.spare) out.push(`\t${' '.repeat(r.depth)}${r.name.padEnd(width - r.depth)}  ${r.state.padEnd(8)}`);
      else out.push(line(r.depth, r.name, r.state, count(r.read), count(r.write), count(r.cksum)) + (r.note ? `  ${r.note}` : ''));
    }
  }
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
    const named = parsed.args.operands.length > 0;
    const sick = chosen.filter((p) => problemLines(p, ctx.world.clock).length > 0);
    if (!named) {
      if (sick.length === 0) return { stdout: chosen.length > 0 ? 'all pools are healthy\n' : '', stderr, exitCode: errors.length ? 1 : 0 };
      return { stdout: sick.map((p) => poolStatus(ctx, p, f.P !== undefined, f.v !== undefined)).join('\n'), stderr, exitCode: errors.length ? 1 : 0 };
    }
    // status_callback for named pools: "pool 'X' is healthy" for each healthy one; a newline
    // goes before every status printed after the first line of output.
    let stdout = '';
    let first = true;
    for (const p of chosen) {
      if (!sick.includes(p)) stdout += `pool '${p.name}' is healthy\n`;
      else stdout += (first ? '' : '\n') + poolStatus(ctx, p, f.P !== undefined, f.v !== undefined);
      first = false;
    }
    return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
  }
  return { stdout: chosen.map((p) => poolStatus(ctx, p, f.P !== undefined, f.v !== undefined)).join('\n'), stderr, exitCode: errors.length ? 1 : 0 };
}
