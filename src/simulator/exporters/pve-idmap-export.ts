/**
 * The ID maps a container is exported with, per target Proxmox VE version: on 9 a mount
 * point that needs its own mapping keeps its `idmap=` option (pve-container 6.1.6, commit
 * 241925b "implement per-mountpoint uid/gid mapping"); on 8 that option does not exist, so
 * the mount's entries are folded into the container-wide `lxc.idmap` lines. Also the
 * /etc/subuid and /etc/subgid ranges root needs for those maps.
 */
// @sim export lxc.idmap per PVE version | pve-container 6.1.6 src/PVE/LXC.pm (per-mount idmap, commit 241925b) + lxc conf.c lxc_map_ids (newuidmap, so root needs /etc/subuid ranges)
import { effectiveIdmap, formatIdmapEntry, parseIdmapLine, type IdmapEntry } from '../model/idmap';
import { parseSubidEntry } from '../model/user';
import { type Container } from '../model/container';
import { type Host } from '../model/host';
import type { ExportOptions } from './bundle-types';

/** A container's maps as exported. */
export interface ExportedIdmap {
  /** The container as it is written for the target version (mount `idmap=` kept or folded in). */
  readonly container: Container;
  /** The map the container runs with (for /etc/subuid): its lines, or Proxmox's default. */
  readonly entries: readonly IdmapEntry[];
  /** Mount points whose `idmap=` could not be expressed on the target version (`mp0`). */
  readonly dropped: readonly string[];
}

/** Range [start, start+count) on one side. */
interface Span {
  start: number;
  count: number;
}

/**
 * The container as exported for `options.pve`. On 9 everything stays as written. On 8 the
 * mount points lose `idmap=` (an option 8 does not know): an unprivileged container gets
 * their entries folded into its `lxc.idmap`; `passthrough` cannot be folded in without
 * mapping container root to host root, and a privileged container ignores mount idmaps
 * anyway (pve-container: "Mount point idmapping only works for unprivileged containers"),
 * so those are listed in `dropped`.
 * @example exportedIdmap(ct, { pve: 8 }).container.idmap // ['u 0 100000 1000', 'u 1000 1000 1', …]
 */
export function exportedIdmap(container: Container, options: ExportOptions): ExportedIdmap {
  const withIdmap = container.mounts.filter((m) => m.idmap !== undefined);
  if (options.pve === 9 || withIdmap.length === 0) {
    return { container, entries: effectiveIdmap(container.idmap, container.unprivileged), dropped: [] };
  }
  const mounts = container.mounts.map(({ idmap: _idmap, ...mount }) => mount);
  if (!container.unprivileged) {
    // Proxmox VE 8 would refuse the unknown option; on a privileged container it means nothing anyway.
    return { container: { ...container, mounts }, entries: [], dropped: withIdmap.map((m) => `mp${m.index}`) };
  }
  const overrides: IdmapEntry[] = [];
  const dropped: string[] = [];
  for (const mount of withIdmap) {
    if (mount.idmap === 'passthrough') dropped.push(`mp${mount.index}`);
    else overrides.push(...parseMountIdmap(mount.idmap as string));
  }
  const base = effectiveIdmap(container.idmap, container.unprivileged);
  const merged = overrides.length === 0 ? base : [...mergeType('u', base, overrides), ...mergeType('g', base, overrides)];
  const lines = overrides.length === 0 ? container.idmap : merged.map(formatIdmapEntry);
  return { container: { ...container, idmap: lines, mounts }, entries: merged, dropped };
}

/** `u:1000:1000:1;g:1000:1000:1` → entries (pve-container Config.pm parse_ct_mountpoint). */
function parseMountIdmap(text: string): IdmapEntry[] {
  return text
    .split(';')
    .map((part) => parseIdmapLine(part.replace(/:/g, ' ')))
    .filter((e): e is IdmapEntry => e !== null);
}

/** Remove `cut` from `span`: what is left, in order. */
function subtract(span: Span, cut: Span): Span[] {
  const end = span.start + span.count;
  const cutEnd = cut.start + cut.count;
  if (cutEnd <= span.start || cut.start >= end) return [span];
  const out: Span[] = [];
  if (cut.start > span.start) out.push({ start: span.start, count: cut.start - span.start });
  if (cutEnd < end) out.push({ start: cutEnd, count: end - cutEnd });
  return out;
}

