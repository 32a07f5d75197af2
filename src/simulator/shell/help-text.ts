/**
 * `--help` text generated from a CommandSpec, laid out like the tool it imitates: coreutils'
 * `Usage:` block with two-column options, or bash's builtin help (`cd: cd [dir]` and an
 * indented body, as `help cd` prints). The last line says what is simulated.
 */
import type { CommandSpec, OptionSpec } from './command-spec';

/** The full `--help` output of a command. */
export function renderHelp(spec: CommandSpec): string {
  return spec.arguments === 'builtin' || spec.shellBuiltin ? builtinHelp(spec) : gnuHelp(spec);
}

function optionLabel(o: OptionSpec): string {
  const long = o.long ? `--${o.long}${o.value ? (o.optionalValue ? `[=${o.value}]` : `=${o.value}`) : ''}` : '';
  if (o.short && long) return `-${o.short}, ${long}`;
  if (o.short) return `-${o.short}${o.value ? ` ${o.value}` : ''}`;
  return `    ${long}`;
}

function gnuHelp(spec: CommandSpec): string {
  // The description carries its own blank line when the real --help has one before the options.
  const lines = [`Usage: ${spec.usage}`, ...spec.description.split('\n')];
  const options = [...spec.options, { key: 'help', long: 'help', help: 'display this help and exit' }];
  for (const o of options) {
    const label = `  ${optionLabel(o)}`;
    // coreutils aligns option help at column 24 (e.g. `wc --help`), spilling past long labels.
    lines.push(label.length < 24 ? label.padEnd(24) + o.help : `${label}  ${o.help}`);
  }
  lines.push('', footer(spec));
  return lines.join('\n') + '\n';
}

function builtinHelp(spec: CommandSpec): string {
  // builtins/help.def show_longdoc(): every body line, empty ones too, is indented by four spaces.
  const lines = [`${spec.name}: ${spec.usage}`, ...spec.description.split('\n').map((l) => `    ${l}`)];
  if (spec.options.length > 0) {
    lines.push('    ', '    Options:');
    for (const o of spec.options) lines.push(`      -${o.short ?? ''}\t${o.help}`);
  }
  lines.push('', footer(spec));
  return lines.join('\n') + '\n';
}

function footer(spec: CommandSpec): string {
  const simplified = spec.simplified ? ` Simplified: ${spec.simplified}` : '';
  return `Simulated by hlab: imitates ${spec.imitates}.${simplified}`;
}
