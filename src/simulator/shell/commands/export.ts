/**
 * `export NAME[=VALUE]...`: sets variables on the current host. With no NAME (or -p) it
 * lists them as bash does: `declare -x NAME="VALUE"`; zsh lists `NAME=VALUE`.
 */
// @sim export | bash 5.2 builtins/setattr.def export: NAME[=VALUE], -p; "not a valid identifier" exit 1
import { ok, type Command } from '../command-spec';

/** The `export` command. */
export const exportCommand: Command = {
  spec: {
    name: 'export',
    summary: 'set shell variables for this host',
    // bash 5.2 builtins/setattr.def $SHORT_DOC for export.
    usage: 'export [-fn] [name[=value] ...] or export -p',
    description: 'Set export attribute for shell variables.\n\nMarks each NAME for automatic export to the environment of subsequently\nexecuted commands.  If VALUE is supplied, assign VALUE before exporting.',
    options: [{ key: 'print', short: 'p', help: 'display a list of all exported variables' }],
    arguments: 'builtin',
    usageStatus: 2,
    imitates: 'bash 5.2 builtin export',
    simplified: 'every variable counts as exported; -n and -f are not simulated',
  },
  run(ctx, _argv, opts) {
    if (opts.operands.length === 0) {
      const vars = ctx.shell.variables();
      const lines = Object.entries(vars).map(([k, v]) =>
        // bash print_var_value: values in double quotes with " \ $ ` escaped.
        ctx.flavor === 'zsh' ? `${k}=${/^[A-Za-z0-9_./:,+@%-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`}` : `declare -x ${k}="${v.replace(/["\\$`]/g, '\\$&')}"`,
      );
      return ok(lines.map((l) => l + '\n').join(''));
    }
    let stderr = '';
    for (const arg of opts.operands) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        // bash: "export: `1a': not a valid identifier"; zsh: "export: not an identifier: 1a"
        stderr += ctx.flavor === 'zsh' ? `export: not an identifier: ${name}\n` : `bash: export: \`${arg}': not a valid identifier\n`;
        continue;
      }
      if (eq >= 0) ctx.shell.setVar(name, arg.slice(eq + 1));
      else if (ctx.lookup(name) === undefined) ctx.shell.setVar(name, '');
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  },
};
