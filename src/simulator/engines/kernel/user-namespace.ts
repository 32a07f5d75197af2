/**
 * Writing a user namespace's uid_map or gid_map, as kernel/user_namespace.c map_write() does:
 * the text is parsed line by line ("first lower count", whitespace-separated), checked by
 * the rules the lab model shares (model/idmap-rules.ts idMapViolations: ≤ 340 lines, under
 * a page, count > 0, no wrap, no overlap on either side), each range must lie inside one
 * extent of the parent namespace's map, and the map can be written only once.
 */
// @sim kernel uid_map/gid_map | Linux 6.x kernel/user_namespace.c map_write(): one write under a page, ≤ 340 lines, count > 0, no overlap, ranges mapped in the parent, written once (EPERM); every rule violation EINVAL
import { idMapViolations, type IdExtent, U32_MAX } from '../../model/idmap-rules';
import type { World } from '../world';
import { hostKernel } from '../world';
import type { Errno } from './errno';
import { namespaceOf } from './namespaces';
import type { IdMapEntry } from './types';

/** simple_strtoul(s, &end, 10) as the kernel runs it: leading digits (none → 0), kept to u32 as map_write's `u32` fields do. */
function strtoul(text: string, at: number): [number, number] {
  let end = at;
  let value = 0n;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) value = value * 10n + BigInt(text.charCodeAt(end++) - 48);
  return [Number(value & 0xffffffffn), end];
}

const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const skipSpaces = (text: string, at: number): number => {
  while (isSpace(text[at])) at++;
  return at;
};

/**
 * Parses what a process writes to uid_map/gid_map into extents, or EINVAL for text the
 * kernel's parser refuses (a missing field, trailing junk, an empty line in the middle,
 * `(u32) -1` as a start). The rules on the extents themselves are idMapViolations'.
 */
export function parseMapText(text: string): IdExtent[] | 'EINVAL' {
  const extents: IdExtent[] = [];
  let pos: number | null = 0;
  while (pos !== null) {
    const nl = text.indexOf('\n', pos);
    let line: string;
    if (nl >= 0) {
      line = text.slice(pos, nl);
      pos = nl + 1 >= text.length ? null : nl + 1;
    } else {
      line = text.slice(pos);
      pos = null;
    }
    let at = skipSpaces(line, 0);
    const [first, a] = strtoul(line, at);
    if (!isSpace(line[a])) return 'EINVAL';
    const [lower, b] = strtoul(line, skipSpaces(line, a));
    if (!isSpace(line[b])) return 'EINVAL';
    const [count, c] = strtoul(line, skipSpaces(line, b));
    if (c < line.length && !isSpace(line[c])) return 'EINVAL';
    at = skipSpaces(line, c);
    if (at !== line.length) return 'EINVAL';
    if (first === U32_MAX || lower === U32_MAX) return 'EINVAL';
    extents.push({ first, lower, count });
  }
  return extents;
}

/** Maps a whole range of the parent namespace's IDs down to the host, or null unless one parent extent holds it all (map_id_range_down). */
function rangeInParent(map: readonly IdMapEntry[], first: number, count: number): number | null {
  const e = map.find((m) => first >= m.inside && first + count - 1 <= m.inside + m.count - 1);
  return e ? e.outside + (first - e.inside) : null;
}

/**
 * Sets a user namespace's map from extents (what a container start and `unshare
 * --map-users` do): EPERM when the map was written before, EINVAL when the extents break
 * the rules (`bytes` is the length of the write) or a range is not mapped in the parent.
 * (The kernel stores host IDs; keeping parent-relative ones reads back the same from the parent.)
 */
export function setIdMap(world: World, host: string, userNs: number, kind: 'uid' | 'gid', extents: readonly IdExtent[], bytes: number): Errno | null {
  const k = hostKernel(world, host);
  const ns = namespaceOf(k, userNs);
  if (ns.type !== 'user' || ns.parent === undefined) return 'EPERM';
  const current = kind === 'uid' ? ns.uidMap : ns.gidMap;
  // "Only allow one successful write to the map".
  if ((current ?? []).length > 0) return 'EPERM';
  if (idMapViolations(extents, bytes).length > 0) return 'EINVAL';
  const parent = namespaceOf(k, ns.parent);
  const parentMap = (kind === 'uid' ? parent.uidMap : parent.gidMap) ?? [];
  const stored: IdMapEntry[] = [];
  for (const e of extents) {
    if (rangeInParent(parentMap, e.lower, e.count) === null) return 'EINVAL';
    stored.push({ inside: e.first, outside: e.lower, count: e.count });
  }
  // Stored relative to the parent (as uid_map reads back from there), in the order written;
  // past UID_GID_MAP_MAX_BASE_EXTENTS (5) sort_idmaps() sorts them by first ID, and so reads back.
  if (stored.length > 5) stored.sort((a, b) => a.inside - b.inside);
  if (kind === 'uid') ns.uidMap = stored;
  else ns.gidMap = stored;
  return null;
}

/** A write of `text` to /proc/PID/uid_map or gid_map: map_write() from parsing to storing. */
export function writeIdMap(world: World, host: string, userNs: number, kind: 'uid' | 'gid', text: string): Errno | null {
  const ns = namespaceOf(hostKernel(world, host), userNs);
  if ((kind === 'uid' ? ns.uidMap : ns.gidMap)?.length) return 'EPERM';
  // map_write(): `if ((*ppos != 0) || (count >= PAGE_SIZE)) return -EINVAL`.
  const bytes = utf8Length(text);
  if (bytes >= 4096) return 'EINVAL';
  const extents = parseMapText(text);
  if (extents === 'EINVAL') return 'EINVAL';
  return setIdMap(world, host, userNs, kind, extents, bytes);
}

/** The bytes of `text` in UTF-8 (what write(2) gets). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Translates `id` through a map inside → outside (null when unmapped); the lookups the tests compare with the real kernel. */
export function mapIdUp(map: readonly IdMapEntry[], inside: number): number | null {
  const e = map.find((m) => inside >= m.inside && inside < m.inside + m.count);
  return e ? e.outside + (inside - e.inside) : null;
}
