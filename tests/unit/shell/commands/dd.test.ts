import { describe, expect, it } from 'vitest';
import { completions } from '../../../../src/simulator/shell/completions';
import { formatG, transferLine } from '../../../../src/simulator/shell/dd-stats';
import { parseDdInteger } from '../../../../src/simulator/shell/dd-operands';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';
import { boot, run } from '../sim-fixture';

/** Runs lines in one fresh simulator; returns the last result and the state. */
function session(...lines: string[]) {
  const state = boot();
  let last = run(state, lines[0] as string);
  for (const line of lines.slice(1)) last = run(state, line);
  return { state, last };
}
const dd = (...lines: string[]) => session(...lines).last;
/** The stderr without the timing part of the last line. */
const untimed = (stderr: string) => stderr.replace(/copied, .*\n/, 'copied, T');

describe('dd summary (dd.c print_stats, print_xfer_stats)', () => {
  it('prints records in and out and the transfer line with SI and IEC sizes', () => {
    const r = dd('dd if=/dev/zero of=/dev/null bs=1M count=2');
    expect(r.stderr).toBe('2+0 records in\n2+0 records out\n2097152 bytes (2.1 MB, 2.0 MiB) copied, 0.000243715 s, 8.6 GB/s\n');
    expect(r.exitCode).toBe(0);
  });

  it('leaves out prefixes that say nothing (one byte, under 1 kB, exactly 1000 bytes)', () => {
    expect(untimed(dd('dd if=/dev/zero of=/dev/null bs=1 count=1').stderr)).toBe('1+0 records in\n1+0 records out\n1 byte copied, T');
    expect(untimed(dd('dd if=/dev/zero of=/dev/null bs=999 count=1').stderr)).toContain('999 bytes copied, T');
    expect(untimed(dd('dd if=/dev/zero of=/dev/null bs=1000 count=1').stderr)).toContain('1000 bytes (1.0 kB) copied, T');
  });

  it('counts a short last block as partial, and conv=sync pads it to a full one', () => {
    expect(untimed(dd('echo hello | dd').stderr)).toBe('0+1 records in\n0+1 records out\n6 bytes copied, T');
    expect(dd('echo hello | dd').stdout).toBe('hello\n');
    expect(untimed(dd("echo abc | dd bs=3 conv=sync").stderr)).toBe('1+1 records in\n2+0 records out\n6 bytes copied, T');
    expect(untimed(dd('dd ibs=1K obs=3K if=/dev/zero of=/dev/null count=10').stderr)).toBe('10+0 records in\n3+1 records out\n10240 bytes (10 kB, 10 KiB) copied, T');
  });

  it('honours status=noxfer, status=none and status=progress', () => {
    expect(dd('dd if=/dev/zero of=/dev/null bs=1M count=1 status=noxfer').stderr).toBe('1+0 records in\n1+0 records out\n');
    expect(dd('dd if=/dev/zero of=/dev/null bs=1M count=1 status=none').stderr).toBe('');
    const p = dd('dd if=/dev/zero of=/root/p bs=1M count=3000 status=progress conv=fsync').stderr;
    expect(p.startsWith('\r395313152 bytes (395 MB, 377 MiB) copied, 1 s, 395 MB/s\r')).toBe(true);
    expect(p).toMatch(/, 7 s, 396 MB\/s\n3000\+0 records in\n/);
  });

  it('formats seconds as printf %g and rates from the virtual duration', () => {
    expect(formatG(0.000645724)).toBe('0.000645724');
    expect(formatG(4.5498e-5)).toBe('4.5498e-05');
    expect(formatG(3.2233)).toBe('3.2233');
    expect(formatG(2375.65)).toBe('2375.65');
    expect(formatG(1234567)).toBe('1.23457e+06');
    expect(transferLine(0, 31000)).toBe('0 bytes copied, 3.1e-05 s, 0.0 kB/s');
    expect(transferLine(1073741824, 3223300000)).toBe('1073741824 bytes (1.1 GB, 1.0 GiB) copied, 3.2233 s, 333 MB/s');
  });

  it('moves the virtual clock by the copy\'s duration', () => {
    const { state } = session('true');
    const before = state.world.clock;
    run(state, 'dd if=/dev/urandom of=/root/big bs=1M count=1024 status=none');
    // 1 s for the typed line, 3.2233 s for the copy (400 MB/s from urandom, 2 GB/s into the page cache).
    expect(state.world.clock - before).toBe(1000 + 3223);
  });
});

