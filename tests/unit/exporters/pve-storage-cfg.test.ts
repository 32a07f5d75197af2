import { describe, expect, it } from 'vitest';
import { renderStorageCfg } from '../../../src/simulator/exporters';
import { HostSchema, type Host } from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';
import { expectGolden } from './golden-file';

const labs = loadExampleLabs();
const proxmoxHosts = labs.flatMap(({ id, lab }) =>
  lab.hosts.filter((h) => h.kind === 'proxmox').map((host) => ({ name: `${id}/${host.name}`, host })),
);

const hostWith = (storage: unknown[]): Host => HostSchema.parse({ name: 'pve', kind: 'proxmox', proxmox: { storage } });

/**
 * Read storage.cfg back with pve-common SectionConfig.pm parse_config's line rules: a
 * `type: id` header (`^(\S+):\s*(\S+)\s*$`), then `^\s+(\S+)(\s+(.*\S))?\s*$` property
 * lines, a blank line ending the section.
 */
function parseStorageCfg(text: string): { type: string; id: string; props: [string, string | undefined][] }[] {
  const sections: { type: string; id: string; props: [string, string | undefined][] }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const header = /^(\S+):\s*(\S+)\s*$/.exec(line);
    const prop = /^\s+(\S+)(\s+(.*\S))?\s*$/.exec(line);
    if (!current && header) sections.push((current = { type: header[1] as string, id: header[2] as string, props: [] }));
    else if (current && prop) current.props.push([prop[1] as string, prop[3]]);
    else throw new Error(`cannot parse ${JSON.stringify(line)}`);
  }
  return sections;
}

describe('renderStorageCfg: golden files', () => {
  it.each(proxmoxHosts)('$name', ({ name, host }) => {
    expectGolden(`pve-storage-cfg/${name}.cfg`, renderStorageCfg(host));
  });

  it.each(proxmoxHosts)('$name reads back as one section per storage entry, in lab order', ({ host }) => {
    const sections = parseStorageCfg(renderStorageCfg(host));
    expect(sections.map((s) => `${s.type}: ${s.id}`)).toEqual((host.proxmox?.storage ?? []).map((s) => `${s.type}: ${s.id}`));
  });
});

describe('renderStorageCfg', () => {
  it('writes the Proxmox defaults and an iSCSI entry like reference/iscsi.md', () => {
    const host = labs.find((l) => l.id === 'seed-000-r630-truenas-iscsi')?.lab.hosts[0] as Host;
    expect(renderStorageCfg(host)).toMatchInlineSnapshot(`
      "dir: local
      	path /var/lib/vz
      	content iso,vztmpl,backup

      zfspool: local-zfs
      	pool rpool/data
      	content images,rootdir
      	sparse 1

      iscsi: truenas-nextcloud
      	portal 192.168.5.142
      	target iqn.2005-10.org.freenas.ctl:nextcloud
      	content none

      "
    `);
  });

  it('puts required keys first (sorted), then the rest sorted, for every storage type', () => {
    const text = renderStorageCfg(
      hostWith([
        { id: 'nas', type: 'nfs', server: '192.168.5.142', export: '/mnt/tank/pve', path: '/mnt/pve/nas', content: ['backup', 'iso'] },
        { id: 'big', type: 'lvm', vgname: 'nextcloud', base: 'truenas:0.0.0.scsi-1', shared: true, content: ['rootdir', 'images'] },
      ]),
    );
    expect(text).toBe(
      'nfs: nas\n\texport /mnt/tank/pve\n\tpath /mnt/pve/nas\n\tserver 192.168.5.142\n\tcontent backup,iso\n\n' +
        'lvm: big\n\tvgname nextcloud\n\tbase truenas:0.0.0.scsi-1\n\tcontent rootdir,images\n\tshared 1\n\n',
    );
  });

  it('writes disable as a bare flag right after the header, and content none when empty', () => {
    expect(renderStorageCfg(hostWith([{ id: 'old', type: 'dir', path: '/srv/old', disable: true, content: [] }]))).toBe(
      'dir: old\n\tdisable\n\tpath /srv/old\n\tcontent none\n\n',
    );
    expect(renderStorageCfg(hostWith([{ id: 'old', type: 'dir', path: '/srv/old', disable: false }]))).toBe('dir: old\n\tpath /srv/old\n\n');
  });

  it('writes an explicit false as 0, as write_config does for a defined boolean', () => {
    expect(renderStorageCfg(hostWith([{ id: 'tank-zfs', type: 'zfspool', pool: 'tank', sparse: false }]))).toBe('zfspool: tank-zfs\n\tpool tank\n\tsparse 0\n\n');
  });

  it('gives an empty file for a host without storage entries', () => {
    expect(renderStorageCfg(HostSchema.parse({ name: 'box', kind: 'linux' }))).toBe('');
  });
});
