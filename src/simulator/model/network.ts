/**
 * Addresses and interfaces: IPv4/IPv6 addresses, CIDR prefixes, a host's interfaces.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { checkInterfaceName, checkSlug } from './names';

/** Parse dotted-quad IPv4 (no leading zeros, as inet_pton(3) in strict mode). */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** Parse IPv6 text (RFC 4291 §2.2, with `::` and an optional dotted-quad tail) into 8 groups. */
export function parseIpv6(text: string): number[] | null {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0] as string);
  const tail = halves.length === 2 ? toGroups(halves[1] as string) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** An address in canonical form (for comparing `fd00::1` with `fd00:0::1`), or null. */
export function canonicalIp(text: string): { family: 4 | 6; canonical: string } | null {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, canonical: v4.join('.') };
  const v6 = parseIpv6(text);
  if (v6) return { family: 6, canonical: v6.map((g) => g.toString(16)).join(':') };
  return null;
}

/** Split `192.168.5.146/24` into address and prefix length, or null when it is not CIDR. */
export function parseCidr(text: string): { address: string; prefix: number; family: 4 | 6 } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return null;
  const ip = canonicalIp(m[1] as string);
  const prefix = Number(m[2]);
  if (!ip || prefix > (ip.family === 4 ? 32 : 128)) return null;
  return { address: m[1] as string, prefix, family: ip.family };
}

/** Checker for a plain IP address. */
export function checkIp(text: string): string | null {
  return canonicalIp(text) ? null : `${JSON.stringify(text.slice(0, 40))} is not an IPv4 or IPv6 address`;
}

/** Checker for an address with its prefix length. */
export function checkCidr(text: string): string | null {
  return parseCidr(text) ? null : `${JSON.stringify(text.slice(0, 40))} is not an address with a prefix length, like 192.168.5.146/24`;
}

/**
 * An IP address.
 * @example 192.168.5.1
 */
export const IpSchema = checkedString(checkIp, 'ip', 'write an address like 192.168.5.1');

/**
 * An address with prefix length, as `ip addr` shows it.
 * @example 192.168.5.146/24
 */
export const CidrSchema = checkedString(checkCidr, 'cidr', 'write the address and prefix length, like 192.168.5.146/24');

/** An interface name (kernel dev_valid_name). */
export const InterfaceNameSchema = checkedString(checkInterfaceName, 'interface-name', 'use a name like eth0, eno1 or vmbr0');

/** A zone id reference (see service.ts ZoneSchema). */
export const ZoneIdSchema = checkedString(checkSlug, 'zone-id');

/** One network interface of a host. */
export const InterfaceSchema = z.strictObject({
  /**
   * Interface name as `ip link` shows it.
   * @example vmbr0
   */
  name: InterfaceNameSchema,
  /**
   * Addresses with prefix length.
   * @example [192.168.5.146/24]
   */
  addresses: z.array(CidrSchema).default([]),
  /**
   * Default gateway reached through this interface.
   * @example 192.168.5.1
   */
  gateway: IpSchema.optional(),
  /**
   * Ports of a Linux bridge (`bridge-ports` in /etc/network/interfaces).
   * @example [eno1]
   */
  bridge_ports: z.array(InterfaceNameSchema).optional(),
  /**
   * Trust zone of this interface; defaults to the host's zone.
   * @example tailnet
   */
  zone: ZoneIdSchema.optional(),
});

/** One network interface of a host. */
export type Interface = z.output<typeof InterfaceSchema>;
