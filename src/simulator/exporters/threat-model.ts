/**
 * A STRIDE-per-element threat table drawn from a lab: every service port that a zone other
 * than its own host can reach, every link between hosts, and every guest or share that
 * weakens the hypervisor boundary, each with the STRIDE threats that apply to it.
 *
 * STRIDE per element is the method of Microsoft's Threat Modeling Tool (Shostack, "Threat
 * Modeling: Designing for Security", ch. 3): walk the elements of a data-flow diagram and ask,
 * for each, which of Spoofing, Tampering, Repudiation, Information disclosure, Denial of
 * service and Elevation of privilege apply. The rules below are the usual homelab answers;
 * each row says what lowers the risk and what is left once that is done.
 */
// @sim export threat model | STRIDE per element (Shostack 2014, ch. 3) over the lab's zones, service exposures, links and guests
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';

/** The six STRIDE categories. */
export const STRIDE = ['Spoofing', 'Tampering', 'Repudiation', 'Information disclosure', 'Denial of service', 'Elevation of privilege'] as const;
/** One STRIDE category. */
export type Stride = (typeof STRIDE)[number];

/** How much risk is left once the mitigation is in place. */
export type Residual = 'low' | 'medium' | 'high';

/** One row of the table. */
export interface ThreatRow {
  /** The element: a service with where it runs, a link, a guest or a host. */
  readonly element: string;
  /** What kind of element it is. */
  readonly elementKind: 'service' | 'link' | 'guest' | 'host';
  /** The trust boundary crossed to reach it: `Internet → pve` (a zone into a host), `container → pve`, `inside Home LAN`. */
  readonly boundary: string;
  /** The STRIDE category. */
  readonly stride: Stride;
  /** What goes wrong. */
  readonly threat: string;
  /** How an attacker gets there. */
  readonly vector: string;
  /** What it costs when it happens. */
  readonly impact: string;
  /** What lowers the risk, in this lab or as the thing to do next. */
  readonly mitigation: string;
  /** Risk left with the mitigation in place. */
  readonly residual: Residual;
}

type Service = Lab['services'][number];
type Port = Service['ports'][number];
type Exposure = Port['exposure'];

/** Names a zone kind when the lab has no zone of that kind to take a name from. */
const EXPOSURE_NAMES: Readonly<Record<Exposure, string>> = {
  internet: 'Internet',
  lan: 'LAN',
  tailnet: 'Tailnet',
  management: 'Management network',
  local: 'the host itself',
};

/** Well-known ports whose protocol changes the answer (IANA service names registry). */
const PORT_ROLES: ReadonlyMap<number, string> = new Map([
  [22, 'ssh'],
  [53, 'dns'],
  [80, 'http'],
  [2049, 'nfs'],
  [3260, 'iscsi'],
  [8006, 'pve-admin'],
  [8007, 'pbs-admin'],
  [51820, 'wireguard'],
  [41641, 'tailscale'],
]);

/** Service names that are a management interface: owning it means owning the machine. */
const ADMIN_NAMES = /(^|-)(proxmox-ui|truenas-ui|portainer|ui|admin)($|-)/;

/**
 * The STRIDE table of a lab, in a stable order: exposed services (internet first, then
 * tailnet, management, LAN), then links, then guests and hosts. Pure; the same lab always
 * gives the same rows.
 * @example threatModel(seed002).filter((r) => r.boundary.startsWith('Internet')).length // > 0
 */
export function threatModel(lab: Lab): ThreatRow[] {
  const order: Exposure[] = ['internet', 'tailnet', 'management', 'lan'];
  const rows: ThreatRow[] = [];
  for (const exposure of order) {
    for (const service of lab.services) {
      const ports = service.ports.filter((p) => p.exposure === exposure);
      if (ports.length > 0) rows.push(...serviceRows(lab, service, exposure, ports));
    }
  }
  for (const link of lab.links) rows.push(...linkRows(lab, link));
  for (const host of lab.hosts) rows.push(...hostRows(lab, host));
  return rows;
}

/** Counts per residual level, for a summary line. */
export function residualCounts(rows: readonly ThreatRow[]): Record<Residual, number> {
  const counts: Record<Residual, number> = { low: 0, medium: 0, high: 0 };
  for (const row of rows) counts[row.residual] += 1;
  return counts;
}

