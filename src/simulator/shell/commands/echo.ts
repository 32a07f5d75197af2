/**
 * `echo [-neE] [ARG]...`: prints its arguments separated by spaces. bash's builtin reads
 * only leading words made of n, e, E flags (anything else, `--help` included, is printed);
 * zsh's echo interprets backslash escapes unless -E is given.
 */
// @sim echo | bash 5.2 builtins/echo.def (-n -e -E, xpg_echo off) and zsh 5.9 echo (escapes on by default)
import { ok, type Command } from '../command-spec';

/** The `echo` command. */
export const echo: Command = {
  spec: {
    name: 'echo',
    summary: 'print arguments',
    usage: 'echo [-neE] [arg ...]',
    // bash 5.2 `help echo`, first paragraphs and options.
    description: 'Write arguments to the standard output.\n\nDisplay the ARGs, separated by a single space character and followed by a\nnewline, on the standard output.\n\nOptions:\n  -n\tdo not append a newline\n  -e\tenable interpretation of the following backslash escapes\n  -E\texplicitly suppress interpretation of backslash escapes',
    options: [],
    arguments: 'raw',
    shellBuiltin: true,
    usageStatus: 2,
    imitates: 'bash 5.2 builtin echo (zsh 5.9 echo on TrueNAS)',
  },
  run(ctx, argv) {
    let newline = true;
    let escapes = ctx.flavor === 'zsh';
    let i = 0;
    for (; i < argv.length; i++) {
      const arg = argv[i] as string;
      // echo.def: an option word is '-' followed only by n, e and E.
      if (!/^-[neE]+$/.test(arg)) break;
      for (const ch of arg.slice(1)) {
        if (ch === 'n') newline = false;
        else if (ch === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = argv.slice(i).join(' ');
    if (escapes) {
      const decoded = decodeEscapes(text);
      text = decoded.text;
      if (decoded.stop) return ok(text);
    }
    return ok(newline ? text + '\n' : text);
  },
};

/** bash echo -e escapes (builtins/common.c ansicstr with the echo flag): `\c` stops all output. */
export function decodeEscapes(text: string): { text: string; stop: boolean } {
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const e = text[i + 1] as string;
    if (e === 'c') return { text: out, stop: true };
    const mapped = simple[e];
    if (mapped !== undefined) {
      out += mapped;
      i++;
      continue;
    }
    const oct = /^0([0-7]{0,3})/.exec(text.slice(i + 1));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[1] || '0', 8) & 0xff);
      i += oct[0].length;
      continue;
    }
    const hex = /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(i + 1));
    if (hex?.[1]) {
      out += String.fromCharCode(parseInt(hex[1], 16));
      i += hex[0].length;
      continue;
    }
    const uni = /^(u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8})/.exec(text.slice(i + 1));
    if (uni) {
      const cp = parseInt(uni[0].slice(1), 16);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      i += uni[0].length;
      continue;
    }
    out += ch;
  }
  return { text: out, stop: false };
}
