/**
 * The exported storage.cfg and <vmid>.conf read back, with small parsers that follow
 * Proxmox's own (pve-common SectionConfig.pm parse_config; pve-container Config.pm
 * parse_pct_config and JSONSchema.pm parse_property_string), to the lab's values.
 */
import { describe, expect, it } from 'vitest';
import { exportProxmox } from '../../../src/simulator/exporters';
import { exportedIdmap } from '../../../src/simulator/exporters/pve-idmap-export';
import { formatPveSize } from '../../../src/simulator/exporters/pve-property-string';
import { loadExportLabs } from './export-labs';

/** SectionConfig.pm parse_config: `type: id` starts a section, `\tkey value` lines follow, a blank line ends it. */
function parseSectionConfig(text: string): { type: string; id: string; values: Record<string, string> }[] {
  const sections: { type: string; id: string; values: Record<string, string> }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*$/.test(line)) {
      current = undefined;
      continue;
    }
    const head = /^(\S+):\s*(\S+)\s*$/.exec(line);
    const kv = /^\s+(\S+)(\s+(.*\S))?\s*$/.exec(line);
    if (!current && head) {
      current = { type: head[1] as string, id: head[2] as string, values: {} };
      sections.push(current);
    } else if (current && kv) {
      // A bare key is a flag: `disable`.
      current.values[kv[1] as string] = kv[3] ?? '1';
    } else throw new Error(`storage.cfg: cannot parse ${JSON.stringify(line)}`);
  }
  return sections;
}

/** JSONSchema.pm parse_property_string: `k=v` pairs joined by `,`; a bare first value is the default key's. */
function parsePropertyString(text: string, defaultKey?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0 && defaultKey) out[defaultKey] = part;
    else out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** Config.pm parse_pct_config: `key: value` PVE lines and `lxc.*` raw lines (description lines skipped). */
function parsePctConfig(text: string): { keys: Record<string, string>; lxc: [string, string][] } {
  const keys: Record<string, string> = {};
  const lxc: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const raw = /^(lxc\.[a-z0-9_\-.]+)(:|\s*=)\s*(.*?)\s*$/.exec(line);
    const pve = /^([a-z][a-z_]*\d*):\s*(.+?)\s*$/.exec(line);
    if (raw) lxc.push([raw[1] as string, raw[3] as string]);
    else if (pve) keys[pve[1] as string] = pve[2] as string;
    else throw new Error(`unable to parse config: ${line}`);
  }
  return { keys, lxc };
}

const labs = loadExportLabs();
const versions = [8, 9] as const;

describe('storage.cfg reads back to the lab', () => {
  const hosts = labs.flatMap(({ id, lab }) => lab.hosts.filter((h) => (h.proxmox?.storage ?? []).length > 0).map((host) => ({ name: `${id}/${host.name}`, lab, host })));
  it.each(hosts)('$name', ({ lab, host }) => {
    const file = exportProxmox(lab, { pve: 9 }).find((f) => f.path === `${host.name}/etc/pve/storage.cfg`);
    const sections = parseSectionConfig(file?.content ?? '');
    expect(sections.map((s) => `${s.type}: ${s.id}`)).toEqual(host.proxmox?.storage.map((s) => `${s.type}: ${s.id}`));
    host.proxmox?.storage.forEach((entry, i) => {
      const expected: Record<string, string> = {};
      for (const [key, value] of Object.entries(entry)) {
        if (key === 'id' || key === 'type' || value === undefined) continue;
        if (key === 'disable') {
          if (value === true) expected[key] = '1';
        } else expected[key] = Array.isArray(value) ? (value.length > 0 ? value.join(',') : 'none') : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      }
      expect(sections[i]?.values).toEqual(expected);
    });
  });
});

describe('<vmid>.conf reads back to the lab', () => {
  const cts = labs.flatMap(({ id, lab }) => lab.hosts.flatMap((host) => host.containers.flatMap((ct) => versions.map((pve) => ({ name: `${id}/${host.name}/${ct.vmid} pve${pve}`, lab, host, ct, pve })))));
  it.each(cts)('$name', ({ lab, host, ct, pve }) => {
    const file = exportProxmox(lab, { pve }).find((f) => f.path === `${host.name}/etc/pve/lxc/${ct.vmid}.conf`);
    const { keys, lxc } = parsePctConfig(file?.content ?? '');
    expect(keys['hostname']).toBe(ct.hostname ?? `CT${ct.vmid}`);
    expect(Number(keys['memory'])).toBe(ct.memory);
    expect(Number(keys['swap'])).toBe(ct.swap);
    expect(Number(keys['cores'])).toBe(ct.cores);
    expect(keys['arch']).toBe(ct.arch);
    expect(keys['ostype']).toBe(ct.ostype);
    expect(keys['unprivileged']).toBe(ct.unprivileged ? '1' : undefined);
    expect(keys['onboot']).toBe(ct.onboot ? '1' : undefined);
    if (ct.rootfs) {
      const rootfs = parsePropertyString(keys['rootfs'] as string, 'volume');
      expect(rootfs['volume']?.startsWith(`${ct.rootfs.storage}:`)).toBe(true);
      if (ct.rootfs.volume) expect(rootfs['volume']).toBe(`${ct.rootfs.storage}:${ct.rootfs.volume}`);
      expect(rootfs['size']).toBe(formatPveSize(ct.rootfs.size));
    }
    for (const m of ct.mounts) {
      const mp = parsePropertyString(keys[`mp${m.index}`] as string, 'volume');
      expect(mp['mp']).toBe(m.mp);
      if (m.source) expect(mp['volume']).toBe(m.source);
      else expect(mp['volume']?.startsWith(`${m.storage}:`)).toBe(true);
      expect(mp['ro']).toBe(m.ro ? '1' : undefined);
      // Per-mount idmap= only on 9 (pve-container 6.1.6); on 8 it is folded into lxc.idmap.
      expect(mp['idmap']).toBe(pve === 9 ? m.idmap : undefined);
    }
    for (const net of ct.net) {
      const parsed = parsePropertyString(keys[`net${net.index}`] as string);
      expect(parsed['name']).toBe(net.name);
      expect(parsed['bridge']).toBe(net.bridge);
      expect(parsed['ip']).toBe(net.ip);
      expect(parsed['gw']).toBe(net.gw);
    }
    const idmap = lxc.filter(([k]) => k === 'lxc.idmap').map(([, v]) => v);
    expect(idmap).toEqual(exportedIdmap(ct, { pve }).container.idmap);
    expect(lxc.filter(([k]) => k !== 'lxc.idmap').map(([k, v]) => `${k}: ${v}`)).toEqual(ct.lxc);
  });
});
