/**
 * Word expansion in POSIX order (§2.6): tilde, parameters, field splitting, pathname
 * expansion, quote removal. Command substitution is recognised but NOT executed: a word
 * holding `$(...)` or a backquoted command is refused with a clear message (simplified).
 * zsh differences that readers notice are kept: zsh does not split unquoted parameters
 * (SH_WORD_SPLIT is off) and a glob that matches nothing is an error (NOMATCH is on).
 */
import { expandGlob, hasGlobChars, unescapePattern } from './glob';
import type { ShellFlavor } from './shell-flavor';
import type { WordPart, WordToken } from './tokenize';

/** What expansion needs from the session. */
export interface ExpansionContext {
  flavor: ShellFlavor;
  /** A variable's value, including specials (`?`, `$`, `0`...); undefined when unset. */
  lookup(name: string): string | undefined;
  /** A user's home directory (`''` = the current user), undefined for unknown users. */
  home(user: string): string | undefined;
  cwd: string;
  /** Entry names of a directory, or null when it is not one (for globbing). */
  listDir(dir: string): string[] | null;
}

/** Why a word could not be expanded. */
export type ExpansionIssue =
  | { code: 'command-substitution'; raw: string }
  | { code: 'bad-substitution'; raw: string }
  | { code: 'no-match'; pattern: string };

/** Fields produced by a word, or the problem. */
export type ExpansionResult = { ok: true; fields: string[] } | { ok: false; error: ExpansionIssue };

/** The stderr line for an expansion problem, worded like the host's shell. */
export function formatExpansionIssue(issue: ExpansionIssue, flavor: ShellFlavor): string {
  const shell = flavor;
  switch (issue.code) {
    case 'command-substitution':
      if (issue.raw.startsWith('$((')) return `${shell}: ${issue.raw}: arithmetic expansion is not simulated here`;
      return `${shell}: ${issue.raw}: command substitution is not simulated here; run the command on its own`;
    // bash 5.2 subst.c: "%s: bad substitution"; zsh 5.9 subst.c: "bad substitution"
    case 'bad-substitution':
      return flavor === 'zsh' ? 'zsh: bad substitution' : `bash: ${issue.raw}: bad substitution`;
    // zsh 5.9 glob.c: "no matches found: %s"
    case 'no-match':
      return `zsh: no matches found: ${issue.pattern}`;
  }
}

/** A piece of a field being built: `glob` marks unquoted text whose `*?[` are live. */
interface Segment {
  text: string;
  glob: boolean;
}

/** Expands one word into zero or more fields. */
export function expandWord(word: WordToken, ctx: ExpansionContext): ExpansionResult {
  const fields: Segment[][] = [];
  let current: Segment[] = [];
  let currentReal = false; // a quoted piece or non-empty text makes the field exist even if empty
  const endField = (): void => {
    if (currentReal || current.some((s) => s.text !== '')) fields.push(current);
    current = [];
    currentReal = false;
  };

  for (const part of word.parts) {
    const problem = expandPart(part, ctx, {
      add: (text, glob, real) => {
        current.push({ text, glob });
        if (real) currentReal = true;
      },
      split: endField,
    });
    if (problem) return { ok: false, error: problem };
  }
  endField();

  const out: string[] = [];
  for (const field of fields) {
    const literal = field.map((s) => s.text).join('');
    if (!field.some((s) => s.glob && hasGlobChars(s.text))) {
      out.push(literal);
      continue;
    }
    const pattern = field.map((s) => (s.glob ? s.text : escapeGlob(s.text))).join('');
    const matches = expandGlob(pattern, ctx.cwd, ctx.listDir);
    if (matches.length > 0) out.push(...matches);
    else if (ctx.flavor === 'zsh') return { ok: false, error: { code: 'no-match', pattern: literal } };
    else out.push(unescapePattern(pattern)); // bash: an unmatched pattern stays as written
  }
  return { ok: true, fields: out };
}

/** Expands every word of a command, stopping at the first problem. */
export function expandWords(words: WordToken[], ctx: ExpansionContext): ExpansionResult {
  const out: string[] = [];
  for (const word of words) {
    const r = expandWord(word, ctx);
    if (!r.ok) return r;
    out.push(...r.fields);
  }
  return { ok: true, fields: out };
}

/** Expands a word that must stay one string (an assignment's value, a redirection target): no splitting, no globbing. */
export function expandToString(word: WordToken, ctx: ExpansionContext): { ok: true; text: string } | { ok: false; error: ExpansionIssue } {
  let text = '';
  for (const part of word.parts) {
    const problem = expandPart(part, ctx, { add: (t) => (text += t), split: () => (text += ' ') }, true);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, text };
}

interface Sink {
  add(text: string, glob: boolean, real: boolean): void;
  split(): void;
}

function expandPart(part: WordPart, ctx: ExpansionContext, sink: Sink, noSplit = false): ExpansionIssue | null {
  switch (part.kind) {
    case 'text':
      sink.add(part.text, part.quoting === 'none', part.quoting !== 'none');
      return null;
    case 'tilde': {
      // POSIX §2.6.1: an unknown user leaves the tilde-prefix unchanged.
      const home = ctx.home(part.user);
      sink.add(home ?? `~${part.user}`, false, true);
      return null;
    }
    case 'command-subst':
      return { code: 'command-substitution', raw: part.raw };
    case 'bad-param':
      return { code: 'bad-substitution', raw: part.raw };
    case 'param': {
      const value = ctx.lookup(part.name) ?? '';
      if (part.quoted || noSplit || ctx.flavor === 'zsh') {
        // zsh: an unquoted empty parameter still vanishes, so it is not "real".
        sink.add(value, false, part.quoted);
        return null;
      }
      // POSIX §2.6.5 with the default IFS: split on runs of space, tab and newline.
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) sink.split();
        // Expanded text is subject to globbing in bash (POSIX §2.6.6), so `glob` stays true.
        if (piece !== '') sink.add(piece, true, false);
      });
      return null;
    }
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[\\*?[]/g, '\\$&');
}
