import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('cat', () => {
  it('prints files in order and reads stdin for - or no file', () => {
    expect(sh('cat /etc/hostname /etc/hostname').stdout).toBe('pve\npve\n');
    expect(sh('echo hi | cat - /etc/hostname').stdout).toBe('hi\npve\n');
    expect(sh('echo hi | cat').stdout).toBe('hi\n');
  });

  it('reports missing files and directories like GNU cat, status 1', () => {
    expect(sh('cat /nope /etc')).toEqual({ stdout: '', stderr: 'cat: /nope: No such file or directory\ncat: /etc: Is a directory\n', exitCode: 1, chunks: [{ fd: 2, text: 'cat: /nope: No such file or directory\ncat: /etc: Is a directory\n' }] });
    expect(sh('cat /etc/hostname/x').stderr).toBe('cat: /etc/hostname/x: Not a directory\n');
  });

  it('numbers lines with -n', () => {
    const state = boot();
    run(state, 'echo a > /tmp/f; echo >> /tmp/f; echo -n b >> /tmp/f');
    expect(run(state, 'cat -n /tmp/f').stdout).toBe('     1\ta\n     2\t\n     3\tb');
  });

  it('has --help from its spec', () => {
    expect(sh('cat --help').stdout).toMatchInlineSnapshot(`
      "Usage: cat [OPTION]... [FILE]...
      Concatenate FILE(s) to standard output.

      With no FILE, or when FILE is -, read standard input.

        -n, --number          number all output lines
            --help            display this help and exit

      Simulated by hlab: imitates GNU coreutils 9.1 cat. Simplified: only -n; a terminal stdin reads as empty instead of waiting for input
      "
    `);
  });
});
