import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';

describe('quota and refquota (zfsprops(7); dsl_dir_space_available, EDQUOT)', () => {
  it('quota caps AVAIL for the dataset and its children; a write past it fails with "Disk quota exceeded"', () => {
    const s = boot();
    for (const l of ['zfs create -o quota=10M rpool/q', 'zfs create rpool/q/c']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name,avail,quota -r rpool/q').stdout).toMatch(/^rpool\/q\t9\.9[0-9]M\t10M\nrpool\/q\/c\t9\.9[0-9]M\tnone\n$/);
    const dd = run(s, 'dd if=/dev/urandom of=/rpool/q/c/f bs=1M count=20');
    expect(dd.exitCode).toBe(1);
    expect(dd.stderr).toMatch(/^dd: error writing '\/rpool\/q\/c\/f': Disk quota exceeded\n10\+0 records in\n9\+0 records out\n/);
    expect(run(s, 'zfs list -H -o avail rpool/q').stdout).toBe('0B\n');
    expect(run(s, 'echo more >> /rpool/q/c/f')).toMatchObject({ stderr: 'bash: echo: write error: Disk quota exceeded\n', exitCode: 1 });
    // Raising the quota makes room again.
    expect(run(s, 'zfs set quota=20M rpool/q').exitCode).toBe(0);
    expect(run(s, 'echo more >> /rpool/q/c/f').exitCode).toBe(0);
  });

  it('refquota limits what the dataset itself references; a container rootfs gets its size as refquota', () => {
    const s = boot();
    expect(run(s, 'pct create 101 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst --storage local-zfs --rootfs local-zfs:8').exitCode).toBe(0);
    // ZFSPoolPlugin alloc_image: `zfs create -o refquota=8G rpool/data/subvol-101-disk-0`.
    expect(run(s, 'zfs list -H -o name,avail,refquota rpool/data/subvol-101-disk-0').stdout).toMatch(/^rpool\/data\/subvol-101-disk-0\t8\.00G\t8G\n$/);
    expect(run(s, 'pct start 101').exitCode).toBe(0);
    expect(run(s, 'pct exec 101 -- df -h /').stdout).toMatch(/\nrpool\/data\/subvol-101-disk-0\s+8\.0G\s+\S+\s+8\.0G\s+1% \/\n$/);
  });

  it('space limits show as zfs_nicebytes shows any size, and in bytes with -p', () => {
    const s = boot();
    for (const l of ['zfs set quota=1.5T rpool/data', 'zfs set reservation=1536M rpool/data', 'zfs set refquota=10G rpool/data']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs get -H -o property,value,source quota,reservation,refquota,refreservation rpool/data').stdout).toBe('quota\t1.50T\tlocal\nreservation\t1.50G\tlocal\nrefquota\t10G\tlocal\nrefreservation\tnone\tdefault\n');
    expect(run(s, 'zfs get -Hp -o value quota,reservation rpool/data').stdout).toBe(`${1.5 * 2 ** 40}\n${1.5 * 2 ** 30}\n`);
    expect(run(s, 'zfs list -H -o quota,reserv rpool/data').stdout).toBe('1.50T\t1.50G\n');
  });
});
