/**
 * `lxc.idmap` lines of a container: `u|g CONTAINER-ID HOST-ID COUNT`. Rules from the kernel
 * (user_namespaces(7): ≤ 340 lines per map, count > 0, no overlap on either side) and from
 * Proxmox (pve-container src/PVE/LXC.pm parse_id_maps / validate_id_maps, same messages).
 */
import { idMapViolations, MAX_EXTENTS, PAGE_SIZE, U32_MAX, writtenMapBytes } from './idmap-rules';

/** One parsed idmap line. */
export interface IdmapEntry {
  /** `u` for user ids, `g` for group ids. */
  type: 'u' | 'g';
  /** First id inside the container. */
  container: number;
  /** First id on the host it maps to. */
  host: number;
  /** How many consecutive ids. */
  count: number;
}

/** A problem with one line (`index`) or with the whole map (`index` undefined). */
export interface IdmapProblem {
  index?: number;
  message: string;
  fix?: string;
}

/** user_namespaces(7): at most 340 lines in one uid_map or gid_map write (Linux ≥ 4.15). */
export const IDMAP_MAX_LINES = MAX_EXTENTS;
/** user_namespaces(7): one map is written in a single write(2) of less than a page (4096 bytes on x86-64). */
export const IDMAP_MAX_BYTES = PAGE_SIZE;
/** The container id range a distribution expects to exist: 0..65535. */
export const CONTAINER_ID_RANGE = 65536;
/** Proxmox's default unprivileged map (pve-container LXC.pm parse_id_maps). */
export const DEFAULT_IDMAP: readonly IdmapEntry[] = [
  { type: 'u', container: 0, host: 100000, count: 65536 },
  { type: 'g', container: 0, host: 100000, count: 65536 },
];

/**
 * Parse one line as Proxmox does (`^([ug])\s+(\d+)\s+(\d+)\s+(\d+)\s*$`), or return null.
 * @example parseIdmapLine('u 0 100000 65536') // { type: 'u', container: 0, host: 100000, count: 65536 }
 */
export function parseIdmapLine(line: string): IdmapEntry | null {
  const m = /^([ug])\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*$/.exec(line);
  if (!m) return null;
  return { type: m[1] as 'u' | 'g', container: Number(m[2]), host: Number(m[3]), count: Number(m[4]) };
}

/** Write an entry back as Proxmox prints it in messages: `u 0 100000 65536`. */
export function formatIdmapEntry(entry: IdmapEntry): string {
  return `${entry.type} ${entry.container} ${entry.host} ${entry.count}`;
}

/** Which name the kernel files and messages use for a type. */
function idName(type: 'u' | 'g'): string {
  return type === 'u' ? 'uid' : 'gid';
}

/**
 * Check a container's idmap lines. `unprivileged` containers must map the whole 0..65535
 * container range of both types (else files and users fall through to nobody/65534 and
 * distributions break); the first gap is named with a line that would fill it.
 */
