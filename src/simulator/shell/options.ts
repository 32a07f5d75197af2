/**
 * Declarative option parsing from a CommandSpec, in two dialects:
 * GNU getopt_long as coreutils uses it (glibc 2.36 posix/getopt.c messages, coreutils
 * 9.1 `emit_try_help`), and bash 5.2's internal_getopt for builtins (builtins/bashgetopt.c,
 * `sh_invalidopt` + `builtin_usage`). zsh builtins word it as `cd: bad option: -z`.
 */
import type { CommandResult, CommandSpec, OptionSpec, ParsedOptions } from './command-spec';
import type { ShellFlavor } from './shell-flavor';

/** Parsed arguments, a request for `--help`, or a usage error ready to print. */
export type OptionParse =
  | { ok: true; help: false; opts: ParsedOptions }
  | { ok: true; help: true }
  | { ok: false; result: CommandResult };

const HELP: OptionSpec = { key: 'help', long: 'help', help: 'display this help and exit' };

/** Parses `argv` according to `spec.arguments` (`raw` gives every argument back as operands). */
export function parseOptions(spec: CommandSpec, argv: string[], flavor: ShellFlavor): OptionParse {
  if (spec.arguments === 'raw') {
    if (spec.rawHelp && argv[0] === '--help') return { ok: true, help: true };
    return { ok: true, help: false, opts: { flags: {}, all: {}, order: [], operands: [...argv] } };
  }
  const options = [...spec.options, HELP];
  const gnu = spec.arguments === 'gnu';
  const opts: ParsedOptions = { flags: {}, all: {}, order: [], operands: [] };
  const usageError = (message: string): OptionParse => ({ ok: false, result: gnu ? gnuError(spec, message) : builtinError(spec, message, flavor) });
  const set = (o: OptionSpec, value: true | string): void => {
    opts.flags[o.key] = value;
    opts.order.push(o.key);
    if (typeof value === 'string') (opts.all[o.key] ??= []).push(value);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      opts.operands.push(...argv.slice(i + 1));
      break;
    }
    // zsh 5.9 BINF_SKIPINVALID (cd): a word that is not a valid option is the first operand.
    if (!gnu && flavor === 'zsh' && spec.zshSkipsInvalidOptions && arg.startsWith('-') && arg.length > 1) {
      const valid = !arg.startsWith('--') && [...arg.slice(1)].every((ch) => options.some((x) => x.short === ch));
      if (!valid) {
        opts.operands.push(...argv.slice(i));
        break;
      }
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      // bash builtins know only an exact `--help` (CHECK_HELPOPT); GNU getopt takes any unambiguous prefix.
      const found = gnu ? findLong(options, name) : arg === '--help' ? { kind: 'exact' as const, option: HELP } : { kind: 'none' as const };
      if (found.kind === 'none') {
        // glibc: "%s: unrecognized option '%s%s'"; bash builtins/bashgetopt.c reads `--zz`
        // as the option letter '-', so it reports "--: invalid option".
        return usageError(gnu ? `${spec.name}: unrecognized option '${arg}'` : invalidBuiltin(spec, flavor === 'zsh' ? arg : '--', flavor));
      }
      if (found.kind === 'ambiguous') {
        // glibc 2.36: "%s: option '%s%s' is ambiguous; possibilities:" then " '--%s'" for each
        const list = found.matches.map((o) => ` '--${o.long}'`).join('');
        return usageError(`${spec.name}: option '${eq < 0 ? arg : arg.slice(0, eq)}' is ambiguous; possibilities:${list}`);
      }
      const o = found.option;
      if (o.key === 'help') return { ok: true, help: true };
      if (o.optionalValue) {
        // getopt optional_argument: only `--name=VALUE` gives it a value.
        set(o, eq < 0 ? true : arg.slice(eq + 1));
      } else if (o.value === undefined) {
        // glibc: "%s: option '%s%s' doesn't allow an argument" (full option name)
        if (eq >= 0) return usageError(`${spec.name}: option '--${o.long}' doesn't allow an argument`);
        set(o, true);
      } else if (eq >= 0) set(o, arg.slice(eq + 1));
      else if (i + 1 < argv.length) set(o, argv[++i] as string);
      // glibc: "%s: option '%s%s' requires an argument"
      else return usageError(`${spec.name}: option '--${o.long}' requires an argument`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j] as string;
        const o = options.find((x) => x.short === ch);
        // glibc: "%s: invalid option -- '%c'"; bash: "-%c: invalid option"
        if (!o) return usageError(gnu ? `${spec.name}: invalid option -- '${ch}'` : invalidBuiltin(spec, `-${ch}`, flavor));
        if (o.value === undefined || o.optionalValue) {
          set(o, true);
          continue;
        }
        if (j + 1 < arg.length) set(o, arg.slice(j + 1));
        else if (i + 1 < argv.length) set(o, argv[++i] as string);
        // glibc: "%s: option requires an argument -- '%c'"; bash: "-%c: option requires an argument"
        else return usageError(gnu ? `${spec.name}: option requires an argument -- '${ch}'` : builtinNeedsArg(spec, ch, flavor));
        break;
      }
      continue;
    }
    opts.operands.push(arg);
    // bash builtins stop at the first operand; GNU getopt permutes and keeps looking for options.
    if (!gnu) {
      opts.operands.push(...argv.slice(i + 1));
      break;
    }
  }
  return { ok: true, help: false, opts };
}