/** The name a zone kind has in this lab (`Family tailnet`), or a generic one. */
export function exposureName(lab: Lab, exposure: Exposure): string {
  if (exposure === 'local') return EXPOSURE_NAMES.local;
  return lab.zones.find((z) => z.kind === exposure)?.name ?? EXPOSURE_NAMES[exposure];
}

/** The zone name of a host (`Home LAN`), or its id, or `unzoned`. */
function hostZoneName(lab: Lab, host: Host | undefined): string {
  if (!host?.zone) return 'unzoned';
  return lab.zones.find((z) => z.id === host.zone)?.name ?? host.zone;
}

/** `traefik on VM 200 docker (pve)`, `dnsmasq on pi`. */
function serviceElement(lab: Lab, service: Service): string {
  const host = lab.hosts.find((h) => h.name === service.host);
  if (service.guest === undefined || !host) return `${service.name} on ${service.host}`;
  return `${service.name} on ${guestName(host, service.guest)} (${host.name})`;
}

/** `CT 101 syncthing-srv`, `VM 200 docker`, or `guest 300` when the lab does not define it. */
function guestName(host: Host, vmid: number): string {
  const ct = host.containers.find((c) => c.vmid === vmid);
  if (ct) return `CT ${vmid} ${ct.hostname ?? `CT${vmid}`}`;
  const vm = host.vms.find((v) => v.vmid === vmid);
  return vm ? `VM ${vmid} ${vm.name}` : `guest ${vmid}`;
}

/** What separates a compromised service from its hypervisor, as a phrase and a risk. */
function isolation(lab: Lab, service: Service): { text: string; residual: Residual } {
  const host = lab.hosts.find((h) => h.name === service.host);
  if (service.guest === undefined || !host) {
    return { text: 'runs on the host itself, so an exploit lands directly on the machine', residual: 'high' };
  }
  const ct = host.containers.find((c) => c.vmid === service.guest);
  if (ct && !ct.unprivileged) {
    return { text: 'runs in a privileged container, where root is root on the host', residual: 'high' };
  }
  if (ct) {
    return { text: 'runs in an unprivileged container (root inside maps to an unprivileged host UID), but shares the host kernel', residual: 'medium' };
  }
  return { text: 'runs in a VM, so an exploit must also escape the hypervisor', residual: 'low' };
}

