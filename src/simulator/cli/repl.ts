/**
 * The interactive `hlab sh`: node:readline with the simulator's prompt, in-memory history
 * and tab completion from completions(). Ctrl-C abandons the line being typed (as bash
 * does, printing ^C; recorded as an interrupt event); Ctrl-D or `exit` on the first host ends it.
 */
import { createInterface } from 'node:readline';
import { completions, promptFor, type Session } from '../shell';

// What ncurses `clear` writes for TERM=xterm: home, erase display, erase scrollback.
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/**
 * Reads lines from `input` into the session until it ends; resolves to the last exit status.
 * `afterEvent` runs after each recorded event (`--record` saves the log there, so a killed REPL loses nothing).
 */
export function startRepl(session: Session, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, terminal: boolean, afterEvent?: () => void): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const rl = createInterface({
      input,
      output,
      terminal,
      historySize: 500,
      completer: (line: string): [string[], string] => {
        const c = completions(session.state, line, line.length);
        return [c.candidates, line.slice(c.from, c.to)];
      },
    });
    const prompt = (): void => {
      rl.setPrompt(promptFor(session.state));
      rl.prompt();
    };
    rl.on('line', (line) => {
      const result = session.run(line);
      afterEvent?.();
      if (result.clear && terminal) output.write(CLEAR_SCREEN);
      for (const chunk of result.chunks) {
        // Without a terminal both streams go to the same output, in order.
        (chunk.fd === 2 && terminal ? process.stderr : output).write(chunk.text);
      }
      status = result.exitCode;
      if (session.state.shell.exited) rl.close();
      else prompt();
    });
    rl.on('SIGINT', () => {
      output.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      status = session.act({ type: 'interrupt' }).exitCode;
      afterEvent?.();
      prompt();
    });
    rl.on('close', () => {
      if (!session.state.shell.exited && terminal) output.write('\n');
      resolve(status);
    });
    prompt();
  });
}