describe('dd operands (dd.c scanargs, parse_integer)', () => {
  it('reads sizes with suffixes, products and a trailing B for bytes', () => {
    const w: string[] = [];
    expect(parseDdInteger('1K', w).value).toBe(1024n);
    expect(parseDdInteger('1kB', w).value).toBe(1000n);
    expect(parseDdInteger('2MiB', w).value).toBe(2097152n);
    expect(parseDdInteger('1b', w).value).toBe(512n);
    expect(parseDdInteger('3w', w).value).toBe(6n);
    expect(parseDdInteger('2x3xK', w).value).toBe(6144n);
    expect(parseDdInteger('1000B', w)).toEqual({ value: 1000n, err: 0 });
    expect(untimed(dd('dd if=/dev/zero of=/dev/null bs=1M count=1000KiB').stderr)).toContain('1024000 bytes (1.0 MB, 1000 KiB) copied');
    expect(untimed(dd('dd if=/dev/zero of=/dev/null bs=1M count=1000B').stderr)).toBe('0+1 records in\n0+1 records out\n1000 bytes (1.0 kB) copied, T');
  });

  it('refuses count=1Q as too large, as coreutils 9.2+ knows the Q suffix (9.1 called it invalid)', () => {
    expect(dd('dd if=/dev/zero of=/dev/null count=1Q')).toMatchObject({ stderr: "dd: invalid number: '1Q': Value too large for defined data type\n", exitCode: 1 });
    expect(dd('dd count=99999999999999999999').stderr).toBe("dd: invalid number: '99999999999999999999': Value too large for defined data type\n");
    expect(dd('dd count=x').stderr).toBe("dd: invalid number: 'x'\n");
    expect(dd('dd bs=0').stderr).toBe("dd: invalid number: '0'\n");
    expect(dd('dd count=-1').stderr).toBe("dd: invalid number: '-1'\n");
  });

  it('reports unknown operands and symbols with the usage hint', () => {
    expect(dd('dd foo=1')).toMatchObject({ stderr: "dd: unrecognized operand 'foo=1'\nTry 'dd --help' for more information.\n", exitCode: 1 });
    expect(dd('dd hello').stderr).toBe("dd: unrecognized operand 'hello'\nTry 'dd --help' for more information.\n");
    expect(dd('dd conv=foo').stderr).toBe("dd: invalid conversion: ‘foo’\nTry 'dd --help' for more information.\n");
    expect(dd('dd iflag=bar').stderr).toBe("dd: invalid input flag: ‘bar’\nTry 'dd --help' for more information.\n");
    expect(dd('dd iflag=binary').stderr).toBe("dd: invalid input flag: ‘binary’\nTry 'dd --help' for more information.\n");
    expect(dd('dd status=x').stderr).toBe("dd: invalid status level: ‘x’\nTry 'dd --help' for more information.\n");
    expect(dd('dd oflag=fullblock').stderr).toBe("dd: invalid output flag: ‘fullblock’\nTry 'dd --help' for more information.\n");
    expect(dd('dd conv=excl,nocreat').stderr).toBe('dd: cannot combine excl and nocreat\n');
    expect(dd('dd conv=lcase,ucase').stderr).toBe('dd: cannot combine lcase and ucase\n');
  });

  it('warns about a zero multiplier, and refuses a buffer larger than memory', () => {
    expect(untimed(dd('dd count=0x1').stderr)).toBe("dd: warning: ‘0x’ is a zero multiplier; use ‘00x’ if that is intended\n0+0 records in\n0+0 records out\n0 bytes copied, T");
    expect(dd('dd bs=1E if=/dev/zero of=/dev/null')).toMatchObject({ stderr: 'dd: memory exhausted by input buffer of size 1152921504606846976 bytes (1.0 EiB)\n', exitCode: 1 });
  });
});

