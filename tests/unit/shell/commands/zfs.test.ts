import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run } from '../sim-fixture';

// Layouts pinned to OpenZFS 2.3 zfs_main.c (print_header/print_dataset: two spaces between
// columns, numbers right-aligned at least 5 wide) and zpool_main.c (print_status_config).
describe('zfs list', () => {
  it('lists filesystems and volumes with NAME USED AVAIL REFER MOUNTPOINT', () => {
    expect(run(boot({}, everyFieldLab), 'zfs list').stdout).toBe(
      [
        'NAME                 USED  AVAIL  REFER  MOUNTPOINT',
        'rpool                192K   480G    96K  /rpool',
        'rpool/data            96K   480G    96K  /rpool/data',
        'tank                 248K  1.92T    96K  /tank',
        'tank/archive          96K   500G    96K  /tank/archive',
        'tank/vm-200-disk-0    56K  1.92T    56K  -',
        '',
      ].join('\n'),
    );
  });

  it('shows which snapshot holds the overwritten space: USED of the snapshot, USEDSNAP of the dataset, REFER unchanged', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/f bs=1M count=4 status=none', 'zfs snapshot tank/fs@a', 'dd if=/dev/urandom of=/tank/fs/f bs=1M count=1 conv=notrunc status=none']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs list -t all -r tank/fs').stdout).toBe('NAME        USED  AVAIL  REFER  MOUNTPOINT\ntank/fs    5.09M  1.92T  4.09M  /tank/fs\ntank/fs@a     1M      -  4.09M  -\n');
    expect(run(s, 'zfs list -o space tank/fs').stdout).toBe('NAME     AVAIL   USED  USEDSNAP  USEDDS  USEDREFRESERV  USEDCHILD\ntank/fs  1.92T  5.09M        1M   4.09M             0B         0B\n');
    expect(run(s, 'zfs list -Hp -o name,written tank/fs').stdout).toBe('tank/fs\t1048576\n');
  });

  it('says so for a dataset that does not exist', () => {
    expect(run(boot({}, everyFieldLab), 'zfs list tank/nope')).toMatchObject({ stdout: '', stderr: "cannot open 'tank/nope': dataset does not exist\n", exitCode: 1 });
  });
});

describe('zfs create, snapshot, rollback, destroy', () => {
  it('refuses what libzfs refuses, with its words', () => {
    const s = boot({}, everyFieldLab);
    expect(run(s, 'zfs create tank/a*b')).toMatchObject({ stderr: "cannot create 'tank/a*b': invalid character '*' in name\n", exitCode: 1 });
    expect(run(s, 'zfs create tank/x/y')).toMatchObject({ stderr: "cannot create 'tank/x/y': parent does not exist\n", exitCode: 1 });
    expect(run(s, 'zfs create tank/archive')).toMatchObject({ stderr: "cannot create 'tank/archive': dataset already exists\n", exitCode: 1 });
    expect(run(s, 'zfs create nopool/x')).toMatchObject({ stderr: "cannot create 'nopool/x': no such pool 'nopool'\n", exitCode: 1 });
    expect(run(s, 'zfs create -V 0 tank/v')).toMatchObject({ stderr: "cannot create 'tank/v': volume size cannot be zero\n", exitCode: 1 });
    expect(run(s, 'zfs create -p tank/x/y').exitCode).toBe(0);
    expect(s.world.lab.hosts[0]?.datasets.map((d) => d.name)).toContain('tank/x/y');
  });

  it('rolls back to the latest snapshot, refuses an older one without -r and names the later ones', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'echo one > /tank/fs/a', 'zfs snapshot tank/fs@s1', 'echo two > /tank/fs/b', 'zfs snapshot tank/fs@s2', 'echo three > /tank/fs/c']) run(s, l);
    expect(run(s, 'zfs rollback tank/fs@s1')).toMatchObject({ stderr: "cannot rollback to 'tank/fs@s1': more recent snapshots or bookmarks exist\nuse '-r' to force deletion of the following snapshots and bookmarks:\ntank/fs@s2\n", exitCode: 1 });
    expect(run(s, 'zfs rollback tank/fs@s2').exitCode).toBe(0);
    expect(run(s, 'ls -1 /tank/fs').stdout).toBe('a\nb\n');
    expect(run(s, 'cat /tank/fs/.zfs/snapshot/s1/a').stdout).toBe('one\n');
    expect(run(s, 'zfs rollback -r tank/fs@s1').exitCode).toBe(0);
    expect(run(s, 'ls -1 /tank/fs').stdout).toBe('a\n');
    expect(run(s, 'zfs list -H -t snapshot -o name').stdout).toBe('tank/fs@s1\n');
  });

  it('refuses to destroy a dataset with snapshots or children without -r, and takes them all with it', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'zfs create tank/fs/sub', 'zfs snapshot -r tank/fs@s']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs destroy tank/fs')).toMatchObject({ stderr: "cannot destroy 'tank/fs': filesystem has children\nuse '-r' to destroy the following datasets:\ntank/fs/sub\ntank/fs/sub@s\ntank/fs@s\n", exitCode: 1 });
    expect(run(s, 'zfs destroy -r tank/fs').exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name -r tank').stdout).toBe('tank\ntank/archive\ntank/vm-200-disk-0\n');
    expect(s.world.lab.hosts[0]?.datasets.map((d) => d.name)).not.toContain('tank/fs');
    expect(run(s, 'ls /tank').stdout).not.toContain('fs');
  });

  it('creates a thick volume with its refreservation and a /dev/zvol link', () => {
    const s = boot({}, everyFieldLab);
    expect(run(s, 'zfs create -V 10G tank/vol').exitCode).toBe(0);
    expect(run(s, 'zfs get -H -o value refreservation,volsize,volblocksize tank/vol').stdout).toBe('10.2G\n10G\n16K\n');
    expect(run(s, 'readlink /dev/zvol/tank/vol; ls -l /dev/zvol/tank/vol').stdout).toContain('/dev/zvol/tank/vol -> ../../zd16');
    expect(run(s, 'zfs list -H -o name,used tank/vol').stdout).toBe('tank/vol\t10.2G\n');
  });
});

