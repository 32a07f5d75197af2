import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('touch', () => {
  it('creates an empty file at the virtual now, and moves the times of an existing one', () => {
    const s = boot();
    run(s, 'touch /root/f');
    expect(run(s, 'stat -c "%s %y" /root/f').stdout).toBe('0 2026-01-01 00:00:01.000000000 +0000\n');
    run(s, 'touch /root/f');
    expect(run(s, 'stat -c %Y /root/f').stdout).toBe('1767225603\n');
  });

  it('takes -d, -t and -r times, -a and -m alone', () => {
    const s = boot();
    run(s, "touch -d '2025-06-01 12:30:45' /root/a && touch -t 202001020304.05 /root/b && touch -r /root/a /root/c");
    expect(run(s, 'stat -c "%n %y" /root/a /root/b /root/c').stdout).toBe(
      '/root/a 2025-06-01 12:30:45.000000000 +0000\n/root/b 2020-01-02 03:04:05.000000000 +0000\n/root/c 2025-06-01 12:30:45.000000000 +0000\n',
    );
    run(s, 'touch -a -d @0 /root/a');
    expect(run(s, 'stat -c "%X %Y" /root/a').stdout).toBe('0 1748781045\n');
    expect(sh('touch -d yesterday /root/x')).toMatchObject({ stderr: 'touch: invalid date format ‘yesterday’\n', exitCode: 1 });
  });

  it('creates nothing with -c', () => {
    const s = boot();
    expect(run(s, 'touch -c /root/nope').exitCode).toBe(0);
    expect(run(s, 'ls /root').stdout).toBe('');
  });

  it('refuses the lab-derived files and missing directories', () => {
    expect(sh('touch /etc/hostname')).toMatchObject({ stderr: "touch: cannot touch '/etc/hostname': Read-only file system\n", exitCode: 1 });
    expect(sh('touch /nope/x').stderr).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect(sh('touch')).toMatchObject({ stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 });
  });
});
