import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';
import { parseLab } from '../../../../src/simulator/model';

const ok = { stdout: '', stderr: '', exitCode: 0 };
const truenas = () => boot({ host: 'truenas' });
const labPool = (s: ReturnType<typeof boot>, host: string, name: string) => s.world.lab.hosts.find((h) => h.name === host)?.pools.find((p) => p.name === name);

describe('zpool create flags (OpenZFS 2.3 zpool_main.c zpool_do_create)', () => {
  it('-n prints the layout print_vdev_tree gives and creates nothing', () => {
    const s = truenas();
    expect(run(s, 'zpool create -n tank mirror sda sdb raidz1 sdc sdd')).toEqual({
      stdout: "would create 'tank' with the following layout:\n\n\ttank\n\t  mirror\n\t    sda\n\t    sdb\n\t  raidz1\n\t    sdc\n\t    sdd\n",
      stderr: '',
      exitCode: 0,
      chunks: expect.anything(),
    });
    expect(labPool(s, 'truenas', 'tank')).toBeUndefined();
    expect(run(s, 'zpool list tank').stderr).toBe("cannot open 'tank': no such pool\n");
    // -n still makes the disk checks.
    expect(run(s, 'zpool create -n tank mirror sda sda').stderr).toContain('is used more than once');
  });

  it('-O and -m set the root dataset; children inherit; the lab keeps them as rootProperties', () => {
    // TrueNAS: its data pools sit below the /mnt altroot, which zfs get shows in front of the mountpoint.
    const s = truenas();
    expect(run(s, 'zpool create -O compression=zstd -O atime=off -m /srv/tank tank sda')).toMatchObject(ok);
    expect(labPool(s, 'truenas', 'tank')?.rootProperties).toEqual({ compression: 'zstd', atime: 'off', mountpoint: '/srv/tank' });
    expect(run(s, 'zfs get -H -o value,source compression,atime,mountpoint tank').stdout).toBe('zstd\tlocal\noff\tlocal\n/mnt/srv/tank\tlocal\n');
    expect(run(s, 'zfs create tank/a').exitCode).toBe(0);
    expect(run(s, 'zfs get -H -o value,source compression,mountpoint tank/a').stdout).toBe('zstd\tinherited from tank\n/mnt/srv/tank/a\tinherited from tank\n');
    expect(run(s, 'findmnt -n -o TARGET,SOURCE /mnt/srv/tank/a').stdout).toBe('/mnt/srv/tank/a tank/a\n');
    // zfs set / inherit on the pool's root dataset change the same entry.
    expect(run(s, 'zfs set compression=lz4 tank')).toMatchObject(ok);
    expect(run(s, 'zfs get -H -o value compression tank/a').stdout).toBe('lz4\n');
    expect(run(s, 'zfs inherit compression tank')).toMatchObject(ok);
    expect(run(s, 'zfs get -H -o value,source compression tank').stdout).toBe('on\tdefault\n');
    // The lab with rootProperties is a valid lab file and boots the same.
    expect(parseLab(JSON.parse(JSON.stringify(s.world.lab))).ok).toBe(true);
  });

  it('-R mounts below the altroot and zpool get shows it', () => {
    const s = truenas();
    expect(run(s, 'zpool create -R /alt t3 sdb')).toMatchObject(ok);
    expect(run(s, 'zfs get -H -o value,source mountpoint t3').stdout).toBe('/alt/t3\tdefault\n');
    expect(run(s, 'zpool get -H -o value altroot t3').stdout).toBe('/alt\n');
    expect(run(s, 'findmnt -n -o TARGET /alt/t3').stdout).toBe('/alt/t3\n');
  });

  it('refuses bad options with zpool_do_create / add_prop_list messages and status 1, creating nothing', () => {
    const s = truenas();
    const cases: [string, string][] = [
      ['zpool create -O bogus=1 t sda', "property 'bogus' is not a valid filesystem property\n"],
      ['zpool create -o foo=1 t sda', "property 'foo' is not a valid pool or vdev property\n"],
      ['zpool create -o ashift=12 -o ashift=9 t sda', "property 'ashift' specified multiple times\n"],
      ['zpool create -O compression t sda', "missing '=' for -O option\n"],
      ['zpool create -o ashift t sda', "missing '=' for -o option\n"],
      ['zpool create x/y sda', "cannot create 'x/y': invalid character '/' in pool name\nuse 'zfs create' to create a dataset\n"],
      ['zpool create -m rel t sda', "invalid mountpoint 'rel': must be an absolute path, 'legacy', or 'none'\n"],
      ['zpool create -R alt t sda', "invalid alternate root 'alt': must be an absolute path\n"],
    ];
    for (const [line, stderr] of cases) expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.map((p) => p.name)).not.toContain('t');
  });

  it('refuses a non-empty directory in the way of the mountpoint', () => {
    const s = truenas();
    expect(run(s, 'mkdir -p /mnt/data/x').exitCode).toBe(0);
    expect(run(s, 'zpool create data sdc')).toMatchObject({ stderr: "mountpoint '/mnt/data' exists and is not empty\nuse '-m' option to provide a different default\n", exitCode: 1 });
    expect(run(s, 'zpool create -m /srv/data data sdc')).toMatchObject(ok);
  });
});

describe('zpool list -v (OpenZFS 2.3 collect_list_stats)', () => {
  it('prints each vdev and leaf under its pool with the fixed-width vdev columns and no ALTROOT', () => {
    const s = truenas();
    expect(run(s, 'zpool create tank mirror sda sdb').exitCode).toBe(0);
    expect(run(s, 'zpool list -v tank').stdout).toBe(
      [
        'NAME         SIZE  ALLOC   FREE  CKPOINT  EXPANDSZ   FRAG    CAP  DEDUP    HEALTH  ALTROOT',
        'tank        3.98T    96K  3.98T        -         -     0%     0%  1.00x    ONLINE  /mnt',
        '  mirror-0  3.98T    96K  3.98T        -         -     0%  0.00%      -    ONLINE',
        '    sda     4.00T      -      -        -         -      -      -      -    ONLINE',
        '    sdb     4.00T      -      -        -         -      -      -      -    ONLINE',
        '',
      ].join('\n'),
    );
    // -H: tab-separated, the vdev lines start with a tab (printf("\t%s", name)).
    expect(run(s, 'zpool list -vH tank').stdout.split('\n')[1]).toBe('\tmirror-0\t3.98T\t96K\t3.98T\t-\t-\t0%\t0.00%\t-\tONLINE');
    expect(run(s, 'lab fault fail sdb').exitCode).toBe(0);
    expect(run(s, 'zpool list -vH tank').stdout.split('\n').slice(1, 4).map((l) => l.split('\t').at(-1))).toEqual(['DEGRADED', 'ONLINE', 'UNAVAIL']);
  });
});
