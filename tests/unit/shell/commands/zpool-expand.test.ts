import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';

const ok = { stdout: '', stderr: '', exitCode: 0 };

describe('RAIDZ expansion (OpenZFS 2.3 zpool attach POOL raidzP-N NEW)', () => {
  it('adds a disk to a raidz1, reflows with virtual time, and keeps the original data-to-parity ratio for space', () => {
    const s = boot({ host: 'truenas' });
    expect(run(s, 'zpool create tank raidz1 sda sdb sdc').exitCode).toBe(0);
    expect(run(s, 'dd if=/dev/urandom of=/mnt/tank/f bs=1M count=2048 status=none; sync').exitCode).toBe(0);
    expect(run(s, 'zpool list -H -o size tank').stdout).toBe('12.0T\n');
    expect(run(s, 'zpool attach tank raidz1-0 sdd')).toMatchObject(ok);
    const during = run(s, 'zpool status tank').stdout.split('\n');
    expect(during[2]).toMatch(/^expand: expansion of raidz1-0 in progress since Thu Jan  1 00:00:[0-9]{2} 2026$/);
    expect(during[3]).toMatch(/^\t[0-9.]+[KMG] \/ 3\.00G copied at [0-9.]+[KMG]\/s, [0-9.]+% done, 00:00:0[0-9] to go$/);
    expect(run(s, 'zpool attach tank raidz1-0 sdd').exitCode).not.toBe(0);
    expect(run(s, 'zpool wait -t raidz_expand tank')).toMatchObject(ok);
    expect(run(s, 'zpool status tank').stdout.split('\n')[2]).toMatch(/^expand: expanded raidz1-0 copied 3\.00G in 00:00:0[0-9], on Thu Jan  1 00:00:[0-9]{2} 2026$/);
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'raidz1', disks: ['sda', 'sdb', 'sdc', 'sdd'] }]);
    // Four disks of raw space, but figured with the 3-wide ratio (2/3): 16T x 2/3 less slop.
    expect(run(s, 'zpool list -H -o size tank').stdout).toBe('16.0T\n');
    expect(run(s, 'zfs list -H -o avail tank').stdout).toBe('10.5T\n');
  });

  it('refuses what spa_vdev_attach refuses, with zpool attach\'s prefix and status', () => {
    const s = boot({ host: 'truenas' });
    expect(run(s, 'zpool create tank raidz1 sda sdb sdc').exitCode).toBe(0);
    expect(run(s, 'zpool attach tank sda sdd')).toMatchObject({ stderr: 'cannot attach sdd to sda: can only attach to mirrors and top-level disks\n', exitCode: 255 });
    expect(run(s, 'zpool attach tank raidz1-3 sdd')).toMatchObject({ stderr: 'cannot attach sdd to raidz1-3: no such device in pool\n', exitCode: 255 });
    expect(run(s, 'zpool offline tank sdb').exitCode).toBe(0);
    expect(run(s, 'zpool attach tank raidz1-0 sdd')).toMatchObject({ stderr: 'cannot attach sdd to raidz1-0: raidz vdev has devices that are are offline or being replaced\n', exitCode: 255 });
    expect(run(s, 'zpool online tank sdb').exitCode).toBe(0);
    expect(run(s, 'zpool attach -w tank raidz1-0 sdd')).toMatchObject(ok);
    expect(run(s, 'zpool status tank').stdout).toMatch(/\nexpand: expanded raidz1-0 copied /);
    expect(run(s, 'zpool wait -t bogus tank')).toMatchObject({ stderr: "invalid activity 'bogus'\nusage:\n\twait [-Hp] [-T d|u] [-t <activity>[,...]] <pool> [interval]\n", exitCode: 2 });
  });
});
