/** An in-memory CliIO for calling main() in-process. */
import { main } from '../../../src/simulator/cli/main';
import { nodeIO, type CliIO } from '../../../src/simulator/cli/cli-io';

/** What a run printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hlab ...args` with in-memory output; `files` are virtual files (else the real disk):
 * files hlab writes (`--record`) land in `files` when it is given, `stdin` is piped input.
 */
export async function hlab(args: string[], opts: { files?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile(path, maxBytes) {
      const files = opts.files ?? {};
      if (Object.hasOwn(files, path)) {
        const text = files[path] as string;
        return Buffer.byteLength(text) > maxBytes ? { ok: false, code: 'EFBIG', size: Buffer.byteLength(text) } : { ok: true, text };
      }
      return nodeIO().readFile(path, maxBytes); // the real disk, read as `hlab` reads it
    },
    writeFile(path, text) {
      if (!opts.files) return nodeIO().writeFile?.(path, text) ?? { ok: false, code: 'EROFS' };
      opts.files[path] = text;
      return { ok: true };
    },
    stdinIsTTY: false,
    readStdin: async () => opts.stdin ?? '',
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}
