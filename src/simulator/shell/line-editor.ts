/**
 * The sandbox terminal's line editing as pure logic: `applyKey(state, key)` gives the next
 * state and the one thing the terminal must do (redraw, submit lines, ask for completion,
 * list choices, clear the screen, interrupt, ring the bell). Keys come from `decodeKeys`
 * (key-decode.ts), drawing is `renderLine` (line-render.ts); all three are exported here.
 *
 * The bindings and their meaning are GNU readline 8.2's emacs mode as bash 5.2 uses it
 * (readline/emacs_keymap.c, text.c, kill.c, misc.c, isearch.c):
 * - C-a/Home, C-e/End, Left/C-b, Right/C-f; M-b/M-f (and Ctrl/Alt+Left/Right) move over
 *   words of letters and digits (rl_backward_word, rl_forward_word);
 * - Backspace deletes the character before the cursor, Delete (and C-d on a non-empty
 *   line) the one under it; C-d on an empty line is end of input: bash runs `exit`;
 * - C-t swaps the two characters at the cursor; M-u, M-l, M-c upcase, downcase and
 *   capitalize to the end of the word (rl_transpose_chars, rl_upcase_word ...);
 * - C-u kills to the start, C-k to the end, C-w the whitespace-delimited word before the
 *   cursor (rl_unix_word_rubout), M-Backspace and M-d the alphanumeric word before/after;
 *   consecutive kills join in one kill-ring entry, C-y yanks the latest; M-. (and M-_)
 *   yanks the last word of the line before, once more for the line before that
 *   (rl_yank_last_arg; words as history_tokenize splits them, history-args.ts);
 * - Up/C-p and Down/C-n walk the history (the line being typed is kept and comes back; a
 *   history line changed and left stays changed until it is run, as readline keeps it);
 * - C-r searches the history backwards (history-search.ts); C-g abandons the search;
 * - Tab asks for completion; a second Tab that changed nothing lists the choices (rl_complete);
 * - C-c abandons the line (bash prints `^C`, `$?` becomes 130); C-l clears the screen;
 * - Enter submits the line; a paste is inserted and each complete line in it submitted
 *   (bash 5.2 with bracketed paste keeps a pasted newline in the line until Enter: the
 *   sandbox runs each line as it comes, which issue 10 asks for).
 * tests/real/shell/line-editor.test.ts types the same keys into bash 5.2 on a pty and
 * compares the line it runs.
 */
import { finishSearch, searchStep, startSearch, type SearchState, type SearchStep } from './history-search';
import { lastWord } from './history-args';
import { isWord, nextIndex, prevIndex, unixWordStart, wordEnd, wordStart, ZERO_WIDTH } from './line-chars';
import type { Key, KeyName } from './key-decode';

export { decodeKeys, type Key, type KeyName } from './key-decode';
export { renderLine, renderFinal, renderList, eraseLine, formatChoices, cellWidth, cursorRow } from './line-render';
export { searchPrompt, displayPrompt, type SearchState } from './history-search';

/** Lines kept in the history (bash's HISTSIZE default, as the simulator's `history` keeps). */
export const EDITOR_HISTORY_LIMIT = 500;
/** Kill-ring entries kept (readline's DEFAULT_MAX_KILLS). */
const MAX_KILLS = 10;
/** The keys that kill text: one right after another joins its kill-ring entry. */
const KILLS = new Set<string>(['ctrl-u', 'ctrl-k', 'ctrl-w', 'alt-backspace', 'alt-d']);

