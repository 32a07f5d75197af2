/**
 * `ip [-4|-6] [-br] address|link|route [show [dev] NAME]`: the host's links and addresses
 * from the lab, in iproute2's layout. Changing anything (`ip addr add`...) is not simulated.
 */
// @sim ip | iproute2 6.1 ip(8): address/link/route show, -4 -6 -br -o; ip.c "Object \"%s\" is unknown, try \"ip help\"." exit 1
import { fail, ok, type Command, type CommandResult } from '../command-spec';
import { linksOf, type IpLink } from '../ip-links';

// iproute2 6.1 ip.c usage(), on stderr with status 255.
const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

// The other objects of ip.c's cmds[] table, in its order: real, but not simulated here.
const OTHER_OBJECTS = ['addrlabel', 'amt', 'fou', 'ila', 'ioam', 'l2tp', 'macsec', 'maddress', 'monitor', 'mptcp', 'mroute', 'mrule', 'neighbor', 'neighbour', 'netconf', 'netns', 'nexthop', 'ntable', 'ntbl', 'rule', 'sr', 'tap', 'tcpmetrics', 'token', 'tunnel', 'tuntap', 'vrf', 'xfrm'];

/** How a listing is printed: iproute2's full, -br[ief] or -o[neline] form. */
type Layout = 'full' | 'brief' | 'oneline';

/** The `ip` command. */
export const ip: Command = {
  spec: {
    name: 'ip',
    summary: 'show network interfaces, addresses and routes',
    usage: 'ip [ OPTIONS ] OBJECT { COMMAND | help }',
    description: 'Show links (ip link), addresses (ip addr, ip a, ip -4 a, ip -br a) and routes (ip route).\n',
    options: [],
    arguments: 'raw',
    rawHelp: true,
    usageStatus: 255,
    imitates: 'iproute2 6.1 ip',
    simplified: 'read-only: show only, for address, link and route; addresses and routes come from the lab file; -d and -s are accepted and print nothing more',
  },
  // The objects a first argument names (ip(8)).
  complete: ({ args }) => (args.every((a) => a.startsWith('-')) ? ['address', 'link', 'route', 'help'] : null),
  run(ctx, argv) {
    let family: 4 | 6 | 0 = 0;
    let brief = false;
    let oneline = false;
    const args = [...argv];
    while (args[0]?.startsWith('-')) {
      const opt = (args.shift() as string).replace(/^--?/, '-');
      if (opt === '-4') family = 4;
      else if (opt === '-6') family = 6;
      else if (matches(opt.slice(1), 'brief', 2)) brief = true;
      else if (matches(opt.slice(1), 'oneline', 1)) oneline = true;
      else if (matches(opt.slice(1), 'details', 1) || matches(opt.slice(1), 'statistics', 1)) continue;
      else if (matches(opt.slice(1), 'help', 1)) return { stdout: '', stderr: USAGE, exitCode: 255 };
      else return fail(`Option "${opt}" is unknown, try "ip -help".`, 255);
    }
    const layout: Layout = brief ? 'brief' : oneline ? 'oneline' : 'full';
    const object = args.shift();
    if (object === undefined || object === 'help') return { stdout: '', stderr: USAGE, exitCode: 255 };
    const links = linksOf(ctx.world, ctx.host);
    // ip.c do_cmd(): objects match by prefix (`matches()`), in the order of its table.
    if (matches(object, 'address', 1)) return show(args, links, 'address', family, layout);
    if (matches(object, 'link', 1)) return show(args, links, 'link', 0, layout);
    if (matches(object, 'route', 1)) return route(args, ctx.host.interfaces ?? [], links);
    const other = OTHER_OBJECTS.find((o) => matches(object, o, 1));
    if (other) return fail(`ip ${other}: not simulated here (the simulator shows ip address, ip link and ip route)`, 2);
    // ip.c do_cmd(): "Object \"%s\" is unknown, try \"ip help\".", EXIT_FAILURE.
    return fail(`Object "${object}" is unknown, try "ip help".`, 1);
  },
};

/** iproute2 utils.c matches(): `arg` is a prefix of `full` (at least `min` characters here). */
function matches(arg: string, full: string, min: number): boolean {
  return arg.length >= min && full.startsWith(arg);
}

function show(args: string[], links: IpLink[], object: 'address' | 'link', family: 0 | 4 | 6, layout: Layout): CommandResult {
  const verb = args.shift();
  if (verb !== undefined && !matches(verb, 'show', 1) && !matches(verb, 'list', 1)) {
    if (['add', 'delete', 'del', 'change', 'replace', 'set', 'flush'].includes(verb)) return fail(`ip ${object} ${verb}: changing the network is not simulated; edit the lab file`, 2);
    return fail(`Command "${verb}" is unknown, try "ip ${object} help".`, 255);
  }
  if (args[0] === 'dev') args.shift();
  const dev = args[0];
  let selected = links;
  if (dev !== undefined) {
    selected = links.filter((l) => l.name === dev);
    // iproute2 ipaddress.c: "Device \"%s\" does not exist."
    if (selected.length === 0) return fail(`Device "${dev}" does not exist.`, 1);
  }
  if (object === 'link') return ok(selected.map((l) => (layout === 'brief' ? briefLink(l) : layout === 'oneline' ? oneline(fullLink(l)) : fullLink(l))).join(''));
  if (family !== 0) selected = selected.filter((l) => l.addresses.some((a) => isFamily(a, family)));
  if (layout === 'brief') return ok(selected.map((l) => briefAddr(l, family)).join(''));
  if (layout === 'oneline') return ok(selected.flatMap((l) => addressLines(l, family).map((a) => `${l.index}: ${l.name}    ${oneline(a).trimStart()}`)).join(''));
  // With -6 and no device, ip asks the kernel for AF_INET6 link records, which carry no
  // qdisc, group or master (kernel addrconf.c inet6_fill_ifinfo), so the header is shorter.
  const short = family === 6 && dev === undefined;
  return ok(selected.map((l) => (short ? shortHeader(l) : header(l, false)) + (family === 0 ? linkLine(l) : '') + addressLines(l, family).join('')).join(''));
}

