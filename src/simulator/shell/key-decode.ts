/**
 * `decodeKeys(data)`: what xterm.js's `onData` hands over (the bytes a terminal keyboard
 * sends) as the line editor's keys. The sequences are xterm's (ctlseqs: "PC-Style Function
 * Keys", "Bracketed Paste Mode"): CSI `ESC [` and SS3 `ESC O` cursor keys, `ESC [ 1 ; m X`
 * with a modifier (3 Alt, 5 Ctrl), `ESC [ n ~` editing keys, ESC-prefixed letters for Alt
 * (xterm's metaSendsEscape), DEL for Backspace, C0 bytes for Ctrl-letters, and a paste
 * between `ESC [ 200 ~` and `ESC [ 201 ~`. Readline's default emacs bindings
 * (readline/emacs_keymap.c) decide what Ctrl-B/F/P/N/H mean. Sequences nothing is bound to
 * (function keys, focus reports) are consumed and dropped, never inserted as text.
 */

/** Keys that carry no text. */
export type KeyName =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'backspace'
  | 'delete'
  | 'ctrl-a'
  | 'ctrl-e'
  | 'ctrl-u'
  | 'ctrl-k'
  | 'ctrl-w'
  | 'ctrl-y'
  | 'ctrl-d'
  | 'ctrl-g'
  | 'alt-b'
  | 'alt-f'
  | 'alt-d'
  | 'alt-backspace'
  | 'alt-.'
  | 'alt-u'
  | 'alt-l'
  | 'alt-c'
  | 'ctrl-t'
  | 'up'
  | 'down'
  | 'ctrl-r'
  | 'ctrl-c'
  | 'ctrl-l'
  | 'tab'
  | 'enter'
  | 'escape';

/** One key for the line editor: typed text, a paste (may hold newlines), or a named key. */
export type Key = { type: 'char'; text: string } | { type: 'paste'; text: string } | { type: KeyName };

/** C0 bytes (Ctrl + letter) → keys, after readline's emacs keymap. */
const CONTROL: Record<string, KeyName> = {
  '\x01': 'ctrl-a',
  '\x02': 'left', // C-b backward-char
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x05': 'ctrl-e',
  '\x06': 'right', // C-f forward-char
  '\x07': 'ctrl-g',
  '\x08': 'backspace', // C-h backward-delete-char
  '\x09': 'tab',
  '\x0a': 'enter', // C-j accept-line
  '\x0b': 'ctrl-k',
  '\x0c': 'ctrl-l',
  '\x0d': 'enter',
  '\x0e': 'down', // C-n next-history
  '\x10': 'up', // C-p previous-history
  '\x12': 'ctrl-r',
  '\x14': 'ctrl-t',
  '\x15': 'ctrl-u',
  '\x17': 'ctrl-w',
  '\x19': 'ctrl-y',
  '\x7f': 'backspace',
};

/** Final bytes of CSI/SS3 cursor keys. */
const CURSOR: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
/** `ESC [ n ~` keys (vt220 editing keypad, as xterm sends them). */
const TILDE: Record<string, KeyName> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' };
/** Alt + a letter (ESC then the letter): readline's meta bindings. */
const META: Record<string, KeyName> = { b: 'alt-b', f: 'alt-f', d: 'alt-d', u: 'alt-u', l: 'alt-l', c: 'alt-c', '.': 'alt-.', _: 'alt-.', '\x7f': 'alt-backspace', '\x08': 'alt-backspace' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** A CSI sequence's parameter bytes, intermediate bytes and final byte (ECMA-48 §5.4), from `at` (just after `ESC [`). */
function readCsi(data: string, at: number): { params: string; final: string; end: number } | null {
  let i = at;
  while (i < data.length && data.charCodeAt(i) >= 0x30 && data.charCodeAt(i) <= 0x3f) i++;
  const params = data.slice(at, i);
  while (i < data.length && data.charCodeAt(i) >= 0x20 && data.charCodeAt(i) <= 0x2f) i++;
  if (i >= data.length) return null;
  const final = data[i] as string;
  return { params, final, end: i + 1 };
}

/** A CSI key: cursor keys with or without a modifier, `n ~` keys; null for the unbound ones. */
function csiKey(params: string, final: string): KeyName | null {
  const [first = '', modifier = '1'] = params.split(';');
  if (final === '~') {
    if (first === '3' && (modifier === '5' || modifier === '3')) return 'alt-d'; // C-Delete / M-Delete: kill-word
    return TILDE[first] ?? null;
  }
  const key = CURSOR[final];
  if (!key) return null;
  // Ctrl or Alt with Left/Right moves by words (bash's inputrc on Debian binds "\e[1;5D" to backward-word).
  if ((modifier === '5' || modifier === '3') && (key === 'left' || key === 'right')) return key === 'left' ? 'alt-b' : 'alt-f';
  return key;
}

/**
 * xterm's `onData` string → keys in order. Runs of printable text come as one `char` key;
 * text with a line break and no bracket (a paste without bracketed paste mode) as `paste`.
 * @example decodeKeys('ls\r') // [{type:'char',text:'ls'},{type:'enter'}]
 */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  // Without bracketed paste, xterm sends a multi-line paste as text with CRs in one piece.
  if (data.length > 1 && /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[\r\n][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/.test(data) && /[^\r\n]/.test(data)) {
    return [{ type: 'paste', text: data }];
  }
  let text = '';
  const flush = (): void => {
    if (text !== '') keys.push({ type: 'char', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i] as string;
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const body = data.slice(i + PASTE_START.length, end < 0 ? data.length : end);
      if (body !== '') keys.push({ type: 'paste', text: body });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    if (ch === '\x1b') {
      flush();
      const next = data[i + 1];
      if (next === undefined) {
        keys.push({ type: 'escape' });
        i++;
      } else if (next === '[') {
        const csi = readCsi(data, i + 2);
        if (!csi) {
          i = data.length; // a cut sequence: drop it
          continue;
        }
        const key = csiKey(csi.params, csi.final);
        if (key) keys.push({ type: key });
        i = csi.end;
      } else if (next === 'O') {
        const key = CURSOR[data[i + 2] ?? ''];
        if (key) keys.push({ type: key });
        i += 3;
      } else {
        const key = META[next];
        if (key) keys.push({ type: key });
        else if (next === '\x1b') keys.push({ type: 'escape' }); // ESC ESC: the first is a lone Escape
        i += next === '\x1b' ? 1 : 2;
      }
      continue;
    }
    const control = CONTROL[ch];
    if (control) {
      flush();
      keys.push({ type: control });
      i++;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code < 0x20 || (code >= 0x80 && code < 0xa0)) {
      i++; // unbound control characters are not text
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return keys;
}