/** The line editor's state: plain data, replaced (never changed) by applyKey. */
export interface EditorState {
  /** The text being edited (or, while searching, the match shown). */
  readonly line: string;
  /** Cursor position: a UTF-16 index into `line`, on a character boundary. */
  readonly cursor: number;
  /** Lines submitted, oldest first. */
  readonly history: readonly string[];
  /** The history entry shown (`history.length`: the new line). */
  readonly historyIndex: number;
  /** The new line as typed before walking into the history. */
  readonly draft: string;
  /**
   * History lines changed and left without running them, by index: readline keeps such
   * changes in the history list (rl_maybe_replace_line) until the line is run, which puts the
   * entry back as it was (readline_internal_teardown), the changed text going to the end.
   */
  readonly edits: Readonly<Record<number, string>>;
  readonly search?: SearchState;
  /** The query of the last search, reused by C-r on an empty query. */
  readonly lastSearch: string;
  /** Killed text, latest last. */
  readonly killRing: readonly string[];
  /** The last M-. : how many lines further back it went, and the text it inserted where (taken out by the next M-.). */
  readonly yankArg?: { skip: number; at: number; text: string | null };
  /** What the previous key was, for joined kills and the double Tab (`kill`, `tab`, `tab-changed`, a key name). */
  readonly lastKey: string | null;
}

/** What the terminal does after a key. */
export type Effect =
  /** Nothing changed. */
  | { type: 'none' }
  /** Draw the line again: renderLine(prompt, state, cols, previous). */
  | { type: 'redraw' }
  /** Nothing to do for this key here (readline's rl_ding): the terminal may beep or flash. */
  | { type: 'bell' }
  /**
   * Run these lines in order (Enter: one; a paste: each complete line). Draw the first with
   * renderFinal over the previous state, then each next after its own prompt, then the new state.
   */
  | { type: 'submit'; lines: string[] }
  /** Ask the worker to complete `line` at `cursor`, then call applyCompletion. */
  | { type: 'complete'; line: string; cursor: number }
  /** Show the choices under the line (renderList) and draw the line again. */
  | { type: 'list'; choices: string[] }
  /** Clear the screen and draw the line at the top. */
  | { type: 'clear' }
  /** The line was abandoned (C-c): draw renderFinal(prompt, previous, line + '^C', cols) and tell the worker. */
  | { type: 'interrupt'; line: string };

/** A key's outcome. */
export interface KeyResult {
  state: EditorState;
  effect: Effect;
}

/** A fresh editor, with the history to recall (a restored session's lines). */
export function createEditor(history: readonly string[] = []): EditorState {
  const kept = history.filter((l) => l.trim() !== '').slice(-EDITOR_HISTORY_LIMIT);
  return { line: '', cursor: 0, history: kept, historyIndex: kept.length, draft: '', edits: {}, lastSearch: '', killRing: [], lastKey: null };
}

// ---- edits

const redraw = (state: EditorState): KeyResult => ({ state, effect: { type: 'redraw' } });
const bell = (state: EditorState): KeyResult => ({ state, effect: { type: 'bell' } });
const moveTo = (state: EditorState, cursor: number): KeyResult => (cursor === state.cursor ? { state, effect: { type: 'none' } } : redraw({ ...state, cursor }));

function insert(state: EditorState, text: string): EditorState {
  return { ...state, line: state.line.slice(0, state.cursor) + text + state.line.slice(state.cursor), cursor: state.cursor + text.length };
}

/** Kills `line[from, to)`; a kill right after another joins its ring entry (kill.c _rl_copy_to_kill_ring). */
function kill(state: EditorState, from: number, to: number, backward: boolean): KeyResult {
  if (from >= to) return { state, effect: { type: 'none' } };
  const text = state.line.slice(from, to);
  const ring = [...state.killRing];
  if (state.lastKey === 'kill' && ring.length > 0) ring[ring.length - 1] = backward ? text + (ring[ring.length - 1] as string) : (ring[ring.length - 1] as string) + text;
  else ring.push(text);
  return redraw({ ...state, line: state.line.slice(0, from) + state.line.slice(to), cursor: from, killRing: ring.slice(-MAX_KILLS) });
}

/**
 * C-t (rl_transpose_chars): the character before the cursor changes places with the one
 * under it and the cursor moves past both; at the end of the line the last two change places.
 */
function transposeChars(state: EditorState): KeyResult {
  const { line } = state;
  if (state.cursor === 0 || [...line].length < 2) return bell(state);
  let point = state.cursor >= line.length ? prevIndex(line, line.length) : state.cursor;
  const before = prevIndex(line, point);
  const moved = line.slice(before, point);
  const rest = line.slice(0, before) + line.slice(point);
  point = nextIndex(rest, before);
  return redraw({ ...state, line: rest.slice(0, point) + moved + rest.slice(point), cursor: point + moved.length });
}