describe('dd on files', () => {
  it('copies a part of a file with skip and count, overwrites with conv=notrunc, cuts at seek otherwise', () => {
    const { state } = session('echo hello world > f');
    expect(run(state, 'dd if=f of=g bs=1 skip=6 count=5 status=none').exitCode).toBe(0);
    expect(run(state, 'cat g').stdout).toBe('world');
    run(state, 'echo HELLO | dd of=f conv=notrunc status=none');
    expect(run(state, 'cat f').stdout).toBe('HELLO\nworld\n');
    run(state, 'echo 12 | dd of=f bs=1 seek=3 status=none');
    expect(run(state, 'cat f').stdout).toBe('HEL12\n');
  });

  it('leaves a hole before a seek past the end: the size grows, the blocks do not', () => {
    const { state } = session('dd if=/dev/zero of=/root/s bs=1 count=1 seek=1M status=none');
    const st = sessionVfs(state).stat('/root/s');
    expect(st.ok && st.value.size).toBe(1048577);
    expect(st.ok && st.value.blocks).toBe(8);
  });

  it('warns when skip= goes past the end of the input', () => {
    expect(untimed(dd('echo hi > f', 'dd if=f skip=5').stderr)).toBe('dd: f: cannot skip to specified offset\n0+0 records in\n0+0 records out\n0 bytes copied, T');
    // 9.7 skip() checks 0 < st_size (9.1 warned here too): an empty file, like a /proc file, gets no warning.
    expect(untimed(dd('dd if=/dev/null of=e status=none', 'dd if=e skip=5').stderr)).toBe('0+0 records in\n0+0 records out\n0 bytes copied, T');
    expect(untimed(dd("echo abcdefgh | dd ibs=3 skip=5").stderr)).toBe("dd: 'standard input': cannot skip to specified offset\n0+0 records in\n0+0 records out\n0 bytes copied, T");
  });

  it('keeps /dev/urandom data as a random segment: 1 GiB costs a few hundred bytes of state and reads back the same', () => {
    const { state } = session('true');
    const before = JSON.stringify(state).length;
    run(state, 'dd if=/dev/urandom of=/root/big bs=1M count=1024 status=none');
    expect(JSON.stringify(state).length - before).toBeLessThan(400);
    const vfs = sessionVfs(state);
    const c = vfs.readContent('/root/big');
    expect(c.ok && c.value).toEqual([{ kind: 'random', seed: expect.any(Number), offset: 0, length: 2 ** 30 }]);
    run(state, 'dd if=/root/big of=/root/copy bs=1M skip=1 count=1 status=none');
    const copy = vfs.readContent('/root/copy');
    expect(copy.ok && copy.value).toEqual([{ kind: 'random', seed: c.ok ? (c.value[0] as { seed: number }).seed : 0, offset: 2 ** 20, length: 2 ** 20 }]);
  });

  it('gives the same random data for the same seed and session', () => {
    const a = session('dd if=/dev/urandom of=r bs=8 count=1 status=none').state;
    const b = session('dd if=/dev/urandom of=r bs=8 count=1 status=none').state;
    expect(sessionVfs(a).readContent('/root/r')).toEqual(sessionVfs(b).readContent('/root/r'));
  });

  it('stops with ENOSPC when the file system is full, counting what was written (tmpfs /run/lock is 5 MiB)', () => {
    const { state, last } = session('dd if=/dev/zero of=/run/lock/a bs=2M count=10');
    expect(untimed(last.stderr)).toBe("dd: error writing '/run/lock/a': No space left on device\n3+0 records in\n2+0 records out\n5242880 bytes (5.2 MB, 5.0 MiB) copied, T");
    expect(last.exitCode).toBe(1);
    expect(sessionVfs(state).size('/run/lock/a')).toBe(5242880);
    const again = run(state, 'dd if=/dev/zero of=/run/lock/b count=10');
    // Without bs= the output leaves in obs blocks: dd.c write_output says "writing to".
    expect(untimed(again.stderr)).toBe("dd: writing to '/run/lock/b': No space left on device\n1+0 records in\n0+0 records out\n0 bytes copied, T");
  });

  it('counts a partly written output block as partial with separate ibs and obs (dd.c write_output)', () => {
    const r = dd('dd if=/dev/zero of=/run/lock/c count=30000 obs=3M');
    expect(untimed(r.stderr)).toBe("dd: writing to '/run/lock/c': No space left on device\n12288+0 records in\n1+1 records out\n5242880 bytes (5.2 MB, 5.0 MiB) copied, T");
  });

  it('fills a file system from an endless source, and stops an endless copy to /dev/null as Ctrl-C would', () => {
    expect(untimed(dd('dd if=/dev/zero of=/run/lock/z bs=1M').stderr)).toBe("dd: error writing '/run/lock/z': No space left on device\n6+0 records in\n5+0 records out\n5242880 bytes (5.2 MB, 5.0 MiB) copied, T");
    const r = dd('dd if=/dev/zero of=/dev/null bs=1M');
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe('93582+0 records in\n93582+0 records out\n98127839232 bytes (98 GB, 91 GiB) copied, 9.99998 s, 9.8 GB/s\n');
  });

  it('gives open errors as open(2) does', () => {
    expect(dd('dd if=/nope')).toMatchObject({ stderr: "dd: failed to open '/nope': No such file or directory\n", exitCode: 1 });
    expect(dd('dd if=/dev/null of=/nope/x').stderr).toBe("dd: failed to open '/nope/x': No such file or directory\n");
    expect(dd('dd if=/dev/null of=/tmp').stderr).toBe("dd: failed to open '/tmp': Is a directory\n");
    expect(dd('echo hi > f', 'dd if=/dev/null of=f conv=excl').stderr).toBe("dd: failed to open 'f': File exists\n");
    expect(dd('dd if=/dev/null of=g conv=nocreat').stderr).toBe("dd: failed to open 'g': No such file or directory\n");
    expect(dd('dd if=/dev/zero of=/etc/hostname count=1').stderr).toBe("dd: failed to open '/etc/hostname': Read-only file system\n");
    expect(untimed(dd('dd if=/root of=x').stderr)).toBe("dd: error reading '/root': Is a directory\n0+0 records in\n0+0 records out\n0 bytes copied, T");
  });

  it('treats /proc as the kernel does for root: no new files, existing ones open but refuse data with EIO', () => {
    expect(dd('dd if=/dev/null of=/proc/foo').stderr).toBe("dd: failed to open '/proc/foo': No such file or directory\n");
    expect(untimed(dd('echo x | dd of=/proc/version').stderr)).toBe("dd: error writing '/proc/version': Input/output error\n0+1 records in\n0+0 records out\n0 bytes copied, T");
  });
});

