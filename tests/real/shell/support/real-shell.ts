/**
 * The real side of the shell differential tests: runs each case in a fresh interactive
 * bash 5.2 or zsh 5.9 (what a reader at a terminal talks to), fed the case's lines on
 * stdin, in a copy of the simulator's filesystem (sim-tree.ts materialise()) whose home
 * directory is put back as it was before each case (cases write only there). Every case of
 * a batch runs from ONE spawned driver (two lanes of cases side by side, each with its own
 * copy of the tree), so a test file costs one process start from Node however many cases
 * it holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../../../src/simulator/shell/parse';
import { requireTool, runTool } from '../../support/tools';
import { END_LINE, materialise, type ShellRun } from './sim-tree';

/** Which real shell a case runs in, and the simulator host that imitates it. */
export type RealShell = 'bash' | 'zsh';

/** The simulator host whose login shell is `shell` in the starter lab. */
export const HOST_OF: Record<RealShell, string> = { bash: 'pve', zsh: 'truenas' };

// Debian 12 root's PATH (/etc/profile), as the simulator's variables.ts has it.
const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * `ls` decides between columns and one name per line with isatty(1). The real shells here
 * write into a file, so this function stands in for the terminal: when fd 1 is the case's
 * own output file (the "screen") it adds -C, which GNU ls lays out with COLUMNS=80 exactly
 * as on an 80-column terminal, and --quoting-style=shell-escape, the style ls.c picks for a
 * terminal; in a pipe or a redirection it is plain `ls`. A later -1 or -l still wins over
 * the added -C, as in ls.c.
 */
const PREAMBLE = 'ls() { if [ /dev/stdout -ef "$HLAB_SCREEN" ]; then command ls -C --quoting-style=shell-escape "$@"; else command ls "$@"; fi; }';

function shellCommand(shell: RealShell): string {
  // A login shell, as root gets over SSH or on the console (`exit` says `logout`);
  // --noediting: no readline echo of the input; zsh +o promptcr +o promptsp: no prompt padding.
  return shell === 'bash'
    ? `${requireTool('bash')} --login --norc --noprofile --noediting -i`
    : `${requireTool('zsh')} --login -f +o promptcr +o promptsp -i`;
}

/**
 * The only normalisation of real output, for what a terminal session has and a shell fed
 * from a file cannot: interactive bash without a terminal first says it cannot set up job
 * control, and after some pipelines that it cannot give the terminal its settings back
 * (`bash: [PID: 1 (255)] tcsetattr: ...`, at random). (Both sides end with a typed `exit`,
 * see sim-tree.ts END_LINE, so the end of the input never makes bash print `logout` itself.)
 */
export function dropInteractiveNoise(shell: RealShell, stderr: string): string {
  if (shell !== 'bash') return stderr;
  return stderr
    .replace(/^bash: cannot set terminal process group \([0-9-]+\): Inappropriate ioctl for device\nbash: no job control in this shell\n/, '')
    .replace(/^bash: \[[0-9]+: [0-9]+ \([0-9]+\)\] tcsetattr: Inappropriate ioctl for device\n/gm, '');
}

/**
 * A last line that is not finished (an open quote, a trailing `|` or `&&`) makes a real
 * shell ask for more; the simulator reads each line on its own, as if the reader then
 * pressed Ctrl-D. So such a case gets no END_LINE on the real side: the end of input is
 * that Ctrl-D, after which bash prints `logout` just as the simulator's END_LINE does.
 */
function endsIncomplete(shell: RealShell, lines: string[]): boolean {
  const parsed = parse(lines[lines.length - 1] ?? '', shell);
  return !parsed.ok && (parsed.error.code === 'unterminated' || parsed.error.code === 'unexpected-eof' || parsed.error.code === 'bad-pattern');
}

/** Options of a batch. */
export interface BatchOptions {
  /** A command prefix the shell runs under, already shell-quoted (e.g. `ip netns exec NS`). */
  wrap?: string;
  /** More environment for the shell (`NAME=value`), after the fixed one (e.g. TZ, LD_PRELOAD). */
  env?: string[];
  /** Runs the batch where its trees are mounted noatime (reading a file leaves its atime as materialised). */
  noatime?: boolean;
}

