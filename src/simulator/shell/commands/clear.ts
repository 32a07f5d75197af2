/**
 * `clear`: asks the terminal to clear its screen (the result's `clear` flag; the terminal
 * does it, so no escape sequence is written into the output).
 */
// @sim clear | ncurses 6.4 clear(1): clears the screen and scrollback (-x keeps scrollback: ignored)
import type { Command } from '../command-spec';

/** The `clear` command. */
export const clear: Command = {
  spec: {
    name: 'clear',
    summary: 'clear the terminal screen',
    usage: 'clear [-x]',
    description: 'Clear the screen.\n',
    options: [{ key: 'keep', short: 'x', help: 'do not try to clear scrollback' }],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'ncurses 6.4 clear',
  },
  run: () => ({ stdout: '', stderr: '', exitCode: 0, clear: true }),
};
