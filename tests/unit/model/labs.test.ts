// The shipped labs validate, and defaults are filled in the way the real tools fill them.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHost, formatIssue, parseLab, validateLab, type Lab } from '../../../src/simulator/model';
import { everyField, issues, readText, root } from './lab-fixtures';

function mustParse(input: unknown): Lab {
  const result = parseLab(input);
  if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
  return result.lab;
}

describe('shipped labs', () => {
  const files = readdirSync(`${root}src/content/labs`).filter((f) => /\.ya?ml$/.test(f));

  it('include the starter lab', () => {
    expect(files).toContain('starter.yaml');
  });

  it.each(files)('src/content/labs/%s validates', (file) => {
    expect(issues(readText(`src/content/labs/${file}`))).toEqual([]);
  });

  it('every-field.yaml validates', () => {
    expect(issues(readText('tests/fixtures/labs/every-field.yaml'))).toEqual([]);
  });

  it('the same lab validates from JSON text and from an object', () => {
    const fromYaml = mustParse(readText('tests/fixtures/labs/every-field.yaml'));
    expect(mustParse(JSON.stringify(everyField()))).toEqual(fromYaml);
    expect(mustParse(everyField())).toEqual(fromYaml);
  });
});

describe('defaults', () => {
  const lab = mustParse(readText('tests/fixtures/labs/every-field.yaml'));
  const starter = mustParse(readText('src/content/labs/starter.yaml'));

  it('hostname defaults to name', () => {
    expect(findHost(lab, 'truenas')?.hostname).toBe('truenas');
  });

  it('sizes are bytes', () => {
    expect(findHost(lab, 'truenas')?.disks[1]?.size).toBe(4 * 1024 ** 4);
    expect(findHost(lab, 'pve')?.datasets[1]?.properties?.recordsize).toBe(1024 ** 2);
    expect(findHost(lab, 'pve')?.datasets[1]?.properties?.quota).toBe(500 * 1024 ** 3);
  });

  it('an empty TrueNAS iSCSI service gets the middleware defaults', () => {
    const target = findHost(starter, 'truenas')?.iscsi?.target;
    expect(target?.basename).toBe('iqn.2005-10.org.freenas.ctl');
    expect(target?.listen_port).toBe(3260);
  });

  it('iSCSI ids are numbered 1.. and LUNs take the lowest free number from 0', () => {
    const result = mustParse({
      version: 1,
      name: 'ids',
      hosts: [
        {
          name: 'nas',
          kind: 'truenas',
          interfaces: [{ name: 'eth0', addresses: ['10.0.0.2/24'] }],
          disks: [{ name: 'sda', size: '1T', type: 'hdd' }],
          pools: [{ name: 'tank', vdevs: [{ type: 'stripe', disks: ['sda'] }] }],
          zvols: [
            { name: 'tank/a', size: '1G' },
            { name: 'tank/b', size: '1G' },
            { name: 'tank/c', size: '1G' },
          ],
          iscsi: {
            target: {
              portals: [{ listen: [{ ip: '0.0.0.0' }] }],
              extents: [
                { name: 'a', disk: 'zvol/tank/a' },
                { id: 1, name: 'b', disk: 'zvol/tank/b' },
                { name: 'c', disk: 'zvol/tank/c' },
              ],
              targets: [{ name: 'one', groups: [{ portal: 1 }] }],
              targetextents: [
                { target: 1, extent: 2, lunid: 1 },
                { target: 1, extent: 1 },
                { target: 1, extent: 3 },
              ],
            },
          },
        },
      ],
    });
    const target = findHost(result, 'nas')?.iscsi?.target;
    expect(target?.extents.map((e) => [e.name, e.id, e.blocksize, e.type])).toEqual([
      ['a', 2, 512, 'DISK'],
      ['b', 1, 512, 'DISK'],
      ['c', 3, 512, 'DISK'],
    ]);
    expect(target?.targetextents.map((te) => [te.id, te.extent, te.lunid])).toEqual([
      [1, 2, 1],
      [2, 1, 0],
      [3, 3, 2],
    ]);
    expect(target?.targets[0]?.groups[0]).toEqual({ portal: 1, initiator: null, authmethod: 'NONE', auth: null });
  });

  it('containers get the Proxmox API defaults', () => {
    const lab = everyField();
    lab.hosts[0].containers = [{ vmid: 101, rootfs: { storage: 'local-zfs' } }];
    const ct = findHost(mustParse(lab), 'pve')?.containers[0];
    expect(ct).toMatchObject({ cores: 1, memory: 512, swap: 512, unprivileged: true, onboot: false, arch: 'amd64', rootfs: { size: 4 * 1024 ** 3 } });
  });

  it('validateLab accepts a parsed lab and catches a change that breaks a reference', () => {
    expect(validateLab(lab)).toEqual({ ok: true, lab });
    const changed = structuredClone(lab);
    const truenas = findHost(changed, 'truenas');
    truenas!.zvols = [];
    const result = validateLab(changed);
    expect(result.ok ? [] : result.errors.map((e) => formatIssue(e))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[0].disk: Device '/dev/zvol/MyMassStorage/nextcloud' for volume 'MyMassStorage/nextcloud' does not exist (zvols on truenas: none; add one under zvols)",
      ]
    `);
  });
});
