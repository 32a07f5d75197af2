/**
 * The idmap helper: "host UID/GID X should be container UID/GID Y" (several at once) →
 * the minimal `lxc.idmap` lines for an unprivileged Proxmox container, the /etc/subuid and
 * /etc/subgid lines root needs, and one explanation per line. Everything else of the
 * container range 0..65535 keeps Proxmox's offset (container N → host 100000+N).
 *
 * It avoids the known bugs of existing generators (ddimick/proxmox-lxc-idmapper, see
 * ../shared/reference "UID mapping"): UID 0 can be mapped, host IDs above 65535 can be
 * mapped, no count-0 line is ever written, duplicates and collisions are refused with a
 * reason, adjacent requests are merged into one line, and a default-offset range that would
 * reuse a requested host ID is split, the displaced container IDs moving above 165535. The
 * result is checked with the kernel's rules (idmap-rules.ts) before it is returned.
 */
// @sim idmap helper | user_namespaces(7) rules + Proxmox default map 0 100000 65536 and /etc/subuid (subuid(5)): merged passthrough lines, gaps at the default offset, subuid/subgid lines
import { idMapViolations, writtenMapBytes } from './idmap-rules';

/** One request: container ID `container` is host ID `host`, for user IDs (`u`) or group IDs (`g`). */
export interface IdmapRequest {
  type: 'u' | 'g';
  host: number;
  container: number;
}

/** One planned `lxc.idmap` line and why it is there. */
export interface PlannedLine {
  type: 'u' | 'g';
  container: number;
  host: number;
  count: number;
  /** `requested` (a passthrough or remap asked for), `default` (Proxmox's offset), `displaced` (moved out of the way of a request). */
  reason: 'requested' | 'default' | 'displaced';
}

/** What the helper returns. */
export type IdmapPlan =
  | { ok: true; lines: PlannedLine[]; subuid: string[]; subgid: string[] }
  | { ok: false; problems: string[] };

/** Proxmox's offset and the container range an unprivileged container needs. */
const BASE = 100000;
const RANGE = 65536;
/** The largest ID (the kernel refuses (u32)-1). */
const MAX_ID = 2 ** 32 - 2;

/** Consecutive runs of pairs where both sides step by one. */
function mergeRuns(pairs: readonly { container: number; host: number }[]): { container: number; host: number; count: number }[] {
  const sorted = [...pairs].sort((a, b) => a.container - b.container);
  const runs: { container: number; host: number; count: number }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.container + last.count === p.container && last.host + last.count === p.host) last.count++;
    else runs.push({ container: p.container, host: p.host, count: 1 });
  }
  return runs;
}

/** Host ranges [start, end) merged into `root:START:COUNT` lines. */
function subidLines(ranges: { host: number; count: number }[]): string[] {
  const sorted = [...ranges].sort((a, b) => a.host - b.host);
  const merged: { host: number; count: number }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.host + last.count >= r.host) last.count = Math.max(last.count, r.host + r.count - last.host);
    else merged.push({ ...r });
  }
  return merged.map((r) => `root:${r.host}:${r.count}`);
}

