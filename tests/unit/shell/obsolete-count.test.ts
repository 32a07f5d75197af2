import { describe, expect, it } from 'vitest';
import { headObsolete, tailObsolete } from '../../../src/simulator/shell/obsolete-count';
import { boot, run } from './sim-fixture';

// The obsolete count forms, as coreutils 9.1 head.c and tail.c read them (each expectation
// below was taken from the real head and tail, tests/real/shell).
describe('head obsolete syntax', () => {
  it('turns -NUM[bkm][clqv] into options', () => {
    expect(headObsolete(['-3', 'f'])).toEqual({ ok: true, argv: ['-n', '3', 'f'] });
    expect(headObsolete(['-2c', 'f'])).toEqual({ ok: true, argv: ['-c', '2', 'f'] });
    expect(headObsolete(['-1k', 'f'])).toEqual({ ok: true, argv: ['-c', '1024', 'f'] });
    expect(headObsolete(['-2q', 'a', 'b'])).toEqual({ ok: true, argv: ['-n', '2', '-q', 'a', 'b'] });
  });

  it('refuses other letters and later digit options', () => {
    expect(headObsolete(['-1K', 'f'])).toEqual({ ok: false, result: { stdout: '', stderr: "head: invalid trailing option -- K\nTry 'head --help' for more information.\n", exitCode: 1 } });
    expect(headObsolete(['-n', '1', '-1', 'f'])).toMatchObject({ ok: false, result: { stderr: "head: invalid trailing option -- 1\nTry 'head --help' for more information.\n" } });
    expect(headObsolete(['-n', '-1', 'f'])).toEqual({ ok: true, argv: ['-n', '-1', 'f'] });
  });
});

describe('tail obsolete syntax', () => {
  it('reads [-+]NUM[bcl][f] with at most one file', () => {
    expect(tailObsolete(['-3', 'f'])).toEqual({ ok: true, argv: ['-n', '3', 'f'] });
    expect(tailObsolete(['+2l', 'f'])).toEqual({ ok: true, argv: ['-n', '+2', 'f'] });
    expect(tailObsolete(['-2c', 'f'])).toEqual({ ok: true, argv: ['-c', '2', 'f'] });
    expect(tailObsolete(['-2b', 'f'])).toEqual({ ok: true, argv: ['-c', '1024', 'f'] });
  });

  it('is "option used in invalid context" otherwise, and +NUM is then a file name', () => {
    expect(tailObsolete(['-1', 'a', 'b'])).toEqual({ ok: false, result: { stdout: '', stderr: 'tail: option used in invalid context -- 1\n', exitCode: 1 } });
    expect(tailObsolete(['-1K', 'f'])).toMatchObject({ ok: false, result: { stderr: 'tail: option used in invalid context -- 1\n' } });
    expect(tailObsolete(['+1', 'a', 'b'])).toEqual({ ok: true, argv: ['+1', 'a', 'b'] });
  });

  it('runs through the commands', () => {
    const state = boot();
    for (let i = 1; i <= 12; i++) run(state, `echo ${i} >> /tmp/n`);
    expect(run(state, 'head -2 /tmp/n; tail +12 /tmp/n; tail -1c /tmp/n').stdout).toBe('1\n2\n12\n\n');
    expect(run(state, 'tail -n 0 /tmp/n /nope')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });
});
