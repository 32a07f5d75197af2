import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('echo', () => {
  it('joins arguments with spaces', () => {
    expect(sh('echo  a   "b  c" ').stdout).toBe('a b  c\n');
    expect(sh('echo').stdout).toBe('\n');
  });

  it('handles -n, -e, -E and leaves other words alone (bash builtin)', () => {
    expect(sh('echo -n hi').stdout).toBe('hi');
    expect(sh("echo -e 'a\\tb\\nc\\x41\\0101'").stdout).toBe('a\tb\ncAA\n');
    expect(sh("echo 'a\\tb'").stdout).toBe('a\\tb\n');
    expect(sh("echo -e 'stop\\chere'").stdout).toBe('stop');
    expect(sh('echo -nx --help').stdout).toBe('-nx --help\n');
  });

  it('interprets escapes by default in zsh on TrueNAS', () => {
    expect(run(boot({ host: 'truenas' }), "echo 'a\\tb'; echo -E 'a\\tb'").stdout).toBe('a\tb\na\\tb\n');
  });
});