describe('zfs get', () => {
  it('prints values with their sources: local, inherited from, default and - for statistics', () => {
    const s = boot({}, everyFieldLab);
    run(s, 'zfs create tank/archive/sub');
    expect(run(s, 'zfs get compression,recordsize,atime,used tank/archive/sub').stdout).toBe(
      'NAME              PROPERTY     VALUE  SOURCE\ntank/archive/sub  compression  lz4    inherited from tank/archive\ntank/archive/sub  recordsize   1M     inherited from tank/archive\ntank/archive/sub  atime        off    inherited from tank/archive\ntank/archive/sub  used         96K    -\n',
    );
    expect(run(s, 'zfs get -H -o value checksum tank').stdout).toBe('on\n');
  });
});

describe('zfs set and inherit', () => {
  it('sets a property in the lab, checks the value as libzfs does, and inherit clears it', () => {
    const s = boot({}, everyFieldLab);
    run(s, 'zfs create tank/archive/sub');
    expect(run(s, 'zfs set compression=zstd tank/archive/sub').exitCode).toBe(0);
    expect(run(s, 'zfs get -H -o value,source compression tank/archive/sub').stdout).toBe('zstd\tlocal\n');
    expect(s.world.lab.hosts[0]?.datasets.find((d) => d.name === 'tank/archive/sub')?.properties).toEqual({ compression: 'zstd' });
    expect(run(s, 'zfs set compression=bogus tank/archive/sub')).toMatchObject({ stderr: expect.stringMatching(/^cannot set property for 'tank\/archive\/sub': 'compression' must be one of 'on \| off \| lzjb/), exitCode: 1 });
    expect(run(s, 'zfs set used=1G tank/archive')).toMatchObject({ stderr: "cannot set property for 'tank/archive': 'used' is readonly\n", exitCode: 1 });
    expect(run(s, 'zfs inherit compression tank/archive/sub').exitCode).toBe(0);
    expect(run(s, 'zfs get -H -o value,source compression tank/archive/sub').stdout).toBe('lz4\tinherited from tank/archive\n');
  });

  it('moves a dataset when its mountpoint changes', () => {
    const s = boot({}, everyFieldLab);
    run(s, 'zfs create tank/fs');
    run(s, 'echo hi > /tank/fs/f');
    expect(run(s, 'zfs set mountpoint=/srv/fs tank/fs').exitCode).toBe(0);
    expect(run(s, 'cat /srv/fs/f').stdout).toBe('hi\n');
    expect(run(s, 'zfs list -H -o mountpoint tank/fs').stdout).toBe('/srv/fs\n');
  });
});

describe('zpool', () => {
  it('lists pools with the 2.3 columns', () => {
    expect(run(boot({}, everyFieldLab), 'zpool list').stdout).toBe(
      'NAME    SIZE  ALLOC   FREE  CKPOINT  EXPANDSZ   FRAG    CAP  DEDUP    HEALTH  ALTROOT\nrpool   496G   192K   496G        -         -     0%     0%  1.00x    ONLINE  -\ntank   1.98T   248K  1.98T        -         -     0%     0%  1.00x    ONLINE  -\n',
    );
  });

  it('prints the status tree: mirror-0 with its disks, two more spaces per level', () => {
    expect(run(boot({}, everyFieldLab), 'zpool status tank').stdout).toBe(
      '  pool: tank\n state: ONLINE\nconfig:\n\n\tNAME        STATE     READ WRITE CKSUM\n\ttank        ONLINE       0     0     0\n\t  mirror-0  ONLINE       0     0     0\n\t    sdb     ONLINE       0     0     0\n\t    sdc     ONLINE       0     0     0\n\nerrors: No known data errors\n',
    );
    expect(run(boot({}, everyFieldLab), 'zpool status nope')).toMatchObject({ stderr: "cannot open 'nope': no such pool\n", exitCode: 1 });
  });

  it('exists on Proxmox and TrueNAS only, and completes pool and dataset names', () => {
    const s = boot({}, everyFieldLab);
    expect(run(s, 'ssh vps zpool list').exitCode).toBe(127);
    expect(run(s, 'zfs bogus')).toMatchObject({ exitCode: 2 });
    expect(run(s, 'zfs bogus').stderr).toMatch(/^unrecognized command 'bogus'\nusage: zfs command args \.\.\.\n/);
  });
});

describe('zpool create and destroy', () => {
  it('builds a RAIDZ1 pool on the blank TrueNAS disks, labels them, mounts it under the /mnt altroot', () => {
    const s = boot({ host: 'truenas' });
    expect(run(s, 'zpool create tank raidz1 sda sdb sdc sdd')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(s.world.lab.hosts[1]?.pools.map((p) => p.name)).toEqual(['boot-pool', 'tank']);
    expect(run(s, 'zpool list -H -o name,size,health,altroot tank').stdout).toBe('tank\t16.0T\tONLINE\t/mnt\n');
    expect(run(s, 'zpool status tank').stdout).toContain('\t  raidz1-0  ONLINE       0     0     0\n\t    sda     ONLINE       0     0     0\n');
    expect(run(s, 'lsblk -o NAME,SIZE /dev/sdb').stdout).toBe('NAME   SIZE\nsdb      4T\n├─sdb1   4T\n└─sdb9   8M\n');
    expect(run(s, 'zfs list -H -o name,mountpoint').stdout).toBe('boot-pool\t/boot-pool\ntank\t/mnt/tank\n');
    expect(run(s, 'echo hi > /mnt/tank/f && cat /mnt/tank/f').stdout).toBe('hi\n');
  });

  it('refuses a disk in use, a missing disk and too few disks, as zpool_vdev.c words it', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    expect(run(s, 'zpool create t2 sda')).toMatchObject({ stderr: "invalid vdev specification\nuse '-f' to override the following errors:\n/dev/sda1 is part of active pool 'tank'\n", exitCode: 1 });
    expect(run(s, 'zpool create t3 mirror sdz sdc')).toMatchObject({ stderr: "cannot open 'sdz': no such device in /dev\nmust be a full path or shorthand device name\n", exitCode: 1 });
    expect(run(s, 'zpool create t4 mirror sdc')).toMatchObject({ stderr: 'invalid vdev specification: mirror requires at least 2 devices\n', exitCode: 1 });
    expect(run(s, 'zpool create tank sdc')).toMatchObject({ stderr: "cannot create 'tank': pool already exists\n", exitCode: 1 });
    expect(run(s, 'zpool create mirror1 sdc')).toMatchObject({ stderr: "cannot create 'mirror1': name is reserved\n", exitCode: 1 });
    expect(run(s, 'zpool destroy tank').exitCode).toBe(0);
    expect(run(s, 'zpool list -H -o name').stdout).toBe('boot-pool\n');
    expect(run(s, 'zpool create t2 sda').exitCode).toBe(0);
  });
});

describe('zdb -b', () => {
  it('counts the data blocks with their logical, physical and allocated sizes', () => {
    const s = boot({}, everyFieldLab);
    run(s, 'zfs create tank/fs');
    run(s, 'dd if=/dev/urandom of=/tank/fs/f bs=128K count=8 status=none');
    const out = run(s, 'zdb -b tank').stdout;
    expect(out).toContain('\tbp count:                     8\n');
    expect(out).toContain('\tbp logical:             1048576      avg: 131072\n');
    expect(out).toContain('\tbp physical:            1048576      avg: 131072     compression:   1.00\n');
    expect(run(s, 'zdb -b nope')).toMatchObject({ stderr: "zdb: can't open 'nope': No such file or directory\n", exitCode: 1 });
  });
});

describe('zpool get, set and history', () => {
  it('reads pool properties with sources, sets them through the lab, and logs the commands', () => {
    const s = boot({ host: 'truenas' });
    expect(run(s, 'zpool create tank mirror sda sdb').exitCode).toBe(0);
    expect(run(s, 'zpool get -H -o property,value,source health,ashift,autotrim,altroot tank').stdout).toBe('health\tONLINE\t-\nashift\t0\tdefault\nautotrim\toff\tdefault\naltroot\t/mnt\tlocal\n');
    expect(run(s, 'zpool set autotrim=on tank').exitCode).toBe(0);
    expect(run(s, 'zpool get autotrim tank').stdout).toBe('NAME  PROPERTY  VALUE  SOURCE\ntank  autotrim  on     local\n');
    expect(run(s, 'zpool set ashift=9 tank')).toMatchObject({ stderr: "cannot set property for 'tank': property 'ashift' can only be set at creation time\n", exitCode: 1 });
    expect(run(s, 'zpool set size=1T tank')).toMatchObject({ stderr: "cannot set property for 'tank': 'size' is readonly\n", exitCode: 1 });
    run(s, 'zfs create tank/fs');
    expect(run(s, 'zpool history tank').stdout).toBe("History for 'tank':\n2026-01-01.00:00:01 zpool create tank mirror sda sdb\n2026-01-01.00:00:03 zpool set autotrim=on tank\n2026-01-01.00:00:07 zfs create tank/fs\n\n");
  });
});

describe('zfs rename, mount and unmount', () => {
  it('renames a dataset with its children, its files following to the inherited mountpoint', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/a', 'zfs create tank/a/b', 'echo x > /tank/a/b/f', 'zfs snapshot tank/a/b@s']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs rename tank/a tank/c').exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name,mountpoint -t all -r tank/c').stdout).toBe('tank/c\t/tank/c\ntank/c/b\t/tank/c/b\ntank/c/b@s\t-\n');
    expect(run(s, 'cat /tank/c/b/f').stdout).toBe('x\n');
    expect(run(s, 'ls /tank').stdout).not.toMatch(/\ba\b/);
    expect(s.world.lab.hosts[0]?.datasets.map((d) => d.name)).toContain('tank/c/b');
    expect(run(s, 'zfs rename tank/c/b@s tank/c/b@t').exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name -t snapshot').stdout).toBe('tank/c/b@t\n');
    expect(run(s, 'zfs rename tank/c rpool/c')).toMatchObject({ stderr: "cannot rename to 'rpool/c': datasets must be within same pool\n", exitCode: 1 });
    expect(run(s, 'zfs rename tank/nope tank/x')).toMatchObject({ stderr: "cannot open 'tank/nope': dataset does not exist\n", exitCode: 1 });
  });

  it('unmounts a dataset keeping its files, lists mounts, and mounts it back', () => {
    const s = boot({}, everyFieldLab);
    run(s, 'zfs create tank/fs');
    run(s, 'echo kept > /tank/fs/f');
    expect(run(s, 'zfs unmount tank/fs').exitCode).toBe(0);
    expect(run(s, 'ls /tank').stdout).not.toContain('fs');
    expect(run(s, 'zfs mount').stdout).not.toContain('tank/fs');
    expect(run(s, 'zfs unmount tank/fs')).toMatchObject({ stderr: "cannot unmount 'tank/fs': not currently mounted\n", exitCode: 1 });
    expect(run(s, 'zfs mount tank/fs').exitCode).toBe(0);
    expect(run(s, 'cat /tank/fs/f').stdout).toBe('kept\n');
    expect(run(s, 'zfs mount').stdout).toContain(`${'tank/fs'.padEnd(30)}  /tank/fs\n`);
  });
});

describe('zfs clone', () => {
  it('starts as the snapshot, shares its blocks (REFER as the snapshot, USED only new data) and protects its origin', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/f bs=1M count=2 status=none', 'echo v1 > /tank/fs/note', 'zfs snapshot tank/fs@s', 'echo v2 > /tank/fs/note']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs clone tank/fs@s tank/c').exitCode).toBe(0);
    expect(run(s, 'cat /tank/c/note').stdout).toBe('v1\n');
    expect(run(s, 'zfs get -H -o value origin tank/c').stdout).toBe('tank/fs@s\n');
    const [refer, used] = run(s, 'zfs get -Hp -o value referenced,used tank/c').stdout.trim().split('\n').map(Number);
    expect(refer).toBeGreaterThan(2 * 1024 * 1024);
    expect(used).toBeLessThan(256 * 1024);
    run(s, 'dd if=/dev/urandom of=/tank/c/g bs=1M count=1 status=none');
    expect(Number(run(s, 'zfs get -Hp -o value used tank/c').stdout)).toBeGreaterThan(1024 * 1024);
    expect(run(s, 'cat /tank/fs/note').stdout).toBe('v2\n');
    expect(run(s, 'zfs destroy tank/fs@s')).toMatchObject({ stderr: "cannot destroy 'tank/fs@s': snapshot has dependent clones\nuse '-R' to destroy the following datasets:\ntank/c\n", exitCode: 1 });
    expect(run(s, 'zfs destroy -R tank/fs@s').exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name -r tank').stdout).toBe('tank\ntank/archive\ntank/fs\ntank/vm-200-disk-0\n');
  });
});

