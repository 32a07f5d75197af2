/**
 * GNU grep patterns → JavaScript RegExp: basic (BRE, the default), extended (-E), fixed
 * strings (-F) and Perl (-P, run as a JavaScript pattern), with GNU's extensions (`\+ \?
 * \|` in BRE, `\< \> \b \w \s`, `{,n}`) and POSIX bracket classes (`[[:digit:]]`).
 * Follows POSIX XBD §9 and GNU grep 3.8 (dfa.c, regcomp); corner cases and messages were
 * checked against the real grep 3.8 (tests/real/shell/grep.test.ts):
 * - a repetition operator at the start of an ERE is dropped with
 *   `grep: warning: * at start of expression`; in a BRE it is an ordinary character;
 * - repetitions stack (`x**`, `a{1}*`); an unmatched `)` in an ERE is an ordinary character;
 * - in a BRE, `^` and `$` are anchors only at the ends of an expression.
 * BRE, ERE and -F patterns then run on the linear-time NFA of grep-nfa.ts (leftmost-longest,
 * like GNU's dfa.c); patterns with back-references and -P patterns keep the backtracking
 * JavaScript RegExp (GNU grep too falls back to a backtracking regexec for back-references).
 */
import { compileNfa, type Matcher } from './grep-nfa';

/** How the pattern is read. */
export type PatternSyntax = 'basic' | 'extended' | 'fixed' | 'perl';

/** A compiled pattern (and warnings to print first), or the message grep prints. */
export type CompiledPattern = { ok: true; matcher: Matcher; warnings: string[] } | { ok: false; message: string };

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** regex.h RE_DUP_MAX: the largest count in `{m,n}`. */
const RE_DUP_MAX = 32767;

const UNMATCHED_BRACKET = 'grep: Unmatched [, [^, [:, [., or [=';

