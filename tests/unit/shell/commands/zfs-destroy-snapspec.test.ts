import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';

/** tank/a with three snapshots, 4 MiB rewritten between each (random data: no compression). */
function threeSnapshots() {
  const s = boot({ host: 'truenas' });
  for (const l of ['zpool create tank sda', 'zfs create tank/a']) expect(run(s, l).exitCode).toBe(0);
  for (const snap of ['1', '2', '3']) {
    expect(run(s, 'dd if=/dev/urandom of=/mnt/tank/a/f bs=1M count=4 status=none').exitCode).toBe(0);
    expect(run(s, `zfs snapshot tank/a@${snap}`).exitCode).toBe(0);
  }
  return s;
}

describe('zfs destroy DS@SNAPSPEC (OpenZFS 2.3 zfs_do_destroy, zfs_iter_snapspec, lzc_snaprange_space)', () => {
  it('-nv lists what would go and what it would reclaim; -p in tab form; nothing is destroyed', () => {
    const s = threeSnapshots();
    expect(run(s, 'zfs destroy -nv tank/a@1').stdout).toBe('would destroy tank/a@1\nwould reclaim 4M\n');
    expect(run(s, 'zfs destroy -nvp tank/a@1%2').stdout).toBe('destroy\ttank/a@1\ndestroy\ttank/a@2\nreclaim\t8388608\n');
    // A range with open ends, and a list: adjacent ones are one range (@1 and @3 each hold 4M... @3 holds none).
    expect(run(s, 'zfs destroy -nv tank/a@%').stdout).toBe('would destroy tank/a@1\nwould destroy tank/a@2\nwould destroy tank/a@3\nwould reclaim 8M\n');
    expect(run(s, 'zfs destroy -nv tank/a@1,3').stdout).toBe('would destroy tank/a@1\nwould destroy tank/a@3\nwould reclaim 4M\n');
    // Without -v a dry run prints nothing.
    expect(run(s, 'zfs destroy -n tank/a@1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'zfs list -H -t snapshot -o name').stdout).toBe('tank/a@1\ntank/a@2\ntank/a@3\n');
  });

  it('destroys a range, says "will" with -v, and refuses names that match nothing', () => {
    const s = threeSnapshots();
    expect(run(s, 'zfs destroy -v tank/a@1%2').stdout).toBe('will destroy tank/a@1\nwill destroy tank/a@2\nwill reclaim 8M\n');
    expect(run(s, 'zfs list -H -t snapshot -o name').stdout).toBe('tank/a@3\n');
    expect(run(s, 'zfs destroy tank/a@nope')).toMatchObject({ stderr: 'could not find any snapshots to destroy; check snapshot names.\n', exitCode: 1 });
    expect(run(s, 'zfs destroy tank/zz@3')).toMatchObject({ stderr: "cannot open 'tank/zz': dataset does not exist\n", exitCode: 1 });
  });
});