/** Plans one type's lines. */
function planType(type: 'u' | 'g', requests: readonly IdmapRequest[], problems: string[]): PlannedLine[] {
  const name = type === 'u' ? 'uid' : 'gid';
  const byContainer = new Map<number, number>();
  const byHost = new Map<number, number>();
  for (const r of requests) {
    if (!Number.isInteger(r.host) || !Number.isInteger(r.container) || r.host < 0 || r.container < 0 || r.host > MAX_ID || r.container > MAX_ID) {
      problems.push(`${name} ${r.host}:${r.container}: IDs are whole numbers from 0 to ${MAX_ID}`);
      continue;
    }
    if (byContainer.has(r.container) && byContainer.get(r.container) !== r.host) problems.push(`container ${name} ${r.container} is asked to be host ${name} ${byContainer.get(r.container)} and ${r.host}`);
    else if (byHost.has(r.host) && byHost.get(r.host) !== r.container) problems.push(`host ${name} ${r.host} is asked to be container ${name} ${byHost.get(r.host)} and ${r.container}: a host ID can appear once in a map`);
    else {
      byContainer.set(r.container, r.host);
      byHost.set(r.host, r.container);
    }
  }
  const requested = mergeRuns([...byContainer].map(([container, host]) => ({ container, host })));
  const lines: PlannedLine[] = requested.map((r) => ({ type, ...r, reason: 'requested' }));
  const usedHost = (h: number): boolean => byHost.has(h);
  // Container IDs 0..65535 not requested keep the default offset, except where that host ID is requested.
  const displaced: number[] = [];
  let start: number | null = null;
  const flush = (end: number): void => {
    if (start !== null && end > start) lines.push({ type, container: start, host: BASE + start, count: end - start, reason: 'default' });
    start = null;
  };
  for (let c = 0; c < RANGE; c++) {
    if (byContainer.has(c)) {
      flush(c);
      continue;
    }
    if (usedHost(BASE + c)) {
      flush(c);
      displaced.push(c);
      continue;
    }
    if (start === null) start = c;
  }
  flush(RANGE);
  // Displaced container IDs go just above the default range, in order.
  let next = BASE + RANGE;
  for (const run of mergeRuns(displaced.map((c) => ({ container: c, host: 0 })).map((p, i) => ({ container: p.container, host: i })))) {
    while ([...byHost.keys()].some((h) => h >= next && h < next + run.count)) next++;
    lines.push({ type, container: run.container, host: next, count: run.count, reason: 'displaced' });
    next += run.count;
  }
  return lines.sort((a, b) => a.container - b.container);
}

/**
 * Plans the map for `requests`. The lines are ordered u then g, each by container ID, as
 * people write them (the kernel does not care); the subuid/subgid lists are the full set
 * root needs (Proxmox's `root:100000:65536` included).
 * @example planIdmap([{ type: 'u', host: 1000, container: 1000 }, { type: 'g', host: 1000, container: 1000 }])
 */
export function planIdmap(requests: readonly IdmapRequest[]): IdmapPlan {
  const problems: string[] = [];
  const u = planType('u', requests.filter((r) => r.type === 'u'), problems);
  const g = planType('g', requests.filter((r) => r.type === 'g'), problems);
  if (problems.length > 0) return { ok: false, problems };
  for (const lines of [u, g]) {
    const extents = lines.map((l) => ({ first: l.container, lower: l.host, count: l.count }));
    const violations = idMapViolations(extents, writtenMapBytes(extents));
    if (violations.length > 0) {
      const v = violations[0];
      problems.push(v?.rule === 'lines' || v?.rule === 'bytes' ? `the requests need ${lines.length} lines for one map; the kernel takes at most 340 lines under 4096 bytes: ask for fewer separate IDs` : `the requests cannot be mapped (${v?.rule})`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const subid = (lines: PlannedLine[]): string[] => subidLines(lines.map((l) => ({ host: l.host, count: l.count })).concat([{ host: BASE, count: RANGE }]).filter((r) => !(r.host >= BASE && r.host + r.count <= BASE + RANGE) || r.host === BASE));
  return { ok: true, lines: [...u, ...g], subuid: subid(u), subgid: subid(g) };
}

/** A line as it goes in the container's .conf: `lxc.idmap: u 0 100000 1000`. */
export function formatPlannedLine(line: PlannedLine): string {
  return `lxc.idmap: ${line.type} ${line.container} ${line.host} ${line.count}`;
}

/** The one-line explanation of a planned line. */
export function explainPlannedLine(line: PlannedLine): string {
  const name = line.type === 'u' ? 'uid' : 'gid';
  const span = (a: number, n: number): string => (n === 1 ? `${a}` : `${a}-${a + n - 1}`);
  const what = `container ${name}${line.count === 1 ? '' : 's'} ${span(line.container, line.count)} → host ${span(line.host, line.count)}`;
  if (line.reason === 'requested') return `${what} (as requested)`;
  if (line.reason === 'default') return `${what} (Proxmox's default offset)`;
  return `${what} (moved: their default host IDs are requested above)`;
}
