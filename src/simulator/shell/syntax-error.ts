/**
 * Syntax problems as data, and how bash or zsh words them. The lexer and parser return a
 * SyntaxIssue; only this file turns it into the line the terminal shows.
 */
import type { ShellFlavor } from './shell-flavor';

/** A problem found while reading a line; `at` is the 0-based offset in the line. */
export type SyntaxIssue =
  /** A quote, `${`, `$(` or backquote that is never closed; `expected` is the closing character. */
  | { code: 'unterminated'; expected: string; at: number }
  /** A token where it cannot stand; `token` is its text, or `newline` at the end of the line. */
  | { code: 'unexpected-token'; token: string; at: number }
  /** The line ends where more is needed (after `&&`, `||`, `|`). */
  | { code: 'unexpected-eof'; at: number }
  /** zsh only: a glob pattern left open at the end of the line (`echo (`). */
  | { code: 'bad-pattern'; pattern: string; at: number }
  /** Valid shell that the simulator does not run (subshells, `&`, here-documents, `if`...). */
  | { code: 'unsupported'; what: string; at: number };

/** The stderr line for a syntax problem, worded like the host's shell. */
export function formatSyntaxIssue(issue: SyntaxIssue, flavor: ShellFlavor): string {
  if (flavor === 'zsh') {
    switch (issue.code) {
      // zsh 5.9 Src/lex.c and Src/parse.c: `unmatched "` and `parse error near `;'`
      case 'unterminated':
        return `zsh: unmatched ${issue.expected === ')' || issue.expected === '}' ? '(' : issue.expected}`;
      case 'unexpected-token':
        return `zsh: parse error near \`${issue.token === 'newline' ? '\\n' : issue.token}'`;
      case 'unexpected-eof':
        return `zsh: parse error near \`\\n'`;
      case 'bad-pattern':
        return `zsh: bad pattern: ${issue.pattern}`;
      case 'unsupported':
        return `zsh: ${issue.what} not simulated here`;
    }
  }
  switch (issue.code) {
    // bash 5.2 parse.y parse_matched_pair(): "unexpected EOF while looking for matching `%c'"
    case 'unterminated':
      return `bash: unexpected EOF while looking for matching \`${issue.expected}'`;
    // bash 5.2 parse.y report_syntax_error(): "syntax error near unexpected token `%s'"
    case 'unexpected-token':
      return `bash: syntax error near unexpected token \`${issue.token}'`;
    case 'unexpected-eof':
      return 'bash: syntax error: unexpected end of file';
    case 'unsupported':
      return `bash: ${issue.what} not simulated here`;
    case 'bad-pattern':
      return `bash: bad pattern: ${issue.pattern}`; // not produced for bash
  }
}

/** Exit status after a syntax error: bash uses 2 (EX_BADUSAGE), zsh 1. */
export function syntaxErrorStatus(flavor: ShellFlavor): number {
  return flavor === 'zsh' ? 1 : 2;
}
