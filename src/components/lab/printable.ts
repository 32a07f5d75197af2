/**
 * Output text made safe for the terminal. Pure string code (no xterm import), so the page can
 * use it before xterm.js has loaded.
 */

/**
 * Bytes of simulator output made safe to draw: newlines become CR LF, colour (SGR) escapes
 * are kept, and every other control character is shown in caret notation (`^[`, `^G`), as
 * `cat -v` does, so text from a lab file can never move the cursor, set the title or reach
 * the clipboard (OSC 52).
 */
export function printable(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (ch === '\n') {
      out += '\r\n';
    } else if (ch === '\x1b') {
      const sgr = /^\x1b\[[0-9;]*m/.exec(text.slice(i, i + 32));
      if (sgr) {
        out += sgr[0];
        i += sgr[0].length - 1;
      } else {
        out += '^[';
      }
    } else if (ch === '\t') {
      out += ch;
    } else if (code < 0x20 || code === 0x7f) {
      out += code === 0x7f ? '^?' : `^${String.fromCharCode(code + 64)}`;
    } else if (code >= 0x80 && code < 0xa0) {
      // C1 controls (CSI, OSC as single code points): shown as M-^X, as cat -v does.
      out += `M-^${String.fromCharCode(code - 0x80 + 64)}`;
    } else {
      out += ch;
    }
  }
  return out;
}
