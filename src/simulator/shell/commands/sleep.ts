/**
 * `sleep NUMBER[SUFFIX]...`: waits for the sum of the durations — here by moving the
 * virtual clock (ShellControl.spend), so `sleep 5; date` shows five more seconds and the
 * session log replays the same. NUMBER is a C floating-point number (cl_strtod: decimal or
 * hexadecimal, with an exponent, `inf`), SUFFIX one of s m h d.
 */
// @sim sleep | GNU coreutils 9.7 sleep(1), sleep.c: NUMBER[smhd] summed, "invalid time interval" per bad operand then the usage hint, missing operand
import type { Command } from '../command-spec';
import { quoteLocale } from '../line-count';

/** The longest wait the simulator performs: more is taken as the reader giving up with Ctrl-C at once. */
const MAX_SLEEP_S = 100 * 365 * 86400;

/**
 * strtod() in the C locale: leading blanks, a sign, then a decimal number with an optional
 * exponent, a hexadecimal one (`0x1.8p1`), `inf`/`infinity` or `nan`. Returns the value
 * and how many characters it used (0: no number).
 */
export function strtod(text: string): { value: number; end: number } {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(0[xX])((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?[0-9]+))?|((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?))/i.exec(text);
  if (!m) return { value: 0, end: 0 };
  const sign = m[1] === '-' ? -1 : 1;
  let value: number;
  if (m[2]) {
    const [whole, frac = ''] = (m[3] as string).split('.');
    value = parseInt(whole || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0);
    value *= 2 ** Number(m[4] ?? 0);
  } else if (m[5]) {
    value = Number(m[5]);
  } else if (m[6]) value = Infinity;
  else value = NaN;
  return { value: sign * value, end: m[0].length };
}

const MULTIPLIER: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** The `sleep` command. */
export const sleep: Command = {
  spec: {
    name: 'sleep',
    summary: 'delay for a specified amount of time',
    usage: 'sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION',
    description:
      "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values.\n",
    options: [],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 sleep',
    simplified: 'the wait moves the virtual clock at once instead of taking real time; a wait of more than 100 years (sleep infinity) ends at once with status 130, as if interrupted with Ctrl-C',
  },
  run(ctx, _argv, opts) {
    if (opts.operands.length === 0) return { stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 };
    let seconds = 0;
    let stderr = '';
    for (const arg of opts.operands) {
      const { value, end } = strtod(arg);
      const rest = arg.slice(end);
      const multiplier = rest.length <= 1 ? MULTIPLIER[rest] : undefined;
      // sleep.c: a number, not negative, then at most one suffix character from s m h d.
      if (end === 0 || !(value >= 0) || multiplier === undefined) {
        stderr += `sleep: invalid time interval ${quoteLocale(arg)}\n`;
        continue;
      }
      seconds += value * multiplier;
    }
    if (stderr !== '') return { stdout: '', stderr: `${stderr}Try 'sleep --help' for more information.\n`, exitCode: 1 };
    if (seconds > MAX_SLEEP_S) return { stdout: '', stderr: '', exitCode: 130 };
    ctx.shell.spend(seconds * 1000);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
