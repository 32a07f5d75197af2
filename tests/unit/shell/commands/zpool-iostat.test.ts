import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run } from '../sim-fixture';

describe('zpool iostat (OpenZFS 2.3 print_iostat_header / print_vdev_stats)', () => {
  it('prints the capacity of each pool, idle rates and a closing separator for several pools', () => {
    const s = boot({}, everyFieldLab);
    const out = run(s, 'zpool iostat').stdout;
    expect(out).toMatch(
      /^              capacity     operations     bandwidth \npool        alloc   free   read  write   read  write\n----------  -----  -----  -----  -----  -----  -----\nrpool       [ 0-9.BKMGT]{5}  [ 0-9.BKMGT]{5}      0      0      0      0\ntank        [ 0-9.BKMGT]{5}  [ 0-9.BKMGT]{5}      0      0      0      0\n----------  -----  -----  -----  -----  -----  -----\n$/,
    );
    // One pool: no closing separator.
    expect(run(s, 'zpool iostat tank').stdout.split('\n')).toHaveLength(5);
    expect(run(s, 'zpool iostat nopool')).toMatchObject({ stderr: "cannot open 'nopool': no such pool\n", exitCode: 1 });
  });

  it('-v: top-level vdevs with their capacity, leaves of a mirror with "-", a separator after each pool', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    run(s, 'zpool add tank mirror sdc sdd');
    expect(run(s, 'zpool iostat -v tank').stdout).toMatch(
      /^              capacity     operations     bandwidth \npool        alloc   free   read  write   read  write\n----------  -----  -----  -----  -----  -----  -----\ntank        [ 0-9.BKMGT]{5}  [ 0-9.BKMGT]{5}      0      0      0      0\n  mirror-0  [ 0-9.BKMGT]{5}  [ 0-9.BKMGT]{5}      0      0      0      0\n    sda         -      -      0      0      0      0\n    sdb         -      -      0      0      0      0\n  mirror-1  [ 0-9.BKMGT]{5}  [ 0-9.BKMGT]{5}      0      0      0      0\n    sdc         -      -      0      0      0      0\n    sdd         -      -      0      0      0      0\n----------  -----  -----  -----  -----  -----  -----\n$/,
    );
  });

  it('zpool list shows a pool with an offline disk as DEGRADED', () => {
    const s = boot({ host: 'truenas' });
    run(s, 'zpool create tank mirror sda sdb');
    run(s, 'zpool offline tank sdb');
    expect(run(s, 'zpool list -H -o name,health tank').stdout).toBe('tank\tDEGRADED\n');
  });
});