/** Remove every `cut` range from one entry, on its container side (`side: 'container'`) or host side. */
function cutEntry(entry: IdmapEntry, cuts: readonly Span[], side: 'container' | 'host'): { kept: IdmapEntry[]; removed: Span[] } {
  let pieces: Span[] = [{ start: entry[side], count: entry.count }];
  for (const cut of cuts) pieces = pieces.flatMap((p) => subtract(p, cut));
  const kept = pieces.map((p) => {
    const offset = p.start - entry[side];
    return { type: entry.type, container: entry.container + offset, host: entry.host + offset, count: p.count };
  });
  // The container IDs whose host ID was taken (only meaningful on the host side).
  let removed: Span[] = [{ start: entry.container, count: entry.count }];
  for (const k of kept) removed = removed.flatMap((r) => subtract(r, { start: k.container, count: k.count }));
  return { kept, removed };
}

/**
 * One type's map with `overrides` taking precedence, as idmap-plan.ts plans a request: the
 * override ranges replace the base map on the container side; base IDs whose host ID an
 * override now uses move above every host ID in use (a host ID may appear once in a map,
 * user_namespaces(7)). A later override that overlaps an earlier one is ignored.
 */
function mergeType(type: 'u' | 'g', base: readonly IdmapEntry[], all: readonly IdmapEntry[]): IdmapEntry[] {
  const overrides: IdmapEntry[] = [];
  const overlaps = (a: number, n: number, b: number, m: number): boolean => a < b + m && b < a + n;
  for (const o of all.filter((e) => e.type === type)) {
    if (overrides.some((p) => overlaps(p.container, p.count, o.container, o.count) || overlaps(p.host, p.count, o.host, o.count))) continue;
    overrides.push(o);
  }
  const ofType = base.filter((e) => e.type === type);
  if (overrides.length === 0) return ofType;
  const byContainer = overrides.map((o) => ({ start: o.container, count: o.count }));
  const byHost = overrides.map((o) => ({ start: o.host, count: o.count }));
  const kept: IdmapEntry[] = [];
  const displaced: Span[] = [];
  for (const entry of ofType) {
    for (const piece of cutEntry(entry, byContainer, 'container').kept) {
      const { kept: left, removed } = cutEntry(piece, byHost, 'host');
      kept.push(...left);
      displaced.push(...removed);
    }
  }
  let next = Math.max(0, ...[...kept, ...overrides, ...ofType].map((e) => e.host + e.count));
  const moved = displaced
    .sort((a, b) => a.start - b.start)
    .map((span) => {
      const entry = { type, container: span.start, host: next, count: span.count };
      next += span.count;
      return entry;
    });
  return [...overrides, ...kept, ...moved].sort((a, b) => a.container - b.container);
}

/**
 * The /etc/subuid (`u`) or /etc/subgid (`g`) lines a Proxmox host needs: the lines the lab
 * declares, in order, then `root:START:COUNT` for every host range of its unprivileged
 * containers' maps that no declared root range covers (adjacent ranges merged). LXC maps
 * through newuidmap/newgidmap whenever they are installed, even for root (lxc conf.c
 * lxc_map_ids), and shadow's verify_range refuses a range /etc/subuid does not grant.
 * @example subidLines(pve, [{ container: ct, entries }], 'u') // ['root:100000:65536', 'root:1000:3']
 */
export function subidLines(host: Host, maps: readonly { entries: readonly IdmapEntry[] }[], type: 'u' | 'g'): string[] {
  const declared = (type === 'u' ? host.subuid : host.subgid) ?? [];
  const granted = declared.map(parseSubidEntry).filter((r) => r !== null && r.user === 'root') as { start: number; count: number }[];
  const needed: Span[] = [];
  for (const map of maps) {
    for (const e of map.entries) {
      if (e.type !== type) continue;
      if (granted.some((r) => e.host >= r.start && e.host + e.count <= r.start + r.count)) continue;
      needed.push({ start: e.host, count: e.count });
    }
  }
  needed.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of needed) {
    const last = merged[merged.length - 1];
    if (last && last.start + last.count >= span.start) last.count = Math.max(last.count, span.start + span.count - last.start);
    else merged.push({ ...span });
  }
  const lines = [...declared, ...merged.map((s) => `root:${s.start}:${s.count}`)];
  return [...new Set(lines)];
}