export function checkIdmap(lines: readonly string[], unprivileged: boolean): IdmapProblem[] {
  const problems: IdmapProblem[] = [];
  const entries: { entry: IdmapEntry; index: number }[] = [];
  lines.forEach((line, index) => {
    const entry = parseIdmapLine(line);
    if (!entry) {
      // pve-container LXC.pm parse_id_maps.
      const shown = JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}…` : line).slice(1, -1);
      problems.push({ index, message: `failed to parse idmap: ${shown}`, fix: 'write "u|g CONTAINER-ID HOST-ID COUNT", like "u 0 100000 65536"' });
      return;
    }
    entries.push({ entry, index });
  });

  // The kernel's rules (idmap-rules.ts, shared with the kernel engine's map_write), worded for a lab file.
  const perLine: IdmapProblem[] = [];
  const perMap: IdmapProblem[] = [];
  for (const type of ['u', 'g'] as const) {
    const ofType = entries.filter((e) => e.entry.type === type);
    if (ofType.length === 0) continue;
    const extents = ofType.map(({ entry }) => ({ first: entry.container, lower: entry.host, count: entry.count }));
    const violations = idMapViolations(extents, writtenMapBytes(extents));
    const tooMany = violations.some((v) => v.rule === 'lines');
    for (const v of violations) {
      if (v.rule === 'range') {
        const { entry, index } = ofType[v.index] as (typeof ofType)[number];
        // user_namespaces(7): each line maps at least one id; the write fails with EINVAL.
        if (entry.count === 0) perLine.push({ index, message: `invalid map entry '${formatIdmapEntry(entry)}': count must be at least 1 (the kernel rejects the map with "Invalid argument")`, fix: 'remove the line or give it a count' });
        else perLine.push({ index, message: `invalid map entry '${formatIdmapEntry(entry)}': range goes past ${idName(type)} ${U32_MAX - 1}` });
      } else if (v.rule === 'lines') {
        perMap.push({ message: `${v.lines} ${idName(type)} map lines; the kernel accepts at most ${IDMAP_MAX_LINES} (user_namespaces(7))`, fix: 'merge adjacent ranges into fewer lines' });
      } else if (v.rule === 'bytes' && !tooMany) {
        // kernel/user_namespace.c map_write: `if (count >= PAGE_SIZE) return -EINVAL`, and LXC
        // writes all lines of one map as "container host count\n" in one write (lxc conf.c).
        perMap.push({ message: `the ${idName(type)} map is ${v.bytes} bytes as the kernel reads it; a map must be shorter than ${IDMAP_MAX_BYTES} bytes (user_namespaces(7))`, fix: 'merge adjacent ranges into fewer lines' });
      } else if (v.rule === 'overlap') {
        // pve-container LXC.pm validate_id_maps words it as the container or host side.
        const side = v.side === 'first' ? 'container' : 'host';
        const current = ofType[v.index] as (typeof ofType)[number];
        const other = (ofType[v.other] as (typeof ofType)[number]).entry;
        perMap.push({
          index: current.index,
          message: `invalid map entry '${formatIdmapEntry(current.entry)}': ${side} ${idName(type)} ${current.entry[side]} is also mapped by entry '${formatIdmapEntry(other)}'`,
          fix: `make the ${side} ranges of the ${idName(type)} lines disjoint`,
        });
      }
    }
  }
  problems.push(...perLine.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)), ...perMap);

  if (unprivileged && lines.length > 0 && problems.length === 0) {
    for (const type of ['u', 'g'] as const) {
      const gap = firstUnmapped(entries.map((e) => e.entry).filter((e) => e.type === type));
      if (gap) {
        const [from, to] = gap;
        problems.push({
          message: `container ${idName(type)} ${from}-${to} is not mapped`,
          fix: `add "${type} ${from} ${100000 + from} ${to - from + 1}" or widen a neighbouring line: an unprivileged container needs ${idName(type)}s 0-65535 mapped`,
        });
      }
    }
  }
  return problems;
}

/** The first gap [from, to] in 0..65535 not covered on the container side, or null. */
function firstUnmapped(entries: readonly IdmapEntry[]): [number, number] | null {
  const sorted = [...entries].sort((a, b) => a.container - b.container);
  let next = 0;
  for (const e of sorted) {
    if (next >= CONTAINER_ID_RANGE) break;
    if (e.container > next) return [next, Math.min(e.container, CONTAINER_ID_RANGE) - 1];
    next = Math.max(next, e.container + e.count);
  }
  return next < CONTAINER_ID_RANGE ? [next, CONTAINER_ID_RANGE - 1] : null;
}

/**
 * The map a container runs with: its own lines, or Proxmox's default for an unprivileged
 * container without any (LXC.pm parse_id_maps), or none for a privileged one.
 */
export function effectiveIdmap(lines: readonly string[], unprivileged: boolean): IdmapEntry[] {
  const parsed = lines.map(parseIdmapLine).filter((e): e is IdmapEntry => e !== null);
  if (parsed.length === 0 && unprivileged) return DEFAULT_IDMAP.map((e) => ({ ...e }));
  return parsed;
}
