/**
 * The characters and words of the line being edited, as readline moves over them: code
 * points with their combining marks (MB_FIND_NONZERO in readline's mbutil.c), words of
 * letters and digits for M-b/M-f/M-d (rl_backward_word, rl_forward_word), and
 * whitespace-delimited words for C-w (rl_unix_word_rubout).
 */

/** A combining mark or joiner: it goes with the character before it. */
export const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200d\ufe00-\ufe0f]$/u;
const codeAt = (line: string, i: number): string => String.fromCodePoint(line.codePointAt(i) as number);

/** The index after the character at `i` (and its combining marks). */
export function nextIndex(line: string, i: number): number {
  if (i >= line.length) return line.length;
  let j = i + codeAt(line, i).length;
  while (j < line.length && ZERO_WIDTH.test(codeAt(line, j))) j += codeAt(line, j).length;
  return j;
}

/** The index of the character before `i` (with its combining marks). */
export function prevIndex(line: string, i: number): number {
  let j = i;
  const stepBack = (): void => {
    j -= j >= 2 && /[\udc00-\udfff]/.test(line[j - 1] as string) && /[\ud800-\udbff]/.test(line[j - 2] as string) ? 2 : 1;
  };
  if (j <= 0) return 0;
  stepBack();
  while (j > 0 && ZERO_WIDTH.test(codeAt(line, j))) stepBack();
  return j;
}

/** The character just before `i`. */
const before = (line: string, i: number): string => (i <= 0 ? '' : line.slice(prevIndex(line, i), i));
/** A word character for readline's word commands (rl_alphabetic: letters and digits). */
export const isWord = (ch: string): boolean => /^[\p{L}\p{N}]/u.test(ch); // rl_alphabetic: isalnum
const isSpace = (ch: string): boolean => /^\s/.test(ch);

/** rl_forward_word: past any non-word characters, then past the word. */
export function wordEnd(line: string, i: number): number {
  while (i < line.length && !isWord(line.slice(i, nextIndex(line, i)))) i = nextIndex(line, i);
  while (i < line.length && isWord(line.slice(i, nextIndex(line, i)))) i = nextIndex(line, i);
  return i;
}

/** rl_backward_word: back over non-word characters, then to the start of the word. */
export function wordStart(line: string, i: number): number {
  while (i > 0 && !isWord(before(line, i))) i = prevIndex(line, i);
  while (i > 0 && isWord(before(line, i))) i = prevIndex(line, i);
  return i;
}

/** rl_unix_word_rubout: back over whitespace, then over everything that is not. */
export function unixWordStart(line: string, i: number): number {
  while (i > 0 && isSpace(before(line, i))) i = prevIndex(line, i);
  while (i > 0 && !isSpace(before(line, i))) i = prevIndex(line, i);
  return i;
}
