/**
 * The parser: tokens → a script of and-or lists of pipelines of simple commands, the part of
 * the POSIX Shell Command Language grammar (§2.10) that readers type at a prompt. Compound
 * commands, subshells and background jobs are recognised and refused as `unsupported`.
 */
import type { ShellFlavor } from './shell-flavor';
import type { SyntaxIssue } from './syntax-error';
import { tokenize, type OperatorToken, type Token, type WordToken } from './tokenize';

/** A redirection: `>` `>>` (write/append a file), `<` (read one), `<<<` (here-string), `>&` (duplicate). */
export interface Redirect {
  /** The file descriptor redirected: 1 for `>`, 0 for `<`, or the IO number written before it. */
  fd: number;
  op: '>' | '>>' | '<' | '<<<' | '>&' | '&>' | '&>>';
  target: WordToken;
}

/** One command with its words, leading `NAME=value` assignments and redirections. */
export interface SimpleCommand {
  assignments: WordToken[];
  words: WordToken[];
  redirects: Redirect[];
  start: number;
  end: number;
}

/** Commands joined by `|`; `negated` for a leading `!`; `stderrToo` per join for `|&`. */
export interface Pipeline {
  negated: boolean;
  commands: SimpleCommand[];
  /** For each `|` between commands: true when it was `|&` (stderr goes down the pipe too). */
  pipeStderr: boolean[];
}

/** Pipelines joined by `&&` and `||`, left to right with equal precedence (POSIX §2.9.3). */
export interface AndOrList {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** The source text of this list, for messages. */
  text: string;
}

/** A whole line: lists separated by `;` or newlines. */
export interface Script {
  lists: AndOrList[];
}

/** The parser's answer. */
export type ParseResult = { ok: true; script: Script } | { ok: false; error: SyntaxIssue };

// bash reserved words (bash(1) "RESERVED WORDS") start compound commands this simulator does not run.
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'function', '{', '}', '[[', ']]', 'coproc', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Tokenizes and parses a line as bash (or zsh) reads it. Never throws. */
export function parse(input: string, flavor: ShellFlavor = 'bash'): ParseResult {
  const lexed = tokenize(input);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, script: new Parser(lexed.tokens, input, flavor).script() };
  } catch (e) {
    if (e instanceof ParseStop) return { ok: false, error: e.issue };
    throw e;
  }
}

