/**
 * The shell's lexer: turns what a reader types into words and operators, keeping every
 * quoting decision so that expansion (expand.ts) knows what was quoted. Rules follow the
 * POSIX Shell Command Language §2.3 "Token Recognition" and bash 5.2's extensions that
 * readers meet in tutorials ($'...', &>, <<<). It never throws: a malformed line gives a
 * SyntaxIssue, worded later by syntax-error.ts like bash or zsh would.
 */
import type { SyntaxIssue } from './syntax-error';

/** Operators the lexer knows. Some are recognised only to refuse them clearly in parse.ts. */
export type Operator =
  | ';'
  | ';;'
  | '&&'
  | '||'
  | '|'
  | '|&'
  | '&'
  | '>'
  | '>>'
  | '>|'
  | '<'
  | '<<'
  | '<<<'
  | '>&'
  | '<&'
  | '&>'
  | '&>>'
  | '('
  | ')'
  | '\n';

/** Which quoting a piece of a word came from; anything but `none` is protected from splitting and globbing. */
export type Quoting = 'none' | 'single' | 'double' | 'escape' | 'ansi';

/** One piece of a word, as written. */
export type WordPart =
  /** Plain characters. */
  | { kind: 'text'; text: string; quoting: Quoting }
  /** `$NAME`, `${NAME}`, `$?`, `$1`...; `raw` is the source text, for error messages. */
  | { kind: 'param'; name: string; braced: boolean; quoted: boolean; raw: string }
  /** `${...}` that is not a plain name (`${x:-y}`, `${#x}`): refused at expansion with bash's `bad substitution`. */
  | { kind: 'bad-param'; raw: string; quoted: boolean }
  /** `$(...)` or a backquoted command: recognised, never executed (see expand.ts). */
  | { kind: 'command-subst'; raw: string; quoted: boolean }
  /** An unquoted `~` or `~user` at the start of a word. */
  | { kind: 'tilde'; user: string };

/** A word token with its pieces and where it sits in the line (0-based, end exclusive). */
export interface WordToken {
  kind: 'word';
  parts: WordPart[];
  /** The source text of the word, exactly as typed. */
  raw: string;
  start: number;
  end: number;
}

/** An operator token; `fd` is the IO number written before a redirection (`2>`). */
export interface OperatorToken {
  kind: 'op';
  op: Operator;
  fd?: number;
  start: number;
  end: number;
}

/** Either token. */
export type Token = WordToken | OperatorToken;

/** The lexer's answer: tokens, or the first problem found (bash stops at the first one too). */
export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: SyntaxIssue };

// Longest operators first, so `>>` wins over `>` (POSIX §2.3 rule 2: extend the operator).
const OPERATORS: readonly Operator[] = [
  '&>>', '<<<', ';;', '&&', '||', '|&', '>>', '>|', '<<', '>&', '<&', '&>',
  ';', '&', '|', '>', '<', '(', ')', '\n',
];

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Special parameters bash expands after `$` (bash(1) "Special Parameters"). */
const SPECIAL_PARAMS = new Set(['?', '$', '!', '#', '@', '*', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Characters that end an unquoted word (POSIX §2.3: blanks and operator starts). */
function isDelimiter(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '&' || ch === '|' || ch === '<' || ch === '>' || ch === '(' || ch === ')';
}

/** Splits a line into tokens. Never throws. */
export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;

  while (i < n) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    // POSIX §2.3 rule 9: `#` at the start of a word starts a comment to the end of the line.
    if (ch === '#') {
      while (i < n && input[i] !== '\n') i++;
      continue;
    }
    const op = matchOperator(input, i);
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const word = readWord(input, i);
    if (!word.ok) return word;
    // An all-digit word directly followed by `<` or `>` is an IO number (POSIX §2.10.1).
    const next = matchOperator(input, word.token.end);
    if (next && /^(>|>>|>\||<|>&|<&|<<|<<<)$/.test(next) && /^[0-9]{1,4}$/.test(word.token.raw)) {
      tokens.push({ kind: 'op', op: next, fd: Number(word.token.raw), start: i, end: word.token.end + next.length });
      i = word.token.end + next.length;
      continue;
    }
    tokens.push(word.token);
    i = word.token.end;
  }
  return { ok: true, tokens };
}

