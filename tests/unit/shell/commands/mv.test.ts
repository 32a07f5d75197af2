import { describe, expect, it } from 'vitest';
import { boot, run, seed, sh } from '../sim-fixture';

/** A booted simulator with these directories made. */
function mk(state: ReturnType<typeof boot>, dirs: string): ReturnType<typeof boot> {
  run(state, `mkdir -p ${dirs}`);
  return state;
}

describe('mv', () => {
  it('renames, keeping the mtime, and moves into a directory', () => {
    const s = seed(boot(), { '/root/f': 'x\n' });
    run(s, 'touch -d 2020-01-01 /root/f; mkdir /root/d');
    expect(run(s, 'mv -v /root/f /root/g').stdout).toBe("renamed '/root/f' -> '/root/g'\n");
    run(s, 'mv /root/g /root/d');
    expect(run(s, 'stat -c "%n %y" /root/d/g').stdout).toBe('/root/d/g 2020-01-01 00:00:00.000000000 +0000\n');
  });

  it('copies and removes across filesystems (EXDEV), as mv does', () => {
    const s = seed(mk(boot(), '/root/d'), { '/root/d/a': 'a\n' });
    expect(run(s, 'mv -v /root/d /dev/shm').stdout).toBe("copied '/root/d' -> '/dev/shm/d'\ncopied '/root/d/a' -> '/dev/shm/d/a'\nremoved '/root/d/a'\nremoved directory '/root/d'\n");
    expect(run(s, 'cat /dev/shm/d/a; ls /root').stdout).toBe('a\n');
  });

  it('refuses moves into itself, the same file, and the lab-derived files', () => {
    const s = boot();
    run(s, 'mkdir /root/d');
    expect(run(s, 'mv /root/d /root/d/x').stderr).toBe("mv: cannot move '/root/d' to a subdirectory of itself, '/root/d/x'\n");
    // A directory DEST receives SOURCE under its name: d into d is d/d.
    expect(run(s, 'mv /root/d /root/d').stderr).toBe("mv: cannot move '/root/d' to a subdirectory of itself, '/root/d/d'\n");
    run(s, 'touch /root/f');
    expect(run(s, 'mv /root/f /root/f').stderr).toBe("mv: '/root/f' and '/root/f' are the same file\n");
    expect(sh('mv /etc/hostname /etc/h')).toMatchObject({ stderr: "mv: cannot move '/etc/hostname' to '/etc/h': Read-only file system\n", exitCode: 1 });
  });

  it('says coreutils 9.7 "cannot overwrite" for a non-empty directory in the way', () => {
    const s = seed(mk(boot(), '/root/b/a'), { '/root/b/a/x': 'x\n' });
    run(s, 'mkdir /root/a');
    expect(run(s, 'mv /root/a /root/b').stderr).toBe("mv: cannot overwrite '/root/b/a': Directory not empty\n");
  });

  it('needs two operands', () => {
    expect(sh('mv /root')).toMatchObject({ stderr: "mv: missing destination file operand after '/root'\nTry 'mv --help' for more information.\n", exitCode: 1 });
  });
});
