import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run } from '../sim-fixture';
import type { SimState } from '../../../../src/simulator/shell';

/** The every-field lab's pve host with 4 MiB of random data in tank/fs (a mirror of sdb and sdc). */
function withData(): SimState {
  const s = boot({}, everyFieldLab);
  for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/data bs=1M count=4 status=none', 'echo hello > /tank/fs/note']) expect(run(s, l).exitCode).toBe(0);
  return s;
}

describe('self-healing on a mirror (OpenZFS 2.3 zpool_main.c status layout)', () => {
  it('finds silent corruption on one side by checksum, repairs it from the other and counts CKSUM on the bad disk', () => {
    const s = withData();
    expect(run(s, 'lab fault corrupt sdb').exitCode).toBe(0);
    // Reads still succeed: the good copy answers and the bad one is rewritten.
    expect(run(s, 'cat /tank/fs/note').stdout).toBe('hello\n');
    expect(run(s, 'zpool scrub -w tank').exitCode).toBe(0);
    const out = run(s, 'zpool status tank').stdout;
    expect(out).toMatch(
      /^  pool: tank\n state: ONLINE\nstatus: One or more devices has experienced an unrecoverable error\.  An\n\tattempt was made to correct the error\.  Applications are unaffected\.\naction: Determine if the device needs to be replaced, and clear the errors\n\tusing 'zpool clear' or replace the device with 'zpool replace'\.\n   see: https:\/\/openzfs\.github\.io\/openzfs-docs\/msg\/ZFS-8000-9P\n  scan: scrub repaired [0-9.]+[KM] in 00:00:01 with 0 errors on Thu Jan  1 00:00:[0-9]{2} 2026\nconfig:\n/,
    );
    expect(out).toMatch(/\n\t    sdb     ONLINE       0     0    [ 0-9]{2}\n\t    sdc     ONLINE       0     0     0\n\nerrors: No known data errors\n$/);
    expect(out).not.toMatch(/sdb +ONLINE +0 +0 +0\n/);
    // zpool clear, as the action line advises: counters back to 0, the status lines gone.
    expect(run(s, 'zpool clear tank').exitCode).toBe(0);
    expect(run(s, 'zpool status tank').stdout).toMatch(/^  pool: tank\n state: ONLINE\n  scan: scrub repaired .*\nconfig:\n[^]*\t    sdb     ONLINE       0     0     0\n/);
  });

  it('reports permanent errors when both sides are damaged at the same place, listing the file with -v', () => {
    const s = withData();
    run(s, 'lab fault corrupt sdb');
    run(s, 'lab fault corrupt sdc');
    expect(run(s, 'cat /tank/fs/note')).toMatchObject({ stderr: 'cat: /tank/fs/note: Input/output error\n', exitCode: 1 });
    run(s, 'zpool scrub -w tank');
    const out = run(s, 'zpool status -v tank').stdout;
    expect(out).toContain('status: One or more devices has experienced an error resulting in data\n\tcorruption.  Applications may be affected.\naction: Restore the file in question if possible.  Otherwise restore the\n\tentire pool from backup.\n   see: https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-8A\n');
    expect(out).toContain('errors: Permanent errors have been detected in the following files:\n\n        /tank/fs/note\n        /tank/fs/data\n');
    expect(run(s, 'zpool status tank').stdout).toContain("errors: 2 data errors, use '-v' for a list\n");
  });

  it('damages what dd writes over a pool disk, as on real hardware', () => {
    const s = withData();
    expect(run(s, 'dd if=/dev/urandom of=/dev/sdb bs=1M seek=4 count=8 conv=notrunc status=none').exitCode).toBe(0);
    run(s, 'zpool scrub -w tank');
    expect(run(s, 'zpool status tank').stdout).toMatch(/scrub repaired [1-9][0-9.]*[KM] in/);
  });

  it('keeps serving a mirror with a failed disk, DEGRADED, the disk UNAVAIL', () => {
    const s = withData();
    expect(run(s, 'lab fault fail sdc').exitCode).toBe(0);
    expect(run(s, 'cat /tank/fs/note').stdout).toBe('hello\n');
    const out = run(s, 'zpool status tank').stdout;
    expect(out).toContain(' state: DEGRADED\nstatus: One or more devices could not be opened.  Sufficient replicas exist for\n\tthe pool to continue functioning in a degraded state.\n');
    expect(out).toContain('\t  mirror-0  DEGRADED     0     0     0\n\t    sdb     ONLINE       0     0     0\n\t    sdc     UNAVAIL      0     0     0  cannot open\n');
  });

  it('shows a scrub in progress until its virtual time has passed', () => {
    const s = withData();
    run(s, 'dd if=/dev/urandom of=/tank/fs/big bs=1M count=4096 status=none');
    run(s, 'zpool scrub tank');
    expect(run(s, 'zpool status tank').stdout).toMatch(/  scan: scrub in progress since .*\n\t.* scanned at .*\n\t.* repaired, [0-9.]+% done, 00:00:0[0-9] to go\n/);
    run(s, 'zpool wait -t scrub tank');
    expect(run(s, 'zpool status tank').stdout).toMatch(/  scan: scrub repaired 0B in 00:00:0[0-9] with 0 errors on /);
  });
});