describe('completion of pool, dataset, snapshot and disk names', () => {
  it('offers what exists on the host', async () => {
    const { completions } = await import('../../../../src/simulator/shell');
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    run(s, 'zfs create tank/fs');
    run(s, 'zfs snapshot tank/fs@monday');
    const words = (line: string) => completions(s, line).candidates;
    expect(words('zpool create t2 mirror sd')).toEqual(['sdc', 'sdd']);
    expect(words('zpool status ta')).toEqual(['tank']);
    expect(words('zfs list tank/')).toEqual(['tank/fs']);
    expect(words('zfs rollback tank/fs@')).toEqual(['tank/fs@monday']);
    expect(words('lab fault fail nv')).toEqual(['nvme0n1']);
  });
});

describe('zfs promote', () => {
  it('moves the origin snapshot and its space to the clone; the old origin can then be destroyed', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/f bs=1M count=2 status=none', 'echo v1 > /tank/fs/note', 'zfs snapshot tank/fs@s', 'zfs clone tank/fs@s tank/c', 'echo v2 > /tank/c/note']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zfs promote tank/fs')).toMatchObject({ stderr: "cannot promote 'tank/fs': not a cloned filesystem\n", exitCode: 1 });
    expect(run(s, 'zfs promote tank/c').exitCode).toBe(0);
    expect(run(s, 'zfs list -H -o name -t snapshot').stdout).toBe('tank/c@s\n');
    expect(run(s, 'zfs get -H -o value origin tank/fs tank/c').stdout).toBe('tank/c@s\n-\n');
    expect(run(s, 'cat /tank/c/.zfs/snapshot/s/note /tank/c/note').stdout).toBe('v1\nv2\n');
    const alloc = run(s, 'zpool list -Hp -o allocated tank').stdout;
    expect(run(s, 'zfs destroy tank/fs').exitCode).toBe(0);
    // The 2 MiB stay: the promoted clone and its snapshot hold them.
    expect(Number(run(s, 'zpool list -Hp -o allocated tank').stdout)).toBeGreaterThan(2 * 1024 * 1024);
    expect(Number(run(s, 'zfs get -Hp -o value used tank/c').stdout)).toBeGreaterThan(2 * 1024 * 1024);
    expect(Number(alloc)).toBeGreaterThan(2 * 1024 * 1024);
    expect(run(s, 'stat -c %s /tank/c/f').stdout).toBe('2097152\n');
  });
});
