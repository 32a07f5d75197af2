/**
 * `ip [-4|-6] [-br] address|link|route [show [dev] NAME]`: the host's links and addresses
 * from the lab, in iproute2's layout. Changing anything (`ip addr add`...) is not simulated.
 */
// @sim ip | iproute2 6.1 ip(8): address/link/route show, -4 -6 -br; ip.c "Object \"%s\" is unknown, try \"ip help\"." exit 255
import { fail, ok, type Command, type CommandResult } from '../command-spec';
import { linksOf, type IpLink } from '../ip-links';

// iproute2 ip.c usage() (abridged to the objects and options the simulator knows).
const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
where  OBJECT := { address | link | route }
       OPTIONS := { -4 | -6 | -br[ief] | -o[neline] }
`;

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
    simplified: 'read-only: show only; addresses and routes come from the lab file',
  },
  run(ctx, argv) {
    let family: 4 | 6 | 0 = 0;
    let brief = false;
    const args = [...argv];
    while (args[0]?.startsWith('-')) {
      const opt = (args.shift() as string).replace(/^--?/, '-');
      if (opt === '-4') family = 4;
      else if (opt === '-6') family = 6;
      else if (matches(opt.slice(1), 'brief', 2)) brief = true;
      else if (matches(opt.slice(1), 'oneline', 1) || matches(opt.slice(1), 'details', 1) || matches(opt.slice(1), 'statistics', 1)) continue;
      else if (matches(opt.slice(1), 'help', 1)) return { stdout: '', stderr: USAGE, exitCode: 255 };
      else return fail(`Option "${opt}" is unknown, try "ip -help".`, 255);
    }
    const object = args.shift();
    if (object === undefined || object === 'help') return { stdout: '', stderr: USAGE, exitCode: 255 };
    const links = linksOf(ctx.state, ctx.host);
    // ip.c do_cmd(): objects match by prefix (`matches()`), in the order of its table.
    if (matches(object, 'address', 1)) return show(args, links, 'address', (l) => (brief ? briefAddr(l, family) : fullAddr(l, family)), family);
    if (matches(object, 'link', 1)) return show(args, links, 'link', (l) => (brief ? briefLink(l) : fullLink(l)), 0);
    if (matches(object, 'route', 1)) return route(args, ctx.host.interfaces ?? [], links);
    return fail(`Object "${object}" is unknown, try "ip help".`, 255);
  },
};

/** iproute2 utils.c matches(): `arg` is a prefix of `full` (at least `min` characters here). */
function matches(arg: string, full: string, min: number): boolean {
  return arg.length >= min && full.startsWith(arg);
}

function show(args: string[], links: IpLink[], object: string, print: (l: IpLink) => string, family: 0 | 4 | 6): CommandResult {
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
  if (family !== 0) selected = selected.filter((l) => l.addresses.some((a) => isFamily(a, family)));
  return ok(selected.map(print).join(''));
}

function isFamily(cidr: string, family: 0 | 4 | 6): boolean {
  return family === 0 || (family === 4) === !cidr.includes(':');
}

function header(l: IpLink): string {
  const master = l.master ? ` master ${l.master}` : '';
  return `${l.index}: ${l.name}: <${l.flags}> mtu ${l.mtu} qdisc ${l.qdisc}${master} state ${l.state} group default qlen ${l.qlen}\n`;
}

function linkLine(l: IpLink): string {
  if (l.kind === 'tunnel') return '    link/none \n';
  if (l.kind === 'loopback') return `    link/loopback ${l.mac} brd ${l.mac}\n`;
  return `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff\n`;
}

function fullLink(l: IpLink): string {
  return header(l) + linkLine(l);
}

function fullAddr(l: IpLink, family: 0 | 4 | 6): string {
  let out = header(l) + (family === 0 ? linkLine(l) : '');
  for (const cidr of l.addresses.filter((a) => isFamily(a, family))) {
    const [addr, prefix] = cidr.split('/') as [string, string];
    if (cidr.includes(':')) {
      const scope = addr === '::1' ? 'host' : addr.toLowerCase().startsWith('fe80:') ? 'link' : 'global';
      // ipaddress.c print_addrinfo: inet6 lines end with "scope X " (no label, so a trailing space).
      out += `    inet6 ${cidr} scope ${scope} \n       valid_lft forever preferred_lft forever\n`;
    } else {
      const scope = addr.startsWith('127.') ? 'host' : 'global';
      const brd = scope === 'global' && Number(prefix) < 31 && l.kind !== 'tunnel' ? ` brd ${broadcast(addr, Number(prefix))}` : '';
      out += `    inet ${cidr}${brd} scope ${scope} ${l.name}\n       valid_lft forever preferred_lft forever\n`;
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
    return fail(`ip route ${verb}: changing the network is not simulated; edit the lab file`, 2);
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
