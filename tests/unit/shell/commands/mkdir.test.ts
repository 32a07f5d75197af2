import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('mkdir', () => {
  it('makes a directory 0755 owned by the shell user, stamped with the virtual clock', () => {
    const s = boot();
    expect(run(s, 'mkdir /root/d').exitCode).toBe(0);
    expect(run(s, 'stat -c "%A %U:%G %y" /root/d').stdout).toBe('drwxr-xr-x root:root 2026-01-01 00:00:01.000000000 +0000\n');
  });

  it('says what it made with -v and makes parents with -p', () => {
    const s = boot();
    expect(run(s, 'mkdir -pv /root/a/b /root/a/c').stdout).toBe("mkdir: created directory '/root/a'\nmkdir: created directory '/root/a/b'\nmkdir: created directory '/root/a/c'\n");
    expect(run(s, 'mkdir -p /root/a/b').exitCode).toBe(0);
  });

  it('sets -m modes exactly, octal or symbolic', () => {
    const s = boot();
    run(s, 'mkdir -m 700 /root/m1 && mkdir -m u+s /root/m2 && mkdir -m =t /root/m3');
    expect(run(s, 'stat -c %A /root/m1 /root/m2 /root/m3').stdout).toBe('drwx------\ndrwsrwxrwx\nd--------T\n');
    expect(sh('mkdir -m xyz /root/m')).toMatchObject({ stderr: 'mkdir: invalid mode ‘xyz’\n', exitCode: 1 });
  });

  it('reports coreutils messages with quote() names', () => {
    expect(sh('mkdir')).toMatchObject({ stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 });
    expect(sh('mkdir /root').stderr).toBe('mkdir: cannot create directory ‘/root’: File exists\n');
    expect(sh('mkdir /nope/x').stderr).toBe('mkdir: cannot create directory ‘/nope/x’: No such file or directory\n');
    expect(sh('mkdir -p /etc/hostname/x').stderr).toBe('mkdir: cannot create directory ‘/etc/hostname’: Not a directory\n');
    expect(sh("mkdir $'/root/a\\nb' && ls /root").stdout).toBe("'a'$'\\n''b'\n");
  });

  it('cannot make directories in the lab-derived /etc/pve', () => {
    expect(sh('mkdir /etc/pve/x')).toMatchObject({ stderr: 'mkdir: cannot create directory ‘/etc/pve/x’: Read-only file system\n', exitCode: 1 });
  });

  it('resolves .. as it goes', () => {
    const s = boot();
    run(s, 'mkdir -p /root/a/b/../c');
    expect(run(s, 'ls /root/a').stdout).toBe('b  c\n');
  });
});
