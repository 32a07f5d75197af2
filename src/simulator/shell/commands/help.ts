/**
 * `help [COMMAND]`: lists the simulated commands with what each imitates, or shows one
 * command's help. (bash's own `help` lists bash builtins; here it lists the simulator's.)
 */
// @sim help | bash 5.2 builtin help, listing the simulator's commands instead of bash builtins
import { fail, ok, type Command } from '../command-spec';
import { renderHelp } from '../help-text';

/** The `help` command. */
export const help: Command = {
  spec: {
    name: 'help',
    summary: 'list the simulated commands, or show help for one',
    usage: 'help [command]',
    description: 'Display information about the simulated commands.\n\nWith COMMAND, show its help (the same as COMMAND --help).',
    options: [],
    arguments: 'builtin',
    usageStatus: 2,
    imitates: 'bash 5.2 builtin help',
  },
  complete: ({ args, commands }) => (args.length === 0 ? [...commands.keys()] : null),
  run(ctx, _argv, opts) {
    const topic = opts.operands[0];
    if (topic !== undefined) {
      const command = ctx.commands.get(topic);
      // bash help.def: "no help topics match `%s'.  Try `help help' or `man -k %s' or `info %s'."
      if (!command) return fail(`bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.`);
      return ok(renderHelp(command.spec));
    }
    const specs = [...ctx.commands.values()].map((c) => c.spec).sort((a, b) => (a.name < b.name ? -1 : 1));
    const width = Math.max(...specs.map((s) => s.name.length)) + 2;
    const lines = [
      'These commands are simulated on this host. Type `help NAME` or `NAME --help` for details.',
      '',
      ...specs.map((s) => `  ${s.name.padEnd(width)}${s.summary}  [${s.imitates}]`),
      '',
      'Other commands answer "command not found". Outputs follow the real tools named in [brackets].',
    ];
    return ok(lines.join('\n') + '\n');
  },
};
