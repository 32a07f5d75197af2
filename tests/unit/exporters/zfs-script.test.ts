import { describe, expect, it } from 'vitest';
import { renderZfsSetup } from '../../../src/simulator/exporters';
import { HostSchema } from '../../../src/simulator/model';

const host = (fields: Record<string, unknown>) =>
  HostSchema.parse({
    name: 'nas',
    kind: 'linux',
    disks: ['sda', 'sdb', 'sdc', 'sdd'].map((name) => ({ name, size: '1T', type: 'hdd' })),
    pools: [{ name: 'tank', vdevs: [{ type: 'raidz1', disks: ['sda', 'sdb', 'sdc'] }, { type: 'stripe', disks: ['sdd'] }], properties: { ashift: 12 } }],
    ...fields,
  });

describe('zfs-setup.sh', () => {
  it('writes the root dataset properties as -O and the log, cache and spare classes after the data vdevs', () => {
    const disks = ['sda', 'sdb', 'sdc', 'sdd', 'sde', 'sdf'].map((name) => ({ name, size: '1T', type: 'hdd' }));
    const text = renderZfsSetup(host({ disks, pools: [{ name: 'tank', vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }], logs: [{ type: 'stripe', disks: ['sdc'] }], cache: ['sdd'], spares: ['sde'], properties: { altroot: '/mnt' }, rootProperties: { compression: 'zstd', mountpoint: '/srv/tank' } }] })) ?? '';
    expect(text).toContain('  zpool create "${altroot[@]}" -O compression=zstd -O mountpoint=/srv/tank tank mirror "$DISK_DIR"/sda "$DISK_DIR"/sdb log "$DISK_DIR"/sdc cache "$DISK_DIR"/sdd spare "$DISK_DIR"/sde\n');
    // An existing pool's root dataset gets the settable properties (not its mountpoint: that would remount it).
    expect(text).toContain("  set_prop tank compression zstd\n");
    expect(text).not.toContain('set_prop tank mountpoint');
    expect(text).not.toContain('altroot=/mnt');
  });

  it('writes vdev words before their disks (a stripe is its bare disks), found under DISK_DIR', () => {
    expect(renderZfsSetup(host({}))).toContain('  zpool create "${altroot[@]}" -o ashift=12 tank raidz1 "$DISK_DIR"/sda "$DISK_DIR"/sdb "$DISK_DIR"/sdc "$DISK_DIR"/sdd\n');
  });

  it('creates parents before children whatever the lab order, and volumes with -s -V', () => {
    const text = renderZfsSetup(host({ datasets: [{ name: 'tank/a/b' }, { name: 'tank/a' }], zvols: [{ name: 'tank/a/vol', size: '32G', sparse: true }] })) ?? '';
    expect(text.indexOf('zfs create tank/a\n')).toBeLessThan(text.indexOf('zfs create tank/a/b\n'));
    expect(text).toContain('  exists tank/a/vol || zfs create -s -V 32G tank/a/vol\n');
  });

  it('sends only settable properties to zfs set on an existing dataset (zfsprops(7): some are creation-only)', () => {
    const text = renderZfsSetup(host({ datasets: [{ name: 'tank/c', properties: { casesensitivity: 'insensitive', compression: 'lz4', quota: '10G' } }] })) ?? '';
    expect(text).toContain(
      ['if exists tank/c; then', '  set_prop tank/c compression lz4', '  set_prop tank/c quota 10737418240', 'else', '  zfs create -o compression=lz4 -o quota=10G -o casesensitivity=insensitive tank/c', 'fi'].join('\n'),
    );
  });

  it('is left out for a host without pools', () => {
    expect(renderZfsSetup(HostSchema.parse({ name: 'vps', kind: 'linux' }))).toBeNull();
  });
});
