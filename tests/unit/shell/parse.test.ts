import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/simulator/shell/parse';
import { formatSyntaxIssue } from '../../../src/simulator/shell/syntax-error';

/** The line as bash would word its syntax error (or 'ok'). */
function bashError(line: string): string {
  const r = parse(line);
  return r.ok ? 'ok' : formatSyntaxIssue(r.error, 'bash');
}
function zshError(line: string): string {
  const r = parse(line);
  return r.ok ? 'ok' : formatSyntaxIssue(r.error, 'zsh');
}

describe('parse', () => {
  it('builds lists of and-or lists of pipelines', () => {
    const r = parse('a 1 | b && c || d; e > f 2>&1');
    if (!r.ok) throw new Error('parse failed');
    const [first, second] = r.script.lists;
    expect(first?.first.commands.map((c) => c.words.map((w) => w.raw))).toEqual([['a', '1'], ['b']]);
    expect(first?.rest.map((x) => [x.op, x.pipeline.commands[0]?.words[0]?.raw])).toEqual([['&&', 'c'], ['||', 'd']]);
    expect(second?.first.commands[0]?.redirects.map((x) => [x.fd, x.op, x.target.raw])).toEqual([[1, '>', 'f'], [2, '>&', '1']]);
  });

  it('separates leading assignments from words', () => {
    const r = parse('A=1 B=2 env C=3');
    const cmd = r.ok ? r.script.lists[0]?.first.commands[0] : undefined;
    expect(cmd?.assignments.map((w) => w.raw)).toEqual(['A=1', 'B=2']);
    expect(cmd?.words.map((w) => w.raw)).toEqual(['env', 'C=3']);
  });

  it('accepts empty lines, comments and a trailing ;', () => {
    expect(parse('').ok).toBe(true);
    expect(parse('   # just a comment').ok).toBe(true);
    expect(parse('ls;').ok).toBe(true);
  });

  it('words syntax errors like bash 5.2', () => {
    expect(bashError('; ls')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`;'"`);
    expect(bashError('ls ;; ls')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`;;'"`);
    expect(bashError('ls | | wc')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`|'"`);
    expect(bashError('echo >')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`newline'"`);
    expect(bashError('echo > ;')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`;'"`);
    expect(bashError('ls &&')).toMatchInlineSnapshot(`"bash: syntax error: unexpected end of file"`);
    expect(bashError('ls |')).toMatchInlineSnapshot(`"bash: syntax error: unexpected end of file"`);
    expect(bashError('echo "abc')).toMatchInlineSnapshot(`"bash: unexpected EOF while looking for matching \`"'"`);
    expect(bashError("echo 'abc")).toMatchInlineSnapshot(`"bash: unexpected EOF while looking for matching \`''"`);
    expect(bashError('echo a )')).toMatchInlineSnapshot(`"bash: syntax error near unexpected token \`)'"`);
  });

  it('words syntax errors like zsh 5.9 on TrueNAS', () => {
    expect(zshError('; ls')).toMatchInlineSnapshot(`"zsh: parse error near \`;'"`);
    expect(zshError('echo "abc')).toMatchInlineSnapshot(`"zsh: unmatched ""`);
    expect(zshError('echo >')).toMatchInlineSnapshot(`"zsh: parse error near \`\\n'"`);
  });

  it('refuses what it does not run, saying so', () => {
    expect(bashError('sleep 1 &')).toMatchInlineSnapshot(`"bash: background jobs (&) are not simulated here"`);
    expect(bashError('(cd /tmp; ls)')).toMatchInlineSnapshot(`"bash: subshells ( ... ) are not simulated here"`);
    expect(bashError('if true; then ls; fi')).toMatchInlineSnapshot(`"bash: compound commands (\`if') are not simulated here"`);
    expect(bashError('cat <<EOF')).toMatchInlineSnapshot(`"bash: here-documents (<<) are not simulated here"`);
  });

  // bash 5.2 and zsh 5.9 at the end of the line (tests/real/shell).
  it('reads `NAME (` as the start of a function, and zsh runs what precedes a dangling &&', () => {
    expect(bashError('echo (')).toBe("bash: syntax error near unexpected token `newline'");
    expect(bashError('echo ( x')).toBe("bash: syntax error near unexpected token `x'");
    expect(bashError('echo a (')).toBe("bash: syntax error near unexpected token `('");
    const zsh = (line: string): string => {
      const r = parse(line, 'zsh');
      return r.ok ? 'ok' : formatSyntaxIssue(r.error, 'zsh');
    };
    expect(zsh('echo (')).toBe('zsh: bad pattern: (\\n');
    expect(zsh('echo a &&')).toBe('ok');
    expect(zsh('echo a |')).toBe("zsh: parse error near `\\n'");
  });
});

