/**
 * The lab as a Mermaid flowchart: trust zones around hosts, guests and storage inside
 * hosts, storage and network links between hosts, and what the internet can reach.
 */
// @sim export diagram | Mermaid flowchart syntax (mermaid.js.org/syntax/flowchart.html) with accTitle/accDescr (mermaid.js.org/config/accessibility.html)
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import { mermaidAccText, mermaidId, mermaidLabel } from './mermaid-text';

/** Choices for {@link diagram}. */
export interface DiagramOptions {
  /**
   * Draw ZFS pools, and the zvols that back iSCSI extents, as cylinder nodes inside their
   * host.
   * @default true
   */
  storage?: boolean;
}

type Zone = Lab['zones'][number];
type Service = Lab['services'][number];

/** One edge, before it is printed. */
interface Edge {
  from: string;
  to: string;
  label: string;
  /** `-->` solid (storage, data), `-.->` dotted (tunnels, tailnet), `==>` thick (internet), `-.-` plain dotted (membership). */
  arrow: '-->' | '-.->' | '==>' | '-.-';
}

/** How a host kind is named in labels. */
const KIND_LABELS: ReadonlyMap<string, string> = new Map([
  ['proxmox', 'Proxmox VE'],
  ['truenas', 'TrueNAS'],
  ['linux', 'Linux'],
]);

/** How a link kind is named in edge labels; kinds not listed are printed as written. */
// A Map, not an object literal: a link kind like `constructor` must not find Object.prototype.
const LINK_LABELS: ReadonlyMap<string, string> = new Map([
  ['iscsi', 'iSCSI'],
  ['nfs', 'NFS'],
  ['smb', 'SMB'],
  ['wireguard', 'WireGuard'],
  ['tailscale', 'Tailscale'],
  ['ssh', 'SSH'],
  ['dns', 'DNS'],
  ['http', 'HTTP'],
  ['https', 'HTTPS'],
]);

/** Link kinds drawn dotted: traffic that travels inside a tunnel. */
const TUNNEL_KINDS = new Set(['wireguard', 'tailscale', 'vpn']);

/**
 * Render a lab as Mermaid `flowchart TB` text.
 *
 * - The first lines after `flowchart TB` are `accTitle:` (the lab's name) and `accDescr:`
 *   (a one-line summary of hosts, links and exposure) for screen readers.
 * - Each zone is a subgraph holding its hosts; a zone with no host is a hexagon node.
 *   Each host is a subgraph (a plain node when it has nothing inside) holding its
 *   containers (`CT 101 syncthing-srv`; `CT 105 CT105` without a hostname, as pct names
 *   it), VMs (`VM 200 docker`), services that run on the host itself, and (option
 *   `storage`) its pools and iSCSI-shared zvols. A guest's label lists its services.
 * - Edges: iSCSI sessions/storage and NFS storage from the consumer to the host serving the
 *   portal or server address (labelled with the target or export), the lab's `links`
 *   (labelled by kind; a link that repeats a storage edge is drawn once), an interface in
 *   another zone as a dotted line to that zone, every port with exposure `internet` as a
 *   thick edge from an "Internet clients" node to the service or guest, and ports exposed
 *   to the tailnet or management zone as dotted edges from that zone. Edges between the
 *   same two nodes with the same style are merged (`443/tcp, 80/tcp`).
 *
 * Ids are a kind prefix with indices (`host0`, `ct0`, `pool0_1`, `svc3`) and then the name
 * reduced to `[A-Za-z0-9_]`, so they are unique and never a Mermaid keyword; every label is
 * escaped. Any name in the lab gives valid Mermaid; the same lab always gives the same text.
 * @example diagram(starterLab).split('\n').slice(0, 3)
 *   // ['flowchart TB', '    accTitle: Starter lab', '    accDescr: 2 hosts in 1 zone. …']
 */
