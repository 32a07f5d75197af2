/**
 * Ctrl-R, readline's incremental reverse history search, step for step as isearch.c
 * (readline 8.2: _rl_isearch_init, _rl_isearch_dispatch, _rl_isearch_fini) does it: the
 * prompt becomes `(reverse-i-search)`QUERY': `; the search runs backwards from the cursor
 * through the line being edited, then through older history lines (skipping a copy of the
 * line just found and lines shorter than the query); typing extends the query and searches
 * on from the current place; Ctrl-R again moves one position back (an empty query takes the
 * last search's); Backspace only shortens the query and searches on from where it is (an
 * empty query fails); C-w and C-y pull the word or the rest of the matched line into the
 * query. A failed search rings the bell, says `failed` and leaves the line as last found.
 */

/** A search in progress: readline's `_rl_search_cxt`, as plain data. */
export interface SearchState {
  query: string;
  /** The last search found nothing (the prompt reads `(failed reverse-i-search)`). */
  failed: boolean;
  /** The lines searched: the history (as edited) and, last, the line being typed (cxt->lines). */
  lines: readonly string[];
  /** The line being scanned (cxt->history_pos), its text (cxt->sline) and the offset in it (cxt->sline_index). */
  pos: number;
  sline: string;
  index: number;
  /** The line of the last match (cxt->last_found_line) and its text (cxt->prev_line_found). */
  lastFound: number;
  prevFound: string | null;
  /** Where the search began (cxt->save_line, save_point) and the line shown then. */
  save: { historyIndex: number; cursor: number; line: string };
}

/** One thing the search does with a key. */
export type SearchOp = { type: 'add'; text: string } | { type: 'again'; last: string } | { type: 'rubout' } | { type: 'word'; line: string; cursor: number } | { type: 'rest'; line: string; cursor: number };

/** What a step gave: the new search, and the match to show (null when nothing new was found). */
export interface SearchStep {
  search: SearchState;
  shown: { line: string; cursor: number } | null;
  /** readline rang the bell (rl_ding). */
  bell: boolean;
}

/** The prompt readline shows while searching (rl_display_search). */
export function searchPrompt(search: SearchState): string {
  return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
}

/** The prompt to draw: the search prompt while searching, else the shell's. */
export function displayPrompt(prompt: string, state: { search?: SearchState | undefined }): string {
  return state.search ? searchPrompt(state.search) : prompt;
}

/** _rl_isearch_init: search `lines` (the last is the line being typed) from the line shown at `historyIndex`, from the cursor. */
export function startSearch(lines: readonly string[], historyIndex: number, line: string, cursor: number): SearchState {
  return { query: '', failed: false, lines, pos: historyIndex, sline: line, index: cursor, lastFound: historyIndex, prevFound: null, save: { historyIndex, cursor, line } };
}

const isWordChar = (ch: string): boolean => /^[\p{L}\p{N}]/u.test(ch); // _rl_walphabetic

/** _rl_isearch_dispatch for `op`: change the query, then search (reverse) from the current place. */
export function searchStep(search: SearchState, op: SearchOp): SearchStep {
  let s = { ...search };
  let bell = false;
  switch (op.type) {
    case 'add':
      s.query += op.text;
      break;
    case 'again':
      if (s.query === '') {
        if (op.last === '') return { search: s, shown: null, bell: false };
        s.query = op.last;
      } else if (s.index >= 0) s.index--;
      break;
    case 'rubout':
      if (s.query === '') bell = true;
      else s.query = [...s.query].slice(0, -1).join('');
      if (s.query === '') bell = true;
      break;
    case 'word': {
      // C-w: the word after the part of the line already matched.
      const start = op.cursor + s.query.length;
      const first = op.line.slice(start, start + 2);
      if (start >= op.line.length || !isWordChar(first)) return { search: s, shown: null, bell: true };
      let end = start;
      for (const ch of op.line.slice(start)) {
        if (!isWordChar(ch)) break;
        end += ch.length;
      }
      s.query += op.line.slice(start, end);
      break;
    }
    case 'rest': {
      // C-y: the rest of the line after the part already matched.
      const start = op.cursor + s.query.length;
      if (start >= op.line.length) return { search: s, shown: null, bell: true };
      s.query += op.line.slice(start);
      break;
    }
  }
  const found = scan(s);
  s = found.search;
  if (!found.ok) {
    // The bell; the line stays as last found, and the search goes on from that line.
    return { search: { ...s, failed: true, pos: s.lastFound }, shown: null, bell: true };
  }
  const line = s.lines[s.pos] as string;
  return { search: { ...s, failed: false, prevFound: line, lastFound: s.pos }, shown: { line, cursor: s.index }, bell };
}

/** The search loop of _rl_isearch_dispatch (SF_REVERSE): the current line from `index` down, then older lines. */
function scan(start: SearchState): { ok: boolean; search: SearchState } {
  const s = { ...start };
  const q = s.query;
  if (q === '') return { ok: false, search: s };
  for (;;) {
    while (s.index >= 0) {
      if (s.sline.startsWith(q, s.index)) return { ok: true, search: s };
      s.index--;
      if (s.index < 0) {
        s.index = 0;
        break;
      }
    }
    // The next older line, skipping copies of the line just found and lines too short to match.
    do {
      s.pos--;
      if (s.pos < 0) return { ok: false, search: s };
      s.sline = s.lines[s.pos] as string;
    } while ((s.prevFound !== null && s.prevFound === s.sline) || q.length > s.sline.length);
    s.index = s.sline.length - q.length;
  }
}

/**
 * _rl_isearch_fini: the search ends (any key but its own): the line and history position of
 * the last match, the cursor where the search left it.
 */
export function finishSearch(search: SearchState): { line: string; cursor: number; historyIndex: number } {
  const atStart = search.lastFound === search.save.historyIndex;
  const line = atStart ? search.save.line : (search.lines[search.lastFound] as string);
  const cursor = search.index < 0 ? (atStart ? search.save.cursor : line.length) : search.index;
  return { line, cursor: Math.min(cursor, line.length), historyIndex: search.lastFound };
}
