import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run } from '../sim-fixture';
import type { SimState } from '../../../../src/simulator/shell';
import { streamBytes } from '../../../../src/simulator/engines/zfs/diff';

/** tank/fs with three files and a directory, snapshot @a, then a change of each kind. */
function changed(): SimState {
  const s = boot({}, everyFieldLab);
  for (const l of ['zfs create tank/fs', 'echo a > /tank/fs/keep', 'echo b > /tank/fs/gone', 'echo c > /tank/fs/old', 'mkdir /tank/fs/d', 'zfs snapshot tank/fs@a', 'echo more >> /tank/fs/keep', 'rm /tank/fs/gone', 'mv /tank/fs/old /tank/fs/d/new', 'echo n > "/tank/fs/with space"']) {
    expect(run(s, l).exitCode).toBe(0);
  }
  return s;
}

const LINES = 'M\t/tank/fs/\nM\t/tank/fs/keep\n-\t/tank/fs/gone\nR\t/tank/fs/old -> /tank/fs/d/new\nM\t/tank/fs/d\n+\t/tank/fs/with\\0040space\n';

describe('zfs diff (OpenZFS 2.3 libzfs_diff.c print_file / print_rename / stream_bytes)', () => {
  it('lists modified, removed, renamed and added files against the live filesystem, in object order', () => {
    expect(run(changed(), 'zfs diff tank/fs@a')).toMatchObject({ stdout: LINES, stderr: '', exitCode: 0 });
  });

  it('compares two snapshots; -H separates a rename with a tab; a snapshot against itself is empty', () => {
    const s = changed();
    run(s, 'zfs snapshot tank/fs@b');
    expect(run(s, 'zfs diff tank/fs@a tank/fs@b').stdout).toBe(LINES);
    expect(run(s, 'zfs diff tank/fs@a @b').stdout).toBe(LINES);
    expect(run(s, 'zfs diff -H tank/fs@a tank/fs@b').stdout).toContain('R\t/tank/fs/old\t/tank/fs/d/new\n');
    expect(run(s, 'zfs diff tank/fs@b')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(run(s, 'zfs diff tank/fs@a tank/fs').stdout).toBe(LINES);
  });

  it('refuses what zfs_do_diff and get_snapshot_names refuse', () => {
    const s = changed();
    expect(run(s, 'zfs diff')).toMatchObject({ stderr: 'must provide at least one snapshot name\nusage:\n\tdiff [-FHth] <snapshot> [snapshot|filesystem]\n', exitCode: 2 });
    expect(run(s, 'zfs diff tank/fs')).toMatchObject({ stderr: 'Badly formed snapshot name tank/fs: invalid name\n', exitCode: 1 });
    expect(run(s, 'zfs diff tank/nope@a')).toMatchObject({ stderr: "cannot open 'tank/nope': dataset does not exist\n", exitCode: 1 });
  });

  it('escapes bytes outside ! … ~ and the backslash as \\0ooo', () => {
    expect(streamBytes('/a b\\c\tü')).toBe('/a\\0040b\\0134c\\0011\\0303\\0274');
  });
});
