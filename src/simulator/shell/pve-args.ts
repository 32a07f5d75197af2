/**
 * How Proxmox's CLI tools read their arguments (pve-common PVE/RESTHandler.pm
 * cli_handler + PVE/JSONSchema.pm get_options over Getopt::Long): positional arguments in
 * order, options as `-name value`, `--name value` or `--name=value` (a boolean may stand
 * alone), `--` ends options; the errors and their usage line, all with exit status 255.
 */
// @sim pve cli arguments | pve-common 9.x JSONSchema.pm get_options / RESTHandler.pm cli_handler: Unknown option, 400 unable to parse option, 400 not enough arguments, 400 too many arguments, Parameter verification failed; exit 255
import type { CommandResult } from './command-spec';

/** Parsed arguments: positionals, options in the order given, and what follows `--`. */
export interface PveArgs {
  positional: string[];
  options: [string, string][];
  rest: string[];
}

/** The error output of a PVE CLI call with the sub-command's usage line (status 255). */
export function pveUsageError(lines: string[], usage: string): CommandResult {
  return { stdout: '', stderr: [...lines, usage].map((l) => `${l}\n`).join(''), exitCode: 255 };
}

/** A plain PVE error (a `die` in the API handler): the message and status 255. */
export function pveError(message: string): CommandResult {
  return { stdout: '', stderr: `${message}\n`, exitCode: 255 };
}

/**
 * Splits `argv`; `known(name)` says whether an option exists and `isBool(name)` whether it
 * may stand without a value. Returns the arguments or the Getopt::Long error lines.
 */
export function parsePveArgs(argv: readonly string[], known: (name: string) => boolean, isBool: (name: string) => boolean): PveArgs | { error: string[] } {
  const out: PveArgs = { positional: [], options: [], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.rest = argv.slice(i + 1);
      break;
    }
    const m = /^--?([a-zA-Z][a-zA-Z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) {
      out.positional.push(arg);
      continue;
    }
    const name = m[1] as string;
    if (!known(name)) return { error: [`Unknown option: ${name}`, '400 unable to parse option'] };
    if (m[2] !== undefined) out.options.push([name, m[2]]);
    else if (isBool(name) && (argv[i + 1] === undefined || !/^(0|1|on|off|yes|no|true|false)$/i.test(argv[i + 1] as string))) out.options.push([name, '1']);
    else if (argv[i + 1] === undefined) return { error: [`Option ${name} requires an argument`, '400 unable to parse option'] };
    else out.options.push([name, argv[++i] as string]);
  }
  return out;
}

/** pve-common verify_vmid: the error line for a VMID argument, or null when it is valid. */
export function vmidProblem(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!/^-?\d+$/.test(text)) return `vmid: type check ('integer') failed - got '${text}'`;
  if (!/^[1-9][0-9]{2,8}$/.test(text)) return 'vmid: invalid format - value does not look like a valid VM ID';
  return null;
}
