import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('stat', () => {
  it('prints the coreutils layout', () => {
    const s = boot();
    run(s, 'echo hello > /root/f');
    expect(run(s, 'stat /root/f').stdout).toMatch(
      /^ {2}File: \/root\/f\n {2}Size: 6 {9}\tBlocks: 8 {10}IO Block: 4096 {3}regular file\nDevice: \d+,\d+\tInode: \d+ +Links: 1\nAccess: \(0644\/-rw-r--r--\) {2}Uid: \( {4}0\/ {4}root\) {3}Gid: \( {4}0\/ {4}root\)\nAccess: 2026-01-01 00:00:01\.000000000 \+0000\nModify: 2026-01-01 00:00:01\.000000000 \+0000\nChange: 2026-01-01 00:00:01\.000000000 \+0000\n Birth: -\n$/,
    );
    expect(sh('stat /dev/null').stdout).toContain('Links: 1     Device type: 1,3\n');
    expect(sh('stat /bin').stdout).toContain('  File: /bin -> usr/bin\n');
  });

  it('expands -c and --printf directives with printf flags', () => {
    expect(sh("stat -c '%n|%s|%a|%A|%F|%U|%G|%h|%f' /etc/hostname /tmp").stdout).toBe('/etc/hostname|4|644|-rw-r--r--|regular file|root|root|1|81a4\n/tmp|4096|1777|drwxrwxrwt|directory|root|root|2|43ff\n');
    expect(sh("stat -c '%5s|%-5s|%05a|%#a|%.4y|%%|%q' /etc/hostname").stdout).toBe('    4|4    |00644|0644|2026|%|?\n');
    expect(sh("stat -c '%N' /bin").stdout).toBe("'/bin' -> 'usr/bin'\n");
    expect(sh("stat --printf '%n\\t%s\\n' /etc/hostname").stdout).toBe('/etc/hostname\t4\n');
    expect(sh("stat -c '%m %U' /etc/pve/storage.cfg").stdout).toBe('/etc/pve root\n');
  });

  it('follows links with -L and reports what it cannot stat', () => {
    expect(sh('stat -L -c %F /bin').stdout).toBe('directory\n');
    expect(sh('stat /nope /etc/hostname -c %n')).toMatchObject({ stdout: '/etc/hostname\n', stderr: "stat: cannot statx '/nope': No such file or directory\n", exitCode: 1 });
    expect(sh('stat')).toMatchObject({ stderr: "stat: missing operand\nTry 'stat --help' for more information.\n", exitCode: 1 });
    expect(sh("stat -c '%5%' /").stderr).toBe('stat: ‘%5%’: invalid directive\n');
  });

  it('shows names for unknown IDs as UNKNOWN', () => {
    const s = boot();
    run(s, 'touch /root/f; chown 4242:4343 /root/f');
    expect(run(s, 'stat -c "%u %U %g %G" /root/f').stdout).toBe('4242 UNKNOWN 4343 UNKNOWN\n');
  });
});
