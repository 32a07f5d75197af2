import { describe, expect, it } from 'vitest';
import { deviceTree } from '../../../../src/simulator/engines/kernel/devices';
import { everyFieldLab, world } from '../world-fixture';

const MiB = 1 << 20;
const layout = (w: ReturnType<typeof world>, host: string): string[] =>
  deviceTree(w, host).flatMap(({ disk, parts }) => [disk, ...parts].map((d) => `${d.name} ${d.major}:${d.minor} ${d.type} ${d.size}${d.fstype ? ` ${d.fstype}` : ''}`));

describe('the block-device registry', () => {
  it('gives the Proxmox root disk the installer\'s three partitions (BIOS boot, EFI, ZFS)', () => {
    const w = world();
    const [disk, ...parts] = layout(w, 'pve');
    expect(disk).toBe(`sda 8:0 disk ${500 * 1024 * MiB}`);
    expect(parts).toEqual([`sda1 8:1 part ${1007 * 1024}`, `sda2 8:2 part ${1024 * MiB} vfat`, `sda3 8:3 part ${500 * 1024 * MiB - 33 * 512 - 1024 * MiB - MiB} zfs_member`]);
  });

  it('numbers NVMe namespaces and their partitions on the dynamic major 259, SCSI disks 16 minors apart', () => {
    const w = world();
    expect(layout(w, 'truenas').map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'nvme0n1 259:0 disk',
      'nvme0n1p1 259:1 part',
      'nvme0n1p2 259:2 part',
      'nvme0n1p3 259:3 part',
      'sda 8:0 disk',
      'sdb 8:16 disk',
      'sdc 8:32 disk',
      'sdd 8:48 disk',
    ]);
  });

  it('labels data-pool disks as zpool create does: partition 1 for data, 9 reserved', () => {
    const w = world(everyFieldLab);
    const sdb = layout(w, 'pve').filter((l) => l.startsWith('sdb'));
    expect(sdb).toEqual([`sdb 8:16 disk ${2048 * 1024 * MiB}`, `sdb1 8:17 part ${2048 * 1024 * MiB - 10 * MiB} zfs_member`, `sdb9 8:25 part ${8 * MiB}`]);
    // A VPS disk holds an ext4 root on its first partition, on virtio's major.
    expect(layout(w, 'vps')[0]).toBe(`vda 252:0 disk ${25 * 1024 * MiB}`);
  });

  it('shows in /dev, /sys/block and /dev/disk/by-id', () => {
    const w = world();
    const k = w.kernel.truenas;
    expect(k?.devices.find((d) => d.name === 'sda')).toMatchObject({ rotational: true, physicalSector: 4096, logicalSector: 512, transport: 'sata' });
  });
});

describe('block I/O', () => {
  it('hands a device\'s bytes to the engine registered for its backing, partitions at their offset', async () => {
    const { addBlockDevice, partitionDisk, readBlocks, registerBlockBackend, writeBlocks } = await import('../../../../src/simulator/engines/kernel/devices');
    const { sliceContent, writeContent } = await import('../../../../src/simulator/engines/kernel/content');
    type Content = import('../../../../src/simulator/engines/kernel/content').Content;
    // A stand-in for the ZFS engine's zvols: bytes kept per device name.
    const store = new Map<string, Content>();
    registerBlockBackend('zvol', {
      read: (_w, _h, dev, offset, length) => sliceContent(store.get(dev.name) ?? [{ kind: 'hole', length: dev.size }], offset, offset + length),
      write: (_w, _h, dev, offset, data) => {
        store.set(dev.name, writeContent(store.get(dev.name) ?? [{ kind: 'hole', length: dev.size }], offset, data, false));
        return null;
      },
    });
    const w = world();
    const zd0 = addBlockDevice(w, 'truenas', { name: 'zd0', size: 16 << 20, logicalSector: 512, physicalSector: 16384, type: 'disk', model: '', serial: '', rotational: false, removable: false, readOnly: false, transport: '', backing: { kind: 'zvol', dataset: 'tank/vol' } });
    expect([zd0.major, zd0.minor]).toEqual([230, 0]);
    const [part] = partitionDisk(w, 'truenas', 'zd0', [{ size: 0, typeName: 'Linux filesystem' }]);
    if (!part) throw new Error('no partition');
    expect(part.name).toBe('zd0p1');
    expect(writeBlocks(w, 'truenas', part, 0, [{ kind: 'text', text: 'hello' }])).toBeNull();
    // The partition starts at 1 MiB of the volume.
    expect(readBlocks(w, 'truenas', zd0, 1 << 20, 5)).toEqual([{ kind: 'text', text: 'hello' }]);
    expect(writeBlocks(w, 'truenas', zd0, (16 << 20) - 2, [{ kind: 'text', text: 'abc' }])).toBe('ENOSPC');
    // A disk no engine owns reads as zeros.
    const sda = w.kernel.truenas?.devices.find((d) => d.name === 'sda');
    if (!sda) throw new Error('no sda');
    expect(readBlocks(w, 'truenas', sda, 0, 4)).toEqual([{ kind: 'zero', length: 4 }]);
  });
});
