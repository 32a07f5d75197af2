import { describe, expect, it } from 'vitest';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';
import { boot, run } from '../sim-fixture';

function du(...lines: string[]) {
  const state = boot();
  let last = run(state, lines[0] as string);
  for (const line of lines.slice(1)) last = run(state, line);
  return last;
}
// Two files in root's home: 3 bytes of text (one 4 KiB block) and 9 KiB of zeros (three blocks).
const files = ['echo hi > /root/a.txt', 'dd if=/dev/zero of=/root/z bs=1K count=9 status=none'];

describe('du (coreutils 9.7 du.c)', () => {
  it('prints directories after their contents, in 1K units rounded up', () => {
    expect(du(...files, 'du').stdout).toBe('20\t.\n');
    expect(du(...files, 'du -a').stdout).toBe('4\t./a.txt\n12\t./z\n20\t.\n');
    expect(du(...files, 'du -ah /root').stdout).toBe('4.0K\t/root/a.txt\n12K\t/root/z\n20K\t/root\n');
  });

  it('walks nested directories depth first and limits what it prints with -d and -s', () => {
    const state = boot();
    const vfs = sessionVfs(state);
    vfs.mkdir('/root/d');
    vfs.mkdir('/root/d/e');
    run(state, 'echo x > /root/d/e/f');
    expect(run(state, 'du /root/d').stdout).toBe('8\t/root/d/e\n12\t/root/d\n');
    expect(run(state, 'du -a /root/d').stdout).toBe('4\t/root/d/e/f\n8\t/root/d/e\n12\t/root/d\n');
    expect(run(state, 'du -d 0 /root/d').stdout).toBe('12\t/root/d\n');
    expect(run(state, 'du -s /root/d/').stdout).toBe('12\t/root/d/\n');
    expect(run(state, 'du -a /root/d/').stdout).toBe('4\t/root/d/e/f\n8\t/root/d/e\n12\t/root/d/\n');
    expect(run(state, 'du -S /root/d').stdout).toBe('8\t/root/d/e\n4\t/root/d\n');
  });

  it('counts apparent sizes and bytes', () => {
    expect(du(...files, 'du --apparent-size -a /root').stdout).toBe('1\t/root/a.txt\n9\t/root/z\n14\t/root\n');
    expect(du(...files, 'du -b /root/z').stdout).toBe('9216\t/root/z\n');
  });

  it('counts a file or directory given twice once, and adds a total with -c', () => {
    expect(du(...files, 'du -s /root /root').stdout).toBe('20\t/root\n');
    expect(du(...files, 'du -sc /root /etc/hostname').stdout).toBe('20\t/root\n4\t/etc/hostname\n24\ttotal\n');
  });

  it('reports errors and option conflicts as du does', () => {
    expect(du('du nope')).toMatchObject({ stderr: "du: cannot access 'nope': No such file or directory\n", exitCode: 1 });
    expect(du('du -d x').stderr).toBe("du: invalid maximum depth ‘x’\nTry 'du --help' for more information.\n");
    expect(du('du -sa').stderr).toBe("du: cannot both summarize and show all entries\nTry 'du --help' for more information.\n");
    expect(du('du -s -d 1').stderr).toBe("du: warning: summarizing conflicts with --max-depth=1\nTry 'du --help' for more information.\n");
    expect(du('du -s -d 0 /root')).toMatchObject({ stdout: '4\t/root\n', stderr: 'du: warning: summarizing is the same as using --max-depth=0\n', exitCode: 0 });
    expect(du("du ''").stderr).toBe('du: invalid zero-length file name\n');
  });

  it('walks /proc without errors (its files have no blocks)', () => {
    expect(du('du -s /proc')).toMatchObject({ stdout: '0\t/proc\n', stderr: '', exitCode: 0 });
  });
});
