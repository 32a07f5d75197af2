/**
 * GNU grep patterns → JavaScript RegExp: basic (BRE, the default), extended (-E) and fixed
 * strings (-F), with GNU's extensions (`\+ \? \|` in BRE, `\< \> \b \w \s`) and POSIX
 * bracket classes (`[[:digit:]]`). Follows POSIX XBD §9 and the GNU grep 3.8 manual.
 */

/** How the pattern is read. */
export type PatternSyntax = 'basic' | 'extended' | 'fixed';

/** A compiled pattern or the message grep prints (dfa.c / regcomp wording). */
export type CompiledPattern = { ok: true; regexp: RegExp } | { ok: false; message: string };

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** Compiles grep PATTERNS (one per line, or several -e) into one RegExp. */
export function compilePatterns(patterns: string[], syntax: PatternSyntax, opts: { ignoreCase: boolean; word: boolean; line: boolean }): CompiledPattern {
  const sources: string[] = [];
  for (const p of patterns.flatMap((x) => x.split('\n'))) {
    const src = syntax === 'fixed' ? p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : translate(p, syntax === 'extended');
    if (typeof src !== 'string') return src;
    sources.push(src);
  }
  let body = sources.map((s) => `(?:${s})`).join('|');
  if (opts.line) body = `^(?:${body})$`;
  else if (opts.word) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  try {
    return { ok: true, regexp: new RegExp(body, opts.ignoreCase ? 'iu' : 'u') };
  } catch {
    return { ok: false, message: 'grep: Invalid regular expression' };
  }
}

function translate(p: string, ere: boolean): string | { ok: false; message: string } {
  let out = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|');
    if (ch === '\\') {
      const e = p[i + 1];
      i++;
      if (e === undefined) return { ok: false, message: 'grep: Trailing backslash' };
      if (!ere && e === '(') {
        out += '(';
        depth++;
      } else if (!ere && e === ')') {
        if (depth === 0) return { ok: false, message: 'grep: Unmatched ) or \\)' };
        out += ')';
        depth--;
      } else if (!ere && '{}|+?'.includes(e)) out += e;
      else if (e === '<') out += '(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])';
      else if (e === '>') out += '(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])';
      else if ('bBwWsS'.includes(e) || /[1-9]/.test(e)) out += '\\' + e;
      else out += /[A-Za-z0-9]/.test(e) ? e : '\\' + e;
      continue;
    }
    if (ch === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) return { ok: false, message: 'grep: Unmatched [, [^, [:, [., or [=' };
      out += translateBracket(p.slice(i + 1, end));
      i = end;
      continue;
    }
    if (ere) {
      if (ch === '(') depth++;
      if (ch === ')') {
        if (depth === 0) return { ok: false, message: 'grep: Unmatched ) or \\)' };
        depth--;
      }
      if ((ch === '*' || ch === '+' || ch === '?') && atStart) out += '\\' + ch;
      else if (ch === '{' && !/^\{[0-9]*(,[0-9]*)?\}/.test(p.slice(i))) out += '\\{';
      else if (ch === '}' && !/\{[0-9]*(,[0-9]*)?$/.test(p.slice(0, i))) out += '\\}';
      else if (ch === '/') out += '\\/';
      else out += ch;
      continue;
    }
    // BRE: + ? | ( ) { } are ordinary; * is literal at the start of an expression.
    if ('+?|(){}/'.includes(ch)) out += '\\' + ch;
    else if (ch === '*' && atStart) out += '\\*';
    else out += ch;
  }
  if (depth > 0) return { ok: false, message: 'grep: Unmatched ( or \\(' };
  return out;
}

function bracketEnd(p: string, open: number): number {
  let j = open + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '[' && (p[j + 1] === ':' || p[j + 1] === '.' || p[j + 1] === '=')) {
      const close = p.indexOf(`${p[j + 1]}]`, j + 2);
      if (close < 0) return -1;
      j = close + 1;
      continue;
    }
    if (p[j] === ']') return j;
  }
  return -1;
}

function translateBracket(body: string): string {
  let negate = '';
  let rest = body;
  if (rest.startsWith('^')) {
    negate = '^';
    rest = rest.slice(1);
  }
  let out = '';
  for (let i = 0; i < rest.length; i++) {
    const m = /^\[:([a-z]+):\]/.exec(rest.slice(i));
    if (m) {
      out += CLASSES[m[1] as string] ?? '';
      i += m[0].length - 1;
      continue;
    }
    const ch = rest[i] as string;
    // Inside a POSIX bracket a backslash is literal; JS needs `\\`, `]` and `[` escaped.
    out += ch === '\\' || ch === ']' || ch === '[' ? '\\' + ch : ch;
  }
  return `[${negate}${out}]`;
}