/** Carries a SyntaxIssue out of the recursive descent; caught in parse() and never escapes. */
class ParseStop {
  constructor(readonly issue: SyntaxIssue) {}
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly input: string,
    private readonly flavor: ShellFlavor,
  ) {}

  script(): Script {
    const lists: AndOrList[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (!tok) break;
      if (tok.kind === 'op' && (tok.op === ';' || tok.op === ';;' || tok.op === '&')) this.unexpected(tok);
      lists.push(this.andOr());
      const sep = this.peek();
      if (!sep) break;
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '\n')) {
        this.pos++;
        continue;
      }
      if (sep.kind === 'op' && sep.op === '&') throw new ParseStop({ code: 'unsupported', what: 'background jobs (&) are', at: sep.start });
      this.unexpected(sep);
    }
    return { lists };
  }

  private andOr(): AndOrList {
    const startTok = this.peek();
    const first = this.pipeline();
    const rest: AndOrList['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.kind !== 'op' || (tok.op !== '&&' && tok.op !== '||')) break;
      this.pos++;
      this.skipNewlines();
      if (!this.peek()) {
        // zsh 5.9, at the end of the input, runs what came before a dangling `&&` or `||`.
        if (this.flavor === 'zsh') break;
        throw new ParseStop({ code: 'unexpected-eof', at: this.input.length });
      }
      rest.push({ op: tok.op, pipeline: this.pipeline() });
    }
    const last = this.tokens[this.pos - 1];
    const text = startTok && last ? this.input.slice(startTok.start, last.end) : '';
    return { first, rest, text };
  }

  private pipeline(): Pipeline {
    let negated = false;
    const bang = this.peek();
    if (bang?.kind === 'word' && bang.raw === '!') {
      negated = true;
      this.pos++;
    }
    const commands = [this.simpleCommand()];
    const pipeStderr: boolean[] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.kind !== 'op' || (tok.op !== '|' && tok.op !== '|&')) break;
      this.pos++;
      this.skipNewlines();
      if (!this.peek()) throw new ParseStop({ code: 'unexpected-eof', at: this.input.length });
      pipeStderr.push(tok.op === '|&');
      commands.push(this.simpleCommand());
    }
    return { negated, commands, pipeStderr };
  }

  private simpleCommand(): SimpleCommand {
    const assignments: WordToken[] = [];
    const words: WordToken[] = [];
    const redirects: Redirect[] = [];
    const first = this.peek();
    const start = first?.start ?? this.input.length;
    if (first?.kind === 'word' && RESERVED.has(first.raw)) {
      throw new ParseStop({ code: 'unsupported', what: `compound commands (\`${first.raw}') are`, at: first.start });
    }
    for (;;) {
      const tok = this.peek();
      if (!tok) break;
      if (tok.kind === 'word') {
        if (words.length === 0 && ASSIGNMENT.test(tok.raw)) assignments.push(tok);
        else words.push(tok);
        this.pos++;
        continue;
      }
      const redirect = this.redirect(tok);
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      if (tok.op === '(') {
        if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
          throw new ParseStop({ code: 'unsupported', what: 'subshells ( ... ) are', at: tok.start });
        }
        if (words.length === 1 && assignments.length === 0 && redirects.length === 0) this.functionDefinition();
        this.unexpected(tok);
      }
      break;
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
      const tok = this.peek();
      if (!tok) throw new ParseStop({ code: 'unexpected-eof', at: this.input.length });
      this.unexpected(tok);
    }
    const last = this.tokens[this.pos - 1];
    return { assignments, words, redirects, start, end: last?.end ?? start };
  }

  /**
   * `NAME ( ) BODY` (POSIX §2.9.5): bash reads one word then `(` as a function definition,
   * so `echo (` fails on the token after the `(`, not on the `(` itself.
   */
  private functionDefinition(): never {
    const open = this.peek() as Token;
    if (this.flavor === 'zsh') {
      // zsh reads `NAME ( ) BODY` as a function with any body; a `(` that is not closed at
      // once starts a glob pattern, which the end of the line leaves unfinished (zsh 5.9
      // glob.c: "bad pattern", the line's newline shown as \n).
      const next = this.tokens[this.pos + 1];
      if (next?.kind === 'op' && next.op === ')') throw new ParseStop({ code: 'unsupported', what: 'function definitions are', at: open.start });
      throw new ParseStop({ code: 'bad-pattern', pattern: `${this.input.slice(open.start)}\\n`, at: open.start });
    }
    this.pos++;
    const close = this.peek();
    if (!close) throw new ParseStop({ code: 'unexpected-token', token: 'newline', at: this.input.length });
    if (close.kind !== 'op' || close.op !== ')') this.unexpected(close);
    this.pos++;
    this.skipNewlines();
    const body = this.peek();
    if (!body) throw new ParseStop({ code: 'unexpected-eof', at: this.input.length });
    if ((body.kind === 'word' && RESERVED.has(body.raw)) || (body.kind === 'op' && body.op === '(')) {
      throw new ParseStop({ code: 'unsupported', what: 'function definitions are', at: close.start });
    }
    this.unexpected(body);
  }

  /** Reads a redirection operator and its target word, or returns null if `tok` is not one. */
  private redirect(tok: OperatorToken): Redirect | null {
    const op = tok.op;
    if (op === '<<') throw new ParseStop({ code: 'unsupported', what: 'here-documents (<<) are', at: tok.start });
    if (op === '<&') throw new ParseStop({ code: 'unsupported', what: 'input duplication (<&) is', at: tok.start });
    const kinds: Record<string, Redirect['op'] | undefined> = { '>': '>', '>|': '>', '>>': '>>', '<': '<', '<<<': '<<<', '>&': '>&', '&>': '&>', '&>>': '&>>' };
    const kind = kinds[op];
    if (!kind) return null;
    this.pos++;
    const target = this.peek();
    if (!target) throw new ParseStop({ code: 'unexpected-token', token: 'newline', at: this.input.length });
    if (target.kind !== 'word') this.unexpected(target);
    this.pos++;
    const defaultFd = kind === '<' || kind === '<<<' ? 0 : 1;
    return { fd: tok.fd ?? defaultFd, op: kind, target };
  }

  private unexpected(tok: Token): never {
    const text = tok.kind === 'word' ? tok.raw : tok.op === '\n' ? 'newline' : tok.op;
    throw new ParseStop({ code: 'unexpected-token', token: text, at: tok.start });
  }

  private skipNewlines(): void {
    for (;;) {
      const tok = this.peek();
      if (tok?.kind === 'op' && tok.op === '\n') this.pos++;
      else return;
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
}
