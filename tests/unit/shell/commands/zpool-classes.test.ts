import { describe, expect, it } from 'vitest';
import { boot, run, starterLab } from '../sim-fixture';
import { parseLab, type Lab } from '../../../../src/simulator/model';
import type { SimState } from '../../../../src/simulator/shell';

/** The starter lab with two more 4T disks (sde, sdf) on the TrueNAS box. */
function sixDisks(): SimState {
  const lab = structuredClone(starterLab) as Lab;
  const truenas = lab.hosts.find((h) => h.name === 'truenas');
  truenas?.disks.push({ name: 'sde', size: 4 * 2 ** 40, type: 'hdd' } as never, { name: 'sdf', size: 4 * 2 ** 40, type: 'hdd' } as never);
  const parsed = parseLab(JSON.parse(JSON.stringify(lab)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return boot({ host: 'truenas' }, parsed.lab);
}

const labPool = (s: SimState, name = 'tank') => s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.find((p) => p.name === name);
const ok = { stdout: '', stderr: '', exitCode: 0 };

describe('log, cache and spare vdevs (OpenZFS 2.3 construct_spec, status_callback, collect_list_stats)', () => {
  it('create with log, cache and spare: the lab keeps each class; status prints their sections', () => {
    const s = sixDisks();
    expect(run(s, 'zpool create tank mirror sda sdb log mirror sdc sdd cache sde spare sdf')).toMatchObject(ok);
    expect(labPool(s)).toMatchObject({ vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }], logs: [{ type: 'mirror', disks: ['sdc', 'sdd'] }], cache: ['sde'], spares: ['sdf'] });
    expect(run(s, 'zpool status tank').stdout).toBe(
      [
        '  pool: tank',
        ' state: ONLINE',
        'config:',
        '',
        '\tNAME        STATE     READ WRITE CKSUM',
        '\ttank        ONLINE       0     0     0',
        '\t  mirror-0  ONLINE       0     0     0',
        '\t    sda     ONLINE       0     0     0',
        '\t    sdb     ONLINE       0     0     0',
        '\tlogs\t',
        '\t  mirror-1  ONLINE       0     0     0',
        '\t    sdc     ONLINE       0     0     0',
        '\t    sdd     ONLINE       0     0     0',
        '\tcache',
        '\t  sde       ONLINE       0     0     0',
        '\tspares',
        '\t  sdf       AVAIL   ',
        '',
        'errors: No known data errors',
        '',
      ].join('\n'),
    );
    // Logs and cache add no capacity: the pool is one mirror's size.
    expect(run(s, 'zpool list -H -o size tank').stdout).toBe('3.98T\n');
    const list = run(s, 'zpool list -v tank').stdout.split('\n');
    expect(list[5]).toBe('logs            -      -      -        -         -      -      -      -         -');
    expect(list[9]).toBe('cache           -      -      -        -         -      -      -      -         -');
    expect(list[11]).toBe('spare           -      -      -        -         -      -      -      -         -');
    expect(list[12]).toBe('  sdf       4.00T      -      -        -         -      -      -      -     AVAIL');
    expect(run(s, 'zpool iostat -v tank').stdout).toContain('\nlogs            -      -      -      -      -      -\n  mirror-1      0  3.98T      0      0      0      0\n');
  });

  it('-n shows the classes; the grammar refusals are construct_spec\'s', () => {
    const s = sixDisks();
    expect(run(s, 'zpool create -n tank sda log sdb cache sdc spare sdd sde').stdout).toBe("would create 'tank' with the following layout:\n\n\ttank\n\t  sda\n\tlogs\n\t  sdb\n\tcache\n\t  sdc\n\tspares\n\t  sdd\n\t  sde\n");
    const bad: [string, string][] = [
      ['zpool create tank sda log raidz sdb sdc', "invalid vdev specification: unsupported 'log' device: raidz\n"],
      ['zpool create tank sda log', 'invalid vdev specification: log requires at least 1 device\n'],
      ['zpool create tank sda spare sdb spare sdc', "invalid vdev specification: 'spare' can be specified only once\n"],
      ['zpool create tank sda log sdb log sdc', "invalid vdev specification: 'log' can be specified only once\n"],
      ['zpool create tank sda cache sda', "invalid vdev specification\nuse '-f' to override the following errors:\n/dev/sda is used more than once in the configuration\n"],
    ];
    for (const [line, stderr] of bad) expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expect(labPool(s)).toBeUndefined();
  });

  it('add and remove: logs and cache come and go without a replication check; data vdevs are refused as zpool does', () => {
    const s = sixDisks();
    expect(run(s, 'zpool create tank mirror sda sdb').exitCode).toBe(0);
    expect(run(s, 'zpool add tank log sdc cache sdd spare sde')).toMatchObject(ok);
    expect(labPool(s)).toMatchObject({ logs: [{ type: 'stripe', disks: ['sdc'] }], cache: ['sdd'], spares: ['sde'] });
    // A spare of this pool cannot go into another pool.
    expect(run(s, 'zpool create other sde').stderr).toContain("is part of active pool 'tank'");
    expect(run(s, 'zpool remove tank sdz sdc')).toMatchObject({ stderr: 'cannot remove sdz: no such device in pool\n', exitCode: 1 });
    expect(labPool(s)?.logs).toBeUndefined();
    expect(run(s, 'zpool remove tank sdd sde')).toMatchObject(ok);
    expect(labPool(s)).not.toHaveProperty('cache');
    expect(labPool(s)).not.toHaveProperty('spares');
    expect(run(s, 'zpool remove tank sda')).toMatchObject({ stderr: 'cannot remove sda: operation not supported on this type of pool\n', exitCode: 1 });
    expect(run(s, 'zpool remove -s tank')).toMatchObject({ stderr: 'cannot cancel removal: operation is not in progress\n', exitCode: 1 });
    expect(run(s, 'zpool remove tank')).toMatchObject({ stderr: 'missing device\nusage:\n\tremove [-npsw] <pool> <device> ...\n', exitCode: 2 });
    const raidz = sixDisks();
    expect(run(raidz, 'zpool create tank raidz1 sda sdb sdc log sdd').exitCode).toBe(0);
    expect(run(raidz, 'zpool remove tank raidz1-0').stderr).toBe('cannot remove raidz1-0: invalid config; all top-level vdevs must have the same sector size and not be raidz.\n');
    expect(run(raidz, 'zpool remove tank sdd')).toMatchObject(ok);
  });

  it('a failed disk replaced by the hot spare: the spare takes its place and is resilvered', () => {
    const s = sixDisks();
    expect(run(s, 'zpool create tank mirror sda sdb spare sdc').exitCode).toBe(0);
    expect(run(s, 'lab fault fail sdb').exitCode).toBe(0);
    expect(run(s, 'zpool replace -w tank sdb sdc')).toMatchObject(ok);
    expect(labPool(s)).toMatchObject({ vdevs: [{ type: 'mirror', disks: ['sda', 'sdc'] }] });
    expect(labPool(s)).not.toHaveProperty('spares');
    expect(run(s, 'zpool status -x tank').stdout).toBe("pool 'tank' is healthy\n");
  });

  it('a lab file with logs, cache and spares boots into the same pool, and bad ones are refused', () => {
    const lab = structuredClone(starterLab) as Lab;
    const truenas = lab.hosts.find((h) => h.name === 'truenas');
    truenas?.pools.push({ name: 'tank', vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }], logs: [{ type: 'stripe', disks: ['sdc'] }], spares: ['sdd'] } as never);
    const parsed = parseLab(JSON.parse(JSON.stringify(lab)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const s = boot({ host: 'truenas' }, parsed.lab);
    // TrueNAS names the leaves of pools it made by partuuid.
    expect(run(s, 'zpool status tank').stdout).toMatch(/\tlogs\t\n\t  [0-9a-f-]{36}    ONLINE       0     0     0\n\tspares\n\t  [0-9a-f-]{36}    AVAIL   \n/);
    expect(run(s, 'lsblk -n -o NAME,FSTYPE /dev/sdd').stdout).toContain('sdd1 zfs_member');
    const refusal = (change: (pool: { logs?: unknown; spares?: string[] }) => void) => {
      const bad = structuredClone(lab);
      change(bad.hosts.find((h) => h.name === 'truenas')?.pools.at(-1) as { logs?: unknown; spares?: string[] });
      const refused = parseLab(JSON.parse(JSON.stringify(bad)));
      return refused.ok ? [] : refused.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(refusal((p) => (p.logs = [{ type: 'raidz1', disks: ['sdc', 'nvme0n1'] }]))).toContain("hosts[1].pools[1].logs[0].type: invalid vdev specification: unsupported 'log' device: raidz1");
    expect(refusal((p) => (p.spares = ['sda']))).toContain('hosts[1].pools[1].spares[0]: one or more vdevs refer to the same device');
  });
});

describe('zpool add -n (OpenZFS 2.3 zpool_do_add dry run)', () => {
  it('prints the pool with the new vdevs after it, classes old then new, and changes nothing', () => {
    const s = sixDisks();
    expect(run(s, 'zpool create tank mirror sda sdb log sdc').exitCode).toBe(0);
    expect(run(s, 'zpool add -n tank mirror sdd sde spare sdf')).toEqual({
      stdout: "would update 'tank' to the following configuration:\n\n\ttank\n\t  mirror-0\n\t    sda\n\t    sdb\n\t  mirror\n\t    sdd\n\t    sde\n\tlogs\n\t  sdc\n\tspares\n\t  sdf\n",
      stderr: '',
      exitCode: 0,
      chunks: expect.anything(),
    });
    expect(labPool(s)).toMatchObject({ vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }] });
    expect(labPool(s)).not.toHaveProperty('spares');
    expect(run(s, 'zpool add -n tank sdd')).toMatchObject({ stderr: "invalid vdev specification\nuse '-f' to override the following errors:\nmismatched replication level: pool uses mirror and new vdev is disk\n", exitCode: 1 });
  });
});
