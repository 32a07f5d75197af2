/**
 * Redirections: where each file descriptor of a command goes (the terminal's stdout or
 * stderr, the pipe, a file, nowhere), opening them left to right as POSIX §2.7 says, the
 * files a pipeline creates before its commands run, and the messages bash and zsh give
 * when a target cannot be opened.
 */
import { expandToString, expandWords, formatExpansionIssue, type ExpansionContext } from './expand';
import type { Pipeline, Redirect } from './parse';
import { resolvePath } from './path';
import type { ShellFlavor } from './shell-flavor';
import { STRERROR, type Errno, type Vfs } from './vfs';

/** Where a file descriptor's output goes; `terminal` remembers which of the terminal's streams (`2>&1` sends stderr to its fd 1). */
export type Sink = { kind: 'terminal'; fd: 1 | 2 } | { kind: 'pipe' } | { kind: 'file'; path: string } | { kind: 'null' };

/**
 * The commands of a real pipeline start together, and each opens its own redirections
 * before the slower ones get going: in `ls | wc > f`, f exists by the time ls reads the
 * directory. The simulator runs them one after another, so it creates (or empties, for
 * `>`) every output file of the pipeline first, as that usual outcome has it. A command
 * still expands its own words before it opens its own files, so the files it alone
 * created are returned, per command, for its globs not to see. Targets that fail to
 * expand or open are left for the command itself to report.
 */
export function createPipelineOutputs(pipeline: Pipeline, vfs: Vfs, cwd: string, expansion: ExpansionContext): Set<string>[] {
  return pipeline.commands.map((cmd) => {
    const own = new Set<string>();
    for (const r of cmd.redirects) {
      if (!['>', '>>', '&>', '&>>', '>&'].includes(r.op)) continue;
      const fields = expandWords([r.target], expansion);
      if (!fields.ok || fields.fields.length !== 1) continue;
      const target = fields.fields[0] as string;
      if (r.op === '>&' && (/^[0-9]+$/.test(target) || target === '-')) continue;
      const path = resolvePath(cwd, target);
      if (path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr') continue;
      const existed = vfs.kind(path) !== null;
      if (vfs.write(path, '', r.op === '>>' || r.op === '&>>').ok && !existed) own.add(path);
    }
    return own;
  });
}

/** A redirection applied; `stdin` is new input, `fromFile` when it is a file opened with `<` (not a here-string, which bash 5.2 feeds through a pipe). */
export type Opened = { ok: true; stdin?: string; fromFile?: boolean } | { ok: false; message: string };

/** Applies one redirection to `fds` (opening, creating or emptying its file), or says why it cannot. */
export function openRedirect(r: Redirect, fds: Record<number, Sink>, vfs: Vfs, cwd: string, expansion: ExpansionContext, flavor: ShellFlavor): Opened {
  if (r.op === '<<<') {
    const text = expandToString(r.target, expansion);
    return text.ok ? { ok: true, stdin: text.text + '\n' } : { ok: false, message: formatExpansionIssue(text.error, flavor) };
  }
  const fields = expandWords([r.target], expansion);
  if (!fields.ok) return { ok: false, message: formatExpansionIssue(fields.error, flavor) };
  // bash redir.c: a target that expands to zero or several words is "ambiguous redirect".
  if (fields.fields.length !== 1) return { ok: false, message: flavor === 'zsh' ? 'zsh: ambiguous redirect' : `bash: ${r.target.raw}: ambiguous redirect` };
  const target = fields.fields[0] as string;

  if (r.op === '>&') {
    if (/^[0-9]+$/.test(target)) {
      const from = fds[Number(target)];
      // bash redir.c: duplicating a closed or unknown descriptor is "Bad file descriptor".
      if (!from) return { ok: false, message: flavor === 'zsh' ? `zsh: ${target}: bad file descriptor` : `bash: ${target}: Bad file descriptor` };
      fds[r.fd] = from;
      return { ok: true };
    }
    if (target === '-') {
      fds[r.fd] = { kind: 'null' };
      return { ok: true };
    }
  }
  const path = resolvePath(cwd, target);
  if (r.op === '<') {
    if (path === '/dev/stdin') return { ok: true };
    const read = vfs.read(path);
    return read.ok ? { ok: true, stdin: read.text, fromFile: true } : { ok: false, message: redirectError(target, read.errno, flavor) };
  }
  const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === 1);
  let sink: Sink;
  if (path === '/dev/null') sink = { kind: 'null' };
  else if (path === '/dev/stdout') sink = fds[1] ?? { kind: 'terminal', fd: 1 };
  else if (path === '/dev/stderr') sink = fds[2] ?? { kind: 'terminal', fd: 2 };
  else {
    const append = r.op === '>>' || r.op === '&>>';
    // Opening with O_TRUNC empties the file before the command runs (so `cat f > f` loses f).
    const w = vfs.write(path, '', append);
    if (!w.ok) return { ok: false, message: redirectError(target, w.errno, flavor) };
    sink = { kind: 'file', path };
  }
  if (both) {
    fds[1] = sink;
    fds[2] = sink;
  } else fds[r.fd] = sink;
  return { ok: true };
}

/** bash: `bash: FILE: Read-only file system`; zsh: `zsh: read-only file system: FILE` (zsh's %e lower-cases strerror). */
export function redirectError(target: string, errno: Errno, flavor: ShellFlavor): string {
  const text = STRERROR[errno];
  return flavor === 'zsh' ? `zsh: ${text.charAt(0).toLowerCase()}${text.slice(1)}: ${target}` : `bash: ${target}: ${text}`;
}