describe('dd on devices', () => {
  it('writes to /dev/full fail with ENOSPC (full(4))', () => {
    expect(untimed(dd('dd if=/dev/zero of=/dev/full count=1').stderr)).toBe("dd: writing to '/dev/full': No space left on device\n1+0 records in\n0+0 records out\n0 bytes copied, T");
    expect(untimed(dd('dd if=/dev/zero of=/dev/full bs=512 count=1').stderr)).toBe("dd: error writing '/dev/full': No space left on device\n1+0 records in\n0+0 records out\n0 bytes copied, T");
  });

  it('lets root write a disk up to its end (counted, not stored) at the disk\'s speed', () => {
    const { state, last } = session('dd if=/dev/zero of=/dev/sda bs=1M count=1 seek=511999');
    expect(last.stderr).toBe('1+0 records in\n1+0 records out\n1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00215335 s, 487 MB/s\n');
    const beyond = run(state, 'dd if=/dev/zero of=/dev/sda bs=1M count=2 seek=511999');
    expect(untimed(beyond.stderr)).toBe("dd: error writing '/dev/sda': No space left on device\n2+0 records in\n1+0 records out\n1048576 bytes (1.0 MB, 1.0 MiB) copied, T");
    expect(untimed(run(state, 'dd if=/dev/zero of=/dev/sda bs=1M count=1 seek=512001').stderr)).toBe('dd: /dev/sda: cannot seek: Invalid argument\n0+0 records in\n0+0 records out\n0 bytes copied, T');
  });

  it('reads a disk as zeros', () => {
    const { state } = session('dd if=/dev/sda of=/root/img bs=1M count=3 status=none');
    expect(sessionVfs(state).readContent('/root/img')).toEqual({ ok: true, value: [{ kind: 'zero', length: 3 * 2 ** 20 }] });
  });
});

describe('dd completion', () => {
  it('offers the operands, then the symbols after conv=, iflag=, oflag= and status=', () => {
    const state = boot();
    expect(completions(state, 'dd co').candidates).toEqual(['conv=', 'count=']);
    expect(completions(state, 'dd conv=notrunc,fs').candidates).toEqual(['conv=notrunc,fsync']);
    expect(completions(state, 'dd status=p').candidates).toEqual(['status=progress']);
  });
});
