/**
 * getopt_long with a leading `+` in its option string (util-linux unshare, nsenter):
 * options stop at the first operand, so `unshare -pf ps -o pid` leaves `-o pid` to ps.
 * Rewrites the arguments with a `--` before that operand for the shared GNU parser.
 */
import type { ArgsRewrite } from './command-spec';

/** `withValue`: short letters and long names that take a separate value. */
export function stopAtFirstOperand(argv: string[], withValue: { short: string; long: string[] }): ArgsRewrite {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') return { ok: true, argv };
    if (a.startsWith('--')) {
      if (!a.includes('=') && withValue.long.includes(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      // A short option taking a value consumes the rest of the word or the next one.
      const letters = a.slice(1);
      const at = [...letters].findIndex((c) => withValue.short.includes(c));
      if (at >= 0 && at === letters.length - 1) i++;
      continue;
    }
    return { ok: true, argv: [...argv.slice(0, i), '--', ...argv.slice(i)] };
  }
  return { ok: true, argv };
}
