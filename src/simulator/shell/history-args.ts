/**
 * The words of a history line as readline's M-. (yank-last-arg) sees them, after GNU
 * history's history_tokenize (lib/readline/histexpand.c, history_tokenize_internal and
 * history_tokenize_word): blanks separate words; quoted text ('…', "…", `…`), backslash
 * escapes and `$(…)`-style groups stay inside a word; the shell's operators are words of
 * their own (`;`, `&&`, `||`, `>>`, `2>`, `>&2`, `&>`, `>|`, `<<-` …); and a word that
 * starts with `#` (bash's history_comment_char) ends the line.
 */

const DELIMITERS = ' \t\n;&()|<>'; // HISTORY_WORD_DELIMITERS
const QUOTES = '"\'`'; // HISTORY_QUOTE_CHARACTERS
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** history_tokenize_word: the end of the word that starts at `start`. */
function wordEnd(s: string, start: number): number {
  let i = start;
  let delimiter = '';
  let open = '';
  let nest = 0;
  const c = s[i] as string;
  if ('()\n'.includes(c)) return i + 1;
  let operator = true;
  if (isDigit(c)) {
    let j = i;
    while (isDigit(s[j])) j++;
    if (j >= s.length) return j;
    i = j;
    operator = s[j] === '<' || s[j] === '>'; // a file descriptor number, else part of a word
  }
  if (operator && '<>;&|'.includes(s[i] as string)) {
    const here = s[i] as string;
    const peek = s[i + 1];
    if (peek === here) {
      if (peek === '<' && (s[i + 2] === '-' || s[i + 2] === '<')) i++;
      return i + 2;
    }
    if (peek === '&' && (here === '>' || here === '<')) {
      let j = i + 2;
      while (isDigit(s[j])) j++;
      return s[j] === '-' ? j + 1 : j;
    }
    if ((peek === '>' && here === '&') || (peek === '|' && here === '>')) return i + 2;
    if (peek !== '(' || (here !== '>' && here !== '<')) return i + 1;
    i += 2; // process substitution <(…) >(…)
    open = '(';
    delimiter = ')';
    nest = 1;
  }
  if (delimiter === '' && QUOTES.includes(s[i] as string)) delimiter = s[i++] as string;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && delimiter !== "'") {
      i++;
      continue;
    }
    if (nest > 0 && ch === open) {
      nest++;
      continue;
    }
    if (nest > 0 && ch === delimiter) {
      if (--nest === 0) delimiter = '';
      continue;
    }
    if (delimiter !== '' && ch === delimiter) {
      delimiter = '';
      continue;
    }
    if (nest === 0 && delimiter === '' && '<>$!@?+*'.includes(ch) && s[i + 1] === '(') {
      i += 2; // and the loop's own step: histexpand.c skips the character after "(" too
      open = '(';
      delimiter = ')';
      nest = 1;
      continue;
    }
    if (delimiter === '' && DELIMITERS.includes(ch)) break;
    if (delimiter === '' && QUOTES.includes(ch)) delimiter = ch;
  }
  return Math.min(i, s.length);
}

/** The words of `line`, in order (history_tokenize). */
export function historyWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && ' \t\n'.includes(line[i] as string)) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    i = wordEnd(line, start);
    if (i === start) {
      i++;
      while (i < line.length && DELIMITERS.includes(line[i] as string)) i++;
    }
    words.push(line.slice(start, i));
  }
  return words;
}

/** The last word of `line` (history_arg_extract('$', '$', line)), or null when it has none. */
export function lastWord(line: string): string | null {
  const words = historyWords(line);
  return words.length > 0 ? (words[words.length - 1] as string) : null;
}