describe('a power cut in the middle of a txg', () => {
  it('brings the pool back at the last synced txg: earlier files intact, the open txg\'s writes gone', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'echo kept > /tank/fs/a', 'sync']) expect(run(s, l).exitCode).toBe(0);
    const synced = run(s, 'zfs get -Hp -o value referenced tank/fs').stdout;
    for (const l of ['echo changed > /tank/fs/a', 'dd if=/dev/urandom of=/tank/fs/b bs=1M count=1 status=none', 'rm /tank/fs/a']) expect(run(s, l).exitCode).toBe(0);
    expect(run(s, 'lab power-cut').stdout).toMatch(/^lab: power cut on pve\n(lab: .*\n)+$/);
    expect(run(s, 'ls -1 /tank/fs').stdout).toBe('a\n');
    expect(run(s, 'cat /tank/fs/a').stdout).toBe('kept\n');
    expect(run(s, 'zfs get -Hp -o value referenced tank/fs').stdout).toBe(synced);
  });

  it('keeps what a txg synced on its own after 5 s of virtual time', () => {
    const s = boot({}, everyFieldLab);
    for (const l of ['zfs create tank/fs', 'echo one > /tank/fs/a', 'sleep 6', 'echo two > /tank/fs/b']) expect(run(s, l).exitCode).toBe(0);
    run(s, 'lab power-cut pve');
    expect(run(s, 'ls -1 /tank/fs').stdout).toBe('a\n');
  });
});

describe('lab controls as session-log actions', () => {
  it('records a fault from the sandbox as a lab action, and a replay reaches the same state', async () => {
    const { replay, startSession } = await import('../../../../src/simulator/shell');
    const session = startSession(structuredClone(everyFieldLab));
    session.run('zfs create tank/fs');
    session.run('dd if=/dev/urandom of=/tank/fs/f bs=1M count=1 status=none');
    const r = session.act({ type: 'lab', host: 'pve', args: ['fault', 'corrupt', 'sdb'] });
    expect(r).toMatchObject({ exitCode: 0, stdout: 'lab: damaged 1048576 bytes of sdb1 (pool tank) silently\n' });
    session.run('zpool scrub -w tank');
    expect(session.log.events.map((e) => e.kind)).toEqual(['line', 'line', 'action', 'line']);
    const again = replay(session.log);
    expect(again.transcript).toContain('[lab fault corrupt sdb]\nlab: damaged 1048576 bytes');
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(session.state));
    expect(session.act({ type: 'lab', host: 'pve', args: ['fault', 'melt', 'sdb'] }).exitCode).toBe(2);
  });
});
