/**
 * The simulator side of the shell differential tests: boots the starter lab on a host,
 * adds a few text files for the commands to chew on, runs lines through `runLine`, and
 * copies the host's whole virtual filesystem into a real directory so the real tools read
 * byte-for-byte the same files under the same relative paths.
 */
import { chmodSync, lchownSync, lutimesSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLab, type Lab } from '../../../../src/simulator/model';
import { createSimulator, runLine, type SimState } from '../../../../src/simulator/shell';
import { resolvePath } from '../../../../src/simulator/shell/path';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';

const starterPath = fileURLToPath(new URL('../../../../src/content/labs/starter.yaml', import.meta.url));
const parsed = parseLab(readFileSync(starterPath, 'utf8'), { filename: starterPath });
if (!parsed.ok) throw new Error(`starter lab is invalid: ${JSON.stringify(parsed.errors)}`);
/** The starter lab (pve runs bash, truenas runs zsh). */
export const starterLab: Lab = parsed.lab;

/**
 * Files put in root's home on both sides. Chosen to exercise the edges of the filters:
 * a last line without a newline, an empty file, tabs and runs of blanks, repeated words,
 * upper and lower case, a dotfile, more than ten lines.
 */
export const HOME_FILES: Record<string, string> = {
  'fruits.txt': 'apple\nBanana\ncherry pie\n\ndate\tfig\napple  apple\ngrape\nkiwi\nlemon\nmango\nnectarine\norange\n',
  'notes.txt': 'pool tank is online\nThe Pool is degraded\nzpool status -v\nscrub repaired 0B\nerrors: No known data errors',
  'empty.txt': '',
  'numbers.txt': Array.from({ length: 15 }, (_, i) => `${i + 1}\n`).join(''),
  '.hidden': 'secret\n',
};

/** A fresh simulator on `host` (the lab's name: `pve` or `truenas`) with HOME_FILES in /root. */
export function bootSim(host: string): SimState {
  const state = createSimulator(structuredClone(starterLab), { host });
  const vfs = sessionVfs(state);
  for (const [name, text] of Object.entries(HOME_FILES)) {
    const w = vfs.write(`/root/${name}`, text, false);
    if (!w.ok) throw new Error(`cannot write /root/${name}: ${w.errno}`);
  }
  return state;
}

/** What a run printed and its final status, for either side. */
export interface ShellRun {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * The line both sides end with, as a reader ends a session: the real shell then leaves
 * through its `exit` builtin (not the end of its input), and its status is the last line's.
 */
export const END_LINE = 'exit';

/** Runs lines one after another in a fresh simulator, as a reader types them, then END_LINE. */
export function runSim(host: string, lines: string[]): ShellRun {
  const state = bootSim(host);
  const run: ShellRun = { stdout: '', stderr: '', status: 0 };
  for (const line of [...lines, END_LINE]) {
    if (state.shell.exited) break; // an `exit` among the lines ended the session
    const r = runLine(state, line);
    run.stdout += r.stdout;
    run.stderr += r.stderr;
    run.status = r.exitCode;
  }
  return run;
}

/** Trees the copy leaves empty: kernel filesystems whose files are computed per process or are devices. */
const NOT_COPIED = new Set(['/proc', '/sys', '/dev', '/run']);

/**
 * Writes every directory, file and symbolic link the simulator shows on `host` under `dir`
 * (so `/etc/passwd` becomes `dir/etc/passwd`), except below /proc, /sys, /dev and /run,
 * with the simulator's metadata: mode (chmod), owner and group (lchown) and access and
 * modification times (lutimes, after a directory's children so that creating them does not
 * move its mtime), so `ls -l` and `stat` read the same values on both sides. What a real
 * tree cannot carry is left to the tests: ctime (the kernel sets it), birth time, inode
 * and device numbers, a symbolic link's mode (always 0777 on Linux), sizes of directories
 * of computed filesystems (pmxcfs, procfs show 0; ext4 at least 4096).
 */
export function materialise(host: string, dir: string): void {
  const state = bootSim(host);
  const vfs = sessionVfs(state);
  const apply = (path: string): void => {
    const st = vfs.stat(path, false);
    if (!st.ok) throw new Error(`cannot stat ${path}: ${st.errno}`);
    const real = join(dir, path);
    lchownSync(real, st.value.uid, st.value.gid);
    if (st.value.type !== 'symlink') chmodSync(real, st.value.mode);
    lutimesSync(real, st.value.atime / 1000, st.value.mtime / 1000);
  };
  const walk = (path: string): void => {
    const listed = vfs.list(path);
    if (!listed.ok) throw new Error(`cannot list ${path}: ${listed.errno}`);
    mkdirSync(join(dir, path), { recursive: true });
    if (!NOT_COPIED.has(path)) {
      for (const name of listed.names) {
        const child = resolvePath(path, name);
        const st = vfs.stat(child, false);
        if (!st.ok) throw new Error(`cannot stat ${child}: ${st.errno}`);
        if (st.value.type === 'symlink') {
          symlinkSync(st.value.target ?? '', join(dir, child));
          apply(child);
        } else if (st.value.type === 'dir') walk(child);
        else {
          const read = vfs.read(child);
          if (!read.ok) throw new Error(`cannot read ${child}: ${read.errno}`);
          writeFileSync(join(dir, child), read.text);
          apply(child);
        }
      }
    }
    apply(path);
  };
  walk('/');
}
