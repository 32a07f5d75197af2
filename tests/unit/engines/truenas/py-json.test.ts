import { describe, expect, it } from 'vitest';
import { midcltPrint, pyJsonDumps } from '../../../../src/simulator/engines/truenas';

describe('json.dumps as midclt prints it', () => {
  it('uses ", " and ": ", keeps key order, escapes non-ASCII (ensure_ascii)', () => {
    expect(pyJsonDumps({ b: 1, a: [true, null, 'x'], c: { d: 'é\n' } })).toBe('{"b": 1, "a": [true, null, "x"], "c": {"d": "\\u00e9\\n"}}');
    expect(pyJsonDumps(1.5)).toBe('1.5');
    expect(pyJsonDumps([])).toBe('[]');
  });
  it('prints an int, a str or a bool result as print(rv) does', () => {
    expect(midcltPrint(true)).toBe('True\n');
    expect(midcltPrint(42)).toBe('42\n');
    expect(midcltPrint('text')).toBe('text\n');
    expect(midcltPrint([1])).toBe('[1]\n');
  });
});
