/**
 * `hostname`: prints the host name from the lab; -s short, -f FQDN, -d domain, -i the
 * address the name resolves to, -I every address (each followed by a space).
 */
// @sim hostname | Debian hostname 3.23 hostname(1): -s -f -d -i -I (trailing space after -I), no setting
import { fail, ok, type Command } from '../command-spec';
import { hostAddresses, hostnameOf } from '../host-resolve';

/** The `hostname` command. */
export const hostname: Command = {
  spec: {
    name: 'hostname',
    summary: 'show the host name and addresses',
    usage: 'hostname [-s|-f|-d|-i|-I]',
    description: 'Show the system\'s host name.',
    options: [
      { key: 'short', short: 's', long: 'short', help: 'short host name' },
      { key: 'fqdn', short: 'f', long: 'fqdn', help: 'long host name (FQDN)' },
      { key: 'long', long: 'long', help: 'long host name (FQDN)' },
      { key: 'domain', short: 'd', long: 'domain', help: 'DNS domain name' },
      { key: 'ip', short: 'i', long: 'ip-address', help: 'addresses for the host name' },
      { key: 'allIps', short: 'I', long: 'all-ip-addresses', help: 'all addresses for the host' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'Debian hostname 3.23',
    simplified: 'the host name cannot be changed here (it comes from the lab file)',
  },
  run(ctx, _argv, opts) {
    const name = hostnameOf(ctx.host);
    const f = opts.flags;
    if (opts.operands.length > 0) {
      return fail(`hostname: setting the host name is not simulated; change "hostname:" for ${ctx.host.name} in the lab file`);
    }
    if (f['allIps']) {
      // hostname.c: every configured address except loopback and IPv6 link-local, each followed by ' '.
      const ips = hostAddresses(ctx.host).filter((a) => !a.startsWith('127.') && a !== '::1' && !a.toLowerCase().startsWith('fe80:'));
      return ok(ips.map((ip) => `${ip} `).join('') + '\n');
    }
    if (f['ip']) {
      // Resolves the name through /etc/hosts: the first address, else Debian's 127.0.1.1 line.
      const ip = hostAddresses(ctx.host).find((a) => a.includes('.') && !a.startsWith('127.')) ?? '127.0.1.1';
      return ok(`${ip}\n`);
    }
    const dot = name.indexOf('.');
    if (f['short']) return ok(`${dot < 0 ? name : name.slice(0, dot)}\n`);
    if (f['domain']) return ok(`${dot < 0 ? '' : name.slice(dot + 1)}\n`);
    return ok(`${name}\n`);
  },
};
