/**
 * A small argument reader for `hlab` subcommands: declared options with or without a value
 * (`--host NAME`, `--host=NAME`, `-c CMDS`), `--` to end options, and positional arguments.
 * Problems come back as one line of text for a usage error (exit 2).
 */

/** A declared option: its spellings and whether it takes a value. */
export interface CliOption {
  key: string;
  names: string[];
  value?: string;
}

/** Parsed arguments or a usage problem. */
export type CliArgs = { ok: true; values: Record<string, string | true>; positional: string[] } | { ok: false; message: string };

/** Reads `argv` against `options`; `command` names the subcommand in messages. */
export function readArgs(command: string, argv: string[], options: CliOption[]): CliArgs {
  const values: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const option = options.find((o) => o.names.includes(name));
    if (!option) return { ok: false, message: `${command}: unknown option ${JSON.stringify(arg.slice(0, 60))}` };
    if (option.key in values) return { ok: false, message: `${command}: ${name} given twice` };
    if (option.value === undefined) {
      if (eq >= 0) return { ok: false, message: `${command}: ${name} takes no value` };
      values[option.key] = true;
    } else if (eq >= 0) values[option.key] = arg.slice(eq + 1);
    else if (i + 1 < argv.length) values[option.key] = argv[++i] as string;
    else return { ok: false, message: `${command}: ${name} needs a value (${option.value})` };
  }
  return { ok: true, values, positional };
}
