/**
 * Loading a lab file for the CLI: one clear line for a file that cannot be read (exit 2,
 * a usage problem) and every validation error as `FILE:LINE:COL: path: message (fix)`
 * (exit 1, an invalid lab). `hlab sh` without a LAB boots the starter lab, found relative
 * to this package rather than the working directory.
 */
import { fileURLToPath } from 'node:url';
import { formatIssue, MAX_LAB_BYTES, parseLab, type Lab } from '../model';
import type { CliIO } from './cli-io';

/** A loaded lab, or the text to print and the exit status. */
export type LoadedLab = { ok: true; lab: Lab } | { ok: false; message: string; status: number };

/** src/content/labs/starter.yaml, resolved from this file's location. */
export const STARTER_LAB = fileURLToPath(new URL('../../content/labs/starter.yaml', import.meta.url));

// strerror() wording for the errors readFile and writeFile can meet.
const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
};

/** strerror() text for an errno name from CliIO (the name itself when unknown). */
export function fileErrorReason(code: string): string {
  return REASONS[code] ?? code;
}

/** Reads and validates a lab file. */
export function loadLab(io: CliIO, path: string): LoadedLab {
  const read = io.readFile(path, MAX_LAB_BYTES);
  if (!read.ok) {
    if (read.code === 'EFBIG') {
      // Same words as the model's own size check (model/lab-text.ts), without reading the file.
      const mb = ((read.size ?? 0) / (1024 * 1024)).toFixed(1);
      const issue = { path: '', message: `lab file is ${mb} MB; the limit is 5 MB`, fix: 'a lab file is a few kilobytes of YAML: check that this is the right file' };
      return { ok: false, message: formatIssue(issue, { filename: path }) + '\n', status: 1 };
    }
    return { ok: false, message: `hlab: cannot read lab file ${JSON.stringify(path)}: ${fileErrorReason(read.code)}\n`, status: 2 };
  }
  const parsed = parseLab(read.text, { filename: path });
  if (!parsed.ok) return { ok: false, message: parsed.errors.map((e) => formatIssue(e, { filename: path }) + '\n').join(''), status: 1 };
  return { ok: true, lab: parsed.lab };
}
