/**
 * What the CLI needs from the outside world, behind one interface so tests can call main()
 * in-process with strings instead of spawning Node (and so no command reaches `process`
 * directly except through nodeIO()).
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A file read, or why not (an errno name). */
export type FileRead = { ok: true; text: string } | { ok: false; code: string; size?: number };

/** A file written, or why not (an errno name). */
export type FileWrite = { ok: true } | { ok: false; code: string };

/** Input and output for one run of `hlab`. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a text file, refusing files larger than `maxBytes` (code `EFBIG` with the size). */
  readFile(path: string, maxBytes: number): FileRead;
  /** Writes (creates or replaces) a text file, with permission bits `mode` when given; absent where nothing may be written. */
  writeFile?(path: string, text: string, mode?: number): FileWrite;
  /** Lists a directory's entries (`ENOENT` when it does not exist, `ENOTDIR` when it is not a directory). */
  listDir?(path: string): { ok: true; names: string[] } | { ok: false; code: string };
  /** Creates a directory and any missing parents (`mkdir -p`). */
  makeDir?(path: string): FileWrite;
  /** True when standard input is a terminal (then `hlab sh` starts a REPL). */
  stdinIsTTY: boolean;
  /** Reads all of a piped standard input, up to `maxBytes` (null when larger). */
  readStdin?(maxBytes: number): Promise<string | null>;
  /** Standard input and output streams for the REPL. */
  stdin?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The real process's IO. */
export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile(path, maxBytes) {
      const full = resolve(process.cwd(), path);
      try {
        const st = statSync(full);
        if (st.isDirectory()) return { ok: false, code: 'EISDIR' };
        if (st.size > maxBytes) return { ok: false, code: 'EFBIG', size: st.size };
        return { ok: true, text: readFileSync(full, 'utf8') };
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    writeFile(path, text, mode) {
      try {
        const full = resolve(process.cwd(), path);
        writeFileSync(full, text, 'utf8');
        // writeFileSync's mode applies only to a new file; chmod covers a replaced one.
        if (mode !== undefined) chmodSync(full, mode);
        return { ok: true };
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    listDir(path) {
      try {
        return { ok: true, names: readdirSync(resolve(process.cwd(), path)) };
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    makeDir(path) {
      try {
        mkdirSync(resolve(process.cwd(), path), { recursive: true });
        return { ok: true };
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    stdinIsTTY: process.stdin.isTTY === true,
    async readStdin(maxBytes) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buf.length;
        if (size > maxBytes) return null;
        chunks.push(buf);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    stdin: process.stdin,
    output: process.stdout,
  };
}