/**
 * M-u, M-l, M-c (rl_upcase_word, rl_downcase_word, rl_capitalize_word): from the cursor to
 * the end of the next word, letters change case (capitalize: the first of each run of
 * letters and digits up, the rest down); the cursor goes to the end of that word.
 */
function changeCase(state: EditorState, op: 'up' | 'down' | 'cap'): KeyResult {
  const { line } = state;
  const end = wordEnd(line, state.cursor);
  let out = '';
  let inWord = false;
  for (const ch of line.slice(state.cursor, end)) {
    if (ZERO_WIDTH.test(ch)) {
      out += ch; // a combining mark goes with its letter (MB_FIND_NONZERO)
      continue;
    }
    if (!isWord(ch)) {
      inWord = false;
      out += ch;
      continue;
    }
    const up = op === 'up' || (op === 'cap' && !inWord);
    inWord = true;
    const changed = up ? ch.toUpperCase() : ch.toLowerCase();
    out += changed.length === ch.length ? changed : ch; // a case that changes the length (ß → SS) is left
  }
  return redraw({ ...state, line: line.slice(0, state.cursor) + out + line.slice(end), cursor: end });
}

/**
 * M-. (rl_yank_last_arg): inserts the last word of the line before the one shown; pressed
 * again right after, takes that back and inserts the last word of the line before that.
 */
function yankLastArg(state: EditorState): KeyResult {
  const again = state.lastKey === 'alt-.' && state.yankArg !== undefined;
  let base = state;
  let skip = 0;
  if (again && state.yankArg) {
    skip = state.yankArg.skip + 1;
    const { at, text } = state.yankArg;
    if (text !== null) base = { ...state, line: state.line.slice(0, at) + state.line.slice(at + text.length), cursor: at };
  }
  // rl_yank_nth_arg_internal: previous_history() skip+1 times from where_history(); it stops at the oldest.
  const index = state.historyIndex - 1 - skip;
  const line = index >= 0 ? (state.edits[index] ?? state.history[index]) : undefined;
  const word = line === undefined ? null : lastWord(line);
  if (word === null || word === '') return { state: { ...base, yankArg: { skip, at: base.cursor, text: null } }, effect: { type: base === state ? 'bell' : 'redraw' } };
  return redraw({ ...insert(base, word), yankArg: { skip, at: base.cursor, text: word } });
}

function withHistory(history: readonly string[], line: string): readonly string[] {
  return line.trim() === '' ? history : [...history, line].slice(-EDITOR_HISTORY_LIMIT);
}

/** Submits `lines` and starts a new empty line (or `rest`, a paste's unfinished last line). */
function submit(state: EditorState, lines: string[], rest = '', restCursor = rest.length): KeyResult {
  let history = state.history;
  for (const line of lines) history = withHistory(history, line);
  const { search: _search, ...plain } = state;
  const edits = { ...state.edits };
  delete edits[state.historyIndex]; // the entry run goes back to what it was
  // Edits are by index: when the oldest lines drop off the history, the indexes move with them.
  const shift = state.history.length + lines.filter((l) => l.trim() !== '').length - history.length;
  const moved = Object.fromEntries(Object.entries(edits).flatMap(([i, text]) => (Number(i) - shift >= 0 ? [[Number(i) - shift, text]] : [])));
  return { state: { ...plain, line: rest, cursor: restCursor, history, historyIndex: history.length, draft: '', edits: moved, lastKey: 'enter' }, effect: { type: 'submit', lines } };
}

/** rl_maybe_replace_line: a changed history line is kept as changed when the reader leaves it. */
function keepEdit(state: EditorState): EditorState {
  const i = state.historyIndex;
  if (i >= state.history.length) return { ...state, draft: state.line };
  if ((state.edits[i] ?? state.history[i]) === state.line) return state;
  return { ...state, edits: { ...state.edits, [i]: state.line } };
}

function showHistory(state: EditorState, index: number): KeyResult {
  const kept = keepEdit(state);
  const line = index === state.history.length ? kept.draft : (kept.edits[index] ?? (state.history[index] as string));
  return redraw({ ...kept, historyIndex: index, line, cursor: line.length });
}

