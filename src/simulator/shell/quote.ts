/**
 * Quoting arguments so the shell reads them back unchanged: the inverse of tokenize + expand
 * for plain arguments. Used to build `ssh HOST CMD` lines and in tests (round trip property).
 */

// Characters that never need quoting in any position (as Python's shlex.quote allows).
const SAFE = /^[A-Za-z0-9_@%+:,./-]+$/;

/** Quotes one argument for the shell: unchanged when safe, otherwise in single quotes. */
export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  // POSIX §2.2.2: nothing is special inside '...'; a literal ' is written as '\''.
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Quotes and joins arguments into one command line. */
export function quoteArgs(args: readonly string[]): string {
  return args.map(quoteArg).join(' ');
}
