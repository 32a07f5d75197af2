/**
 * The network links `ip` shows for a host, derived from the lab's interfaces: loopback
 * first, then each interface (with a bridge's ports, when declared, just before it), with
 * stable MAC addresses from the seed and IPv6 link-local addresses built from them (EUI-64,
 * RFC 4291 §2.5.1). Flags, qdisc and MTU are the usual ones for each kind of link.
 */
import type { LabHost } from './lab-types';
import { stableMac } from '../engines/random';
import type { World } from '../engines/world';

/** One link as `ip` prints it. */
export interface IpLink {
  index: number;
  name: string;
  kind: 'loopback' | 'ether' | 'bridge' | 'tunnel';
  flags: string;
  mtu: number;
  qdisc: string;
  state: 'UP' | 'UNKNOWN';
  qlen: number;
  master?: string;
  mac: string;
  /** Addresses with prefix length, IPv4 and IPv6 as declared. */
  addresses: string[];
}

/** The links of a host in ifindex order. */
export function linksOf(world: World, host: LabHost): IpLink[] {
  const links: IpLink[] = [
    { index: 1, name: 'lo', kind: 'loopback', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', qlen: 1000, mac: '00:00:00:00:00:00', addresses: ['127.0.0.1/8', '::1/128'] },
  ];
  const declared = new Set((host.interfaces ?? []).map((i) => i.name));
  const physicalQdisc = host.kind === 'linux' ? 'fq_codel' : 'mq';
  const add = (link: Omit<IpLink, 'index'>): void => {
    links.push({ ...link, index: links.length + 1 });
  };
  for (const iface of host.interfaces ?? []) {
    const ports = iface.bridge_ports ?? [];
    const isBridge = ports.length > 0 || /^(vmbr|br)/.test(iface.name);
    for (const port of ports) {
      if (declared.has(port) || links.some((l) => l.name === port)) continue;
      add({ name: port, kind: 'ether', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: physicalQdisc, state: 'UP', qlen: 1000, master: iface.name, mac: stableMac(world.seed, host.name, port), addresses: [] });
    }
    const addresses = [...(iface.addresses ?? [])];
    if (/^(tailscale|wg|tun)/.test(iface.name)) {
      // WireGuard and Tailscale devices are point-to-point without a link-layer address.
      const ts = iface.name.startsWith('tailscale');
      add({ name: iface.name, kind: 'tunnel', flags: ts ? 'POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP' : 'POINTOPOINT,NOARP,UP,LOWER_UP', mtu: ts ? 1280 : 1420, qdisc: ts ? 'fq_codel' : 'noqueue', state: 'UNKNOWN', qlen: ts ? 500 : 1000, mac: '', addresses });
      continue;
    }
    // A Linux bridge takes the MAC address of its first port.
    const firstPort = ports[0];
    const mac = stableMac(world.seed, host.name, isBridge && firstPort ? firstPort : iface.name);
    addresses.push(`${linkLocal(mac)}/64`);
    add({ name: iface.name, kind: isBridge ? 'bridge' : 'ether', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: isBridge ? 'noqueue' : physicalQdisc, state: 'UP', qlen: 1000, mac, addresses });
  }
  return links;
}

/** fe80::/64 address from a MAC by modified EUI-64 (RFC 4291 appendix A), compressed as iproute2 prints it. */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const e = [(b[0] ?? 0) ^ 0x02, b[1] ?? 0, b[2] ?? 0, 0xff, 0xfe, b[3] ?? 0, b[4] ?? 0, b[5] ?? 0];
  const groups = [0, 2, 4, 6].map((i) => (((e[i] as number) << 8) | (e[i + 1] as number)).toString(16));
  return `fe80::${groups.join(':')}`;
}
