import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run } from '../sim-fixture';

// Bad input never throws and never leaves the state unserialisable: random zfs/zpool/lab
// lines from a vocabulary of real words, names, sizes and junk.
const words = ['zfs', 'zpool', 'lab', 'create', 'destroy', 'list', 'get', 'set', 'inherit', 'snapshot', 'rollback', 'clone', 'promote', 'rename', 'mount', 'unmount', 'scrub', 'status', 'clear', 'history', 'wait', 'fault', 'corrupt', 'fail', 'power-cut',
  '-r', '-R', '-f', '-p', '-H', '-o', '-t', '-V', '-s', '-v', '-w', '-x', 'all', 'space', 'mirror', 'raidz1', 'tank', 'tank/fs', 'tank/fs@a', 'tank/a*b', 'rpool/data', 'sdb', 'sdc', 'sdz', '0', '1G', '16K', '1Q', 'compression=off', 'mountpoint=/srv/x', 'used=1', 'bogus=1', '@', '/', ''];

describe('zfs and zpool on arbitrary input', () => {
  it('never throw and keep the state as JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (lines) => {
        const s = boot({}, everyFieldLab);
        for (const l of lines) {
          const r = run(s, l.join(' '));
          expect(typeof r.exitCode).toBe('number');
        }
        expect(() => JSON.parse(JSON.stringify(s.world))).not.toThrow();
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
