/**
 * The kernel's rules for a uid_map or gid_map write, in one place: the lab model's idmap
 * check (idmap.ts) and the kernel engine's map_write (engines/kernel/user-namespace.ts) both
 * call `idMapViolations`, so a map the model accepts is exactly a map the simulated kernel
 * accepts. Source: Linux kernel/user_namespace.c map_write() and mappings_overlap();
 * user_namespaces(7) "Defining user and group ID mappings".
 */

/** One extent as the kernel stores it: IDs `first … first+count-1` inside are `lower … lower+count-1` in the parent. */
export interface IdExtent {
  first: number;
  lower: number;
  count: number;
}

/** user_namespace.h UID_GID_MAP_MAX_EXTENTS: at most 340 lines per map (Linux ≥ 4.15). */
export const MAX_EXTENTS = 340;
/** map_write(): `if (count >= PAGE_SIZE) return -EINVAL` — one write of less than a page (4096 on x86-64). */
export const PAGE_SIZE = 4096;
/** The largest u32; `(u32) -1` is never a valid starting ID. */
export const U32_MAX = 2 ** 32 - 1;

/** Why a map breaks the kernel's rules (every one is EINVAL from the write). */
export type IdMapViolation =
  /** Count 0, or first+count wraps past 2^32−1 on one side (`(first + count) <= first`). */
  | { rule: 'range'; index: number; side: 'first' | 'lower' }
  /** Two extents share IDs on one side; `other` is the extent it collides with. */
  | { rule: 'overlap'; index: number; other: number; side: 'first' | 'lower' }
  /** More than 340 extents. */
  | { rule: 'lines'; lines: number }
  /** The written text is a page or more. */
  | { rule: 'bytes'; bytes: number }
  /** No extent at all ("Be very certain the new map actually exists"). */
  | { rule: 'empty' };

/**
 * Every way `extents` (in written order) and a write of `bytes` bytes break map_write's
 * rules; an empty list means the kernel accepts the map. Overlaps are found by sorting each
 * side by start and comparing with the extent that reaches furthest so far, so each
 * overlapping extent is named once with one extent it collides with.
 */
export function idMapViolations(extents: readonly IdExtent[], bytes: number): IdMapViolation[] {
  const out: IdMapViolation[] = [];
  if (bytes >= PAGE_SIZE) out.push({ rule: 'bytes', bytes });
  if (extents.length > MAX_EXTENTS) out.push({ rule: 'lines', lines: extents.length });
  if (extents.length === 0) out.push({ rule: 'empty' });
  const valid: number[] = [];
  extents.forEach((e, index) => {
    // map_write(): the start may not be (u32)-1 and first + count must not wrap (count 0 "wraps" too).
    if (e.count <= 0 || e.first + e.count > U32_MAX) out.push({ rule: 'range', index, side: 'first' });
    else if (e.lower + e.count > U32_MAX) out.push({ rule: 'range', index, side: 'lower' });
    else valid.push(index);
  });
  for (const side of ['first', 'lower'] as const) {
    const sorted = [...valid].sort((a, b) => (extents[a] as IdExtent)[side] - (extents[b] as IdExtent)[side] || a - b);
    let reach = sorted[0];
    for (const index of sorted.slice(1)) {
      const current = extents[index] as IdExtent;
      const previous = extents[reach as number] as IdExtent;
      // mappings_overlap(): prev_first <= last && prev_last >= first, on this side.
      if (previous[side] + previous.count > current[side]) out.push({ rule: 'overlap', index, other: reach as number, side });
      if (current[side] + current.count > previous[side] + previous.count) reach = index;
    }
  }
  return out;
}

/** The bytes of a map as LXC writes it (lxc conf.c write_id_mapping: "first lower count\n" per line, one write). */
export function writtenMapBytes(extents: readonly IdExtent[]): number {
  return extents.reduce((n, e) => n + `${e.first} ${e.lower} ${e.count}\n`.length, 0);
}
