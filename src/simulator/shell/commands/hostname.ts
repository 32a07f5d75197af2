/**
 * `hostname`: prints the host name from the lab; -s short, -f FQDN, -d domain, -a aliases,
 * -A every FQDN, -i the address the name resolves to, -I every address (each followed by
 * a space), -y the NIS domain. Names resolve through the host's own /etc/hosts.
 */
// @sim hostname | Debian hostname 3.23 hostname(1): -s -f -d -a -A -i -I -y -V -h; usage on stdout + status 255 for bad options; no setting
import { fail, ok, type Command } from '../command-spec';
import { hostAddresses, hostnameOf } from '../../engines/net/resolve';

// Debian hostname 3.23 hostname.c usage(): printed on stdout, for -h/--help and after a usage error.
const USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

/** Keys of the options that choose what to print; the last one given wins (hostname.c sets one `type`). */
const DISPLAY = new Set(['alias', 'allFqdns', 'domain', 'fqdn', 'ip', 'allIps', 'short', 'nis']);

/** The `hostname` command. */
export const hostname: Command = {
  spec: {
    name: 'hostname',
    summary: 'show the host name and addresses',
    usage: 'hostname [-a|-A|-d|-f|-i|-I|-s|-y]',
    description: "Show the system's host name.\n",
    // In hostname.c's long_options order, which glibc follows when it lists ambiguous prefixes.
    options: [
      { key: 'domain', short: 'd', long: 'domain', help: 'DNS domain name' },
      { key: 'boot', short: 'b', long: 'boot', help: 'set default hostname if none available' },
      { key: 'file', short: 'F', long: 'file', value: 'FILE', help: 'read host name or NIS domain name from given file' },
      { key: 'fqdn', short: 'f', long: 'fqdn', help: 'long host name (FQDN)' },
      { key: 'allFqdns', short: 'A', long: 'all-fqdns', help: 'all long host names (FQDNs)' },
      { key: 'help', short: 'h', long: 'help', help: 'print info and exit' },
      { key: 'fqdn', long: 'long', help: 'long host name (FQDN)' },
      { key: 'short', short: 's', long: 'short', help: 'short host name' },
      { key: 'version', short: 'V', long: 'version', help: 'print info and exit' },
      { key: 'alias', short: 'a', long: 'alias', help: 'alias names' },
      { key: 'ip', short: 'i', long: 'ip-address', help: 'addresses for the host name' },
      { key: 'allIps', short: 'I', long: 'all-ip-addresses', help: 'all addresses for the host' },
      { key: 'nis', short: 'y', long: 'nis', help: 'NIS/YP domain name' },
      { key: 'nis', long: 'yp', help: 'NIS/YP domain name' },
    ],
    arguments: 'gnu',
    usageStatus: 255,
    usageText: USAGE,
    imitates: 'Debian hostname 3.23',
    simplified: 'the host name cannot be changed here (it comes from the lab file): no NAME, -b or -F',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (f['help']) return { stdout: USAGE, stderr: '', exitCode: 255 };
    if (f['version']) return ok('hostname 3.23\n');
    // hostname.c: one operand sets the name; more than one is a usage error, printed on stderr this time.
    if (opts.operands.length > 1) return { stdout: '', stderr: USAGE, exitCode: 255 };
    if (opts.operands.length === 1 || f['boot'] || f['file'] !== undefined) {
      return fail(`hostname: setting the host name is not simulated; change "hostname:" for ${ctx.host.name} in the lab file`);
    }
    const name = hostnameOf(ctx.host);
    const dot = name.indexOf('.');
    const short = dot < 0 ? name : name.slice(0, dot);
    // /etc/hosts (host-files.ts) maps the first IPv4 address (else 127.0.1.1) to "FQDN short".
    const ipv4 = hostAddresses(ctx.host).find((a) => a.includes('.') && !a.startsWith('127.'));
    switch (opts.order.filter((k) => DISPLAY.has(k)).pop()) {
      case 'short':
        return ok(`${short}\n`);
      case 'fqdn':
        return ok(`${name}\n`);
      case 'domain':
        // hostname.c: the part after the first dot of the FQDN, and nothing at all without one.
        return ok(dot < 0 ? '' : `${name.slice(dot + 1)}\n`);
      case 'alias':
        // The other names on the FQDN's /etc/hosts line, each followed by a space.
        return ok(`${dot < 0 ? '' : `${short} `}\n`);
      case 'allFqdns':
        // Every address's name from /etc/hosts: only the IPv4 address has one there.
        return ok(`${ipv4 ? `${name} ` : ''}\n`);
      case 'ip':
        return ok(`${ipv4 ?? '127.0.1.1'}\n`);
      case 'allIps': {
        // hostname.c: every configured address except loopback and IPv6 link-local, each followed by ' '.
        const ips = hostAddresses(ctx.host).filter((a) => !a.startsWith('127.') && a !== '::1' && !a.toLowerCase().startsWith('fe80:'));
        return ok(ips.map((ip) => `${ip} `).join('') + '\n');
      }
      case 'nis':
        // getdomainname() returns "(none)" without NIS; hostname.c says so on stdout, status 1.
        return { stdout: 'hostname: Local domain name not set\n', stderr: '', exitCode: 1 };
      default:
        return ok(`${name}\n`);
    }
  },
};