/** Rows for one service reached from one zone kind. */
function serviceRows(lab: Lab, service: Service, exposure: Exposure, ports: readonly Port[]): ThreatRow[] {
  const element = serviceElement(lab, service);
  const portText = ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
  const boundary = `${exposureName(lab, exposure)} → ${service.host}`;
  const roles = new Set(ports.map((p) => PORT_ROLES.get(p.port)).filter((r): r is string => r !== undefined));
  const admin = ADMIN_NAMES.test(service.name) || roles.has('pve-admin') || roles.has('pbs-admin');
  const iso = isolation(lab, service);
  const row = (stride: Stride, fields: Omit<ThreatRow, 'element' | 'elementKind' | 'boundary' | 'stride'>): ThreatRow => ({
    element,
    elementKind: 'service',
    boundary,
    stride,
    ...fields,
  });
  const rows: ThreatRow[] = [];
  const wide = exposure === 'internet';
  const who = wide ? 'anyone on the internet' : exposure === 'lan' ? 'any device on the LAN (a compromised phone, an IoT gadget)' : `any device joined to the ${exposureName(lab, exposure)}`;

  if (roles.has('dns')) {
    rows.push(row('Tampering', {
      threat: 'forged or poisoned DNS answers send clients to the wrong address',
      vector: `spoofed replies on ${portText}, or a poisoned upstream cache`,
      impact: 'clients talk to an impostor; TLS still catches it where certificates are checked',
      mitigation: 'a validating resolver (DNSSEC) upstream, and answering only the LAN',
      residual: 'low',
    }));
  }
  if (roles.has('nfs')) {
    rows.push(row('Spoofing', {
      threat: 'a client claims any UID it likes and reads or writes as that user',
      vector: `NFS with AUTH_SYS on ${portText} trusts the UID the client sends`,
      impact: 'every file on the export, with the rights of whoever the client pretends to be',
      mitigation: 'export to named client addresses only, keep root_squash, put the traffic on its own VLAN; Kerberos (sec=krb5p) to authenticate users',
      residual: 'medium',
    }));
  }
  if (roles.has('iscsi')) {
    rows.push(row('Spoofing', {
      threat: 'another machine presents the allowed initiator name and logs in to the target',
      vector: `an IQN is only a string the initiator sends on ${portText}`,
      impact: 'raw block access to the LUN: read everything, or corrupt the file system by mounting it twice',
      mitigation: 'CHAP on the target, the portal bound to a storage-only network, the initiator group limited to one IQN',
      residual: 'medium',
    }));
  }
  if (roles.has('wireguard') || roles.has('tailscale')) {
    rows.push(row('Spoofing', {
      threat: 'a stolen device key joins the tunnel as a trusted peer',
      vector: `a copied private key or a logged-in laptop; ${portText} itself answers only to known keys`,
      impact: 'the attacker reaches whatever the tunnel routes to',
      mitigation: 'per-device keys, key expiry, access rules that allow only the ports each peer needs',
      residual: 'low',
    }));
    return rows;
  }
  // Inside a tailnet or a WireGuard tunnel, plain HTTP is already encrypted on the wire.
  if (roles.has('http') && !ports.some((p) => p.port === 443) && (wide || exposure === 'lan')) {
    rows.push(row('Information disclosure', {
      threat: 'passwords and session cookies cross the network in clear text',
      vector: `plain HTTP on ${portText}, readable by anyone on the path`,
      impact: 'stolen sessions and credentials',
      mitigation: 'serve HTTPS only (a reverse proxy with a certificate), or reach it only through a tunnel',
      residual: wide ? 'high' : 'medium',
    }));
  }
  if (!roles.has('dns') && !roles.has('nfs') && !roles.has('iscsi')) {
    rows.push(row('Spoofing', {
      threat: admin ? 'someone logs in to the management interface' : 'someone logs in as a legitimate user',
      vector: `${who} can try passwords or stolen sessions on ${portText}`,
      impact: admin ? 'full control of the machine and every guest on it' : 'the data and actions of that user',
      mitigation: wide
        ? 'unique passwords and MFA, an identity provider in front of the apps, fail2ban or CrowdSec on the proxy'
        : 'unique passwords and MFA; keep it off the internet, as this lab does',
      residual: wide || (admin && exposure === 'lan') ? 'medium' : 'low',
    }));
  }
  rows.push(row('Elevation of privilege', {
    threat: 'an unpatched bug in the service gives the attacker code execution',
    vector: `a public exploit sent to ${portText} by ${who}`,
    impact: `control of the service; it ${iso.text}`,
    mitigation: 'updates on a schedule, the least privileges and mounts the service needs, and a VM rather than a container for anything internet-facing',
    residual: wide ? iso.residual : iso.residual === 'high' ? 'medium' : 'low',
  }));
  if (wide) {
    rows.push(row('Denial of service', {
      threat: 'a flood of requests takes the service, or the home uplink, down',
      vector: `traffic to ${portText} from many addresses`,
      impact: 'an outage of everything behind the same connection',
      mitigation: 'rate limits at the proxy; a provider-side shield or a VPS edge that can be moved',
      residual: 'medium',
    }));
  }
  return rows;
}

