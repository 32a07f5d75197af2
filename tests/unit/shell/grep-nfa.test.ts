import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileNfa, type Matcher } from '../../../src/simulator/shell/grep-nfa';
import { sh } from './sim-fixture';

const nfa = (source: string, flags = 'u'): Matcher => {
  const m = compileNfa(source, flags);
  if (m === null) throw new Error(`not compiled: ${source}`);
  return m;
};
const spans = (m: Matcher, line: string): string[] => m.matches(line).map((s) => line.slice(s.start, s.end));

/**
 * The leftmost-longest matches grep -o prints, found by brute force with the JavaScript
 * engine: for each start, the longest end at which the pattern can end there.
 */
function oracle(source: string, flags: string, line: string): string[] {
  const endsAt = (s: number, e: number): boolean => {
    const re = new RegExp(`(?:${source})(?=[\\s\\S]{${line.length - e}}$)`, flags + 'y');
    re.lastIndex = s;
    return re.test(line);
  };
  const out: string[] = [];
  for (let k = 0; k <= line.length; ) {
    let found: [number, number] | null = null;
    for (let s = k; s <= line.length && found === null; s++) {
      for (let e = line.length; e >= s; e--) {
        if (endsAt(s, e)) {
          found = [s, e];
          break;
        }
      }
    }
    if (found === null) break;
    const [s, e] = found;
    if (e > s) out.push(line.slice(s, e));
    k = e > s ? e : s + 1;
  }
  return out;
}

/** Random sources in the subset grep-pattern.ts emits, over a small alphabet. */
const { pattern } = fc.letrec<{ pattern: string; seq: string; item: string; atom: string }>((tie) => ({
  pattern: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('|')),
  seq: fc.array(tie('item'), { maxLength: 4 }).map((xs) => xs.join('')),
  item: fc.oneof(
    { weight: 4, arbitrary: tie('atom') },
    { weight: 3, arbitrary: fc.tuple(tie('atom'), fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,}')).map(([a, q]) => a + q) },
    { weight: 1, arbitrary: fc.constantFrom('^', '$', '\\b', '\\B', '(?<![ab])', '(?=a)', '(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])') },
  ),
  atom: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'A', '.', '[ab]', '[^a]', '\\w', '\\s', '\\.', '[a-b.]') },
    { weight: 2, arbitrary: tie('pattern').map((p) => `(${p})`) },
    { weight: 1, arbitrary: tie('pattern').map((p) => `(?:${p})`) },
  ),
}));
const line = fc.array(fc.constantFrom('a', 'b', 'A', ' ', '.'), { maxLength: 8 }).map((xs) => xs.join(''));
const flags = fc.constantFrom('u', 'iu');

describe('grep-nfa', () => {
  it('answers a pattern that makes a backtracking engine take exponential time', () => {
    const line = `${'a'.repeat(40)}!`;
    expect(nfa('(a+)+$').test(line)).toBe(false);
    expect(nfa('(a|aa)+$').test(line.slice(0, -1))).toBe(true);
    expect(nfa('(?:(a*)*)*b').test(line)).toBe(false);
    expect(sh(`echo ${line} | grep -E "(a+)+$"; echo $?`).stdout).toBe('1\n');
    expect(sh(`echo ${line} | grep "\\(a*\\)*\\(x\\|a\\)\\{0,20\\}b"; echo $?`).stdout).toBe('1\n');
  });

  it('gives -o the leftmost-longest match, as POSIX and GNU grep do', () => {
    expect(spans(nfa('a|ab|abc'), 'abcd abc')).toEqual(['abc', 'abc']);
    expect(spans(nfa('x*'), 'xx yxxx')).toEqual(['xx', 'xxx']);
    expect(spans(nfa('(?<![A-Za-z0-9_])(?:a[a-z]*|ap)(?![A-Za-z0-9_])'), 'apple pie, ap')).toEqual(['apple', 'ap']);
    expect(sh('echo xyz | grep -o "x\\(y\\|yz\\)"').stdout).toBe('xyz\n');
    expect(sh('echo été | grep -oi "É."').stdout).toBe('ét\n');
  });

  it('leaves back-references (and what it does not know) to the RegExp', () => {
    expect(compileNfa('(a)\\1', 'u')).toBeNull();
    expect(compileNfa('a+?', 'u')).toBeNull();
    expect(compileNfa('(?:a{1000}){1000}', 'u')).toBeNull();
    expect(sh('echo abba | grep -oE "(b)\\1"').stdout).toBe('bb\n');
  });

  it('agrees with the JavaScript RegExp on test()', () => {
    fc.assert(
      fc.property(pattern, flags, fc.array(line, { minLength: 1, maxLength: 4 }), (source, f, lines) => {
        const m = nfa(source, f);
        const re = new RegExp(source, f);
        for (const l of lines) expect(m.test(l), `${source} /${f} on ${JSON.stringify(l)}`).toBe(re.test(l));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the leftmost-longest matches of a brute-force oracle for -o', () => {
    fc.assert(
      fc.property(pattern, flags, line, (source, f, l) => {
        expect(spans(nfa(source, f), l), `${source} /${f} on ${JSON.stringify(l)}`).toEqual(oracle(source, f, l));
      }),
      { numRuns: 300 },
    );
  });
});