export function diagram(lab: Lab, options: DiagramOptions = {}): string {
  const showStorage = options.storage ?? true;
  const lines: string[] = ['flowchart TB'];
  const out = (depth: number, text: string): void => {
    lines.push(`${'    '.repeat(depth)}${text}`);
  };

  const hostIds = new Map<string, string>(lab.hosts.map((h, i) => [h.name, mermaidId(`host${i}`, h.name)]));
  const zoneIds = new Map<string, string>(lab.zones.map((z, i) => [z.id, mermaidId(`zone${i}`, z.id)]));
  const guestIds = new Map<string, string>();
  for (const [i, host] of lab.hosts.entries()) {
    for (const ct of host.containers ?? []) guestIds.set(`${host.name}/${ct.vmid}`, mermaidId(`ct${i}`, ct.vmid));
    for (const vm of host.vms ?? []) guestIds.set(`${host.name}/${vm.vmid}`, mermaidId(`vm${i}`, vm.vmid));
  }
  const serviceIds = new Map<Service, string>(lab.services.map((s, i) => [s, mermaidId(`svc${i}`, s.name)]));

  const exposed = lab.services.flatMap((s) => s.ports.filter((p) => p.exposure === 'internet').map((p) => ({ s, p })));
  const internetZone = lab.zones.find((z) => z.kind === 'internet');
  const hostsIn = (zone: Zone | undefined): Host[] => lab.hosts.filter((h) => h.zone === zone?.id);
  // Where internet edges start: a node of its own (an edge from a zone subgraph to a node inside it breaks Mermaid's layout).
  let internetId: string | undefined;
  let internetInsideZone = false;
  if (exposed.length > 0) {
    if (internetZone && hostsIn(internetZone).length === 0) internetId = zoneIds.get(internetZone.id);
    else {
      internetId = 'internet_clients';
      internetInsideZone = internetZone !== undefined;
    }
  }

  out(1, `accTitle: ${mermaidAccText(lab.name)}`);
  out(1, `accDescr: ${mermaidAccText(describe(lab))}`);

  const renderHost = (host: Host, depth: number): void => {
    const index = lab.hosts.indexOf(host);
    const id = hostIds.get(host.name) as string;
    if (isEmptyHost(lab, host, showStorage)) {
      // Nothing to put inside: a plain node (Mermaid draws an empty subgraph as a bare title).
      out(depth, `${id}["${mermaidLabel(hostLabel(host))}"]`);
      return;
    }
    out(depth, `subgraph ${id}["${mermaidLabel(hostLabel(host))}"]`);
    for (const ct of host.containers ?? []) {
      const services = servicesIn(lab, host.name, ct.vmid);
      out(depth + 1, `${guestIds.get(`${host.name}/${ct.vmid}`)}["${guestLabel(`CT ${ct.vmid} ${ct.hostname ?? `CT${ct.vmid}`}`, services)}"]`);
    }
    for (const vm of host.vms ?? []) {
      const services = servicesIn(lab, host.name, vm.vmid);
      out(depth + 1, `${guestIds.get(`${host.name}/${vm.vmid}`)}["${guestLabel(`VM ${vm.vmid} ${vm.name}`, services)}"]`);
    }
    for (const service of lab.services.filter((s) => s.host === host.name && s.guest === undefined)) {
      out(depth + 1, `${serviceIds.get(service)}(["${mermaidLabel(serviceLabel(service))}"])`);
    }
    if (showStorage) {
      for (const [j, pool] of (host.pools ?? []).entries()) {
        out(depth + 1, `${mermaidId(`pool${index}_${j}`, pool.name)}[("${mermaidLabel(poolLabel(host, pool))}")]`);
      }
      for (const [j, zvol] of sharedZvols(host).entries()) {
        out(depth + 1, `${mermaidId(`zvol${index}_${j}`, zvol.name)}[("${mermaidLabel(`zvol ${zvol.name} ${shortSize(zvol.size)}`)}")]`);
      }
    }
    out(depth, 'end');
  };

  if (internetId === 'internet_clients' && !internetInsideZone) out(1, `internet_clients(("Internet clients"))`);
  for (const zone of lab.zones) {
    const zoneId = zoneIds.get(zone.id) as string;
    const members = hostsIn(zone);
    if (members.length === 0) {
      out(1, `${zoneId}{{"${mermaidLabel(zone.name)}"}}`);
      continue;
    }
    out(1, `subgraph ${zoneId}["${mermaidLabel(zone.name)}"]`);
    if (internetInsideZone && zone === internetZone) out(2, `internet_clients(("Internet clients"))`);
    for (const host of members) renderHost(host, 2);
    out(1, 'end');
  }
  for (const host of lab.hosts.filter((h) => h.zone === undefined || !zoneIds.has(h.zone))) renderHost(host, 1);

  const edges: Edge[] = [
    ...storageEdges(lab, hostIds),
    ...linkEdges(lab, hostIds),
    ...zoneEdges(lab, hostIds, zoneIds),
  ];
  const targetOf = (s: Service): string | undefined => (s.guest !== undefined ? guestIds.get(`${s.host}/${s.guest}`) : serviceIds.get(s));
  if (internetId !== undefined) {
    for (const { s, p } of exposed) {
      const target = targetOf(s);
      if (target) edges.push({ from: internetId, to: target, label: `${p.port}/${p.protocol}`, arrow: '==>' });
    }
  }
  // Ports open to the tailnet or the management network: a dotted edge from that zone, unless the service sits inside it.
  for (const s of lab.services) {
    for (const p of s.ports) {
      if (p.exposure !== 'tailnet' && p.exposure !== 'management') continue;
      const zone = lab.zones.find((z) => z.kind === p.exposure);
      const target = targetOf(s);
      if (!zone || !target || lab.hosts.some((h) => h.name === s.host && h.zone === zone.id)) continue;
      edges.push({ from: zoneIds.get(zone.id) as string, to: target, label: `${p.port}/${p.protocol}`, arrow: '-.->' });
    }
  }
  for (const edge of mergeEdges(edges)) {
    out(1, `${edge.from} ${edge.arrow}|"${mermaidLabel(edge.label)}"| ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One edge per (from, arrow, to), first-seen order, labels joined with `, ` and repeats
 * dropped: two ports of one service make one `443/tcp, 80/tcp` edge.
 */
function mergeEdges(edges: readonly Edge[]): Edge[] {
  const merged = new Map<string, Edge>();
  for (const edge of edges) {
    const key = `${edge.from} ${edge.arrow} ${edge.to}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...edge });
    else if (!existing.label.split(', ').includes(edge.label)) existing.label = `${existing.label}, ${edge.label}`;
  }
  return [...merged.values()];
}

