// ZFS storage rules: pool and dataset names, vdevs over the host's disks, parents, volume
// sizes and properties, each broken once with OpenZFS's message.
import { describe, expect, it } from 'vitest';
import { breakEveryField } from './lab-fixtures';

// Host 1 of every-field.yaml is the TrueNAS box: disks nvme0n1 sda sdb sdc sdd, pools
// boot-pool and MyMassStorage (raidz1 over sda-sdd), dataset MyMassStorage/backups, zvol
// MyMassStorage/nextcloud.
describe('pools and vdevs', () => {
  it('a pool name follows zpool_name_valid', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].pools[1].name = 'raidz-pool'))).toMatchInlineSnapshot(`
      [
        "hosts[1].pools[1].name: name is reserved (mirror, raidz, draid, spare and log are vdev words: pick another name, like tank)",
      ]
    `);
  });

  it('vdev disks must exist on the host', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].pools[1].vdevs[0].disks = ['sda', 'sdb', 'sdc', 'sde']))).toMatchInlineSnapshot(`
      [
        "hosts[1].pools[1].vdevs[0].disks[3]: cannot open 'sde': no such device in /dev (disks on truenas: nvme0n1, sda, sdb, sdc, sdd)",
      ]
    `);
  });

  it('a disk is used once: in the same pool, and across pools', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].pools[1].vdevs[0].disks = ['sda', 'sdb', 'sdc', 'sdc']))).toMatchInlineSnapshot(`
      [
        "hosts[1].pools[1].vdevs[0].disks[3]: one or more vdevs refer to the same device (use sdc once)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[1].pools[0].vdevs[0].disks = ['sda']))).toMatchInlineSnapshot(`
      [
        "hosts[1].pools[1].vdevs[0].disks[0]: /dev/sda is part of active pool 'boot-pool' (a disk belongs to one pool)",
      ]
    `);
  });

  it('each layout has a minimum number of disks', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].pools[1].vdevs[0].disks = ['sdb'];
        lab.hosts[1].pools[1].vdevs = [{ type: 'raidz2', disks: ['sda', 'sdb'] }, { type: 'raidz3', disks: ['sdc', 'sdd'] }];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].pools[1].vdevs[0].disks: invalid vdev specification: mirror requires at least 2 devices (list at least 2 disks, or use another layout)",
        "hosts[1].pools[1].vdevs[0].disks: invalid vdev specification: raidz2 requires at least 3 devices (list at least 3 disks, or use another layout)",
        "hosts[1].pools[1].vdevs[1].disks: invalid vdev specification: raidz3 requires at least 4 devices (list at least 4 disks, or use another layout)",
      ]
    `);
  });

  it('disk names are unique on a host, and pool names too', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[1].disks.push({ name: 'sdd', size: '4T', type: 'hdd' });
        lab.hosts[1].pools.push({ name: 'boot-pool', vdevs: [{ type: 'stripe', disks: ['nvme0n1'] }] });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].disks[5].name: disk 'sdd' is listed twice on this host (give each disk its own name)",
        "hosts[1].pools[2].name: pool already exists (give each pool its own name)",
        "hosts[1].pools[2].vdevs[0].disks[0]: one or more vdevs refer to the same device (use nvme0n1 once)",
      ]
    `);
  });

  it('pool properties are checked', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].pools[0].properties = { ashift: 17, autotrim: 'maybe' }))).toMatchInlineSnapshot(`
      [
        "hosts[0].pools[0].properties.ashift: property 'ashift' number 17 is invalid, only values between 9 and 16 are allowed.",
        "hosts[0].pools[0].properties.autotrim: 'autotrim' must be one of 'on | off'",
      ]
    `);
  });
});

describe('datasets and volumes', () => {
  it('dataset names follow zfs_namecheck', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].datasets[0].name = 'MyMassStorage/back*ups'))).toMatchInlineSnapshot(`
      [
        "hosts[1].datasets[0].name: invalid character '*' in name (write pool/name, like tank/archive)",
      ]
    `);
  });

  it('the pool must exist', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].datasets[0].name = 'tank/backups'))).toMatchInlineSnapshot(`
      [
        "hosts[1].datasets[0].name: no such pool 'tank' (pools on truenas: boot-pool, MyMassStorage)",
      ]
    `);
  });

  it('the parent must exist, and be a filesystem', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].datasets[0].name = 'MyMassStorage/old/backups'))).toMatchInlineSnapshot(`
      [
        "hosts[1].datasets[0].name: parent does not exist (add MyMassStorage/old under datasets (zfs create -p would make it))",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[1].datasets[0].name = 'MyMassStorage/nextcloud/inside'))).toMatchInlineSnapshot(`
      [
        "hosts[1].datasets[0].name: parent is not a filesystem (MyMassStorage/nextcloud is a volume; put MyMassStorage/nextcloud/inside under a filesystem)",
      ]
    `);
  });

  it('a parent may be listed after its child', () => {
    expect(breakEveryField((lab) => lab.hosts[1].datasets.unshift({ name: 'MyMassStorage/backups/daily' }))).toEqual([]);
  });

  it('names are unique, and a pool already has its root dataset', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[1].zvols.push({ name: 'MyMassStorage/backups', size: '1G' });
        lab.hosts[1].datasets.push({ name: 'MyMassStorage' });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].datasets[1].name: dataset already exists (a pool has a root dataset of its own name already)",
        "hosts[1].zvols[1].name: dataset already exists (remove the second entry)",
      ]
    `);
  });

  it('a volume has a size that is a multiple of its block size', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].zvols[0].size = 0))).toMatchInlineSnapshot(`
      [
        "hosts[1].zvols[0].size: volume size cannot be zero",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[1].zvols[0].size = '100K'))).toMatchInlineSnapshot(`
      [
        "hosts[1].zvols[0].size: volume size must be a multiple of volume block size (use a multiple of 16384 bytes)",
      ]
    `);
  });

  it('property values are checked with libzfs wording', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].datasets[1].properties = { compression: 'lz5', recordsize: '100K', quota: 'lots', mountpoint: 'tank/archive', atime: 'no' };
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].datasets[1].properties.compression: 'compression' must be one of 'on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | zstd-[1-19] | zstd-fast | zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]'",
        "hosts[0].datasets[1].properties.recordsize: 'recordsize' must be power of 2 from 512B to 16M",
        "hosts[0].datasets[1].properties.mountpoint: 'mountpoint' must be an absolute path, 'none', or 'legacy'",
        "hosts[0].datasets[1].properties.atime: 'atime' must be one of 'on | off'",
        "hosts[0].datasets[1].properties.quota: bad numeric value 'lots' for 'quota' (write a size like 500G or none)",
      ]
    `);
  });

  it('properties that belong to the other type are refused', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].datasets[1].properties = { volblocksize: '16K' };
        lab.hosts[0].zvols[0].properties = { recordsize: '1M' };
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].datasets[1].properties.volblocksize: 'volblocksize' does not apply to datasets of this type",
        "hosts[0].zvols[0].properties.recordsize: 'recordsize' does not apply to datasets of this type",
      ]
    `);
  });

  it('unknown properties get a suggestion; user properties (with a colon) are kept', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].datasets[1].properties = { compresion: 'lz4', 'com.sun:auto-snapshot': true }))).toMatchInlineSnapshot(`
      [
        "hosts[0].datasets[1].properties.compresion: unknown ZFS property "compresion" (did you mean "compression"?)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[0].datasets[1].properties = { 'com.sun:auto-snapshot': true }))).toEqual([]);
  });

  it('on/off properties accept YAML booleans', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].datasets[1].properties = { atime: false, readonly: true }))).toEqual([]);
  });
});
