import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';
import type { SimState } from '../../../../src/simulator/shell';
import { completions } from '../../../../src/simulator/shell/completions';

/** The starter lab's TrueNAS box with a pool `tank` on sda (blank 4T disks sdb, sdc, sdd free). */
function single(): SimState {
  const s = boot({ host: 'truenas' });
  expect(run(s, 'zpool create tank sda').exitCode).toBe(0);
  return s;
}

const ok = { stdout: '', stderr: '', exitCode: 0 };
const tail = '\nerrors: No known data errors\n';

describe('zpool attach/detach/offline/online/replace (OpenZFS 2.3 zpool_main.c, libzfs_pool.c)', () => {
  it('attach turns a single disk into a mirror, resilvered, and the lab pool follows', () => {
    const s = single();
    expect(run(s, 'zpool attach tank sda sdb')).toMatchObject(ok);
    expect(run(s, 'zpool status tank').stdout).toMatch(
      /^  pool: tank\n state: ONLINE\n  scan: resilvered [0-9.]+[BKM] in 00:00:01 with 0 errors on Thu Jan  1 00:00:0[0-9] 2026\nconfig:\n\n\tNAME        STATE     READ WRITE CKSUM\n\ttank        ONLINE       0     0     0\n\t  mirror-0  ONLINE       0     0     0\n\t    sda     ONLINE       0     0     0\n\t    sdb     ONLINE       0     0     0\n\nerrors: No known data errors\n$/,
    );
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'mirror', disks: ['sda', 'sdb'] }]);
    expect(run(s, 'zpool attach tank sdb sdc')).toMatchObject(ok);
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'mirror', disks: ['sda', 'sdb', 'sdc'] }]);
    expect(run(s, 'zpool history tank').stdout).toContain(' zpool attach tank sda sdb\n');
  });

  it('offline leaves the pool DEGRADED with the OFFLINE_DEV status (no see: line); online brings it back', () => {
    const s = single();
    run(s, 'zpool attach -w tank sda sdb');
    expect(run(s, 'zpool offline tank sdb')).toMatchObject(ok);
    expect(run(s, 'zpool status tank').stdout).toMatch(
      /^  pool: tank\n state: DEGRADED\nstatus: One or more devices has been taken offline by the administrator\.\n\tSufficient replicas exist for the pool to continue functioning in a\n\tdegraded state\.\naction: Online the device using 'zpool online' or replace the device with\n\t'zpool replace'\.\n  scan: resilvered .*\nconfig:\n\n\tNAME        STATE     READ WRITE CKSUM\n\ttank        DEGRADED     0     0     0\n\t  mirror-0  DEGRADED     0     0     0\n\t    sda     ONLINE       0     0     0\n\t    sdb     OFFLINE      0     0     0\n/,
    );
    expect(run(s, 'zpool offline tank sda')).toMatchObject({ stdout: '', stderr: 'cannot offline sda: no valid replicas\n', exitCode: 1 });
    expect(run(s, 'zpool offline tank sdz')).toMatchObject({ stderr: 'cannot offline sdz: no such device in pool\n', exitCode: 1 });
    expect(run(s, 'zpool online tank sdb')).toMatchObject(ok);
    expect(run(s, 'zpool status -x').stdout).toBe('all pools are healthy\n');
  });

  it('refuses to offline or detach the only copy', () => {
    const s = single();
    expect(run(s, 'zpool offline tank sda')).toMatchObject({ stderr: 'cannot offline sda: no valid replicas\n', exitCode: 1 });
    expect(run(s, 'zpool detach tank sda')).toMatchObject({ stderr: 'cannot detach sda: only applicable to mirror and replacing vdevs\n', exitCode: 255 });
  });

  it('replaces a failed disk: replacing-1 while it resilvers, then ONLINE on the new disk', () => {
    const s = single();
    run(s, 'zpool attach -w tank sda sdb');
    run(s, 'lab fault fail sdb');
    expect(run(s, 'zpool online tank sdb')).toMatchObject({ stdout: "warning: device 'sdb' onlined, but remains in faulted state\nuse 'zpool replace' to replace devices that are no longer present\n", exitCode: 0 });
    const during = run(s, 'zpool replace tank sdb sdc; zpool status tank').stdout;
    expect(during).toMatch(
      /^  pool: tank\n state: DEGRADED\nstatus: One or more devices is currently being resilvered\.  The pool will\n\tcontinue to function, possibly in a degraded state\.\naction: Wait for the resilver to complete\.\n  scan: resilver in progress since Thu Jan  1 00:00:[0-9]{2} 2026\n\t.* scanned at .*\/s, .* issued at .*\/s\n\t.* resilvered, [0-9.]+% done, 00:00:0[0-9] to go\nconfig:\n\n\tNAME             STATE     READ WRITE CKSUM\n\ttank             DEGRADED     0     0     0\n\t  mirror-0       DEGRADED     0     0     0\n\t    sda          ONLINE       0     0     0\n\t    replacing-1  DEGRADED     0     0     0\n\t      sdb        UNAVAIL      0     0     0  cannot open\n\t      sdc        ONLINE       0     0     0  \(resilvering\)\n/,
    );
    expect(run(s, 'zpool status tank').stdout).toMatch(/^  pool: tank\n state: ONLINE\n  scan: resilvered [0-9.]+[BKM] in 00:00:01 with 0 errors on .*\nconfig:\n\n\tNAME        STATE     READ WRITE CKSUM\n\ttank        ONLINE       0     0     0\n\t  mirror-0  ONLINE       0     0     0\n\t    sda     ONLINE       0     0     0\n\t    sdc     ONLINE       0     0     0\n/);
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'mirror', disks: ['sda', 'sdc'] }]);
  });

  it('refuses a scrub while a resilver runs', () => {
    const s = single();
    expect(run(s, 'zpool attach tank sda sdb; zpool scrub tank')).toMatchObject({ stderr: 'cannot scrub tank: currently resilvering\n', exitCode: 1 });
  });

  it('detach of one side of a 2-way mirror leaves a plain disk', () => {
    const s = single();
    run(s, 'zpool attach -w tank sda sdb');
    expect(run(s, 'zpool detach tank sdb')).toMatchObject(ok);
    expect(run(s, 'zpool status tank').stdout).toMatch(/\n\tNAME        STATE     READ WRITE CKSUM\n\ttank        ONLINE       0     0     0\n\t  sda       ONLINE       0     0     0\n/);
    expect(run(s, 'zpool status tank').stdout.endsWith(tail)).toBe(true);
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === 'tank')?.vdevs).toEqual([{ type: 'stripe', disks: ['sda'] }]);
  });

  it('prints the errors and usage of zpool_do_attach_or_replace / zpool_do_detach', () => {
    const s = single();
    expect(run(s, 'zpool attach tank sda sda')).toMatchObject({ stderr: "invalid vdev specification\nuse '-f' to override the following errors:\n/dev/sda1 is part of active pool 'tank'\n", exitCode: 1 });
    expect(run(s, 'zpool attach tank sdz sdd')).toMatchObject({ stderr: 'cannot attach sdd to sdz: no such device in pool\n', exitCode: 255 });
    expect(run(s, 'zpool replace tank sdz sdd')).toMatchObject({ stderr: 'cannot replace sdz with sdd: no such device in pool\n', exitCode: 255 });
    expect(run(s, 'zpool attach tank sda nosuch')).toMatchObject({ stderr: "cannot open 'nosuch': no such device in /dev\nmust be a full path or shorthand device name\n", exitCode: 1 });
    expect(run(s, 'zpool attach tank sda')).toMatchObject({ stderr: 'missing <new_device> specification\nusage:\n\tattach [-fsw] [-o property=value] <pool> <vdev> <new-device>\n', exitCode: 2 });
    expect(run(s, 'zpool detach tank')).toMatchObject({ stderr: 'missing <device> specification\nusage:\n\tdetach <pool> <device>\n', exitCode: 2 });
    expect(run(s, 'zpool offline tank')).toMatchObject({ stderr: 'missing device name\nusage:\n\toffline [--power]|[[-f][-t]] <pool> <device> ...\n', exitCode: 2 });
    expect(run(s, 'zpool online nopool sda')).toMatchObject({ stderr: "cannot open 'nopool': no such pool\n", exitCode: 1 });
  });

  it('completes the pool\'s disks for offline/detach and free disks for attach/replace/add', () => {
    const s = single();
    run(s, 'zpool attach -w tank sda sdb');
    const words = (line: string) => completions(s, line).candidates;
    expect(words('zpool offline tank sd')).toEqual(['sda', 'sdb']);
    expect(words('zpool attach tank sda sd')).toEqual(['sdc', 'sdd']);
    expect(words('zpool add tank mi')).toEqual(['mirror']);
  });
});
