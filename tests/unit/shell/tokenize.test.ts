import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandWords } from '../../../src/simulator/shell/expand';
import { quoteArgs } from '../../../src/simulator/shell/quote';
import { tokenize, type Token } from '../../../src/simulator/shell/tokenize';

/** Tokens as compact strings: words by their raw text, operators in brackets. */
function shape(line: string): string[] {
  const r = tokenize(line);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.tokens.map((t: Token) => (t.kind === 'word' ? t.raw : `[${t.fd ?? ''}${t.op === '\n' ? '\\n' : t.op}]`));
}

/** Argv after expansion with no variables and no files. */
function argv(line: string): string[] {
  const r = tokenize(line);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const words = r.tokens.filter((t) => t.kind === 'word');
  const e = expandWords(words, { flavor: 'bash', cwd: '/', lookup: () => undefined, home: () => '/root', listDir: () => null });
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return e.fields;
}

describe('tokenize', () => {
  it('splits words on blanks and recognises operators, longest first', () => {
    expect(shape('ls -l /etc|grep x&&echo ok||echo no;true')).toEqual(['ls', '-l', '/etc', '[|]', 'grep', 'x', '[&&]', 'echo', 'ok', '[||]', 'echo', 'no', '[;]', 'true']);
    expect(shape('echo a >>f 2>&1 <in 2>err &>all')).toEqual(['echo', 'a', '[>>]', 'f', '[2>&]', '1', '[<]', 'in', '[2>]', 'err', '[&>]', 'all']);
  });

  it('keeps quotes and escapes inside one word', () => {
    expect(shape(`echo "a b"'c d'e\\ f`)).toEqual(['echo', `"a b"'c d'e\\ f`]);
    expect(argv(`echo "a b"'c d'e\\ f`)).toEqual(['echo', 'a bc de f']);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(shape('echo a#b # a comment ; ls')).toEqual(['echo', 'a#b']);
  });

  it('decodes $\'...\' ANSI-C quoting', () => {
    expect(argv(`echo $'a\\tb\\n' $'it\\'s'`)).toEqual(['echo', 'a\tb\n', "it's"]);
  });

  it('keeps empty quoted words', () => {
    expect(argv(`printf '' "" x`)).toEqual(['printf', '', '', 'x']);
  });

  it('reports an unterminated quote with the closing character and position', () => {
    expect(tokenize('echo "abc')).toEqual({ ok: false, error: { code: 'unterminated', expected: '"', at: 5 } });
    expect(tokenize("echo 'abc")).toEqual({ ok: false, error: { code: 'unterminated', expected: "'", at: 5 } });
    expect(tokenize('echo $(date')).toEqual({ ok: false, error: { code: 'unterminated', expected: ')', at: 5 } });
    expect(tokenize('echo ${HOME')).toEqual({ ok: false, error: { code: 'unterminated', expected: '}', at: 5 } });
  });

  it('records positions of tokens', () => {
    const r = tokenize('  ls  /etc');
    expect(r.ok && r.tokens.map((t) => [t.start, t.end])).toEqual([[2, 4], [6, 10]]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = tokenize(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what quoteArgs wrote (round trip)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 6 }), (args) => {
        expect(argv(quoteArgs(args))).toEqual(args);
      }),
      { numRuns: 500 },
    );
  });
});
