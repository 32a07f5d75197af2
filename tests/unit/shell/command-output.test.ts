import { describe, expect, it } from 'vitest';
import { boot, run, sh } from './sim-fixture';

// Output order and the pipeline's files, as the real bash 5.2 and coreutils show them
// (tests/real/shell compares the same lines with the real tools).
describe('ordered output', () => {
  it('keeps the order a tool wrote its streams in, and 2>&1 on the terminal is stdout', () => {
    const r = sh('head -n 1 /etc/hostname /nope /etc/hostname 2>&1');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("==> /etc/hostname <==\npve\nhead: cannot open '/nope' for reading: No such file or directory\n\n==> /etc/hostname <==\npve\n");
    expect(sh('cat /etc/hostname /nope').chunks).toEqual([
      { fd: 1, text: 'pve\n' },
      { fd: 2, text: "cat: /nope: No such file or directory\n" },
    ]);
    expect(sh('ls /nope /etc/pve 2>&1').stdout).toBe("ls: cannot access '/nope': No such file or directory\n/etc/pve:\nlocal  lxc  nodes  openvz  priv  qemu-server  storage.cfg\n");
  });

  it('creates the files of a pipeline before its first command runs, but not for its own globs', () => {
    const state = boot();
    expect(run(state, 'cd /tmp; ls | wc -l > count; cat count').stdout).toBe('1\n');
    expect(run(state, 'true | echo c* 2> cx').stdout).toBe('count\n');
  });

  it('abandons the rest of the line after an expansion error', () => {
    const state = boot();
    expect(run(state, 'echo ${a b}; echo same line')).toMatchObject({ stdout: '', stderr: 'bash: ${a b}: bad substitution\n', exitCode: 1 });
    expect(run(state, 'echo ${a b} | cat; echo next').stdout).toBe('next\n');
  });
});
