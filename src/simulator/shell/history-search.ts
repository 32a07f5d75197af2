/**
 * Ctrl-R, readline's incremental reverse history search (isearch.c, rl_reverse_search_history):
 * the prompt becomes `(reverse-i-search)`QUERY': ` and the line shows the newest match at or
 * before the current position, the cursor on the match. Typing extends the query and searches
 * again from the current match; Ctrl-R again finds the next older occurrence (an empty query
 * reuses the last search's); Backspace shortens the query; a line identical to the one just
 * found is skipped; with no match the prompt says `failed` and the line keeps the last match.
 * The line being edited is searched too, before the history (isearch.c puts it last in the
 * list it searches).
 */

/** A search in progress. */
export interface SearchState {
  query: string;
  /** The last search found nothing (the prompt reads `(failed reverse-i-search)`). */
  failed: boolean;
  /** The current match: its line (an index into the history, the history's length for the line being edited) and offset; null before the first. */
  at: { index: number; offset: number } | null;
  /** The line as it was when the search began, for Ctrl-G. */
  original: { line: string; cursor: number; historyIndex: number };
}

/** The prompt readline shows while searching (rl_display_search). */
export function searchPrompt(search: SearchState): string {
  return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
}

/** The prompt to draw: the search prompt while searching, else the shell's. */
export function displayPrompt(prompt: string, state: { search?: SearchState | undefined }): string {
  return state.search ? searchPrompt(state.search) : prompt;
}

/**
 * The newest occurrence of `query` at or before `from` (offset may be -1: none in that line),
 * searching `lines` from newest to oldest; lines equal to `skip` other than `from`'s own are passed over.
 */
export function findBackward(lines: readonly string[], query: string, from: { index: number; offset: number }, skip?: string): { index: number; offset: number } | null {
  for (let i = Math.min(from.index, lines.length - 1); i >= 0; i--) {
    const line = lines[i] as string;
    if (i !== from.index && skip !== undefined && line === skip) continue;
    const start = i === from.index ? from.offset : line.length;
    if (start < 0) continue;
    const pos = line.lastIndexOf(query, start);
    if (pos >= 0) return { index: i, offset: pos };
  }
  return null;
}

/** Where a search starts: the line being edited, at the cursor. */
export function searchStart(search: SearchState, historyLength: number): { index: number; offset: number } {
  return { index: historyLength, offset: search.original.cursor };
}
