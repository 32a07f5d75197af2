/**
 * What shadow's newuidmap/newgidmap allow root to map (new[ug]idmap.c verify_range): each
 * host range of the container's map must lie inside one of root's /etc/subuid (subgid)
 * ranges, or be root's own ID with a count of 1. LXC runs them when it starts an
 * unprivileged container; the first range not allowed stops the start.
 */
// @sim newuidmap | shadow 4.17 newuidmap.c/newgidmap.c verify_range: ranges inside /etc/subuid|subgid entries of root (by name or UID), "uid range [a-b) -> [c-d) not allowed"
import type { IdmapEntry } from '../../model/idmap';

/** One /etc/subuid line: `root:100000:65536`. */
interface SubidRange {
  owner: string;
  start: number;
  count: number;
}

function parseSubid(lines: readonly string[]): SubidRange[] {
  return lines
    .map((l) => l.split(':'))
    .filter((f) => f.length === 3 && /^\d+$/.test(f[1] ?? '') && /^\d+$/.test(f[2] ?? ''))
    .map((f) => ({ owner: f[0] as string, start: Number(f[1]), count: Number(f[2]) }));
}

/**
 * The newuidmap (or newgidmap) failure for root mapping `entries` of one type, or null when
 * every range is allowed: `newuidmap: uid range [0-65536) -> [100000-165536) not allowed`.
 */
export function subidRefusal(entries: readonly IdmapEntry[], subid: readonly string[], type: 'u' | 'g'): string | null {
  const ranges = parseSubid(subid).filter((r) => r.owner === 'root' || r.owner === '0');
  for (const e of entries) {
    if (e.type !== type) continue;
    // verify_range(): mapping to one's own ID (root: 0) with count 1 is always allowed.
    if (e.host === 0 && e.count === 1) continue;
    if (ranges.some((r) => e.host >= r.start && e.host + e.count <= r.start + r.count)) continue;
    const tool = type === 'u' ? 'newuidmap' : 'newgidmap';
    return `${tool}: ${type === 'u' ? 'uid' : 'gid'} range [${e.container}-${e.container + e.count}) -> [${e.host}-${e.host + e.count}) not allowed`;
  }
  return null;
}
