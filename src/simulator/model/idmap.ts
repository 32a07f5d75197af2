/**
 * `lxc.idmap` lines of a container: `u|g CONTAINER-ID HOST-ID COUNT`. Rules from the kernel
 * (user_namespaces(7): ≤ 340 lines per map, count > 0, no overlap on either side) and from
 * Proxmox (pve-container src/PVE/LXC.pm parse_id_maps / validate_id_maps, same messages).
 */

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
export const IDMAP_MAX_LINES = 340;
/** user_namespaces(7): one map is written in a single write(2) of less than a page (4096 bytes on x86-64). */
export const IDMAP_MAX_BYTES = 4096;
/** The container id range a distribution expects to exist: 0..65535. */
export const CONTAINER_ID_RANGE = 65536;
/** Proxmox's default unprivileged map (pve-container LXC.pm parse_id_maps). */
export const DEFAULT_IDMAP: readonly IdmapEntry[] = [
  { type: 'u', container: 0, host: 100000, count: 65536 },
  { type: 'g', container: 0, host: 100000, count: 65536 },
];

const ID_LIMIT = 2 ** 32 - 1;

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
    if (entry.count === 0) {
      // user_namespaces(7): each line maps at least one id; the write fails with EINVAL.
      problems.push({ index, message: `invalid map entry '${formatIdmapEntry(entry)}': count must be at least 1 (the kernel rejects the map with "Invalid argument")`, fix: 'remove the line or give it a count' });
      return;
    }
    if (entry.container + entry.count > ID_LIMIT || entry.host + entry.count > ID_LIMIT) {
      problems.push({ index, message: `invalid map entry '${formatIdmapEntry(entry)}': range goes past ${idName(entry.type)} ${ID_LIMIT - 1}` });
      return;
    }
    entries.push({ entry, index });
  });

  for (const type of ['u', 'g'] as const) {
    const ofType = entries.filter((e) => e.entry.type === type);
    if (ofType.length > IDMAP_MAX_LINES) {
      problems.push({
        message: `${ofType.length} ${idName(type)} map lines; the kernel accepts at most ${IDMAP_MAX_LINES} (user_namespaces(7))`,
        fix: 'merge adjacent ranges into fewer lines',
      });
    }
    // kernel/user_namespace.c map_write: `if (count >= PAGE_SIZE) return -EINVAL`, and LXC
    // writes all lines of one map as "container host count\n" in one write (lxc conf.c).
    const bytes = ofType.reduce((n, e) => n + `${e.entry.container} ${e.entry.host} ${e.entry.count}\n`.length, 0);
    if (ofType.length <= IDMAP_MAX_LINES && bytes >= IDMAP_MAX_BYTES) {
      problems.push({
        message: `the ${idName(type)} map is ${bytes} bytes as the kernel reads it; a map must be shorter than ${IDMAP_MAX_BYTES} bytes (user_namespaces(7))`,
        fix: 'merge adjacent ranges into fewer lines',
      });
    }
    // pve-container LXC.pm validate_id_maps: sort each side by start, compare neighbours.
    for (const side of ['container', 'host'] as const) {
      const sorted = [...ofType].sort((a, b) => a.entry[side] - b.entry[side] || a.index - b.index);
      let reach = sorted[0];
      for (let i = 1; i < sorted.length; i++) {
        const current = sorted[i] as (typeof sorted)[number];
        const previous = reach as (typeof sorted)[number];
        if (previous.entry[side] + previous.entry.count > current.entry[side]) {
          problems.push({
            index: current.index,
            message: `invalid map entry '${formatIdmapEntry(current.entry)}': ${side} ${idName(type)} ${current.entry[side]} is also mapped by entry '${formatIdmapEntry(previous.entry)}'`,
            fix: `make the ${side} ranges of the ${idName(type)} lines disjoint`,
          });
        }
        // Keep the range that reaches furthest, so a later overlap with it is still seen.
        if (current.entry[side] + current.entry.count > previous.entry[side] + previous.entry.count) reach = current;
      }
    }
  }

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
