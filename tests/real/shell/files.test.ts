import { existsSync, readdirSync } from 'node:fs';
import { describe } from 'vitest';
import { requireTool } from '../support/tools';
import { compareWithReal, type CompareOptions } from './support/differential';
import type { ShellRun } from './support/sim-tree';

// GNU coreutils 9.1 ls -l/-n, mkdir, touch, rm, cp, mv, chown, chmod and stat against the
// simulator, over a copy of its tree that carries its modes, owners and times (sim-tree.ts
// materialise()). Cases change files only in root's home, which is put back after each.
//
// The clock: the simulator's starts at 2026-01-01T00:00:00Z and each typed line adds a
// second; the real shell runs under libfaketime pinned to that start, so ls's "now" (the
// six-month rule) agrees. Files the real kernel creates still get the real time, so a case
// that shows the time of a file it made sets it first with `touch -d`, `cp -p` or `mv`.
// Both sides use TZ=UTC. The real batch runs with its trees mounted noatime (in a private
// mount namespace), as the simulator does not move atimes on reads.

/** libfaketime from the Debian package faketime (scripts/install-test-tools.sh). */
function libfaketime(): string {
  requireTool('faketime');
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', ...readdirSync('/usr/lib').map((d) => `/usr/lib/${d}`)]) {
    const lib = `${dir}/faketime/libfaketime.so.1`;
    if (existsSync(lib)) return lib;
  }
  throw new Error("libfaketime.so.1 is missing: install the Debian package 'faketime' (bash scripts/install-test-tools.sh)");
}

/**
 * What neither side can give the other, masked on both: the ctime and birth time (the
 * kernel stamps them; utimes cannot), inode and device numbers (a real ext4 file's are not
 * the simulator's), and the IO Block of stat, which ext4 and memfs agree on anyway.
 */
function maskKernelStamps(run: ShellRun): ShellRun {
  const mask = (text: string): string =>
    text
      .replace(/^Change: .*$/gm, 'Change: <ctime>')
      .replace(/^ Birth: .*$/gm, ' Birth: <btime>')
      .replace(/^Device: \S+(\s+)Inode: \d+(\s+)/gm, 'Device: <dev>$1Inode: <ino>$2');
  return { ...run, stdout: mask(run.stdout) };
}

const options: CompareOptions = {
  batch: () => ({ noatime: true, env: ['TZ=UTC', `LD_PRELOAD=${libfaketime()}`, 'FAKETIME=@2026-01-01 00:00:00'] }),
  mask: maskKernelStamps,
};

describe('ls -l', () => {
  compareWithReal(
    'bash',
    [
      'ls -l',
      'ls -la',
      'ls -lA',
      'ls -n',
      'ls -ln fruits.txt',
      'ls -l fruits.txt notes.txt empty.txt',
      'ls -lh',
      'ls -li fruits.txt | wc -l',
      'ls -ld .',
      'ls -ld ../tmp ../root ../usr',
      'ls -l ../etc/hostname ../etc/passwd ../etc/group',
      'ls -l ../etc/iscsi',
      'ls -l ../bin ../lib',
      'ls -lF ../bin',
      'ls -F ..',
      'ls -dF ../bin ../tmp',
      'ls -l ../usr',
      'ls -lt',
      'ls -lS',
      'ls -lr',
      'ls -1 | head -n 2',
      'ls -l nope',
      'ls -l nope fruits.txt',
      'ls -l fruits.txt/',
      'ls -d ../bin/',
      'ls ../bin',
      'ls -l ../bin/',
      'ls -C',
      'ls -ld ../var/tmp ../var',
    ],
    options,
  );
});