function matchOperator(input: string, at: number): Operator | undefined {
  for (const op of OPERATORS) if (input.startsWith(op, at)) return op;
  return undefined;
}

type ReadWord = { ok: true; token: WordToken } | { ok: false; error: SyntaxIssue };

/** Reads one word starting at `start`, recording each quoted and unquoted piece. */
function readWord(input: string, start: number): ReadWord {
  const parts: WordPart[] = [];
  const n = input.length;
  let i = start;
  let text = '';
  let quoting: Quoting = 'none';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text, quoting });
    text = '';
  };
  const setQuoting = (q: Quoting): void => {
    if (q !== quoting) {
      flush();
      quoting = q;
    }
  };

  // Tilde prefix (POSIX §2.6.1): unquoted `~` up to the first `/` at the start of a word.
  if (input[i] === '~') {
    let j = i + 1;
    while (j < n && /[A-Za-z0-9._-]/.test(input[j] as string)) j++;
    const after = input[j];
    if (after === undefined || after === '/' || isDelimiter(after)) {
      parts.push({ kind: 'tilde', user: input.slice(i + 1, j) });
      i = j;
    }
  }

  while (i < n) {
    const ch = input[i] as string;
    if (isDelimiter(ch) || ch === '\r') break;
    if (ch === '\\') {
      // A backslash quotes the next character; at the very end of input bash keeps it literally.
      setQuoting('escape');
      if (i + 1 < n) {
        if (input[i + 1] !== '\n') text += input[i + 1]; // backslash-newline is a line continuation
        i += 2;
      } else {
        text += '\\';
        i += 1;
      }
      continue;
    }
    if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: { code: 'unterminated', expected: "'", at: i } };
      setQuoting('single');
      text += input.slice(i + 1, close);
      flush(); // keep `''` as an (empty) quoted piece so it still yields a word
      if (input.slice(i + 1, close) === '') parts.push({ kind: 'text', text: '', quoting: 'single' });
      i = close + 1;
      continue;
    }
    if (ch === '$' && input[i + 1] === "'") {
      const ansi = readAnsiC(input, i + 2);
      if (!ansi.ok) return { ok: false, error: { code: 'unterminated', expected: "'", at: i } };
      setQuoting('ansi');
      text += ansi.text;
      flush();
      if (ansi.text === '') parts.push({ kind: 'text', text: '', quoting: 'ansi' });
      i = ansi.end;
      continue;
    }
    if (ch === '"') {
      setQuoting('double');
      flush();
      const before = parts.length;
      const end = readDoubleQuoted(input, i + 1, parts);
      if (!end.ok) return end;
      if (parts.length === before) parts.push({ kind: 'text', text: '', quoting: 'double' });
      i = end.end;
      continue;
    }
    if (ch === '$' || ch === '`') {
      const dollar = readDollar(input, i, false);
      if (!dollar.ok) return dollar;
      if (dollar.part) {
        flush();
        parts.push(dollar.part);
        i = dollar.end;
        continue;
      }
    }
    setQuoting('none');
    text += ch;
    i++;
  }
  flush();
  return { ok: true, token: { kind: 'word', parts, raw: input.slice(start, i), start, end: i } };
}

type ReadEnd = { ok: true; end: number } | { ok: false; error: SyntaxIssue };

/** Reads the inside of "...", where only `$`, backquote, `\` and `"` stay special (POSIX §2.2.3). */
function readDoubleQuoted(input: string, from: number, parts: WordPart[]): ReadEnd {
  let i = from;
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text, quoting: 'double' });
    text = '';
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '"') {
      flush();
      return { ok: true, end: i + 1 };
    }
    if (ch === '\\') {
      const next = input[i + 1];
      if (next !== undefined && '$`"\\\n'.includes(next)) {
        if (next !== '\n') text += next;
        i += 2;
      } else {
        text += '\\';
        i += 1;
      }
      continue;
    }
    if (ch === '$' || ch === '`') {
      const dollar = readDollar(input, i, true);
      if (!dollar.ok) return dollar;
      if (dollar.part) {
        flush();
        parts.push(dollar.part);
        i = dollar.end;
        continue;
      }
    }
    text += ch;
    i++;
  }
  return { ok: false, error: { code: 'unterminated', expected: '"', at: from - 1 } };
}

