/**
 * gnulib quotearg.c (quotearg_buffer_restyled) as GNU coreutils uses it: how a file name is
 * quoted in messages and listings. `quoteaf` (shell-escape-always: `'a b'`, `'a'$'\n''b'`,
 * `"it's"`), `quotef` (shell-escape with `:` quoted too: plain when harmless), `quote`
 * (locale style: ‘name’ with C escapes, what a UTF-8 locale's gettext_quote gives) and
 * the styles `ls` picks (literal into a pipe, shell-escape on a terminal).
 */

/** Quoting styles of gnulib quotearg.h that the simulated tools use. */
export type QuotingStyle = 'literal' | 'shell' | 'shell-always' | 'shell-escape' | 'shell-escape-always' | 'c' | 'c-maybe' | 'escape' | 'locale';

// quotearg.c: characters that never need quoting in any style.
const SAFE = /^[%+,\-./0-9:A-Z\]_a-z]$/;
// quotearg.c: shell special characters (quoted in shell styles).
const SHELL_SPECIAL = new Set(['!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '[', '^', '`', '|']);
const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v' };
const C_AND_SHELL_ESCAPES: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't' };

/** c32isprint for the simulator: control characters (C0, DEL, C1) are not printable. */
function printable(cp: number): boolean {
  return !(cp < 0x20 || (cp >= 0x7f && cp < 0xa0));
}

function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

class ForceOuter extends Error {}

/** One pass of quotearg_buffer_restyled; throws ForceOuter where the C code jumps to force_outer_quoting_style. */
function restyled(arg: string, style: QuotingStyle, elide: boolean, quoteThese: ReadonlySet<string> | null): string {
  let out = '';
  let quoteString = '';
  let backslash = false;
  let st: QuotingStyle = style;
  let encounteredSingleQuote = false;
  let allCompat = true;
  switch (style) {
    case 'c-maybe':
      st = 'c';
      elide = true;
      backslash = true;
      quoteString = '"';
      break;
    case 'c':
      if (!elide) out += '"';
      backslash = true;
      quoteString = '"';
      break;
    case 'escape':
      backslash = true;
      elide = false;
      break;
    case 'locale':
      // gettext_quote() in a UTF-8 locale without a translation: U+2018 and U+2019.
      if (!elide) out += '\u2018';
      backslash = true;
      quoteString = '\u2019';
      break;
    case 'shell-escape':
      backslash = true;
      elide = true;
      st = 'shell-always';
      break;
    case 'shell':
      elide = true;
      st = 'shell-always';
      break;
    case 'shell-escape-always':
      if (!elide) backslash = true;
      st = 'shell-always';
      break;
    case 'shell-always':
      break;
    case 'literal':
      elide = false;
      break;
  }
  if (st === 'shell-always') {
    if (!elide) out += "'";
    quoteString = "'";
  }
  const shellAlways = st === 'shell-always';
  let pendingEnd = false;
  const chars = [...arg];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i] as string;
    let escaping = false;
    let compat = false;
    let isRightQuote = false;
    const startEsc = (): void => {
      if (elide) throw new ForceOuter();
      escaping = true;
      if (shellAlways && !pendingEnd) {
        out += "'$'";
        pendingEnd = true;
      }
      out += '\\';
    };
    const endEsc = (): void => {
      if (pendingEnd && !escaping) {
        out += "''";
        pendingEnd = false;
      }
    };
    if (backslash && !shellAlways && quoteString !== '' && chars.slice(i).join('').startsWith(quoteString)) {
      if (elide) throw new ForceOuter();
      isRightQuote = true;
    }
    let action: 'plain' | 'escape' | 'store' = 'plain';
    const cp = c.codePointAt(0) as number;
    if (c === '?') {
      if (shellAlways && elide) throw new ForceOuter();
    } else if (C_ESCAPES[c] !== undefined || C_AND_SHELL_ESCAPES[c] !== undefined || c === '\\') {
      if (c === '\\') {
        if (shellAlways) {
          if (elide) throw new ForceOuter();
          action = 'store';
        } else if (backslash && elide && quoteString !== '') action = 'store';
      }
      if (action !== 'store') {
        if ((C_AND_SHELL_ESCAPES[c] !== undefined || c === '\\') && shellAlways && elide) throw new ForceOuter();
        if (backslash) {
          c = c === '\\' ? '\\' : ((C_ESCAPES[c] ?? C_AND_SHELL_ESCAPES[c]) as string);
          action = 'escape';
        }
      }
    } else if (c === "'") {
      encounteredSingleQuote = true;
      compat = true;
      if (shellAlways) {
        if (elide) throw new ForceOuter();
        out += "'\\'";
        pendingEnd = false;
      }
    } else if (SAFE.test(c)) {
      compat = true;
    } else if (c === ' ' || SHELL_SPECIAL.has(c) || ((c === '#' || c === '~') && i === 0) || ((c === '{' || c === '}') && chars.length === 1)) {
      if (c === ' ' || c === '#' || c === '~' || c === '{' || c === '}') compat = true;
      if (shellAlways && elide) throw new ForceOuter();
    } else if (c === '#' || c === '~' || c === '{' || c === '}') {
      // special only at the start (or alone): plain here
    } else {
      // A multibyte character, or an unprintable byte: escaped in octal, byte by byte, in styles with backslash escapes.
      const isPrint = printable(cp);
      compat = isPrint;
      if (cp >= 0x80 || (backslash && !isPrint)) {
        if (backslash && !isPrint) {
          const bytes = utf8(cp);
          bytes.forEach((b, k) => {
            startEsc();
            out += String((b >> 6) & 7) + String((b >> 3) & 7);
            if (k < bytes.length - 1) out += String(b & 7);
            else c = String(b & 7);
          });
        } else if (isRightQuote) {
          out += '\\';
          isRightQuote = false;
        }
        action = 'store';
      }
    }
    if (action === 'plain') {
      const quoteThis = ((backslash && !shellAlways) || elide) && quoteThese !== null && quoteThese.has(c);
      if (quoteThis || isRightQuote) action = 'escape';
    }
    if (action === 'escape') startEsc();
    endEsc();
    out += c;
    if (!compat) allCompat = false;
  }
  if (out === '' && shellAlways && elide) throw new ForceOuter();
  // A name holding ' and nothing a C string would escape differently is put in double quotes.
  if (shellAlways && !elide && encounteredSingleQuote && allCompat) return restyled(arg, 'c', false, quoteThese);
  if (quoteString !== '' && !elide) out += quoteString;
  return out;
}

/** quotearg_buffer with a style (and characters to quote as well, `quote_these_too`). */
export function quotearg(arg: string, style: QuotingStyle, quoteThese: ReadonlySet<string> | null = null): string {
  const elide = false;
  try {
    return restyled(arg, style, elide, quoteThese);
  } catch (e) {
    if (!(e instanceof ForceOuter)) throw e;
    // force_outer_quoting_style: the shell styles fall back to their always-quoting form.
    const outer: QuotingStyle = style === 'shell-escape' ? 'shell-escape-always' : style === 'shell' ? 'shell-always' : style === 'c-maybe' ? 'c' : style;
    return restyled(arg, outer, false, null);
  }
}

const COLON = new Set([':']);

/** coreutils quoteaf(): shell-escape-always, as in `rm: cannot remove 'a b'`. */
export function quoteaf(name: string): string {
  return quotearg(name, 'shell-escape-always');
}

/** coreutils quotef(): shell-escape with `:` quoted, plain when nothing needs quoting. */
export function quotef(name: string): string {
  return quotearg(name, 'shell-escape', COLON);
}

/** gnulib quote(): locale quoting, ‘name’ in a UTF-8 locale (`chown: invalid user: ‘bob’`). */
export function quote(name: string): string {
  return quotearg(name, 'locale');
}

/** True when `style` changes the name (ls.c needs_quoting). */
export function needsQuoting(name: string, style: QuotingStyle, quoteThese: ReadonlySet<string> | null = null): boolean {
  return quotearg(name, style, quoteThese) !== name;
}