/** -o[neline]: one record per line, its inner line breaks shown as a backslash (ip_common.h `_SL_`). */
function oneline(record: string): string {
  return record.replace(/\n(?=.)/g, '\\');
}

function isFamily(cidr: string, family: 0 | 4 | 6): boolean {
  return family === 0 || (family === 4) === !cidr.includes(':');
}

/** The first line of a link; `ip link` adds the link mode (`mode DEFAULT`), `ip address` does not (ipaddress.c print_linkinfo). */
function header(l: IpLink, withMode: boolean): string {
  const master = l.master ? ` master ${l.master}` : '';
  return `${l.index}: ${l.name}: <${l.flags}> mtu ${l.mtu} qdisc ${l.qdisc}${master} state ${l.state}${withMode ? ' mode DEFAULT' : ''} group default qlen ${l.qlen}\n`;
}

function shortHeader(l: IpLink): string {
  return `${l.index}: ${l.name}: <${l.flags}> mtu ${l.mtu} state ${l.state} qlen ${l.qlen}\n`;
}

function linkLine(l: IpLink): string {
  if (l.kind === 'tunnel') return '    link/none \n';
  if (l.kind === 'loopback') return `    link/loopback ${l.mac} brd ${l.mac}\n`;
  return `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff\n`;
}

function fullLink(l: IpLink): string {
  return header(l, true) + linkLine(l);
}

/** Each address of a link as ipaddress.c print_addrinfo prints it: the address line and its lifetimes. */
function addressLines(l: IpLink, family: 0 | 4 | 6): string[] {
  const out: string[] = [];
  for (const cidr of l.addresses.filter((a) => isFamily(a, family))) {
    const [addr, prefix] = cidr.split('/') as [string, string];
    if (cidr.includes(':')) {
      const scope = addr === '::1' ? 'host' : addr.toLowerCase().startsWith('fe80:') ? 'link' : 'global';
      // ipaddress.c print_addrinfo: inet6 lines end with "scope X " (no label, so a trailing space).
      out.push(`    inet6 ${cidr} scope ${scope} \n       valid_lft forever preferred_lft forever\n`);
    } else {
      const scope = addr.startsWith('127.') ? 'host' : 'global';
      const brd = scope === 'global' && Number(prefix) < 31 && l.kind !== 'tunnel' ? ` brd ${broadcast(addr, Number(prefix))}` : '';
      out.push(`    inet ${cidr}${brd} scope ${scope} ${l.name}\n       valid_lft forever preferred_lft forever\n`);
    }
  }
  return out;
}

/** `ip -br addr`: "%-16s %-14s " then each address and a space (ipaddress.c print_linkinfo_brief). */
function briefAddr(l: IpLink, family: 0 | 4 | 6): string {
  const addrs = l.addresses.filter((a) => isFamily(a, family)).map((a) => `${a} `).join('');
  return `${l.name.padEnd(16)} ${l.state.padEnd(14)} ${addrs}\n`;
}

function briefLink(l: IpLink): string {
  const mac = l.kind === 'tunnel' ? '' : `${l.mac} `;
  return `${l.name.padEnd(16)} ${l.state.padEnd(14)} ${mac}<${l.flags}> \n`;
}

function broadcast(addr: string, prefix: number): string {
  const n = addr.split('.').reduce((acc, o) => (acc << 8) | Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n | (~mask >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

function network(addr: string, prefix: number): string {
  const n = addr.split('.').reduce((acc, o) => (acc << 8) | Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

/** `ip route`: the default route(s) from declared gateways, then each IPv4 subnet's kernel route. */
function route(args: string[], ifaces: { name: string; addresses?: string[]; gateway?: string }[], links: IpLink[]): CommandResult {
  const verb = args[0];
  if (verb !== undefined && !matches(verb, 'show', 1) && !matches(verb, 'list', 1)) {
    // iproute.c do_iproute(): these change the table; get/save/restore read it in ways not simulated.
    if (['add', 'change', 'replace', 'prepend', 'append', 'delete', 'del', 'flush'].includes(verb)) return fail(`ip route ${verb}: changing the network is not simulated; edit the lab file`, 2);
    if (['get', 'save', 'restore', 'showdump'].includes(verb)) return fail(`ip route ${verb}: not simulated here (ip route shows the table)`, 2);
    return fail(`Command "${verb}" is unknown, try "ip route help".`, 255);
  }
  let out = '';
  for (const i of ifaces) if (i.gateway && !i.gateway.includes(':')) out += `default via ${i.gateway} dev ${i.name} proto kernel onlink \n`;
  for (const l of links) {
    if (l.kind === 'loopback') continue;
    for (const cidr of l.addresses) {
      if (cidr.includes(':')) continue;
      const [addr, prefix] = cidr.split('/') as [string, string];
      if (Number(prefix) === 32) continue;
      out += `${network(addr, Number(prefix))}/${prefix} dev ${l.name} proto kernel scope link src ${addr} \n`;
    }
  }
  return ok(out);
}
