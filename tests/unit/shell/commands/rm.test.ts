import { describe, expect, it } from 'vitest';
import { boot, run, seed, sh } from '../sim-fixture';

/** A booted simulator with these directories made. */
function mk(state: ReturnType<typeof boot>, dirs: string): ReturnType<typeof boot> {
  run(state, `mkdir -p ${dirs}`);
  return state;
}

describe('rm', () => {
  it('removes files, and trees with -r, saying so with -v', () => {
    const s = seed(mk(boot(), '/root/d /root/d/e'), { '/root/d/a': 'a\n', '/root/d/e/b': 'b\n', '/root/f': 'f\n' });
    expect(run(s, 'rm -v /root/f').stdout).toBe("removed '/root/f'\n");
    expect(run(s, 'rm -rv /root/d').stdout).toBe("removed '/root/d/a'\nremoved '/root/d/e/b'\nremoved directory '/root/d/e'\nremoved directory '/root/d'\n");
    expect(run(s, 'ls -A /root').stdout).toBe('');
  });

  it('refuses directories without -r or -d, and non-empty ones with -d', () => {
    const s = seed(mk(boot(), '/root/d'), { '/root/d/a': 'a\n' });
    expect(run(s, 'rm /root/d')).toMatchObject({ stderr: "rm: cannot remove '/root/d': Is a directory\n", exitCode: 1 });
    expect(run(s, 'rm -d /root/d').stderr).toBe("rm: cannot remove '/root/d': Directory not empty\n");
    run(s, 'mkdir /root/empty');
    expect(run(s, 'rm -dv /root/empty').stdout).toBe("removed directory '/root/empty'\n");
  });

  it('keeps / and refuses . and ..', () => {
    expect(sh('rm -rf /')).toMatchObject({ stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", exitCode: 1 });
    expect(sh('rm -r //').stderr).toBe("rm: it is dangerous to operate recursively on '//' (same as '/')\nrm: use --no-preserve-root to override this failsafe\n");
    expect(sh('rm -r /tmp/..').stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '/tmp/..'\n");
  });

  it('cannot remove the lab-derived files; /etc/iscsi holds ordinary files (open-iscsi wrote initiatorname.iscsi once)', () => {
    expect(sh('rm /etc/hostname')).toMatchObject({ stderr: "rm: cannot remove '/etc/hostname': Read-only file system\n", exitCode: 1 });
    const s = seed(boot(), { '/etc/iscsi/mine': 'x\n' });
    expect(run(s, 'rm -r /etc/iscsi')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run(s, 'ls /etc/iscsi').stderr).toBe("ls: cannot access '/etc/iscsi': No such file or directory\n");
  });

  it('is quiet about missing files with -f, and needs an operand otherwise', () => {
    expect(sh('rm -f /root/nope')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(sh('rm -f')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(sh('rm')).toMatchObject({ stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 });
    expect(sh("rm $'/root/a\\tb'").stderr).toBe("rm: cannot remove '/root/a'$'\\t''b': No such file or directory\n");
  });

  it('cannot remove a mountpoint', () => {
    expect(sh('rm -r /run/lock').stderr).toBe("rm: cannot remove '/run/lock': Device or resource busy\n");
  });
});