/** Rows for one link between hosts. */
function linkRows(lab: Lab, link: Lab['links'][number]): ThreatRow[] {
  const from = lab.hosts.find((h) => h.name === link.from);
  const to = lab.hosts.find((h) => h.name === link.to);
  const fromZone = hostZoneName(lab, from);
  const toZone = hostZoneName(lab, to);
  const base = {
    element: `${link.kind} link ${link.from} → ${link.to}`,
    elementKind: 'link' as const,
    boundary: fromZone === toZone ? `inside ${fromZone}` : `${fromZone} → ${toZone}`,
  };
  if (link.kind === 'wireguard' || link.kind === 'tailscale' || link.kind === 'vpn') {
    return [{
      ...base,
      stride: 'Elevation of privilege',
      threat: 'a compromised peer uses the tunnel to reach the other side',
      vector: `the ${link.kind} peer on ${link.from} is itself broken into`,
      impact: `whatever ${link.to} lets that peer reach`,
      mitigation: 'allowed IPs and firewall rules so the tunnel carries only the ports it is for',
      residual: 'low',
    }];
  }
  if (link.kind === 'iscsi') {
    const target = to?.iscsi?.target;
    const groups = target?.targets.flatMap((t) => t.groups) ?? [];
    const chap = groups.length > 0 && groups.every((g) => g.authmethod !== 'NONE');
    const openGroup = groups.some((g) => g.initiator === null) || (target?.initiators ?? []).some((i) => i.initiators.length === 0);
    return [
      {
        ...base,
        stride: 'Information disclosure',
        threat: 'block data is read off the wire',
        vector: 'iSCSI is not encrypted, with or without CHAP',
        impact: 'everything stored on the LUN',
        mitigation: 'a dedicated storage network or VLAN that nothing else joins',
        residual: 'medium',
      },
      {
        ...base,
        stride: 'Tampering',
        threat: 'a second initiator mounts the same ext4 LUN and both corrupt it',
        vector: openGroup ? 'the target admits any initiator' : 'a second host configured with the same IQN, or added to the initiator group',
        impact: 'a file system that no longer mounts, and data loss',
        mitigation: `${openGroup ? 'list exactly one IQN in the initiator group' : 'one IQN per initiator group, as here'}; ${chap ? 'CHAP is set' : 'add CHAP'}`,
        residual: openGroup ? 'high' : chap ? 'low' : 'medium',
      },
    ];
  }
  if (link.kind === 'nfs') {
    return [{
      ...base,
      stride: 'Information disclosure',
      threat: 'file contents are read off the wire',
      vector: 'NFS without Kerberos privacy (sec=krb5p) is clear text',
      impact: 'the files that cross the link',
      mitigation: 'a storage VLAN, or NFS over the tailnet or WireGuard',
      residual: 'medium',
    }];
  }
  if (link.kind === 'dns') {
    return [{
      ...base,
      stride: 'Denial of service',
      threat: 'the resolver is down and every name lookup fails',
      vector: 'one machine answers DNS for the whole network',
      impact: 'apps, updates and backups that use names stop working',
      mitigation: 'a second resolver in DHCP, or a fallback on the router',
      residual: 'low',
    }];
  }
  return [{
    ...base,
    stride: 'Tampering',
    threat: 'traffic on the link is changed in transit',
    vector: `${link.kind} between ${link.from} and ${link.to} on a shared network`,
    impact: 'wrong data accepted as genuine',
    mitigation: 'an authenticated, encrypted protocol (TLS, SSH, WireGuard) for the link',
    residual: 'low',
  }];
}

/** Rows for a host: privileged containers, host bind mounts, and who did what. */
function hostRows(lab: Lab, host: Host): ThreatRow[] {
  const rows: ThreatRow[] = [];
  const zone = hostZoneName(lab, host);
  for (const ct of host.containers) {
    const name = `${guestName(host, ct.vmid)} (${host.name})`;
    if (!ct.unprivileged) {
      rows.push({
        element: name, elementKind: 'guest', boundary: `container → ${host.name}`, stride: 'Elevation of privilege',
        threat: 'root in the container is root on the host',
        vector: 'a privileged container shares UID 0 with the host; a kernel or LXC escape needs no mapping trick',
        impact: `the whole of ${host.name} and every guest on it`,
        mitigation: 'recreate it unprivileged (the default for pct create since Proxmox VE 9), with idmaps for the files it needs',
        residual: 'high',
      });
    }
    const binds = ct.mounts.filter((m) => m.source !== undefined && !m.ro);
    if (binds.length > 0) {
      rows.push({
        element: name, elementKind: 'guest', boundary: `container → ${host.name}`, stride: 'Tampering',
        threat: 'a compromised container rewrites or encrypts host data it can write',
        vector: `writable bind mount${binds.length > 1 ? 's' : ''} of ${binds.map((m) => m.source).join(', ')}`,
        impact: 'ransomware reaches the shared files, and every other guest that mounts them',
        mitigation: 'mount read-only where the app only reads, map IDs so the container owns only its own files, keep snapshots it cannot delete',
        residual: 'medium',
      });
    }
  }
  if (host.kind !== 'linux' || lab.services.some((s) => s.host === host.name && s.guest === undefined)) {
    const logged = lab.services.some((s) => /loki|syslog|graylog|wazuh/.test(s.name));
    rows.push({
      element: host.name, elementKind: 'host', boundary: `inside ${zone}`, stride: 'Repudiation',
      threat: 'changes cannot be traced to a person or a time',
      vector: 'everyone administers it as root, and its logs live only on the machine an attacker controls',
      impact: 'an incident whose cause and extent cannot be established',
      mitigation: logged ? 'named admin accounts, and logs shipped to the log store this lab already runs' : 'named admin accounts, and logs shipped to another machine',
      residual: logged ? 'low' : 'medium',
    });
  }
  return rows;
}
