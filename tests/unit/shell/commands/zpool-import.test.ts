import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';
import type { SimState } from '../../../../src/simulator/shell';

/** TrueNAS with `tank` (mirror sda sdb), a file in tank/fs and a 1G volume, exported. */
function exported(): SimState {
  const s = boot({ host: 'truenas' });
  for (const l of ['zpool create tank mirror sda sdb', 'zfs create tank/fs', 'echo hi > /mnt/tank/fs/f', 'zfs create -V 1G tank/vol', 'zpool export tank']) expect(run(s, l)).toMatchObject({ stderr: '', exitCode: 0 });
  return s;
}

describe('zpool export / import (OpenZFS 2.3 zpool_main.c show_import, libzfs_import.c)', () => {
  it('export unmounts the datasets, drops the volumes and the lab pool', () => {
    const s = exported();
    expect(run(s, 'ls /mnt').stdout).toBe('');
    expect(run(s, 'ls /dev/zvol').exitCode).not.toBe(0);
    expect(run(s, 'zpool list -H -o name').stdout).toBe('boot-pool\n');
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.map((p) => p.name)).toEqual(['boot-pool']);
    expect(run(s, 'zpool export tank')).toMatchObject({ stderr: "cannot open 'tank': no such pool\n", exitCode: 1 });
  });

  it('import without a name lists the pool as show_import does', () => {
    expect(run(exported(), 'zpool import').stdout).toMatch(
      /^   pool: tank\n     id: [0-9]+\n  state: ONLINE\n action: The pool can be imported using its name or numeric identifier\.\n config:\n\n\ttank        ONLINE\n\t  mirror-0  ONLINE\n\t    sda     ONLINE\n\t    sdb     ONLINE\n$/,
    );
  });

  it('import by name brings back files, volumes and mounts; a second import is refused', () => {
    const s = exported();
    expect(run(s, 'zpool import tank')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'cat /mnt/tank/fs/f').stdout).toBe('hi\n');
    expect(run(s, 'ls /dev/zvol/tank').stdout).toBe('vol\n');
    expect(run(s, 'zfs list -H -o name -r tank').stdout).toBe('tank\ntank/fs\ntank/vol\n');
    expect(run(s, 'zpool import tank')).toMatchObject({ stderr: "cannot import 'tank': a pool with that name is already created/imported,\nand no additional pools with that name were found\n", exitCode: 1 });
    expect(run(s, 'zpool import')).toMatchObject({ stdout: '', stderr: 'no pools available to import\n', exitCode: 1 });
  });

  it('refuses unknown pools and a missing argument', () => {
    const s = exported();
    expect(run(s, 'zpool import nope')).toMatchObject({ stderr: "cannot import 'nope': no such pool available\n", exitCode: 1 });
    expect(run(s, 'zpool export')).toMatchObject({ stderr: 'missing pool argument\nusage:\n\texport [-f] <pool> ...\n', exitCode: 2 });
  });

  it('-a imports every exported pool, -R mounts them below the altroot for this import only', () => {
    const s = boot({ host: 'truenas' });
    for (const l of ['zpool create t1 sdb', 'zpool create t2 sdc', 'zpool export t1 t2']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'zpool import -a -R /r')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'zpool list -H -o name,altroot t1 t2').stdout).toBe('t1\t/r\nt2\t/r\n');
    expect(run(s, 'findmnt -n -o TARGET,SOURCE /r/t2').stdout).toBe('/r/t2 t2\n');
    // Exported and imported again without -R: the altroot is gone (it is not stored on disk).
    expect(run(s, 'zpool export t1').exitCode).toBe(0);
    expect(run(s, 'zpool import t1').exitCode).toBe(0);
    expect(run(s, 'findmnt -n -o TARGET /r/t1').exitCode).toBe(1);
    expect(run(s, 'zpool import -a')).toMatchObject({ stderr: 'no pools available to import\n', exitCode: 1 });
    expect(run(s, 'zpool import -a t1')).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^too many arguments\nusage:\n/) });
  });
});
