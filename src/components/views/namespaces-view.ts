/**
 * The namespaces view: one container seen from inside (left) and from the host (right),
 * joined by the ID mapping — the map itself (lxc.idmap, or Proxmox's default 0 → 100000 ×
 * 65536 for an unprivileged container), the same processes with both PIDs and both UIDs
 * (PID namespace: PID 1 inside is an ordinary PID outside), the container's users with the
 * host ID their files carry (65534 "nobody" where the map has no entry: user_namespaces(7)
 * overflowuid), and the mounts with what each is on the host. Drawn from the engine's
 * `namespacesView` model.
 */
import type { NamespacesView } from '../../simulator/worker/api-types';
import { LINE_H, arrowMarker, box, charsIn, clip, edge, el, group, heading, idPrefixOf, node, nodeHeight, pickShown, svgRoot, text, VIEW_WIDTH, visible, type ViewOptions } from './svg';

type IdmapEntry = NamespacesView['idmap'][number];

/** Options of the namespaces view. */
export interface NamespacesViewOptions extends ViewOptions {
  /** The host's name, for the right column's heading (the model does not carry it). */
  host?: string;
  /** Processes drawn at most (the first by PID inside). Default 8. */
  maxProcesses?: number;
  /** Users drawn at most (root, unmapped users and users from 1000 up first). Default 8. */
  maxUsers?: number;
  /** Mounts drawn at most. Default 8. */
  maxMounts?: number;
}

const MARGIN = 8;
const MID = 36;
const GAP = 6;

/** `u 0 100000 65536` as `uid 0–65535`, `uid 100000–165535`. */
function range(kind: 'u' | 'g', first: number, count: number): string {
  const name = kind === 'u' ? 'uid' : 'gid';
  return count === 1 ? `${name} ${first}` : `${name} ${first}–${first + count - 1}`;
}

/** Whether container uid `id` has an entry in the map (a privileged container maps every ID to itself). */
function mapped(view: NamespacesView, id: number): boolean {
  if (!view.unprivileged) return true;
  return view.idmap.some((e) => e.type === 'u' && id >= e.container && id < e.container + e.count);
}

