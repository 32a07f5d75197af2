import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

function numbered(): ReturnType<typeof boot> {
  const state = boot();
  for (let i = 1; i <= 12; i++) run(state, `echo ${i} >> /tmp/n`);
  return state;
}

describe('head', () => {
  it('prints 10 lines by default, -n N, -N and -n -N', () => {
    const state = numbered();
    expect(run(state, 'head /tmp/n').stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect(run(state, 'head -n 2 /tmp/n; head -3 /tmp/n').stdout).toBe('1\n2\n1\n2\n3\n');
    expect(run(state, 'head -n -10 /tmp/n').stdout).toBe('1\n2\n');
    expect(run(state, 'head -c 3 /tmp/n').stdout).toBe('1\n2');
  });

  it('adds headers for several files', () => {
    expect(sh('head -n 1 /etc/hostname /etc/passwd').stdout).toBe('==> /etc/hostname <==\npve\n\n==> /etc/passwd <==\nroot:x:0:0:root:/root:/bin/bash\n');
  });

  it('words errors like GNU head', () => {
    expect(sh('head -n x /etc/hostname')).toMatchObject({ stderr: 'head: invalid number of lines: \u2018x\u2019\n', exitCode: 1 });
    expect(sh('head /nope').stderr).toBe("head: cannot open '/nope' for reading: No such file or directory\n");
    expect(sh('head /etc').stderr).toBe("head: error reading '/etc': Is a directory\n");
  });
});

describe('tail', () => {
  it('prints the last 10 lines by default, -n N, -N, -n +N', () => {
    const state = numbered();
    expect(run(state, 'tail /tmp/n').stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
    expect(run(state, 'tail -n 2 /tmp/n; tail -1 /tmp/n').stdout).toBe('11\n12\n12\n');
    expect(run(state, 'tail -n +11 /tmp/n; tail +12 /tmp/n').stdout).toBe('11\n12\n12\n');
    expect(run(state, 'tail -n 0 /tmp/n').stdout).toBe('');
  });

  it('reads stdin and words errors like GNU tail', () => {
    expect(sh('cat /etc/passwd | tail -n 1').stdout).toBe('nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
    expect(sh('tail -n abc /etc/hostname').stderr).toBe('tail: invalid number of lines: \u2018abc\u2019\n');
    expect(sh('tail /nope').stderr).toBe("tail: cannot open '/nope' for reading: No such file or directory\n");
  });
});
