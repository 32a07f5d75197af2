/**
 * `pwd`: prints the working directory. There are no symlinks in the simulator, so -L and -P agree.
 */
// @sim pwd | bash 5.2 builtin pwd: -L -P (identical without symlinks)
import { ok, type Command } from '../command-spec';

/** The `pwd` command. */
export const pwd: Command = {
  spec: {
    name: 'pwd',
    summary: 'print the working directory',
    usage: 'pwd [-LP]',
    description: 'Print the name of the current working directory.',
    options: [
      { key: 'logical', short: 'L', help: 'print the value of $PWD if it names the current working directory' },
      { key: 'physical', short: 'P', help: 'print the physical directory, without any symbolic links' },
    ],
    arguments: 'builtin',
    usageStatus: 2,
    imitates: 'bash 5.2 builtin pwd',
  },
  run: (ctx) => ok(`${ctx.cwd}\n`),
};
