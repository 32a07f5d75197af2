/**
 * Quoting values for the shell scripts the exporters write. Every value that comes from a
 * lab file goes through `shq` before it reaches a script: no lab string is ever unquoted in
 * a shell context.
 */

/** Characters that never need quoting in a bash word (POSIX portable filename set plus a few). */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quote one value as a single bash word. Safe words are left as they are (readable scripts);
 * anything else is single-quoted with `'` written as `'\''` (bash(1) QUOTING: nothing is
 * special inside single quotes). The empty string becomes `''`.
 * @example shq('tank/vm-101') // 'tank/vm-101'
 * @example shq("it's") // "'it'\\''s'"
 */
export function shq(value: string | number): string {
  const text = String(value);
  if (text !== '' && SAFE_WORD.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Quote every argument and join them with spaces: one shell command line. */
export function shellLine(...words: readonly (string | number)[]): string {
  return words.map(shq).join(' ');
}