/** `pve · Proxmox VE · 192.168.5.146`: name, kind and the first address in the host's own zone. */
function hostLabel(host: Host): string {
  const parts = [host.name, KIND_LABELS.get(host.kind) ?? host.kind];
  const own = host.interfaces.find((i) => i.zone === undefined || i.zone === host.zone) ?? host.interfaces[0];
  const address = own?.addresses[0]?.split('/')[0];
  if (address) parts.push(address);
  return parts.join(' · ');
}

/** How many service names a guest's label lists before it says `+ N more`. */
const GUEST_SERVICES_SHOWN = 5;

/**
 * A guest's label: `CT 101 syncthing-srv`, then `<br>` (a line break in Mermaid labels) and
 * the services running in it, the first five by name and the rest counted.
 */
function guestLabel(title: string, services: readonly Service[]): string {
  const head = mermaidLabel(title);
  if (services.length === 0) return head;
  const names = services.slice(0, GUEST_SERVICES_SHOWN).map((s) => s.name);
  const more = services.length - names.length;
  const list = more > 0 ? `${names.join(', ')} + ${more} more` : names.join(', ');
  return `${head}<br>${mermaidLabel(list)}`;
}

/** `caddy 443/tcp 80/tcp` */
function serviceLabel(service: Service): string {
  return [service.name, ...service.ports.map((p) => `${p.port}/${p.protocol}`)].join(' ');
}

