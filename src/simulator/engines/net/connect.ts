/**
 * Reachability between the lab's hosts: `connect(world, from, address, port)` answers as a
 * TCP connect(2) from `from` would — connected, refused (RST: the host is there, nothing
 * listens), unreachable (the address is on a local subnet but nobody answers ARP: EHOSTUNREACH
 * after about 3 s), timed out (sent to the gateway, nobody answers: ETIMEDOUT after the SYN
 * retries, about 127 s with net.ipv4.tcp_syn_retries = 6), or no route (no interface or
 * gateway for it: ENETUNREACH at once). Engines register listening sockets (sshd :22 on every
 * host; the iSCSI portal while its service runs; NFS).
 */
// @sim net connect | Linux TCP connect(2) outcomes: ECONNREFUSED, EHOSTUNREACH after ARP's 3 s, ETIMEDOUT after tcp_syn_retries=6 (127 s), ENETUNREACH without a route
import { parseCidr, parseIpv4 } from '../../model/network';
import { type Host } from '../../model/host';
import type { World } from '../world';
import type { ListenSocket } from './types';

/** What a connection attempt gives, and how long it took (virtual ms). */
export type ConnectResult =
  | { ok: true; host: Host; socket: ListenSocket; ms: number }
  | { ok: false; errno: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ETIMEDOUT' | 'ENETUNREACH'; ms: number };

/** ARP gives up after 3 tries, one second apart (net.ipv4.neigh.default.ucast_solicit 3 / retrans_time 1 s). */
const ARP_TIMEOUT_MS = 3_000;
/** tcp_syn_retries = 6: 1+2+4+8+16+32+64 s. */
const SYN_TIMEOUT_MS = 127_000;

/** Starts listening on `address:port` on a host (idempotent). */
export function listen(world: World, host: string, socket: ListenSocket): void {
  const list = (world.net.listening[host] ??= []);
  if (!list.some((s) => s.address === socket.address && s.port === socket.port)) list.push(socket);
}

/** Stops listening on `port` (every address) on a host. */
export function unlisten(world: World, host: string, port: number, address?: string): void {
  const list = world.net.listening[host] ?? [];
  world.net.listening[host] = list.filter((s) => s.port !== port || (address !== undefined && s.address !== address));
}

/** The host that owns an IPv4 or IPv6 address (interfaces only; loopback is the caller's own). */
export function hostWithAddress(world: World, address: string): Host | undefined {
  return world.lab.hosts.find((h) => h.interfaces.some((i) => i.addresses.some((cidr) => parseCidr(cidr)?.address === address)));
}

/** An IPv4 address as a 32-bit number, or null. */
function ipv4Number(text: string): number | null {
  const octets = parseIpv4(text);
  return octets ? octets.reduce((n, o) => ((n << 8) | o) >>> 0, 0) : null;
}

/** True when `address` is on one of `from`'s IPv4 subnets (reached directly, by ARP). */
function onLink(from: Host, address: string): boolean {
  const target = ipv4Number(address);
  if (target === null) return false;
  return from.interfaces.some((i) =>
    i.addresses.some((cidr) => {
      const net = parseCidr(cidr);
      const base = net && net.family === 4 ? ipv4Number(net.address) : null;
      if (!net || base === null) return false;
      const mask = net.prefix === 0 ? 0 : (0xffffffff << (32 - net.prefix)) >>> 0;
      return ((base & mask) >>> 0) === ((target & mask) >>> 0);
    }),
  );
}

/** Tries a TCP connection from host `from` to `address:port`. */
export function connect(world: World, from: string, address: string, port: number): ConnectResult {
  const source = world.lab.hosts.find((h) => h.name === from);
  if (!source) return { ok: false, errno: 'ENETUNREACH', ms: 0 };
  const loopback = address === '127.0.0.1' || address === '::1' || address === 'localhost';
  const target = loopback ? source : hostWithAddress(world, address);
  const local = loopback || onLink(source, address);
  const gateway = source.interfaces.some((i) => i.gateway !== undefined);
  if (!target) {
    if (local) return { ok: false, errno: 'EHOSTUNREACH', ms: ARP_TIMEOUT_MS };
    return gateway ? { ok: false, errno: 'ETIMEDOUT', ms: SYN_TIMEOUT_MS } : { ok: false, errno: 'ENETUNREACH', ms: 0 };
  }
  if (!local && !gateway) return { ok: false, errno: 'ENETUNREACH', ms: 0 };
  const sockets = world.net.listening[target.name] ?? [];
  const socket = sockets.find((s) => s.port === port && (s.address === '0.0.0.0' || s.address === '::' || s.address === address || (loopback && s.address.startsWith('127.'))));
  return socket ? { ok: true, host: target, socket, ms: 0 } : { ok: false, errno: 'ECONNREFUSED', ms: 0 };
}
