/**
 * Drawing the line being edited, as ANSI text for xterm.js: the prompt and the line laid out
 * over rows of `cols` cells, redrawn in place. Like readline's display (display.c), control
 * characters show in caret notation (`^C`, DEL as `^?`), East Asian wide characters take two
 * cells (a wide character that does not fit the last cell starts the next row), combining
 * marks take none, and a line that ends exactly at the right margin is followed by a wrap so
 * the cursor is where the next character goes. Redrawing goes back to the row the previous
 * draw left the cursor on (`CSI n A`), clears to the end of the screen (`CSI J`), writes
 * the prompt and the line, and moves the cursor to its place.
 */
import { displayPrompt } from './history-search';
import type { EditorState } from './line-editor';

/** C1 controls as `cat -v` shows them (`M-^[`): they would otherwise be CSI or OSC to xterm. */
function caret(code: number): string {
  if (code === 0x7f) return '^?';
  if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
  return `M-^${String.fromCharCode(code - 0x80 + 64)}`;
}

/** Cells a code point takes: 0 for combining marks and zero-width format characters, 2 for wide ones, else 1 (wcwidth). */
export function cellWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return caret(code).length;
  if (code === 0x200b || (code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** The text to write for one code point: itself, or its caret notation for a control character. */
function shown(ch: string): string {
  const code = ch.codePointAt(0) as number;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) ? caret(code) : ch;
}

/** Where text lands: the row and column after each code point, by UTF-16 index. */
interface Layout {
  /** What to write (controls in caret notation). */
  text: string;
  /** Row and column where the character at a UTF-16 index of the line starts (the end included). */
  at: (index: number) => { row: number; col: number };
  /** Where the cursor is after writing `text` (with the margin wrap applied). */
  end: { row: number; col: number };
  /** The text ends exactly at the right margin: write a wrap after it. */
  wrap: boolean;
}

function layout(prompt: string, line: string, cols: number): Layout {
  const width = Math.max(1, Math.floor(cols) || 80);
  let row = 0;
  let col = 0;
  let text = '';
  const starts = new Map<number, { row: number; col: number }>();
  const cell = (ch: string, w: number): { row: number; col: number } => {
    if (w > 0 && col + w > width) {
      row++;
      col = 0;
    }
    const start = { row, col };
    text += ch;
    col += w;
    return start;
  };
  // A control character's caret notation is two ordinary characters: they may part at the margin.
  const place = (ch: string): { row: number; col: number } => {
    const code = ch.codePointAt(0) as number;
    const parts = shown(ch);
    if (parts === ch) return cell(ch, cellWidth(code));
    const [first, ...rest] = [...parts];
    const start = cell(first as string, 1);
    for (const part of rest) cell(part, 1);
    return start;
  };
  for (const ch of prompt) place(ch);
  let index = 0;
  for (const ch of line) {
    starts.set(index, place(ch));
    index += ch.length;
  }
  const wrap = col >= width;
  const end = wrap ? { row: row + 1, col: 0 } : { row, col };
  // A cursor on a combining mark is drawn where the next character starts (the mark belongs to the one before).
  const at = (i: number): { row: number; col: number } => {
    let j = i;
    while (j < line.length && cellWidth(line.codePointAt(j) as number) === 0) j += String.fromCodePoint(line.codePointAt(j) as number).length;
    return j >= line.length ? end : (starts.get(j) ?? end);
  };
  return { text, end, wrap, at };
}

/** The row (from the prompt's first row) where a draw of `state` after `prompt` leaves the cursor. */
export function cursorRow(prompt: string, state: EditorState, cols: number): number {
  return layout(displayPrompt(prompt, state), state.line, cols).at(state.cursor).row;
}

/** Back to the first column of the row where the previous draw started. */
function rewind(prompt: string, previous: EditorState | null | undefined, cols: number): string {
  const up = previous ? cursorRow(prompt, previous, cols) : 0;
  return `\r${up > 0 ? `\x1b[${up}A` : ''}`;
}

/**
 * The ANSI text that draws the prompt and `state`'s line (or the reverse-i-search prompt and
 * its match) over the previous draw of `previous` (null when the cursor is at the start of a
 * fresh row), leaving the cursor at `state.cursor`.
 */
export function renderLine(prompt: string, state: EditorState, cols: number, previous?: EditorState | null): string {
  const l = layout(displayPrompt(prompt, state), state.line, cols);
  const cursor = l.at(state.cursor);
  let out = `${rewind(prompt, previous, cols)}\x1b[J${l.text}${l.wrap ? ' \r\x1b[K' : ''}`;
  const up = l.end.row - cursor.row;
  if (up > 0) out += `\x1b[${up}A`;
  if (up > 0 || cursor.col !== l.end.col) out += `\r${cursor.col > 0 ? `\x1b[${cursor.col}C` : ''}`;
  return out;
}

/** Rubs out the prompt and line drawn for `previous` after `prompt`, leaving the cursor at the start of its first row (before a boot, undo or redo redraws the screen). */
export function eraseLine(prompt: string, previous: EditorState | null | undefined, cols: number): string {
  return `${rewind(prompt, previous, cols)}\x1b[J`;
}

/**
 * The last draw of a line that is done (Enter, Ctrl-C): the prompt and `line` (the submitted
 * text, or the abandoned one followed by `^C`) over the previous draw, then a new row, where
 * the command's output starts.
 */
export function renderFinal(prompt: string, previous: EditorState | null | undefined, line: string, cols: number): string {
  // At the right margin xterm holds the cursor on the last cell: CR LF still starts the next row.
  return `${rewind(prompt, previous, cols)}\x1b[J${layout(prompt, line, cols).text}\r\n`;
}

/**
 * Completion choices in columns, as readline lists them (complete.c rl_display_match_list):
 * each column as wide as the longest choice plus two, as many columns as fit (one fewer when
 * they would fill the row exactly), filled top to bottom; one row of text per line, ending
 * with CR LF. (readline asks "Display all N possibilities?" from 100 choices on; this lists them.)
 */
export function formatChoices(choices: readonly string[], cols: number): string {
  if (choices.length === 0) return '';
  const widthOf = (s: string): number => [...s].reduce((n, ch) => n + cellWidth(ch.codePointAt(0) as number), 0);
  const max = Math.max(...choices.map(widthOf)) + 2;
  const width = Math.max(1, Math.floor(cols) || 80);
  let perRow = Math.floor(width / max);
  if (perRow !== 1 && perRow * max === width) perRow--; // complete.c: a row that would touch the margin takes one column less
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(choices.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const choice = choices[c * rows + r];
      if (choice === undefined) break;
      const last = c === perRow - 1 || (c + 1) * rows + r >= choices.length;
      line += [...choice].map(shown).join('') + (last ? '' : ' '.repeat(max - widthOf(choice)));
    }
    out += `${line}\r\n`;
  }
  return out;
}

/** A double Tab: the line once more, the choices under it, then the prompt and line drawn again below them (readline's display after rl_display_match_list). */
export function renderList(prompt: string, state: EditorState, cols: number, choices: readonly string[]): string {
  return renderFinal(prompt, state, state.line, cols) + formatChoices(choices, cols) + renderLine(prompt, state, cols, null);
}