/** Compiles grep PATTERNS (one per line, or several -e) into one RegExp. */
export function compilePatterns(patterns: string[], syntax: PatternSyntax, opts: { ignoreCase: boolean; word: boolean; line: boolean }): CompiledPattern {
  const sources: string[] = [];
  const warnings: string[] = [];
  let groups = 0;
  for (const p of patterns.flatMap((x) => x.split('\n'))) {
    if (syntax === 'fixed') sources.push(p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
    else if (syntax === 'perl') sources.push(p);
    else {
      const t = translate(p, syntax === 'extended', groups);
      if (!t.ok) return t;
      sources.push(t.source);
      warnings.push(...t.warnings);
      groups += t.groups;
    }
  }
  let body = sources.map((s) => `(?:${s})`).join('|');
  if (opts.line) body = `^(?:${body})$`;
  else if (opts.word) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  const flags = opts.ignoreCase ? 'iu' : 'u';
  try {
    const regexp = new RegExp(body, flags);
    const nfa = syntax === 'perl' ? null : compileNfa(body, flags);
    return { ok: true, matcher: nfa ?? regexpMatcher(regexp), warnings };
  } catch {
    // Only -P patterns reach this (BRE/ERE translations are valid); PCRE2 words its most common error so.
    const open = (body.match(/(?<!\\)\(/g) ?? []).length;
    const close = (body.match(/(?<!\\)\)/g) ?? []).length;
    return { ok: false, message: open > close ? 'grep: missing closing parenthesis' : 'grep: invalid Perl regular expression' };
  }
}

/**
 * The backtracking matcher, for -P and for back-references: leftmost-first, as JavaScript
 * (and PCRE) match; a hostile pattern here can still take exponential time.
 */
export function regexpMatcher(re: RegExp): Matcher {
  const global = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  return {
    test: (line) => re.test(line),
    matches: (line) => [...line.matchAll(global)].filter((m) => m[0] !== '').map((m) => ({ start: m.index, end: m.index + m[0].length })),
  };
}

type Translated = { ok: true; source: string; warnings: string[]; groups: number } | { ok: false; message: string };

/** JavaScript syntax characters, escaped when they stand for themselves. */
function literal(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch;
}

/** Translates one BRE or ERE; `offset` is the number of capture groups in earlier patterns (for back-references). */
function translate(p: string, ere: boolean, offset: number): Translated {
  let out = '';
  const warnings: string[] = [];
  const open: number[] = []; // where each unclosed group starts in `out`
  let closed = 0;
  let atom: number | null = null; // where the last atom starts in `out`; null at the start of an expression
  let repeated = false; // the last thing written was a repetition operator

  const addAtom = (src: string): void => {
    atom = out.length;
    out += src;
    repeated = false;
  };
  const startExpression = (src: string): void => {
    out += src;
    atom = null;
    repeated = false;
  };
  /** Applies a repetition; returns false when there is nothing to repeat (the caller decides). */
  const repeat = (op: string): boolean => {
    if (atom === null) return false;
    // `x**` and `a{1}*` are valid in POSIX regex: the second operator repeats the first's result.
    if (repeated) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += op;
    repeated = true;
    return true;
  };
  /** An ERE repetition with nothing before it: dropped with dfa.c's warning. */
  const repeatOrWarn = (op: string, label: string): void => {
    if (!repeat(op)) warnings.push(`grep: warning: ${label} at start of expression`);
  };

  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    if (ch === '\\') {
      const e = p[++i];
      if (e === undefined) return { ok: false, message: 'grep: Trailing backslash' };
      if (!ere && e === '(') {
        open.push(out.length);
        startExpression('(');
      } else if (!ere && e === ')') {
        const start = open.pop();
        if (start === undefined) return { ok: false, message: 'grep: Unmatched ) or \\)' };
        out += ')';
        closed++;
        atom = start;
        repeated = false;
      } else if (!ere && e === '|') startExpression('|');
      else if (!ere && (e === '+' || e === '?')) {
        if (!repeat(e)) addAtom('\\' + e);
      } else if (!ere && e === '{') {
        const interval = readInterval(p, i + 1, '\\}');
        if (!interval.ok) return { ok: false, message: interval.message ?? 'grep: Unmatched \\{' };
        if (!repeat(interval.op)) addAtom(literal('{') + p.slice(i + 1, interval.end - 2) + literal('}'));
        i = interval.end - 1;
      } else if (/[1-9]/.test(e)) {
        // regcomp: a back-reference must name a group that is already closed.
        if (Number(e) > closed) return { ok: false, message: 'grep: Invalid back reference' };
        addAtom(`\\${Number(e) + offset}`);
      } else if (e === '<') startExpression('(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])');
      else if (e === '>') startExpression('(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])');
      else if (e === 'b' || e === 'B') startExpression('\\' + e);
      else if (e === '`') startExpression('^');
      else if (e === "'") startExpression('$');
      else if ('wWsS'.includes(e)) addAtom('\\' + e);
      else addAtom(literal(e)); // any other escaped character stands for itself
      continue;
    }
    if (ch === '[') {
      const bracket = readBracket(p, i);
      if (!bracket.ok) return bracket;
      addAtom(bracket.source);
      i = bracket.end - 1;
      continue;
    }
    if (ch === '.') {
      addAtom('.');
      continue;
    }
    if (ch === '*') {
      if (ere) repeatOrWarn('*', '*');
      else if (!repeat('*')) addAtom('\\*'); // BRE: `*` first in an expression is literal (XBD §9.3.3)
      continue;
    }
    if (ch === '^') {
      // ERE: always an anchor. BRE: only first in an expression (XBD §9.3.8).
      if (ere || (atom === null && (out === '' || out.endsWith('(') || out.endsWith('|')))) startExpression('^');
      else addAtom('\\^');
      continue;
    }
    if (ch === '$') {
      // BRE: an anchor only last in an expression (end of pattern, before `\)` or `\|`).
      const rest = p.slice(i + 1);
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) startExpression('$');
      else addAtom('\\$');
      continue;
    }
    if (ere) {
      if (ch === '+' || ch === '?') {
        repeatOrWarn(ch, ch);
        continue;
      }
      if (ch === '{') {
        const interval = readInterval(p, i + 1, '}');
        if (interval.ok) {
          repeatOrWarn(interval.op, '{...}');
          i = interval.end - 1;
          continue;
        }
        if (interval.message !== null) return { ok: false, message: interval.message };
        addAtom('\\{'); // not an interval: an ordinary `{` (GNU)
        continue;
      }
      if (ch === '(') {
        open.push(out.length);
        startExpression('(');
        continue;
      }
      if (ch === ')') {
        const start = open.pop();
        if (start === undefined) addAtom('\\)'); // GNU: an unmatched `)` is an ordinary character
        else {
          out += ')';
          closed++;
          atom = start;
          repeated = false;
        }
        continue;
      }
      if (ch === '|') {
        startExpression('|');
        continue;
      }
    }
    addAtom(literal(ch));
  }
  if (open.length > 0) return { ok: false, message: 'grep: Unmatched ( or \\(' };
  return { ok: true, source: out, warnings, groups: closed };
}

