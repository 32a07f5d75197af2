/**
 * Output written in order. A real tool that reports a missing file between two good ones
 * writes "content, error, content", and a terminal (or `2>&1`) shows it so: coreutils'
 * and grep's error() flush stdout before writing to stderr. Commands that read several
 * files collect their output here instead of in two separate strings.
 */
import type { CommandResult } from './command-spec';

/** An output being written: stdout and stderr, and the order of the writes. */
export interface OrderedOutput {
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  /** True once anything went to stderr (most tools then exit 1). */
  readonly failed: boolean;
  /** The result, with `chunks` in the order written. */
  result(exitCode: number): CommandResult;
}

/** A new, empty ordered output. */
export function orderedOutput(): OrderedOutput {
  const chunks: { fd: 1 | 2; text: string }[] = [];
  const write = (fd: 1 | 2, text: string): void => {
    if (text === '') return;
    const last = chunks[chunks.length - 1];
    if (last && last.fd === fd) last.text += text;
    else chunks.push({ fd, text });
  };
  return {
    out: (text) => write(1, text),
    err: (text) => write(2, text),
    get failed() {
      return chunks.some((c) => c.fd === 2);
    },
    result(exitCode) {
      const join = (fd: 1 | 2): string => chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
      return { stdout: join(1), stderr: join(2), exitCode, chunks: chunks.map((c) => ({ ...c })) };
    },
  };
}
