/**
 * The container options `pct create` and `pct set` take, applied to a container of the lab
 * model (pve-container src/PVE/LXC/Config.pm $confdesc and its property strings: `net[n]`,
 * `mp[n]`, `features`, `rootfs`). Values are checked as pve-common's JSONSchema checks them;
 * errors come back in its words (`hostname: invalid format - …`).
 */
// @sim pct options | pve-container 6.x Config.pm $confdesc: arch cores cpulimit description features hostname memory mpN netN onboot ostype protection rootfs startup swap tags unprivileged; property strings key=value,… with a default key
import type { Container, ContainerNet, Mount } from '../../model/container';
import type { Host } from '../../model/host';
import { parseSize } from '../../model/size';
import { stableHash } from '../random';
import type { World } from '../world';

/** Options with their type as the schema has them (`int`, `bool`, `string`, `number`). */
export const CONTAINER_OPTIONS: Record<string, 'int' | 'bool' | 'string' | 'number'> = {
  arch: 'string', cores: 'int', cpulimit: 'number', cpuunits: 'int', description: 'string', features: 'string', hostname: 'string', memory: 'int',
  onboot: 'bool', ostype: 'string', protection: 'bool', rootfs: 'string', startup: 'string', swap: 'int', tags: 'string', unprivileged: 'bool',
  storage: 'string', password: 'string', 'ssh-public-keys': 'string', start: 'bool', nameserver: 'string', searchdomain: 'string', delete: 'string', force: 'bool',
};

/** Whether `name` is a container option (`net0`…`net31`, `mp0`…`mp255` included). */
export function isContainerOption(name: string): boolean {
  return name in CONTAINER_OPTIONS || /^net([0-9]|[12][0-9]|3[01])$/.test(name) || /^mp([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])$/.test(name);
}

/** A property string `key=value,key=value` (pve-common parse_property_string); a bare first part is the default key's. */
export function parsePropertyString(text: string, defaultKey?: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (!defaultKey || out[defaultKey] !== undefined) return `value without key, but schema does not define a default key`;
      out[defaultKey] = part;
    } else {
      const key = part.slice(0, eq);
      if (out[key] !== undefined) return `duplicate key in comma-separated list property: ${key}`;
      out[key] = part.slice(eq + 1);
    }
  }
  return out;
}

const bool = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : /^(1|on|yes|true)$/i.test(v));

/** A MAC Proxmox would generate (PVE::Tools::random_ether_addr with the BC:24:11 prefix), from the seed. */
export function generatedMac(world: World, vmid: number, key: string): string {
  const n = stableHash(world.seed, 'mac', String(vmid), key);
  return `BC:24:11:${[16, 8, 0].map((s) => ((n >>> s) & 0xff).toString(16).toUpperCase().padStart(2, '0')).join(':')}`;
}

/** `netN: name=eth0,bridge=vmbr0,ip=dhcp,…` → the model's ContainerNet. */
function parseNet(world: World, vmid: number, index: number, text: string): ContainerNet | string {
  const p = parsePropertyString(text);
  if (typeof p === 'string') return p;
  if (!p.name) return 'property is missing and it is not optional: name';
  const net: Record<string, unknown> = { index, name: p.name, bridge: p.bridge ?? 'vmbr0', hwaddr: p.hwaddr ?? generatedMac(world, vmid, `net${index}`) };
  if (p.ip) net.ip = p.ip;
  if (p.gw) net.gw = p.gw;
  if (p.ip6) net.ip6 = p.ip6;
  if (p.gw6) net.gw6 = p.gw6;
  if (p.tag) net.tag = Number(p.tag);
  if (p.firewall) net.firewall = bool(p.firewall);
  if (p.mtu) net.mtu = Number(p.mtu);
  if (p.rate) net.rate = Number(p.rate);
  return net as ContainerNet;
}

