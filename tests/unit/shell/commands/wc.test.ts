import { describe, expect, it } from 'vitest';
import { boot, run, seed, SMALL_FILES } from '../sim-fixture';

// The starter lab's small passwd, copied to root's home: fixed text for wc to count.
const sh = (line: string) => run(seed(boot(), SMALL_FILES.starter), line);

describe('wc', () => {
  it('sizes numbers from the files\' total size (wc.c compute_number_width)', () => {
    expect(sh('wc /etc/hostname').stdout).toBe('1 1 4 /etc/hostname\n');
    expect(sh('wc passwd /etc/hosts').stdout).toBe('  2   2  91 passwd\n 11  28 266 /etc/hosts\n 13  30 357 total\n');
  });

  it('pads to 7 for stdin, but not for one count of one input', () => {
    expect(sh('echo a b | wc').stdout).toBe('      1       2       4\n');
    expect(sh('echo a b | wc -l').stdout).toBe('1\n');
    expect(sh('echo a b | wc -lw').stdout).toBe('      1       2\n');
    expect(sh('wc -l passwd').stdout).toBe('2 passwd\n');
  });

  it('counts /proc files, whose size is 0, at width 1', () => {
    expect(sh('wc -lc /proc/self/uid_map').stdout).toBe('1 33 /proc/self/uid_map\n');
  });

  it('prints -m chars and -L the longest line', () => {
    expect(sh("echo 'héllo' | wc -c").stdout).toBe('7\n');
    expect(sh("echo 'héllo' | wc -m").stdout).toBe('6\n');
    expect(sh('wc -L passwd').stdout).toBe('58 passwd\n');
  });

  it('reports errors: missing files skipped, directories counted as zero', () => {
    expect(sh('wc -c /etc/hostname /nope')).toMatchObject({ stdout: '4 /etc/hostname\n4 total\n', stderr: 'wc: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh('wc /etc')).toMatchObject({ stdout: '      0       0       0 /etc\n', stderr: 'wc: /etc: Is a directory\n', exitCode: 1 });
  });
});
