/**
 * Argument parsing for `zfs` and `zpool` subcommands: getopt(3) as glibc does it (options
 * may follow operands, bundled short flags, `--` ends options), with the messages
 * zfs_main.c / zpool_main.c print: "invalid option 'x'" and "missing argument for 'x' option".
 */

/** Parsed short options and operands. */
export interface ZfsArgs {
  flags: Record<string, string[]>;
  operands: string[];
}

/** Parses `argv` against a getopt string (`"Hpo:t:"`); an error is the message to print before the usage. */
export function parseZfsArgs(argv: string[], optstring: string): { ok: true; args: ZfsArgs } | { ok: false; message: string } {
  const flags: Record<string, string[]> = {};
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j] as string;
      const at = optstring.indexOf(c);
      if (at < 0 || c === ':') return { ok: false, message: `invalid option '${c}'` };
      if (optstring[at + 1] === ':') {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) return { ok: false, message: `missing argument for '${c}' option` };
        (flags[c] ??= []).push(value);
        break;
      }
      (flags[c] ??= []).push('');
    }
  }
  return { ok: true, args: { flags, operands } };
}