// ---- reverse-i-search

/** A search step's outcome as a key result: the match shown, or the same line with the prompt saying `failed`. */
function stepped(state: EditorState, step: SearchStep): KeyResult {
  const shown = step.shown ?? { line: state.line, cursor: state.cursor };
  return redraw({ ...state, line: shown.line, cursor: shown.cursor, search: step.search });
}

/**
 * Leaves the search keeping the match as the line (any key but the search's own), and keeps
 * its query for the next C-r (isearch.c _rl_isearch_fini; an aborted search does not).
 */
function endSearch(state: EditorState): EditorState {
  const search = state.search;
  if (!search) return state;
  const { search: _search, ...plain } = state;
  const done = finishSearch(search);
  const fromNew = search.save.historyIndex === state.history.length;
  return { ...plain, ...done, draft: fromNew ? search.save.line : state.draft, lastSearch: search.query, lastKey: null };
}

function searchKey(state: EditorState, search: SearchState, key: Key): KeyResult | null {
  switch (key.type) {
    case 'char': {
      // One character at a time, as readline reads them: each extends the query and searches on.
      let result: KeyResult = { state, effect: { type: 'none' } };
      for (const ch of key.text) result = stepped(result.state, searchStep(result.state.search ?? search, { type: 'add', text: ch }));
      return result;
    }
    case 'paste':
      return stepped(state, searchStep(search, { type: 'add', text: key.text.replace(/[\r\n]+/g, ' ') }));
    case 'ctrl-r':
      return stepped(state, searchStep(search, { type: 'again', last: state.lastSearch }));
    case 'backspace':
      return stepped(state, searchStep(search, { type: 'rubout' }));
    case 'ctrl-w':
      return stepped(state, searchStep(search, { type: 'word', line: state.line, cursor: state.cursor }));
    case 'ctrl-y':
      return stepped(state, searchStep(search, { type: 'rest', line: state.line, cursor: state.cursor }));
    case 'ctrl-g': {
      const { search: _search, ...plain } = state;
      return redraw({ ...plain, line: search.save.line, cursor: search.save.cursor, historyIndex: search.save.historyIndex, lastKey: null });
    }
    case 'escape':
      return redraw(endSearch(state));
    default:
      return null; // ends the search, then acts as usual
  }
}

// ---- keys

/** The next state for `key`, and what the terminal must do. Never throws. */
export function applyKey(state: EditorState, key: Key): KeyResult {
  if (state.search) {
    const handled = searchKey(state, state.search, key);
    if (handled) return handled;
    state = endSearch(state);
  }
  const result = edit(state, key);
  // The key just handled, for the next one: kills join, a Tab's own marks (tab, tab-again) stay.
  const lastKey = KILLS.has(key.type) ? 'kill' : key.type === 'tab' || key.type === 'enter' || key.type === 'paste' ? result.state.lastKey : key.type;
  return { state: { ...result.state, lastKey }, effect: result.effect };
}

