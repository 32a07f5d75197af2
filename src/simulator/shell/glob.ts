/**
 * Pathname expansion (POSIX §2.13 "Pattern Matching Notation"): `*`, `?` and `[...]`
 * matched one path component at a time against directory listings of the virtual
 * filesystem. A leading `.` must be matched explicitly (§2.13.3). Results are sorted in
 * byte order, as bash does under LC_ALL=C.
 */
import { resolvePath } from './path';

/** True when `pattern` has an unescaped `*`, `?` or `[` (backslash escapes one character). */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** Removes the backslashes that protect characters in a pattern. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Compiles one path component of a pattern to an anchored RegExp. */
export function componentToRegExp(component: string): RegExp {
  let src = '';
  for (let i = 0; i < component.length; i++) {
    const ch = component[i] as string;
    if (ch === '\\' && i + 1 < component.length) {
      src += escapeRegExp(component[++i] as string);
    } else if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else if (ch === '[') {
      const close = findBracketEnd(component, i);
      if (close < 0) {
        src += '\\[';
        continue;
      }
      let body = component.slice(i + 1, close);
      let negate = false;
      // POSIX uses `!` to negate a bracket expression; bash also accepts `^`.
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const cls = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]').replace(/\[/g, '\\[');
      src += `[${negate ? '^' : ''}${cls}]`;
      i = close;
    } else src += escapeRegExp(ch);
  }
  return new RegExp(`^${src}$`, 's');
}

function findBracketEnd(s: string, open: number): number {
  let j = open + 1;
  if (s[j] === '!' || s[j] === '^') j++;
  if (s[j] === ']') j++; // a `]` first in the set is literal
  for (; j < s.length; j++) if (s[j] === ']') return j;
  return -1;
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch;
}

/**
 * Expands `pattern` (relative to `cwd` unless absolute) against `listDir`, which returns a
 * directory's entry names or null when the path is not a directory. Returns the matching
 * paths written the way the pattern was (relative stays relative), sorted; empty if none.
 */
export function expandGlob(pattern: string, cwd: string, listDir: (dir: string) => string[] | null): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  if (absolute) components.shift();
  let matches: string[] = [absolute ? '/' : ''];
  for (let idx = 0; idx < components.length; idx++) {
    const component = components[idx] as string;
    const last = idx === components.length - 1;
    const next: string[] = [];
    for (const prefix of matches) {
      const dirPath = resolvePath(cwd, prefix === '' ? '.' : prefix);
      if (!hasGlobChars(component)) {
        const name = unescapePattern(component);
        const entries = listDir(dirPath);
        if (entries === null) continue;
        if (last ? entries.includes(name) || name === '.' || name === '..' : true) next.push(join(prefix, name));
        continue;
      }
      const entries = listDir(dirPath);
      if (!entries) continue;
      const re = componentToRegExp(component);
      const dotOk = unescapePattern(component).startsWith('.');
      for (const entry of entries) {
        if (entry.startsWith('.') && !dotOk) continue;
        if (re.test(entry)) next.push(join(prefix, entry));
      }
    }
    matches = next;
    if (matches.length === 0) return [];
  }
  return matches.filter((m) => m !== '' && m !== '/').sort(byteOrder);
}

function join(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`;
}

/** Byte-order comparison (LC_ALL=C collation) used by glob results and `ls`. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
