import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText, renderPctConf } from '../../../src/simulator/exporters';
import { ContainerSchema, HostSchema, type Container } from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';
import { expectGolden } from './golden-file';

const labs = loadExampleLabs();
const containers = labs.flatMap(({ id, lab }) =>
  lab.hosts.flatMap((host) => host.containers.map((ct) => ({ name: `${id}/${host.name}/${ct.vmid}`, ct, host }))),
);

/** A container with the model's defaults, from the fields a test cares about. */
const container = (fields: Record<string, unknown>): Container => ContainerSchema.parse({ vmid: 101, ...fields });

/**
 * Read a .conf back with the line rules of pve-container Config.pm parse_pct_config:
 * `#` description lines, `lxc.key: value` raw lines, `key: value` PVE lines; anything else
 * makes Proxmox log "unable to parse config".
 */
function parsePctConf(text: string): { description: string; keys: [string, string][]; lxc: string[] } {
  let description = '';
  const keys: [string, string][] = [];
  const lxc: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*$/.test(line)) continue;
    const comment = /^#(.*)$/.exec(line);
    const raw = /^(lxc\.[a-z0-9_\-.]+)(:|\s*=)\s*(.*?)\s*$/.exec(line);
    const pve = /^([a-z][a-z_]*\d*):\s*(.+?)\s*$/.exec(line);
    if (comment) description += `${decodeURIComponent(comment[1] as string)}\n`;
    else if (raw) lxc.push(`${raw[1]}: ${raw[3]}`);
    else if (pve) keys.push([pve[1] as string, pve[2] as string]);
    else throw new Error(`unable to parse config: ${line}`);
  }
  return { description, keys, lxc };
}

describe('renderPctConf: golden files', () => {
  it.each(containers)('$name', ({ name, ct, host }) => {
    const [lab, hostName, vmid] = name.split('/');
    expectGolden(`pve-lxc-conf/${lab}/${hostName}-${vmid}.conf`, renderPctConf(ct, host));
  });

  it.each(containers)('$name reads back with Proxmox\'s line rules, keys sorted', ({ ct, host }) => {
    const parsed = parsePctConf(renderPctConf(ct, host));
    const names = parsed.keys.map(([k]) => k);
    expect(names).toEqual([...names].sort());
    expect(parsed.description).toBe(ct.description ? `${ct.description.replace(/\n+$/, '')}\n` : '');
    expect(parsed.lxc).toEqual([...ct.idmap.map((l) => `lxc.idmap: ${l}`), ...ct.lxc]);
  });
});

