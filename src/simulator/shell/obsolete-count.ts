/**
 * The obsolete count syntax of head and tail (`head -5`, `tail +3`, `tail -2c`), read the
 * way coreutils 9.1 reads it before getopt runs, and turned into the modern options. A
 * digit met later as an option letter is an error in both tools, worded differently.
 * Checked against the real head and tail (tests/real/shell/property.test.ts).
 */
import type { ArgsRewrite as ObsoleteParse } from './command-spec';

// head.c: b, k and m multiply a byte count (obsolete form only).
const HEAD_MULTIPLIER: Record<string, number> = { b: 512, k: 1024, m: 1048576 };

/**
 * head.c main(): `-NUM[bkm][clqv]...` as the first argument. Letters: c (bytes), b/k/m
 * (bytes times 512/1024/1048576), l (lines), q/v (headers); anything else is
 * "invalid trailing option -- X" with usage(EXIT_FAILURE).
 */
export function headObsolete(argv: string[]): ObsoleteParse {
  const first = argv[0];
  let rest = argv;
  let lead: string[] = [];
  if (first !== undefined && /^-[0-9]/.test(first)) {
    const digits = (/^-([0-9]+)/.exec(first) as RegExpExecArray)[1] as string;
    let bytes = false;
    let multiplier = 1;
    const headers: string[] = [];
    for (const ch of first.slice(1 + digits.length)) {
      if (ch === 'c') [bytes, multiplier] = [true, 1];
      else if (ch in HEAD_MULTIPLIER) [bytes, multiplier] = [true, HEAD_MULTIPLIER[ch] as number];
      else if (ch === 'l') bytes = false;
      else if (ch === 'q' || ch === 'v') headers.push(`-${ch}`);
      else return headError(ch);
    }
    lead = [bytes ? '-c' : '-n', String(Number(digits) * multiplier), ...headers];
    rest = argv.slice(1);
  }
  // getopt: a digit as an option letter anywhere else.
  const digit = digitOption(rest, ['-n', '-c', '--lines', '--bytes']);
  if (digit !== null) return headError(digit);
  return { ok: true, argv: [...lead, ...rest] };
}

function headError(ch: string): ObsoleteParse {
  return { ok: false, result: { stdout: '', stderr: `head: invalid trailing option -- ${ch}\nTry 'head --help' for more information.\n`, exitCode: 1 } };
}

/**
 * tail.c parse_obsolete_option(): `[-+][NUM][b|c|l][f]` as the only option, with at most
 * one file after it. `+` counts from the start; b is 512-byte blocks, c bytes, l lines.
 * When it does not apply, `+...` is an ordinary file name and a digit option is
 * "option used in invalid context -- D" (no usage line).
 */
export function tailObsolete(argv: string[]): ObsoleteParse {
  const first = argv[0];
  const second = argv[1];
  const shapeOk = argv.length === 1 || (argv.length === 2 && !(second !== undefined && second.startsWith('-') && second.length > 1));
  const m = first !== undefined && shapeOk ? /^([-+])([0-9]*)([bcl]?)(f?)$/.exec(first) : null;
  // "-" alone is standard input and "-c" wants a value: neither is the obsolete form.
  if (m && !(m[1] === '-' && (first === '-' || first === '-c'))) {
    const [, sign, digits, unit, follow] = m as unknown as [string, string, string, string, string];
    const bytes = unit === 'b' || unit === 'c';
    let count = digits === '' ? 10 : Number(digits);
    if (unit === 'b') count *= 512;
    const value = sign === '+' ? `+${count}` : String(count);
    return { ok: true, argv: [bytes ? '-c' : '-n', value, ...(follow ? ['-f'] : []), ...argv.slice(1)] };
  }
  const digit = digitOption(argv, ['-n', '-c', '--lines', '--bytes', '-s', '--sleep-interval', '--pid', '--max-unchanged-stats']);
  if (digit !== null) return { ok: false, result: { stdout: '', stderr: `tail: option used in invalid context -- ${digit}\n`, exitCode: 1 } };
  return { ok: true, argv };
}

/** The first digit used as a short option letter (skipping option values), or null. */
function digitOption(argv: string[], takesValue: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return null;
    if (takesValue.includes(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith('-') || arg.startsWith('--') || arg.length < 2) continue;
    const letters = arg.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const ch = letters[j] as string;
      if (/[0-9]/.test(ch)) return ch;
      // A letter that takes a value swallows the rest of the word (`-n5`), or the next word.
      if (ch === 'n' || ch === 'c' || ch === 's') {
        if (j === letters.length - 1) i++;
        break;
      }
    }
  }
  return null;
}
