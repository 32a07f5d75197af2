import { describe, expect, it } from 'vitest';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';
import { boot, run, seed, sh } from '../sim-fixture';

/** A booted simulator with these directories made. */
function mk(state: ReturnType<typeof boot>, dirs: string): ReturnType<typeof boot> {
  run(state, `mkdir -p ${dirs}`);
  return state;
}

describe('cp', () => {
  it('copies a file, into a directory too, saying so with -v', () => {
    const s = seed(boot(), { '/root/f': 'hello\n' });
    run(s, 'mkdir /root/d');
    expect(run(s, 'cp -v /root/f /root/g /root/d').stderr).toBe("cp: cannot stat '/root/g': No such file or directory\n");
    expect(run(s, 'cp -v /root/f /root/g').stdout).toBe("'/root/f' -> '/root/g'\n");
    expect(run(s, 'cat /root/d/f /root/g').stdout).toBe('hello\nhello\n');
  });

  it('omits directories without -r and copies trees with it', () => {
    const s = seed(mk(boot(), '/root/d /root/d/e'), { '/root/d/a': 'a\n', '/root/d/e/b': 'b\n' });
    expect(run(s, 'cp /root/d /root/x')).toMatchObject({ stderr: "cp: -r not specified; omitting directory '/root/d'\n", exitCode: 1 });
    run(s, 'cp -r /root/d /root/x');
    expect(run(s, 'cat /root/x/a /root/x/e/b').stdout).toBe('a\nb\n');
    expect(run(s, 'cp -r /root/d /root/d/e').stderr).toBe("cp: cannot copy a directory, '/root/d', into itself, '/root/d/e/d'\n");
  });

  it('keeps mode, owner and times with -p, not without', () => {
    const s = seed(boot(), { '/root/f': 'x\n' });
    run(s, 'chown bin:daemon /root/f; chmod 4750 /root/f; touch -d 2020-01-01 /root/f');
    run(s, 'cp /root/f /root/plain; cp -p /root/f /root/kept');
    expect(run(s, 'stat -c "%a %U:%G %y" /root/plain /root/kept').stdout).toBe('750 root:root 2026-01-01 00:00:02.000000000 +0000\n4750 bin:daemon 2020-01-01 00:00:00.000000000 +0000\n');
  });

  it('copies a 1 GiB file as a descriptor: the state stays small', () => {
    const s = boot();
    const vfs = sessionVfs(s);
    expect(vfs.writeContent('/root/big', [{ kind: 'random', seed: 7, offset: 0, length: 1 << 30 }], { create: true }).ok).toBe(true);
    const before = JSON.stringify(s).length;
    expect(run(s, 'cp /root/big /root/copy').exitCode).toBe(0);
    expect(run(s, 'stat -c %s /root/copy').stdout).toBe('1073741824\n');
    expect(JSON.stringify(s).length - before).toBeLessThan(2000);
  });

  it('reports the real messages', () => {
    expect(sh('cp')).toMatchObject({ stderr: "cp: missing file operand\nTry 'cp --help' for more information.\n", exitCode: 1 });
    expect(sh('cp /etc/hostname').stderr).toBe("cp: missing destination file operand after '/etc/hostname'\nTry 'cp --help' for more information.\n");
    expect(sh('cp /etc/hosts /etc/hostname /root/nope').stderr).toBe("cp: target '/root/nope': No such file or directory\n");
    expect(sh('cp /etc/hostname /etc/hostname').stderr).toBe("cp: '/etc/hostname' and '/etc/hostname' are the same file\n");
    expect(sh('cp /etc/hosts /etc/hostname').stderr).toBe("cp: cannot open '/etc/hostname' for writing: Read-only file system\n");
    const s = boot();
    run(s, 'mkdir -p /root/d/hosts');
    // coreutils 9.7 names both files (9.1 named only the directory).
    expect(run(s, 'cp /etc/hosts /root/d').stderr).toBe("cp: cannot overwrite directory '/root/d/hosts' with non-directory '/etc/hosts'\n");
  });

  it('runs out of space on a small tmpfs', () => {
    const s = boot();
    sessionVfs(s).writeContent('/root/big', [{ kind: 'zero', length: 64 << 20 }], { create: true });
    expect(run(s, 'cp /root/big /run/lock/big')).toMatchObject({ stderr: "cp: error writing '/run/lock/big': No space left on device\n", exitCode: 1 });
  });
});
