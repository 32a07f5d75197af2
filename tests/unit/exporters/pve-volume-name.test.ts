import { describe, expect, it } from 'vitest';
import { nextContainerVolume } from '../../../src/simulator/exporters';
import { HostSchema } from '../../../src/simulator/model';

const pve = HostSchema.parse({
  name: 'pve',
  kind: 'proxmox',
  proxmox: {
    storage: [
      { id: 'local', type: 'dir', path: '/var/lib/vz' },
      { id: 'local-zfs', type: 'zfspool', pool: 'rpool/data' },
      { id: 'nc', type: 'lvm', vgname: 'nextcloud' },
    ],
  },
});

describe('nextContainerVolume', () => {
  it('spells the name the way the storage type does', () => {
    expect(nextContainerVolume(pve, 'local-zfs', 101, [])).toBe('subvol-101-disk-0');
    expect(nextContainerVolume(pve, 'local', 101, [])).toBe('101/vm-101-disk-0.raw');
    expect(nextContainerVolume(pve, 'nc', 101, [])).toBe('vm-101-disk-0');
  });

  it('takes the lowest free disk number on that storage only', () => {
    const taken = [
      { storage: 'local-zfs', volume: 'subvol-101-disk-0' },
      { storage: 'local-zfs', volume: 'subvol-101-disk-2' },
      { storage: 'local', volume: '101/vm-101-disk-1.raw' },
      { storage: 'local-zfs', volume: 'subvol-102-disk-1' },
    ];
    expect(nextContainerVolume(pve, 'local-zfs', 101, taken)).toBe('subvol-101-disk-1');
    expect(nextContainerVolume(pve, 'local', 101, taken)).toBe('101/vm-101-disk-0.raw');
  });

  it('uses the zfspool spelling when the host (and so the storage type) is unknown', () => {
    expect(nextContainerVolume(undefined, 'whatever', 250, [])).toBe('subvol-250-disk-0');
  });
});