type ReadDollar = { ok: true; part: WordPart | null; end: number } | { ok: false; error: SyntaxIssue };

/** Reads `$NAME`, `${...}`, `$(...)` or a backquoted command at `at`; `part: null` means a literal `$`. */
function readDollar(input: string, at: number, quoted: boolean): ReadDollar {
  const ch = input[at];
  if (ch === '`') {
    const close = findClosingBackquote(input, at + 1);
    if (close < 0) return { ok: false, error: { code: 'unterminated', expected: '`', at } };
    return { ok: true, part: { kind: 'command-subst', raw: input.slice(at, close + 1), quoted }, end: close + 1 };
  }
  const next = input[at + 1];
  if (next === undefined) return { ok: true, part: null, end: at + 1 };
  if (next === '(') {
    const close = findClosingParen(input, at + 2);
    if (close < 0) return { ok: false, error: { code: 'unterminated', expected: ')', at } };
    return { ok: true, part: { kind: 'command-subst', raw: input.slice(at, close + 1), quoted }, end: close + 1 };
  }
  if (next === '{') {
    const close = input.indexOf('}', at + 2);
    if (close < 0) return { ok: false, error: { code: 'unterminated', expected: '}', at } };
    const inner = input.slice(at + 2, close);
    const raw = input.slice(at, close + 1);
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) || /^[0-9]+$/.test(inner) || (inner.length === 1 && SPECIAL_PARAMS.has(inner))) {
      return { ok: true, part: { kind: 'param', name: inner, braced: true, quoted, raw }, end: close + 1 };
    }
    return { ok: true, part: { kind: 'bad-param', raw, quoted }, end: close + 1 };
  }
  if (NAME_START.test(next)) {
    let j = at + 2;
    while (j < input.length && NAME_CHAR.test(input[j] as string)) j++;
    const name = input.slice(at + 1, j);
    return { ok: true, part: { kind: 'param', name, braced: false, quoted, raw: input.slice(at, j) }, end: j };
  }
  if (SPECIAL_PARAMS.has(next)) {
    return { ok: true, part: { kind: 'param', name: next, braced: false, quoted, raw: input.slice(at, at + 2) }, end: at + 2 };
  }
  return { ok: true, part: null, end: at + 1 };
}

/** Index of the `)` closing a `$(` whose body starts at `from`, honouring quotes and nesting; -1 if none. */
function findClosingParen(input: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\') i += 2;
    else if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (ch === '"') {
      i++;
      while (i < input.length && input[i] !== '"') i += input[i] === '\\' ? 2 : 1;
      if (i >= input.length) return -1;
      i++;
    } else if (ch === '(') {
      depth++;
      i++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
      i++;
    } else i++;
  }
  return -1;
}

function findClosingBackquote(input: string, from: number): number {
  let i = from;
  while (i < input.length) {
    if (input[i] === '\\') i += 2;
    else if (input[i] === '`') return i;
    else i++;
  }
  return -1;
}

/** Decodes the body of $'...' (bash(1) "QUOTING": ANSI-C escapes), stopping at the closing quote. */
function readAnsiC(input: string, from: number): { ok: true; text: string; end: number } | { ok: false } {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  let text = '';
  let i = from;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === "'") return { ok: true, text, end: i + 1 };
    if (ch === '\\' && i + 1 < input.length) {
      const e = input[i + 1] as string;
      const mapped = simple[e];
      if (mapped !== undefined) {
        text += mapped;
        i += 2;
        continue;
      }
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(input.slice(i + 1, i + 4));
      if (hex?.[1]) {
        text += String.fromCharCode(parseInt(hex[1], 16));
        i += 1 + hex[0].length;
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(input.slice(i + 1, i + 4));
      if (oct) {
        text += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
        i += 1 + oct[0].length;
        continue;
      }
      text += '\\' + e;
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  return { ok: false };
}
