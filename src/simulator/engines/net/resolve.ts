/**
 * Finding a host the way `ssh` would reach it: by the lab's short name, its hostname (with or
 * without a domain) or any of its interface addresses. Host names compare case-insensitively
 * (RFC 4343), as the resolver does.
 */
import type { Host as LabHost } from '../../model/host';
import type { Lab } from '../../model/lab';

/** The host a name or address refers to, or undefined. */
export function resolveHost(lab: Lab, target: string): LabHost | undefined {
  const wanted = target.toLowerCase().replace(/\.$/, '');
  for (const host of lab.hosts) {
    const hostname = (host.hostname ?? host.name).toLowerCase();
    if (host.name.toLowerCase() === wanted || hostname === wanted || hostname.split('.')[0] === wanted) return host;
  }
  for (const host of lab.hosts) {
    if (hostAddresses(host).some((ip) => ip.toLowerCase() === wanted)) return host;
  }
  return undefined;
}

/** Every address of a host, without prefix lengths, in interface order. */
export function hostAddresses(host: LabHost): string[] {
  return (host.interfaces ?? []).flatMap((i) => (i.addresses ?? []).map((cidr) => cidr.split('/')[0] as string));
}

/** The hostname a host reports (`hostname` field, else its name). */
export function hostnameOf(host: LabHost): string {
  return host.hostname ?? host.name;
}