/** `mpN: SOURCE,mp=PATH[,ro=1][,backup=0][,shared=1][,size=…]`: a bind mount (host path) or a volume (`STORAGE:SIZE` new, `STORAGE:VOLUME`). */
function parseMount(index: number, text: string): Mount | string {
  const p = parsePropertyString(text, 'volume');
  if (typeof p === 'string') return p;
  if (!p.volume) return 'property is missing and it is not optional: volume';
  if (!p.mp) return 'property is missing and it is not optional: mp';
  const m: Record<string, unknown> = { index, mp: p.mp };
  if (p.volume.startsWith('/')) m.source = p.volume;
  else {
    const [storage, rest] = p.volume.split(':');
    m.storage = storage;
    // "STORAGE:8" allocates a new 8 GiB volume (pct.adoc "Storage Backed Mount Points").
    if (rest && /^\d+(\.\d+)?$/.test(rest)) m.size = Math.round(Number(rest) * 1024 ** 3);
    else if (rest) m.volume = rest;
  }
  if (p.size) m.size = parseSize(p.size) ?? p.size;
  if (p.ro !== undefined) m.ro = bool(p.ro);
  if (p.backup !== undefined) m.backup = bool(p.backup);
  if (p.shared !== undefined) m.shared = bool(p.shared);
  if (p.idmap !== undefined) m.idmap = p.idmap;
  return m as Mount;
}

/**
 * Applies one option to a draft container; returns null, or an error text: `NAME: …` for a
 * value the API's parameter check refuses (pct prints it under "400 Parameter verification
 * failed."), other texts for what the config code refuses.
 */
export function applyOption(world: World, host: Host, ct: Container, name: string, value: string): string | null {
  const type = CONTAINER_OPTIONS[name];
  if (type === 'int' && !/^-?\d+$/.test(value)) return `${name}: type check ('integer') failed - got '${value}'`;
  if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) return `${name}: type check ('number') failed - got '${value}'`;
  if (type === 'bool' && !/^(0|1|on|off|yes|no|true|false)$/i.test(value)) return `${name}: type check ('boolean') failed - got '${value}'`;
  // pve-common JSONSchema.pm check_type/check_format: minimum, maximum, formats.
  const range: Record<string, [number, number]> = { cores: [1, 8192], cpulimit: [0, 8192], cpuunits: [0, 500000], memory: [16, Number.MAX_SAFE_INTEGER], swap: [0, Number.MAX_SAFE_INTEGER] };
  const limits = range[name];
  if (limits && Number(value) < limits[0]) return `${name}: value must have a minimum value of ${limits[0]}`;
  if (limits && Number(value) > limits[1]) return `${name}: value must have a maximum value of ${limits[1]}`;
  // pve-common dns-name format.
  if (name === 'hostname' && !/^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(value)) return 'hostname: invalid format - value does not look like a valid DNS name';
  const c = ct as unknown as Record<string, unknown>;
  const net = /^net(\d+)$/.exec(name);
  const mp = /^mp(\d+)$/.exec(name);
  if (net) {
    const parsed = parseNet(world, ct.vmid, Number(net[1]), value);
    if (typeof parsed === 'string') return `${name}: ${parsed}`;
    ct.net = [...ct.net.filter((n) => n.index !== parsed.index), parsed].sort((a, b) => a.index - b.index);
  } else if (mp) {
    const parsed = parseMount(Number(mp[1]), value);
    if (typeof parsed === 'string') return `${name}: ${parsed}`;
    ct.mounts = [...ct.mounts.filter((m) => m.index !== parsed.index), parsed].sort((a, b) => a.index - b.index);
  } else if (name === 'features') {
    const p = parsePropertyString(value);
    if (typeof p === 'string') return `features: ${p}`;
    const f: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) f[k] = k === 'mount' ? v.split(';').filter(Boolean) : bool(v);
    ct.features = f as Container['features'];
  } else if (name === 'tags') ct.tags = value.split(/[;, ]/).filter(Boolean);
  else if (name === 'startup') {
    const p = parsePropertyString(value, 'order');
    if (typeof p === 'string') return `startup: ${p}`;
    ct.startup = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)]));
  } else if (type === 'bool') c[name] = bool(value);
  else if (type === 'int' || type === 'number') c[name] = Number(value);
  else c[name] = value;
  return null;
}

/** `--delete a,b`: removes options (mpN, netN and the optional keys) from a draft container. */
export function deleteOption(ct: Container, name: string): string | null {
  const c = ct as unknown as Record<string, unknown>;
  const net = /^net(\d+)$/.exec(name);
  const mp = /^mp(\d+)$/.exec(name);
  if (net) ct.net = ct.net.filter((n) => n.index !== Number(net[1]));
  else if (mp) ct.mounts = ct.mounts.filter((m) => m.index !== Number(mp[1]));
  else if (['cpulimit', 'description', 'features', 'startup', 'protection', 'onboot', 'tags'].includes(name)) delete c[name];
  else return `delete: unable to delete '${name}'`;
  return null;
}
