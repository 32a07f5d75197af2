import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';
import { replicationMismatch } from '../../../../src/simulator/engines/zfs/vdev-add';
import type { PoolState, VdevState } from '../../../../src/simulator/engines/zfs/state';

const refused = (line: string) => ({ stdout: '', stderr: `invalid vdev specification\nuse '-f' to override the following errors:\n${line}\n`, exitCode: 1 });

describe('zpool add (OpenZFS 2.3 zpool_vdev.c check_replication)', () => {
  it('refuses a single disk added to a mirror pool unless -f, and adds it as its own top-level vdev with -f', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    expect(run(s, 'zpool add tank sdc')).toMatchObject(refused('mismatched replication level: pool uses mirror and new vdev is disk'));
    expect(run(s, 'zpool add -f tank sdc')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'zpool status tank').stdout).toContain('\tNAME        STATE     READ WRITE CKSUM\n\ttank        ONLINE       0     0     0\n\t  mirror-0  ONLINE       0     0     0\n\t    sda     ONLINE       0     0     0\n\t    sdb     ONLINE       0     0     0\n\t  sdc       ONLINE       0     0     0\n\nerrors: No known data errors\n');
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'mirror', disks: ['sda', 'sdb'] }, { type: 'stripe', disks: ['sdc'] }]);
    expect(run(s, 'zpool history tank').stdout).toContain(' zpool add -f tank sdc\n');
  });

  it('adds a second mirror (mirror-1) and grows the pool', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    const before = run(s, 'zpool list -Hpo size tank').stdout;
    expect(run(s, 'zpool add tank mirror sdc sdd')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'zpool status tank').stdout).toContain('\t  mirror-1  ONLINE       0     0     0\n\t    sdc     ONLINE       0     0     0\n\t    sdd     ONLINE       0     0     0\n');
    expect(Number(run(s, 'zpool list -Hpo size tank').stdout)).toBeGreaterThan(Number(before) * 1.9);
  });

  it('words the type, width and parity mismatches as check_replication does', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank sda');
    expect(run(s, 'zpool add tank mirror sdb sdc')).toMatchObject(refused('mismatched replication level: pool uses disk and new vdev is mirror'));
    const pool = (type: VdevState['type'], n: number) => ({ vdevs: [{ type, leaves: Array.from({ length: n }, (_, i) => `d${i}`), leafSize: 0, next: 0, alloc: 0 }] }) as unknown as PoolState;
    expect(replicationMismatch(pool('mirror', 2), [{ type: 'mirror', disks: ['a', 'b', 'c'] }])).toBe('mismatched replication level: pool uses 2-way mirror and new vdev uses 3-way mirror');
    expect(replicationMismatch(pool('raidz1', 3), [{ type: 'raidz2', disks: ['a', 'b', 'c'] }])).toBe('mismatched replication level: pool uses 1 device parity and new vdev uses 2');
    expect(replicationMismatch(pool('raidz1', 3), [{ type: 'raidz1', disks: ['a', 'b', 'c'] }])).toBeUndefined();
  });

  it('prints the usage and in-use errors', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    expect(run(s, 'zpool add tank')).toMatchObject({ stderr: 'missing vdev specification\nusage:\n\tadd [-afgLnP] [-o property=value] <pool> <vdev> ...\n', exitCode: 2 });
    expect(run(s, 'zpool add nopool sdc')).toMatchObject({ stderr: "cannot open 'nopool': no such pool\n", exitCode: 1 });
    expect(run(s, 'zpool add tank sda')).toMatchObject(refused("/dev/sda1 is part of active pool 'tank'"));
  });
});