/**
 * Lines after which the home is put back as it was: a redirection or a command that changes
 * files (cases change files only in the home).
 */
const WRITES = /[>]|\b(?:mkdir|rmdir|touch|rm|cp|mv|chmod|chown|chgrp|ln|dd|truncate)\b/;


/** Cases run in this many lanes at once, each in its own copy of the tree (the machines have 2 cores). */
const LANES = 2;

/** Runs each case (a list of lines) in a fresh real shell; results are in the same order. */
export function runRealBatch(shell: RealShell, cases: string[][], options: BatchOptions = {}): ShellRun[] {
  const top = mkdtempSync(join(tmpdir(), `hlab-real-${shell}-`));
  try {
    const first = join(top, 'lane0', 'tree');
    materialise(HOST_OF[shell], first);
    const pristine = join(top, 'home');
    // The copies are made by the driver, inside the noatime mount when asked for, so that
    // reading the first tree does not move its access times.
    const setup: string[] = ['set -e', `cp -a '${join(first, 'root')}' '${pristine}'`];
    const command = shellCommand(shell);
    const lanes: string[] = [];
    for (let lane = 0; lane < LANES; lane++) {
      const tree = join(top, `lane${lane}`, 'tree');
      if (lane > 0) setup.push(`mkdir '${join(top, `lane${lane}`)}'`, `cp -a '${first}' '${tree}'`);
      const home = join(tree, 'root');
      const script: string[] = ['set -u'];
      let dirty = false;
      cases.forEach((lines, i) => {
        if (i % LANES !== lane) return;
        // The home is put back only after a case that may have changed files in it.
        if (dirty) script.push(`rm -rf '${home}' && cp -a '${pristine}' '${home}'`);
        dirty = lines.some((l) => WRITES.test(l));
        writeFileSync(join(top, `in.${i}`), [PREAMBLE, ...lines, ...(endsIncomplete(shell, lines) ? [] : [END_LINE])].join('\n') + '\n');
        // HISTFILE empty: bash keeps no ~/.bash_history that a later case would list.
        const env = [`HOME=${home}`, `PATH=${ROOT_PATH}`, 'LANG=C.UTF-8', 'COLUMNS=80', 'PS1=', 'PS2=', 'HISTFILE=', `HLAB_SCREEN=${top}/out.${i}`, ...(options.env ?? [])];
        script.push(
          `(cd '${home}' && exec ${options.wrap ?? ''} env -i ${env.map((e) => `'${e}'`).join(' ')} ${command} <'${top}/in.${i}' >'${top}/out.${i}' 2>'${top}/err.${i}'); echo $? >'${top}/rc.${i}'`,
        );
      });
      // Files, not `bash -c`: a long batch would pass the kernel's limit for one argument (E2BIG).
      writeFileSync(join(top, `lane${lane}.sh`), script.join('\n') + '\n');
      lanes.push(join(top, `lane${lane}.sh`));
    }
    const driverScript = [...setup, `${lanes.map((l, k) => `bash '${l}' & p${k}=$!`).join('; ')}; ${lanes.map((_, k) => `wait $p${k} || exit 1`).join('; ')}`];
    writeFileSync(join(top, 'driver.sh'), driverScript.join('\n') + '\n');
    // noatime: a private mount namespace where the whole batch directory is a noatime bind mount.
    const driver = options.noatime
      ? runTool(requireTool('unshare'), ['-m', 'sh', '-c', 'mount --bind "$0" "$0" && mount -o remount,bind,noatime "$0" "$0" && exec bash "$0/driver.sh"', top])
      : runTool(requireTool('bash'), [join(top, 'driver.sh')]);
    if (driver.status !== 0) throw new Error(`driver failed (status ${driver.status}): ${driver.stderr}`);
    return cases.map((_, i) => ({
      stdout: readFileSync(join(top, `out.${i}`), 'utf8'),
      stderr: dropInteractiveNoise(shell, readFileSync(join(top, `err.${i}`), 'utf8')),
      status: Number(readFileSync(join(top, `rc.${i}`), 'utf8').trim()),
    }));
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
}