type Interval = { ok: true; op: string; end: number } | { ok: false; message: string | null };

/**
 * Reads `m}`, `m,}`, `,n}`, `m,n}` after an opening brace at `from` (`close` is `}` or `\}`).
 * For an ERE, `message: null` means "not an interval" (the brace is then literal).
 */
function readInterval(p: string, from: number, close: string): Interval {
  const m = /^([0-9]*)(,([0-9]*))?/.exec(p.slice(from)) as RegExpExecArray;
  const end = from + m[0].length;
  const bre = close === '\\}';
  if (!p.startsWith(close, end)) {
    if (!bre) return { ok: false, message: null };
    return { ok: false, message: p.includes('\\}', from) ? 'grep: Invalid content of \\{\\}' : 'grep: Unmatched \\{' };
  }
  const lo = m[1] === '' ? 0 : Number(m[1]);
  const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
  if ((m[1] === '' && m[2] === undefined) || lo > hi) return { ok: false, message: 'grep: Invalid content of \\{\\}' };
  if (lo > RE_DUP_MAX || (hi !== Infinity && hi > RE_DUP_MAX)) return { ok: false, message: 'grep: Regular expression too big' };
  const op = m[2] === undefined ? `{${lo}}` : hi === Infinity ? `{${lo},}` : `{${lo},${hi}}`;
  return { ok: true, op, end: end + close.length };
}

type Bracket = { ok: true; source: string; end: number } | { ok: false; message: string };

/** Reads a bracket expression starting at `open` (`[`); `end` is just past its `]`. */
function readBracket(p: string, open: number): Bracket {
  let j = open + 1;
  let negate = false;
  if (p[j] === '^') {
    negate = true;
    j++;
  }
  const bodyStart = j;
  let out = '';
  let first = true;
  // Inside a bracket a backslash is an ordinary character; JavaScript needs these escaped.
  const esc = (c: string): string => ('\\]^-['.includes(c) ? '\\' + c : c);
  for (;;) {
    const c = p[j];
    if (c === undefined) return { ok: false, message: UNMATCHED_BRACKET };
    if (c === ']' && !first) break;
    first = false;
    const kind = p[j + 1];
    if (c === '[' && (kind === ':' || kind === '.' || kind === '=')) {
      const close = p.indexOf(`${kind}]`, j + 2);
      if (close < 0) return { ok: false, message: UNMATCHED_BRACKET };
      const name = p.slice(j + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return { ok: false, message: 'grep: Invalid character class name' };
        out += cls;
      } else {
        if ([...name].length !== 1) return { ok: false, message: 'grep: Invalid collation character' };
        out += esc(name);
      }
      j = close + 2;
      continue;
    }
    const to = p[j + 2];
    if (p[j + 1] === '-' && to !== undefined && to !== ']') {
      if ((c.codePointAt(0) ?? 0) > (to.codePointAt(0) ?? 0)) return { ok: false, message: 'grep: Invalid range end' };
      out += `${esc(c)}-${esc(to)}`;
      j += 3;
      continue;
    }
    out += esc(c);
    j++;
  }
  // dfa.c: `[:space:]` is almost surely a mistake for `[[:space:]]`, and an error.
  const body = p.slice(bodyStart, j);
  if (body.length >= 2 && body.startsWith(':') && body.endsWith(':')) {
    return { ok: false, message: 'grep: character class syntax is [[:space:]], not [:space:]' };
  }
  return { ok: true, source: `[${negate ? '^' : ''}${out}]`, end: j + 1 };
}