describe('renderPctConf', () => {
  it('writes the every-field container as Proxmox would: description, sorted keys, then lxc lines', () => {
    const ct = labs.find((l) => l.id === 'every-field')?.lab.hosts[0]?.containers[0];
    expect(renderPctConf(ct as Container)).toMatchInlineSnapshot(`
      "#Syncthing for the family laptops
      arch: amd64
      cores: 1
      features: mount=nfs,nesting=1
      hostname: syncthing-srv
      memory: 512
      mp0: /tank/archive,mp=/mnt/archive
      mp1: local-zfs:subvol-101-disk-1,mp=/data,backup=1,size=32G
      net0: name=eth0,bridge=vmbr0,firewall=1,ip=dhcp,type=veth
      net1: name=eth1,bridge=vmbr0,gw=192.168.5.1,hwaddr=BC:24:11:00:00:01,ip=192.168.5.150/24,tag=20,type=veth
      onboot: 1
      ostype: debian
      rootfs: local-zfs:subvol-101-disk-0,size=8G
      startup: order=1,up=30,down=60
      swap: 512
      tags: family;sync
      unprivileged: 1
      lxc.idmap: u 0 100000 1000
      lxc.idmap: g 0 100000 1000
      lxc.idmap: u 1000 1000 1
      lxc.idmap: g 1000 1000 1
      lxc.idmap: u 1001 101001 64535
      lxc.idmap: g 1001 101001 64535
      lxc.apparmor.profile: generated
      "
    `);
  });

  it('sorts keys as Perl strings, so mp10 comes before mp2', () => {
    const ct = container({
      mounts: [2, 10, 1].map((index) => ({ index, source: `/srv/m${index}`, mp: `/mnt/m${index}` })),
    });
    const keys = parsePctConf(renderPctConf(ct)).keys.map(([k]) => k);
    expect(keys.filter((k) => k.startsWith('mp'))).toEqual(['mp1', 'mp10', 'mp2']);
  });

  it('gives a container without hostname the name pct create gives it, CT<vmid>', () => {
    expect(renderPctConf(container({ vmid: 105 }))).toContain('hostname: CT105\n');
  });

  it('writes defaults the model fills in (cores 1, memory 512, swap 512, unprivileged) and nothing for off switches', () => {
    expect(renderPctConf(container({ onboot: false, features: { nesting: false, keyctl: false } }))).toBe(
      'arch: amd64\ncores: 1\nhostname: CT101\nmemory: 512\nswap: 512\nunprivileged: 1\n',
    );
    expect(renderPctConf(container({ unprivileged: false }))).not.toContain('unprivileged');
  });

  it('prints features in schema order, mount types joined with ";"', () => {
    const text = renderPctConf(container({ features: { nesting: true, fuse: true, keyctl: true, mknod: true, mount: ['nfs', 'cifs'] } }));
    expect(text).toContain('features: fuse=1,keyctl=1,mknod=1,mount=nfs;cifs,nesting=1\n');
  });

  it('lowercases, sorts and de-duplicates tags like get_unique_tags', () => {
    expect(renderPctConf(container({ tags: ['web', 'Prod', 'prod', 'db'] }))).toContain('tags: db;prod;web\n');
  });

  it('writes bind mounts with their options and volume mounts with backup and size', () => {
    const text = renderPctConf(
      container({
        mounts: [
          { index: 0, source: '/tank/media', mp: '/media', ro: true, shared: true },
          { index: 1, storage: 'local-zfs', volume: 'subvol-101-disk-1', mp: '/data', size: '1536M', backup: true },
        ],
      }),
    );
    expect(text).toContain('mp0: /tank/media,mp=/media,ro=1,shared=1\n');
    expect(text).toContain('mp1: local-zfs:subvol-101-disk-1,mp=/data,backup=1,size=1536M\n');
  });

  it('names volumes the lab leaves unnamed the way their storage type does', () => {
    const host = HostSchema.parse({
      name: 'pve',
      kind: 'proxmox',
      proxmox: {
        storage: [
          { id: 'local', type: 'dir', path: '/var/lib/vz' },
          { id: 'local-zfs', type: 'zfspool', pool: 'rpool/data' },
          { id: 'vg', type: 'lvm', vgname: 'vg0' },
        ],
      },
    });
    const ct = container({
      rootfs: { storage: 'local-zfs', size: '8G' },
      mounts: [
        { index: 0, storage: 'local-zfs', mp: '/a', size: '1G' },
        { index: 1, storage: 'local', mp: '/b', size: '1G' },
        { index: 2, storage: 'vg', mp: '/c', size: '1G' },
        { index: 3, storage: 'vg', volume: 'vm-101-disk-0', mp: '/d', size: '1G' },
      ],
    });
    const keys = Object.fromEntries(parsePctConf(renderPctConf(ct, host)).keys);
    expect(keys.rootfs).toBe('local-zfs:subvol-101-disk-0,size=8G');
    expect(keys.mp0).toBe('local-zfs:subvol-101-disk-1,mp=/a,size=1G');
    expect(keys.mp1).toBe('local:101/vm-101-disk-0.raw,mp=/b,size=1G');
    expect(keys.mp2).toBe('vg:vm-101-disk-1,mp=/c,size=1G');
    expect(keys.mp3).toBe('vg:vm-101-disk-0,mp=/d,size=1G');
  });

  it('writes the description as #-lines with %, : and non-ASCII escaped like encode_text', () => {
    const text = renderPctConf(container({ description: 'Note: 100% café\n\nsecond line\n' }));
    expect(text.split('\n').slice(0, 3)).toEqual(['#Note%3A 100%25 caf%C3%A9', '#', '#second line']);
  });

  it('never lets a description line end the comment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (description) => {
        const text = renderPctConf(container({ description: description === '' ? 'x' : description }));
        for (const line of text.split('\n').filter((l) => l.startsWith('#'))) expect(line).toMatch(/^#[\x20-\x7e]*$/);
        expect(() => parsePctConf(text)).not.toThrow();
      }),
    );
  });
});

describe('encodeText', () => {
  it('round-trips through uri_unescape (decodeURIComponent) and leaves only printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const encoded = encodeText(text);
        expect(encoded).toMatch(/^[\x20-\x7e]*$/);
        expect(encoded).not.toMatch(/:/);
        expect(decodeURIComponent(encoded)).toBe(text);
      }),
    );
  });

  it('turns a lone surrogate into U+FFFD as a UTF-8 encoder does', () => {
    expect(encodeText('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});
