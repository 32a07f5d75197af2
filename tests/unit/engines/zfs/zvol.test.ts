import { describe, expect, it } from 'vitest';
import { boot as bootWorld } from '../../../../src/simulator/engines';
import { readBlocks, findDevice } from '../../../../src/simulator/engines/kernel/devices';
import { attachZvol, detachZvol, volsizeToReservation, zvolDevice, zvolState } from '../../../../src/simulator/engines/zfs';
import { allocatedBytes } from '../../../../src/simulator/engines/zfs/zvol';
import { boot, everyFieldLab, run } from '../../shell/sim-fixture';

const GiB = 2 ** 30;

describe('zvols as block devices', () => {
  it('gives each lab volume a /dev/zdN at boot, 230:0 for the first, physical sector = volblocksize', () => {
    const w = bootWorld(structuredClone(everyFieldLab));
    const pve = zvolDevice(w, 'pve', 'tank/vm-200-disk-0');
    expect(pve).toMatchObject({ name: 'zd0', major: 230, minor: 0, size: 32 * GiB, logicalSector: 512, physicalSector: 16384, backing: { kind: 'zvol', dataset: 'tank/vm-200-disk-0' } });
    expect(zvolDevice(w, 'truenas', 'MyMassStorage/nextcloud')?.name).toBe('zd0');
  });

  it('numbers later volumes 16 minors apart and reuses the lowest free index', () => {
    const w = bootWorld(structuredClone(everyFieldLab));
    const b = attachZvol(w, 'pve', { name: 'tank/b', size: GiB, sparse: true });
    const c = attachZvol(w, 'pve', { name: 'tank/c', size: GiB, sparse: true });
    expect([b.name, b.minor, c.name, c.minor]).toEqual(['zd16', 16, 'zd32', 32]);
    detachZvol(w, 'pve', 'tank/b');
    expect(findDevice(w, 'pve', 'zd16')).toBeUndefined();
    expect(attachZvol(w, 'pve', { name: 'tank/d', size: GiB, sparse: true }).name).toBe('zd16');
  });

  it('reserves volsize plus its indirect blocks for a thick volume (libzfs zvol_volsize_to_reservation)', () => {
    // 10G at 16K: 648 metadata blocks × 2 copies × 128K on top of the volume.
    expect(volsizeToReservation(10 * GiB, 16384)).toBe(10 * GiB + 1296 * 131072);
    const w = bootWorld(structuredClone(everyFieldLab));
    expect(zvolState(w, 'truenas', 'MyMassStorage/nextcloud')?.refreservation).toBe(volsizeToReservation(500 * GiB, 16384));
    expect(zvolState(w, 'pve', 'tank/vm-200-disk-0')?.refreservation).toBe(0);
  });

  it('reads never-written blocks as zeros and keeps what is written as descriptors', () => {
    const w = bootWorld(structuredClone(everyFieldLab));
    const dev = zvolDevice(w, 'pve', 'tank/vm-200-disk-0');
    if (!dev) throw new Error('no zvol');
    expect(readBlocks(w, 'pve', dev, 0, 4096)).toEqual([{ kind: 'zero', length: 4096 }]);
  });

  it('counts whole volblocks of written data; zeros are holes when compression is on', () => {
    expect(allocatedBytes([{ kind: 'hole', length: 100 }, { kind: 'text', text: 'x' }, { kind: 'hole', length: 40000 }], 16384, false)).toBe(16384);
    expect(allocatedBytes([{ kind: 'random', seed: 1, offset: 0, length: 20000 }, { kind: 'text', text: 'y' }], 16384, false)).toBe(32768);
    expect(allocatedBytes([{ kind: 'zero', length: 65536 }], 16384, false)).toBe(0);
    expect(allocatedBytes([{ kind: 'zero', length: 65536 }], 16384, true)).toBe(65536);
  });
});

describe('zvols from the shell', () => {
  it('dd of=/dev/zd0 then dd if=/dev/zvol/POOL/NAME reads it back', () => {
    const s = boot({}, everyFieldLab);
    expect(run(s, 'ls -l /dev/zvol/tank/vm-200-disk-0').stdout).toMatch(/ \/dev\/zvol\/tank\/vm-200-disk-0 -> \.\.\/\.\.\/zd0\n$/);
    expect(run(s, 'echo -n "hello zvol" > /root/in; dd if=/root/in of=/dev/zd0 bs=512 conv=notrunc status=none').exitCode).toBe(0);
    const back = run(s, 'dd if=/dev/zvol/tank/vm-200-disk-0 bs=10 count=1 status=none');
    expect(back).toMatchObject({ stdout: 'hello zvol', exitCode: 0 });
    // Past what was written: zeros, as a fresh volume reads.
    expect(run(s, 'dd if=/dev/zd0 bs=1 skip=10 count=3 status=none | wc -c').stdout).toBe('3\n');
  });

  it('shows the volume in /dev as a block device 230:0 and in lsblk', () => {
    const s = boot({}, everyFieldLab);
    expect(run(s, 'ls -l /dev/zd0').stdout).toMatch(/^brw-rw---- 1 root disk 230, +0 /);
    expect(run(s, 'lsblk -o NAME,SIZE /dev/zd0').stdout).toContain('zd0');
  });
});