type LongMatch = { kind: 'none' } | { kind: 'exact'; option: OptionSpec } | { kind: 'ambiguous'; matches: OptionSpec[] };

/** getopt_long accepts any unambiguous prefix of a long option. */
function findLong(options: OptionSpec[], name: string): LongMatch | { kind: 'exact'; option: OptionSpec } {
  const exact = options.find((o) => o.long === name);
  if (exact) return { kind: 'exact', option: exact };
  const prefixed = options.filter((o) => o.long !== undefined && o.long.startsWith(name));
  const first = prefixed[0];
  if (!first || name === '') return { kind: 'none' };
  if (prefixed.length === 1) return { kind: 'exact', option: first };
  return { kind: 'ambiguous', matches: prefixed };
}

/** coreutils `usage (EXIT_FAILURE)`: the getopt message, then emit_try_help()'s line. */
function gnuError(spec: CommandSpec, message: string): CommandResult {
  if (spec.usageText !== undefined) return { stdout: spec.usageText, stderr: `${message}\n`, exitCode: spec.usageStatus };
  const usage = spec.usageLineOnError ? `Usage: ${spec.usage}\n` : '';
  return { stdout: '', stderr: `${message}\n${usage}Try '${spec.name} --help' for more information.\n`, exitCode: spec.usageStatus };
}

function invalidBuiltin(spec: CommandSpec, option: string, flavor: ShellFlavor): string {
  // zsh 5.9 Src/builtin.c execbuiltin(): "bad option: -%c"
  return flavor === 'zsh' ? `${spec.name}: bad option: ${option}` : `bash: ${spec.name}: ${option}: invalid option`;
}

function builtinNeedsArg(spec: CommandSpec, ch: string, flavor: ShellFlavor): string {
  return flavor === 'zsh' ? `${spec.name}: argument expected: -${ch}` : `bash: ${spec.name}: -${ch}: option requires an argument`;
}

/** bash builtins: the message, then `builtin_usage()`'s `NAME: usage: SYNOPSIS`, status 2; zsh: just the message, status 1. */
function builtinError(spec: CommandSpec, message: string, flavor: ShellFlavor): CommandResult {
  if (flavor === 'zsh') return { stdout: '', stderr: `${message}\n`, exitCode: 1 };
  return { stdout: '', stderr: `${message}\n${spec.name}: usage: ${spec.usage}\n`, exitCode: spec.usageStatus };
}
