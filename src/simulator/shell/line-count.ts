/**
 * Shared by head and tail: reading a line or byte count (`5`, `-5`, `+5`, with coreutils'
 * multiplier suffixes) and splitting text into newline-terminated pieces.
 */

/** A parsed count: `sign` is `-` (all but the last N), `+` (from the Nth) or none. */
export interface LineCount {
  n: number;
  sign: '' | '-' | '+';
}

// coreutils xdectoumax with "bkKmMGTPEZY" suffixes (head.c/tail.c string_to_integer).
const SUFFIX: Record<string, number> = { b: 512, k: 1024, K: 1024, KB: 1000, KiB: 1024, M: 1 << 20, MB: 1e6, MiB: 1 << 20, G: 1 << 30, GB: 1e9, GiB: 1 << 30 };

/** Parses a count like `10`, `-3`, `+2`, `1K`; null when invalid. */
export function parseCount(text: string): LineCount | null {
  const m = /^([-+]?)([0-9]+)([A-Za-z]*)$/.exec(text.trim());
  if (!m) return null;
  const mult = m[3] ? SUFFIX[m[3]] : 1;
  if (mult === undefined) return null;
  return { n: Number(m[2]) * mult, sign: m[1] as LineCount['sign'] };
}

/** Splits text into lines that keep their `\n` (the last may lack one). */
export function linesWithEndings(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

/** coreutils quote() in a UTF-8 locale: ‘text’ (gnulib quotearg.c locale_quoting_style). */
export function quoteLocale(text: string): string {
  return `\u2018${text}\u2019`;
}

/** Rewrites the obsolete first-argument forms `-N` (and tail's `+N`) into `-n N`, as head.c/tail.c accept. */
export function rewriteObsoleteCount(argv: string[], allowPlus: boolean): string[] {
  const first = argv[0];
  if (first !== undefined && (/^-[0-9]+$/.test(first) || (allowPlus && /^\+[0-9]+$/.test(first)))) {
    return ['-n', first.startsWith('+') ? first : first.slice(1), ...argv.slice(1)];
  }
  return argv;
}
