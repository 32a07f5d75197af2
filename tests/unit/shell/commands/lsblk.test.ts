import { describe, expect, it } from 'vitest';
import { addMount, addSuperblock } from '../../../../src/simulator/engines/kernel/mounts';
import { humanSize } from '../../../../src/simulator/shell/util-linux-size';
import { boot, everyFieldLab, run, sh } from '../sim-fixture';

// util-linux lsblk(8). The same devices are compared with the real lsblk --sysroot in
// tests/real/shell/system.test.ts; these pin the 2.41 behaviours that 2.38 lacks, the
// size format (lib/strutils.c size_to_human_string()) and device operands.
describe('lsblk sizes (size_to_human_string, SIZE_SUFFIX_1LETTER)', () => {
  it('uses powers of 1024, one decimal rounded half up, no trailing zero', () => {
    expect(humanSize(4e12)).toBe('3.6T');
    expect(humanSize(500 * 2 ** 30)).toBe('500G');
    expect(humanSize(1007 * 1024)).toBe('1007K');
    expect(humanSize(255.5 * 2 ** 30)).toBe('255.5G');
    expect(humanSize(8 * 2 ** 20)).toBe('8M');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(1023)).toBe('1023B');
    // 1023.96K rounds up into the next whole number, not into the next unit.
    expect(humanSize(1048535)).toBe('1024K');
    expect(humanSize(16e12)).toBe('14.6T');
  });
});

describe('lsblk', () => {
  it('lists disks and partitions as a tree with the default columns', () => {
    expect(sh('lsblk').stdout).toBe(
      [
        'NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS',
        'sda      8:0    0  500G  0 disk ',
        '├─sda1   8:1    0 1007K  0 part ',
        '├─sda2   8:2    0    1G  0 part ',
        '└─sda3   8:3    0  499G  0 part ',
        '',
      ].join('\n'),
    );
  });

  it('sorts by MAJ:MIN: SATA disks before the NVMe one (lsblk.c sort_id = COL_MAJMIN)', () => {
    const names = sh('lsblk -d -n -o NAME', { host: 'truenas' }).stdout.split('\n');
    expect(names.slice(0, 5)).toEqual(['sda', 'sdb', 'sdc', 'sdd', 'nvme0n1']);
  });

  it('sizes columns without the header under -n (util-linux 2.40+, libsmartcols commit 58a8c9284)', () => {
    // 2.38 would keep the header widths: "sda      8:0    0  500G  0 disk ".
    expect(sh('lsblk -n').stdout.split('\n')[0]).toBe('sda      8:0   0  500G 0 disk ');
    expect(sh('lsblk -d -n -o NAME,SIZE').stdout).toBe('sda  500G\n');
  });

  it('knows the 2.39+ columns and names: PARTN, shell-variable names, virtio transport', () => {
    expect(sh('lsblk -o NAME,MAJ_MIN,PARTN').stdout.split('\n')[2]).toBe('├─sda1   8:1       1');
    const vps = sh('lsblk -o NAME,TRAN,MOUNTPOINTS', { host: 'vps' }, everyFieldLab).stdout;
    expect(vps).toBe('NAME   TRAN   MOUNTPOINTS\nvda    virtio \n└─vda1 virtio /\n');
  });

  it('shows where a device is mounted, not ZFS pool members (their datasets mount by name)', () => {
    expect(sh('lsblk -n -o NAME,FSTYPE,MOUNTPOINTS').stdout).not.toMatch(/\//);
    expect(sh('lsblk -o NAME,FSTYPE,PARTTYPENAME', { host: 'pve' }).stdout).toContain('└─sda3 zfs_member Solaris /usr & Apple ZFS');
  });

  it('puts every mount point of a device on its own line, the tree carrying on beside them', () => {
    const s = boot({ host: 'truenas' });
    const sb = addSuperblock(s.world, 'truenas', { driver: 'memfs', fstype: 'vfat', source: '/dev/nvme0n1p2', options: '', data: null });
    const ns = s.world.kernel.truenas?.initNs.mnt ?? 0;
    addMount(s.world, 'truenas', ns, sb.id, '/boot/efi', 'rw,relatime');
    addMount(s.world, 'truenas', ns, sb.id, '/mnt', 'rw,relatime', '/EFI');
    expect(run(s, 'lsblk -o NAME,MOUNTPOINT,MOUNTPOINTS /dev/nvme0n1').stdout).toBe(
      [
        'NAME        MOUNTPOINT MOUNTPOINTS',
        'nvme0n1                ',
        '├─nvme0n1p1            ',
        '├─nvme0n1p2 /boot/efi  /mnt',
        '│                      /boot/efi',
        '└─nvme0n1p3            ',
        '',
      ].join('\n'),
    );
  });

  it('takes devices as operands: 32 when none is a block device, 64 when some are', () => {
    expect(sh('lsblk -n -o NAME /dev/sda2')).toMatchObject({ stdout: 'sda2\n', exitCode: 0 });
    expect(sh('lsblk /dev/nope /dev/zero')).toMatchObject({ stdout: '', stderr: 'lsblk: /dev/nope: not a block device\nlsblk: /dev/zero: not a block device\n', exitCode: 32 });
    expect(sh('lsblk -n -o NAME /dev/sda3 /dev/nope')).toMatchObject({ stdout: 'sda3\n', exitCode: 64 });
  });

  it('reports an unknown column with the rest of the list', () => {
    expect(sh('lsblk -o NAME,FOO,SIZE')).toMatchObject({ stdout: '', stderr: 'lsblk: unknown column: FOO,SIZE\n', exitCode: 1 });
  });
});