/** A path on at most two lines of a column (the second clipped), broken after a `/` where one fits: paths are what tell mounts apart. */
function fold(path: string, width: number): string[] {
  const max = charsIn(width);
  const chars = [...visible(path)];
  if (chars.length <= max) return [chars.join('')];
  const slash = chars.lastIndexOf('/', max - 1);
  const cut = slash > 0 ? slash + 1 : max;
  return [chars.slice(0, cut).join(''), clip(chars.slice(cut).join(''), max)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

/** The SVG markup of a namespaces view. Same model and options, same markup. */
export function renderNamespacesView(model: NamespacesView, options: NamespacesViewOptions = {}): string {
  const W = Math.max(280, options.width ?? VIEW_WIDTH);
  const id = idPrefixOf(options, 'ns');
  const arrow = `${id}-arrow`;
  const hostName = options.host ?? 'the host';
  const colW = (W - 2 * MARGIN - MID) / 2;
  const leftX = MARGIN;
  const rightX = MARGIN + colW + MID;
  const body: string[] = [];
  let y = MARGIN;

  const state = [model.running ? 'running' : 'stopped', model.unprivileged ? 'unprivileged' : 'privileged'].join(' · ');
  const headLines = [`CT ${model.vmid} (${model.hostname})`, state];
  body.push(node({ x: MARGIN, y, width: W - 2 * MARGIN, lines: headLines, key: 'container', classes: ['container', ...(model.running ? [] : ['stopped'])], label: `Container ${model.vmid} (${visible(model.hostname)}) on ${visible(hostName)}: ${state}. Left column: as the container sees it; right column: as the host sees the same thing.` }));
  y += nodeHeight(headLines.length) + GAP * 2;
  body.push(heading(leftX, y + LINE_H - 4, `inside CT ${model.vmid}`, colW), heading(rightX, y + LINE_H - 4, `on ${hostName}`, colW));
  y += LINE_H;

  /** One row: a box on each side and the mapping line between them, focusable as one group. */
  const row = (key: string, label: string, left: string[], right: string[], classes: string[] = []): void => {
    const h = nodeHeight(Math.max(left.length, right.length));
    const lines = (ls: string[]) => [...ls, ...Array<string>(Math.max(left.length, right.length) - ls.length).fill('')];
    const mid = y + nodeHeight(1) / 2;
    const unmapped = classes.includes('unmapped');
    body.push(
      group(label, key, ['node', 'pair', ...classes], [
        el('g', { class: 'side side-container' }, box({ x: leftX, y, width: colW, lines: lines(left) })),
        // IDs map container → host; a mount comes from the host into the container.
        classes.includes('mount')
          ? edge([[leftX + colW + 2, mid], [rightX, mid]], { class: 'map', 'marker-start': `url(#${arrow})` })
          : edge([[leftX + colW, mid], [rightX - 2, mid]], { class: unmapped ? 'map unmapped' : 'map', 'marker-end': `url(#${arrow})` }),
        el('g', { class: 'side side-host' }, box({ x: rightX, y, width: colW, lines: lines(right) })),
      ].join('')),
    );
    y += h + GAP;
  };
  const section = (title: string): void => {
    y += GAP;
    body.push(heading(MARGIN, y + LINE_H - 4, title, W - 2 * MARGIN));
    y += LINE_H + 2;
  };
  const more = (hidden: number, what: string): void => {
    if (hidden <= 0) return;
    body.push(text(MARGIN, y + LINE_H - 4, `and ${hidden} more ${what}`, { class: 'more' }));
    y += LINE_H;
  };
  const note = (words: string): void => {
    body.push(text(MARGIN, y + LINE_H - 4, words, { class: 'more' }));
    y += LINE_H + GAP;
  };

  // The map: container range → host range.
  section(model.unprivileged ? 'ID map (container → host)' : 'ID map: none (privileged)');
  if (!model.unprivileged) note('every ID inside is the same ID on the host');
  else if (model.idmap.length === 0) note('no entries: no ID inside maps to the host');
  model.idmap.forEach((e: IdmapEntry, i) => {
    const inside = range(e.type, e.container, e.count);
    const outside = range(e.type, e.host, e.count);
    // A passthrough entry (same IDs both sides) is how a share keeps its owners: said so.
    const same = e.container === e.host;
    row(`map:${i}`, `${inside} in the container ${e.count === 1 ? 'is' : 'are'} ${outside} on the host${same ? ' (passthrough: the same IDs)' : ''} (lxc.idmap ${e.type} ${e.container} ${e.host} ${e.count})`, [inside], [same ? `${outside} (same)` : outside], same ? ['idmap', 'passthrough'] : ['idmap']);
  });

  // Processes: both PIDs, both UIDs.
  section('Processes (PID · uid)');
  if (!model.running) note('not running: no processes');
  const procs = pickShown(model.processes, options.maxProcesses ?? 8);
  for (const i of procs) {
    const p = model.processes[i] as NamespacesView['processes'][number];
    row(
      `proc:${p.hostPid}`,
      `Process ${visible(p.command)}: PID ${p.containerPid} uid ${p.containerUid} in the container is PID ${p.hostPid} uid ${p.hostUid} on the host`,
      [`PID ${p.containerPid} · uid ${p.containerUid}`, p.command],
      [`PID ${p.hostPid} · uid ${p.hostUid}`, p.command],
      ['process'],
    );
  }
  more(model.processes.length - procs.length, 'processes');

  // Users: the container's passwd, with the host ID each one's files carry.
  section('Users (container /etc/passwd)');
  const userWorth = (u: NamespacesView['users'][number]) => u.containerUid === 0 || !mapped(model, u.containerUid) || (u.containerUid >= 1000 && u.containerUid !== 65534);
  const users = pickShown(model.users, options.maxUsers ?? 8, userWorth);
  for (const i of users) {
    const u = model.users[i] as NamespacesView['users'][number];
    const ok = mapped(model, u.containerUid);
    row(
      `user:${u.containerUid}:${u.name}`,
      ok ? `User ${visible(u.name)}: uid ${u.containerUid} in the container is uid ${u.hostUid} on the host` : `User ${visible(u.name)}: uid ${u.containerUid} is not in the ID map: the host shows its files as ${u.hostUid} (nobody), and the container cannot own files as it`,
      [`${u.name} · uid ${u.containerUid}`],
      ok ? [`uid ${u.hostUid}`] : [`uid ${u.hostUid} (nobody)`, 'not in the map'],
      ok ? ['user'] : ['user', 'unmapped'],
    );
  }
  more(model.users.length - users.length, 'users');

  // Mounts: the path inside, what it is on the host.
  section('Mounts (inside ← on the host)');
  const mounts = pickShown(model.mounts, options.maxMounts ?? 8);
  for (const i of mounts) {
    const m = model.mounts[i] as NamespacesView['mounts'][number];
    const what = `${m.kind}${m.readOnly ? ' · read-only' : ''}`;
    row(`mount:${m.path}`, `Mount ${visible(m.path)} in the container is ${m.kind === 'bind' ? 'a bind mount of the host directory' : m.kind === 'rootfs' ? 'the root filesystem, volume' : 'the volume'} ${visible(m.source)}${m.readOnly ? ', read-only' : ''}`, [...fold(m.path, colW), what], [...fold(m.source, colW), m.kind === 'bind' ? 'host directory' : 'storage volume'], ['mount']);
  }
  if (model.mounts.length === 0) note('no mounts');
  more(model.mounts.length - mounts.length, 'mounts');

  y += MARGIN;
  const label = `Namespaces of container ${model.vmid} (${visible(model.hostname)}): the container's and the host's view`;
  return svgRoot('namespaces', W, y, label, arrowMarker(arrow), body);
}

/** A short plain-text account of the same view, for the text alternative under it. */
export function describeNamespacesView(model: NamespacesView, host = 'the host'): string {
  const out = [`Container ${model.vmid} (${model.hostname}) on ${host}: ${model.running ? 'running' : 'stopped'}, ${model.unprivileged ? 'unprivileged' : 'privileged'}.`];
  if (!model.unprivileged) out.push('No ID map: every user and group ID inside is the same ID on the host.');
  else out.push(`ID map: ${model.idmap.length === 0 ? 'no entries' : model.idmap.map((e) => `${range(e.type, e.container, e.count)} inside → ${range(e.type, e.host, e.count)} on the host`).join('; ')}.`);
  if (model.running) {
    const shown = model.processes.slice(0, 5).map((p) => `PID ${p.containerPid} (uid ${p.containerUid}) is PID ${p.hostPid} (uid ${p.hostUid}) on the host: ${p.command}`);
    out.push(`${plural(model.processes.length, 'process')}${shown.length > 0 ? `: ${shown.join('; ')}` : ''}${model.processes.length > shown.length ? `; and ${model.processes.length - shown.length} more` : ''}.`);
  } else out.push('Not running: no processes.');
  const unmapped = model.users.filter((u) => !mapped(model, u.containerUid));
  const root = model.users.find((u) => u.containerUid === 0);
  out.push(`${plural(model.users.length, 'user')} in the container's /etc/passwd${root ? `; root (uid 0) is uid ${root.hostUid} on the host` : ''}${unmapped.length > 0 ? `; not in the map, shown as nobody (65534): ${unmapped.map((u) => `${u.name} (${u.containerUid})`).join(', ')}` : ''}.`);
  out.push(model.mounts.length === 0 ? 'No mounts.' : `Mounts: ${model.mounts.map((m) => `${m.path} ← ${m.source} (${m.kind}${m.readOnly ? ', read-only' : ''})`).join('; ')}.`);
  return out.map(visible).join('\n');
}