/** `Tank-Archive · raidz1 3 × 4T`: the pool and its vdev layout, from the host's disks. */
function poolLabel(host: Host, pool: NonNullable<Host['pools']>[number]): string {
  const sizeOf = (name: string): number | undefined => host.disks.find((d) => d.name === name)?.size;
  const layout = pool.vdevs.map((vdev) => {
    const sizes = [...new Set(vdev.disks.map(sizeOf))];
    const size = sizes.length === 1 && sizes[0] !== undefined ? ` × ${shortSize(sizes[0])}` : '';
    return `${vdev.type} ${vdev.disks.length}${size}`;
  });
  return `${pool.name} · ${layout.join(' + ')}`;
}

/** Bytes as `4T`, `500G`, `1.5T` (one decimal at most), for labels only. */
function shortSize(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text}${units[unit]}`;
}

/** Zvols of a host that an iSCSI extent (`disk: zvol/<pool>/<name>`) exports. */
function sharedZvols(host: Host): NonNullable<Host['zvols']> {
  const disks = new Set((host.iscsi?.target?.extents ?? []).map((e) => e.disk?.replace(/^zvol\//, '')));
  return (host.zvols ?? []).filter((z) => disks.has(z.name));
}

/** Services that run inside guest `vmid` on `host`. */
function servicesIn(lab: Lab, host: string, vmid: number): Service[] {
  return lab.services.filter((s) => s.host === host && s.guest === vmid);
}

/** True when a host has nothing to draw inside it (no guests, host services or shown pools). */
function isEmptyHost(lab: Lab, host: Host, showStorage: boolean): boolean {
  const guests = (host.containers ?? []).length + (host.vms ?? []).length;
  const services = lab.services.filter((s) => s.host === host.name && s.guest === undefined).length;
  const storage = showStorage ? (host.pools ?? []).length : 0;
  return guests + services + storage === 0;
}

/** Which host owns an address (any interface, prefix ignored). */
function hostByAddress(lab: Lab, address: string): Host | undefined {
  return lab.hosts.find((h) => h.interfaces.some((i) => i.addresses.some((a) => a.split('/')[0] === address)));
}

/** The part of an IQN after the last `:`, which is the TrueNAS target name (`…ctl:nextcloud` → `nextcloud`). */
function targetShortName(iqn: string): string {
  const colon = iqn.lastIndexOf(':');
  return colon >= 0 ? iqn.slice(colon + 1) : iqn;
}

/** The address part of `192.168.5.142:3260`, `[fd00::1]:3260` or a bare address. */
function portalAddress(portal: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(portal);
  if (bracketed) return bracketed[1] as string;
  return /^[^:]+:\d+$/.test(portal) ? (portal.split(':')[0] as string) : portal;
}

/** iSCSI edges (sessions and `iscsi` storage entries) and NFS edges (`nfs` storage entries). */
function storageEdges(lab: Lab, hostIds: ReadonlyMap<string, string>): Edge[] {
  const edges: Edge[] = [];
  for (const host of lab.hosts) {
    const from = hostIds.get(host.name) as string;
    const iscsi: { portal: string; target: string }[] = [
      ...(host.iscsi?.initiator?.sessions ?? []),
      ...(host.proxmox?.storage ?? []).flatMap((s) =>
        s.type === 'iscsi' && s.portal && s.target ? [{ portal: s.portal, target: s.target }] : [],
      ),
    ];
    for (const { portal, target } of iscsi) {
      const server = hostByAddress(lab, portalAddress(portal));
      if (server && server !== host) {
        edges.push({ from, to: hostIds.get(server.name) as string, label: `iSCSI ${targetShortName(target)}`, arrow: '-->' });
      }
    }
    for (const storage of host.proxmox?.storage ?? []) {
      if (storage.type !== 'nfs' || !storage.server) continue;
      const server = hostByAddress(lab, storage.server);
      if (server && server !== host) {
        edges.push({ from, to: hostIds.get(server.name) as string, label: `NFS ${storage.export ?? ''}`.trim(), arrow: '-->' });
      }
    }
  }
  return edges;
}

/** The lab's `links`, labelled by kind; a link that a storage edge already shows is skipped. */
function linkEdges(lab: Lab, hostIds: ReadonlyMap<string, string>): Edge[] {
  const derived = storageEdges(lab, hostIds).map((e) => `${e.from} ${e.to} ${e.label.split(' ')[0]}`);
  const edges: Edge[] = [];
  for (const link of lab.links) {
    const from = hostIds.get(link.from);
    const to = hostIds.get(link.to);
    if (!from || !to) continue;
    const label = LINK_LABELS.get(link.kind) ?? link.kind;
    if (derived.includes(`${from} ${to} ${label}`)) continue;
    edges.push({ from, to, label, arrow: TUNNEL_KINDS.has(link.kind) ? '-.->' : '-->' });
  }
  return edges;
}

/** A dotted line from a host to each other zone one of its interfaces sits in (`tailscale0 100.64.0.2`). */
function zoneEdges(lab: Lab, hostIds: ReadonlyMap<string, string>, zoneIds: ReadonlyMap<string, string>): Edge[] {
  const edges: Edge[] = [];
  for (const host of lab.hosts) {
    for (const iface of host.interfaces) {
      if (iface.zone === undefined || iface.zone === host.zone) continue;
      const zone = zoneIds.get(iface.zone);
      if (!zone) continue;
      const address = iface.addresses[0]?.split('/')[0];
      const label = address ? `${iface.name} ${address}` : iface.name;
      edges.push({ from: hostIds.get(host.name) as string, to: zone, label, arrow: '-.-' });
    }
  }
  return edges;
}

/** The one-line summary behind `accDescr`: hosts per zone, links, and what the internet reaches. */
function describe(lab: Lab): string {
  const zoneCount = lab.zones.length;
  const sentences: string[] = [
    `${plural(lab.hosts.length, 'host')} in ${plural(zoneCount, 'zone')}.`,
  ];
  for (const host of lab.hosts) {
    const zone = lab.zones.find((z) => z.id === host.zone);
    const guests: string[] = [];
    if ((host.containers ?? []).length > 0) guests.push(plural((host.containers ?? []).length, 'container'));
    if ((host.vms ?? []).length > 0) guests.push(plural((host.vms ?? []).length, 'VM'));
    const where = zone ? ` in ${zone.name}` : '';
    const what = guests.length > 0 ? ` with ${guests.join(' and ')}` : '';
    const [name, ...facts] = hostLabel(host).split(' · ');
    sentences.push(`${name} (${facts.join(', ')})${where}${what}.`);
  }
  for (const link of lab.links) {
    sentences.push(`${link.from} to ${link.to} over ${LINK_LABELS.get(link.kind) ?? link.kind}.`);
  }
  const exposed = lab.services.filter((s) => s.ports.some((p) => p.exposure === 'internet'));
  sentences.push(
    exposed.length === 0
      ? 'Nothing is exposed to the internet.'
      : `Exposed to the internet: ${exposed
          .map((s) => `${s.name} on ${s.host} (${s.ports.filter((p) => p.exposure === 'internet').map((p) => `${p.port}/${p.protocol}`).join(', ')})`)
          .join('; ')}.`,
  );
  return sentences.join(' ');
}

/** `1 host`, `2 hosts`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
