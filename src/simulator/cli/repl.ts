/**
 * The interactive `hlab sh`: node:readline with the simulator's prompt, in-memory history
 * and tab completion from completions(). Ctrl-C abandons the line being typed (as bash
 * does, printing ^C); Ctrl-D or `exit` on the first host ends it.
 */
import { createInterface } from 'node:readline';
import { completions, promptFor, runLine, type SimState } from '../shell';

// What ncurses `clear` writes for TERM=xterm: home, erase display, erase scrollback.
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** Reads lines from `input` until the session ends; resolves to the last exit status. */
export function startRepl(state: SimState, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, terminal: boolean): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const rl = createInterface({
      input,
      output,
      terminal,
      historySize: 500,
      completer: (line: string): [string[], string] => {
        const c = completions(state, line, line.length);
        return [c.candidates, line.slice(c.from, c.to)];
      },
    });
    const prompt = (): void => {
      rl.setPrompt(promptFor(state));
      rl.prompt();
    };
    rl.on('line', (line) => {
      const result = runLine(state, line);
      if (result.clear && terminal) output.write(CLEAR_SCREEN);
      for (const chunk of result.chunks) {
        // Without a terminal both streams go to the same output, in order.
        (chunk.fd === 2 && terminal ? process.stderr : output).write(chunk.text);
      }
      status = result.exitCode;
      if (state.shell.exited) rl.close();
      else prompt();
    });
    rl.on('SIGINT', () => {
      output.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      state.shell.lastStatus = 130;
      prompt();
    });
    rl.on('close', () => {
      if (!state.shell.exited && terminal) output.write('\n');
      resolve(status);
    });
    prompt();
  });
}
