// The terminal's input side (src/components/lab/line-input.ts) with a stand-in terminal:
// keys become lines run in order, Ctrl-C interrupts, Tab asks the worker, and input typed
// while a line runs waits its turn.
import { describe, expect, it, vi } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { LineInput, type LineInputHost } from '../../../../src/components/lab/line-input';

/** A LineInput over a fake terminal, with a host that records calls and answers after `delay` ms. */
function setup(delay = 0) {
  const written: string[] = [];
  const calls: string[] = [];
  const states: string[] = [];
  const wait = () => new Promise((resolve) => setTimeout(resolve, delay));
  const host: LineInputHost = {
    run: async (line) => {
      calls.push(`run ${line}`);
      await wait();
      return '$ ';
    },
    interrupt: async () => {
      calls.push('interrupt');
      await wait();
      return '$ ';
    },
    complete: async (line, cursor) => {
      calls.push(`complete ${line}|${cursor}`);
      await wait();
      return line === 'hostn' ? { line: 'hostname ', cursor: 9, choices: [] } : { line, cursor, choices: [] };
    },
    clearScreen: () => calls.push('clear'),
    state: (state) => states.push(state),
  };
  const term = { cols: 80, write: (data: string) => written.push(data) } as unknown as Terminal;
  const input = new LineInput(term, host);
  input.newPrompt('$ ');
  /** Waits until the input is ready again (the last state reported is `ready`, none pending). */
  const idle = () => vi.waitFor(() => expect(states[states.length - 1]).toBe('ready'), { timeout: 2000, interval: 5 });
  return { input, written, calls, states, idle };
}

describe('LineInput', () => {
  it('runs a typed line on Enter and is ready again after it', async () => {
    const { input, calls, states, idle } = setup();
    input.feed('echo hi');
    input.feed('\r');
    expect(states[states.length - 1]).toBe('busy');
    await vi.waitFor(() => expect(calls).toEqual(['run echo hi']), { timeout: 2000, interval: 5 });
    await idle();
  });

  it('runs the lines of a paste one after another, in order', async () => {
    const { input, calls, idle } = setup(10);
    input.feed('\x1b[200~echo one\recho two\r\x1b[201~');
    await vi.waitFor(() => expect(calls).toEqual(['run echo one', 'run echo two']), { timeout: 2000, interval: 5 });
    await idle();
  });

  it('keeps what is typed while a line runs for after it', async () => {
    const { input, calls, idle } = setup(20);
    input.feed('first\r');
    input.feed('second\r');
    await vi.waitFor(() => expect(calls).toEqual(['run first', 'run second']), { timeout: 2000, interval: 5 });
    await idle();
  });

  it('interrupts on Ctrl-C and shows ^C after the abandoned line', async () => {
    const { input, calls, written, idle } = setup();
    input.feed('never');
    input.feed('\x03');
    await idle();
    expect(calls).toEqual(['interrupt']);
    expect(written.join('')).toContain('never^C');
  });

  it('completes on Tab with what the worker answers', async () => {
    const { input, calls, idle } = setup();
    input.feed('hostn');
    input.feed('\t');
    await idle();
    input.feed('\r');
    await idle();
    expect(calls).toEqual(['complete hostn|5', 'run hostname ']);
  });

  it('clears the screen on Ctrl-L without running anything', async () => {
    const { input, calls, idle } = setup();
    input.feed('\x0c');
    await idle();
    expect(calls).toEqual(['clear']);
  });
});