function edit(state: EditorState, key: Key): KeyResult {
  const { line, cursor } = state;
  const named = key.type as KeyName | 'char' | 'paste';
  switch (named) {
    case 'char': {
      const text = (key as { text: string }).text;
      return text === '' ? { state, effect: { type: 'none' } } : redraw(insert(state, text));
    }
    case 'paste': {
      const text = (key as { text: string }).text.replace(/\r\n?/g, '\n');
      const whole = insert(state, text);
      const parts = whole.line.split('\n');
      if (parts.length === 1) return redraw(whole);
      const rest = parts.pop() as string;
      return submit(state, parts, rest, rest.length - (line.length - cursor));
    }
    case 'left':
      return cursor === 0 ? bell(state) : moveTo(state, prevIndex(line, cursor));
    case 'right':
      return cursor >= line.length ? bell(state) : moveTo(state, nextIndex(line, cursor));
    case 'home':
    case 'ctrl-a':
      return moveTo(state, 0);
    case 'end':
    case 'ctrl-e':
      return moveTo(state, line.length);
    case 'alt-b':
      return moveTo(state, wordStart(line, cursor));
    case 'alt-f':
      return moveTo(state, wordEnd(line, cursor));
    case 'backspace':
      return cursor === 0 ? bell(state) : redraw({ ...state, line: line.slice(0, prevIndex(line, cursor)) + line.slice(cursor), cursor: prevIndex(line, cursor) });
    case 'ctrl-d':
      if (line === '') return submit(state, ['exit']); // bash: EOF at an empty prompt ends the shell
      return cursor >= line.length ? bell(state) : redraw({ ...state, line: line.slice(0, cursor) + line.slice(nextIndex(line, cursor)) });
    case 'delete':
      return cursor >= line.length ? bell(state) : redraw({ ...state, line: line.slice(0, cursor) + line.slice(nextIndex(line, cursor)) });
    case 'ctrl-u':
      return kill(state, 0, cursor, true);
    case 'ctrl-k':
      return kill(state, cursor, line.length, false);
    case 'ctrl-w':
      return kill(state, unixWordStart(line, cursor), cursor, true);
    case 'alt-backspace':
      return kill(state, wordStart(line, cursor), cursor, true);
    case 'alt-d':
      return kill(state, cursor, wordEnd(line, cursor), false);
    case 'alt-.':
      return yankLastArg(state);
    case 'ctrl-t':
      return transposeChars(state);
    case 'alt-u':
    case 'alt-l':
    case 'alt-c':
      return changeCase(state, named === 'alt-u' ? 'up' : named === 'alt-l' ? 'down' : 'cap');
    case 'ctrl-y': {
      const text = state.killRing[state.killRing.length - 1];
      return text === undefined ? bell(state) : redraw(insert(state, text));
    }
    case 'up':
      return state.historyIndex <= 0 ? bell(state) : showHistory(state, state.historyIndex - 1);
    case 'down':
      return state.historyIndex >= state.history.length ? bell(state) : showHistory(state, state.historyIndex + 1);
    case 'ctrl-r': {
      // isearch.c _rl_isearch_init: the history as edited, and last the line being typed.
      const kept = keepEdit(state);
      const lines = [...kept.history.map((h, i) => kept.edits[i] ?? h), state.historyIndex < state.history.length ? state.draft : line];
      return redraw({ ...kept, search: startSearch(lines, state.historyIndex, line, cursor) });
    }
    case 'ctrl-c': {
      const { search: _search, ...plain } = state;
      // rl_free_line_state keeps a changed history line as changed.
      const kept = keepEdit(plain as EditorState);
      return { state: { ...kept, line: '', cursor: 0, historyIndex: state.history.length, draft: '' }, effect: { type: 'interrupt', line } };
    }
    case 'ctrl-l':
      return { state, effect: { type: 'clear' } };
    case 'tab':
      return { state: { ...state, lastKey: state.lastKey === 'tab' ? 'tab-again' : 'tab' }, effect: { type: 'complete', line, cursor } };
    case 'enter':
      return submit(state, [line]);
    case 'ctrl-g':
    case 'escape':
      return bell(state);
  }
}

/**
 * Applies the worker's completion for the `request` an Effect `complete` asked for. A second
 * Tab that finds nothing new lists the choices; otherwise an ambiguous or empty completion
 * rings the bell. A reply for a line the reader has changed since is dropped.
 */
export function applyCompletion(state: EditorState, request: { line: string; cursor: number }, reply: { line: string; cursor: number; choices: readonly string[] }): KeyResult {
  if (state.line !== request.line || state.cursor !== request.cursor || typeof reply.line !== 'string') return { state, effect: { type: 'none' } };
  const changed = reply.line !== state.line || reply.cursor !== state.cursor;
  const cursor = Math.max(0, Math.min(Number.isInteger(reply.cursor) ? reply.cursor : reply.line.length, reply.line.length));
  if (changed) return redraw({ ...state, line: reply.line, cursor, lastKey: 'tab-changed' });
  if (reply.choices.length > 1 && state.lastKey === 'tab-again') return { state: { ...state, lastKey: 'tab' }, effect: { type: 'list', choices: [...reply.choices] } };
  return bell({ ...state, lastKey: 'tab' });
}
