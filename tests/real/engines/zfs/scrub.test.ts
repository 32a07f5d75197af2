import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZfsFuse, type ZfsFuse } from '../../support/zfs-fuse';
import { runTool } from '../../support/tools';
import { boot, everyFieldLab, run } from '../../../unit/shell/sim-fixture';

// Scrub and self-healing against a real ZFS (zfs-fuse 0.7): a mirror (and a raidz1) over backing
// files, one side overwritten with random bytes in its data area (as `dd` over a disk does),
// then a scrub. Behaviour compared: the damaged side (and only it) gets CKSUM errors and
// repairs, no data errors; damage to both sides at the same place gives permanent errors.
// zfs-fuse prints its older status layout (reference zfs.md, last section), so counters are
// read from its rows; the 2.3 layout is pinned in tests/unit/shell/commands/zpool-faults.test.ts.
let z: ZfsFuse;
const POOL = 'hlabmirror';
beforeAll(() => {
  z = startZfsFuse();
});
afterAll(() => {
  runTool(z.zpool, ['destroy', '-f', POOL]);
  z?.stop();
});

function sh(line: string) {
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Makes the real mirror with 8 MiB of random data synced to its disks; returns the backing files. */
/**
 * Destroys the test pool. zfs-fuse can refuse a destroy right after the previous test's
 * writes and keep the pool (seen in CI: the next create then says "pool already exists"),
 * so it tries again until the pool is gone.
 */
function destroyPool(): void {
  for (let i = 0; i < 25 && runTool(z.zpool, ['list', POOL]).status === 0; i++) {
    runTool(z.zpool, ['destroy', '-f', POOL]);
    if (runTool(z.zpool, ['list', POOL]).status === 0) spawnSync('sleep', ['0.2']);
  }
}

function realMirror(): [string, string] {
  destroyPool();
  const a = join(z.dir, 'm0');
  const b = join(z.dir, 'm1');
  sh(`rm -f ${a} ${b}; truncate -s 128M ${a} ${b}`);
  const made = runTool(z.zpool, ['create', '-f', '-m', join(z.dir, 'mnt'), POOL, 'mirror', a, b]);
  if (made.status !== 0) throw new Error(made.stderr);
  expect(sh(`dd if=/dev/urandom of=${join(z.dir, 'mnt')}/data bs=1M count=8 status=none`).status).toBe(0);
  // A snapshot forces the txg to sync in zfs-fuse (support notes), so the data is on the disks.
  expect(runTool(z.zfs, ['snapshot', `${POOL}@synced`]).status).toBe(0);
  return [a, b];
}

/** Scrubs the real pool and waits for it; returns the CKSUM of each leaf whose file name matches `leaf`, and the status text. */
function realScrub(leaf = /m[01]/): { cksum: Record<string, number>; text: string } {
  runTool(z.zpool, ['scrub', POOL]);
  let text = '';
  for (let i = 0; i < 300; i++) {
    text = runTool(z.zpool, ['status', '-v', POOL]).stdout;
    if (!/in progress/.test(text)) break;
    spawnSync('sleep', ['0.1']);
  }
  const cksum: Record<string, number> = {};
  const row = new RegExp(`^\\s+(\\S*${leaf.source})\\s+\\S+\\s+\\d+\\s+\\d+\\s+(\\d+)`, 'gm');
  for (const m of text.matchAll(row)) cksum[(m[1] as string).replace(/.*\//, '')] = Number(m[2]);
  return { cksum, text };
}

/** Damages bytes 4 MiB … 68 MiB of a real backing file (its data area) with random data. */
function damageReal(file: string): void {
  expect(sh(`dd if=/dev/urandom of=${file} bs=1M seek=4 count=64 conv=notrunc status=none`).status).toBe(0);
}

/** The simulator's mirror: tank over sdb and sdc with 8 MiB of data. */
function simMirror() {
  const s = boot({}, everyFieldLab);
  for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/data bs=1M count=8 status=none']) expect(run(s, l).exitCode).toBe(0);
  return s;
}

function simCksum(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^\t {4}(sd[bc])\s+\S+\s+\d+\s+\d+\s+(\d+)/gm)) out[m[1] as string] = Number(m[2]);
  return out;
}

describe('scrub on a mirror: real zfs-fuse vs the simulator', () => {
  it('repairs exactly the damaged side and reports no data errors', () => {
    const [a] = realMirror();
    damageReal(a);
    const real = realScrub();
    expect(real.cksum.m0).toBeGreaterThan(0);
    expect(real.cksum.m1).toBe(0);
    expect(real.text).toMatch(/repaired/);
    expect(real.text).toMatch(/errors: No known data errors/);

    const s = simMirror();
    expect(run(s, 'dd if=/dev/urandom of=/dev/sdb bs=1M seek=5 count=64 conv=notrunc status=none').exitCode).toBe(0);
    expect(run(s, 'zpool scrub -w tank').exitCode).toBe(0);
    const text = run(s, 'zpool status -v tank').stdout;
    const sim = simCksum(text);
    expect(sim.sdb).toBeGreaterThan(0);
    expect(sim.sdc).toBe(0);
    expect(text).toMatch(/scan: scrub repaired [1-9]/);
    expect(text).toMatch(/errors: No known data errors/);
  });

  it('reports permanent errors when both sides are damaged at the same place', () => {
    const [a, b] = realMirror();
    damageReal(a);
    damageReal(b);
    const real = realScrub();
    expect(real.text).toMatch(/Permanent errors have been detected/);

    const s = simMirror();
    for (const d of ['sdb', 'sdc']) run(s, `dd if=/dev/urandom of=/dev/${d} bs=1M seek=5 count=64 conv=notrunc status=none`);
    run(s, 'zpool scrub -w tank');
    const text = run(s, 'zpool status -v tank').stdout;
    expect(text).toMatch(/errors: Permanent errors have been detected in the following files:\n\n {8}\/tank\/fs\/data\n/);
  });
});

describe('scrub on a raidz1: real zfs-fuse vs the simulator', () => {
  it('rebuilds the damaged disk from parity, CKSUM only on it, no data errors', () => {
    destroyPool();
    const files = ['r0', 'r1', 'r2'].map((n) => join(z.dir, n));
    sh(`rm -f ${files.join(' ')}; truncate -s 128M ${files.join(' ')}`);
    const made = runTool(z.zpool, ['create', '-f', '-m', join(z.dir, 'mnt'), POOL, 'raidz1', ...files]);
    expect(made.status, made.stderr).toBe(0);
    expect(sh(`dd if=/dev/urandom of=${join(z.dir, 'mnt')}/data bs=1M count=8 status=none`).status).toBe(0);
    expect(runTool(z.zfs, ['snapshot', `${POOL}@synced`]).status).toBe(0);
    damageReal(files[1] as string);
    const { cksum: real, text } = realScrub(/r[012]/);
    expect(real.r1).toBeGreaterThan(0);
    expect([real.r0, real.r2]).toEqual([0, 0]);
    expect(text).toMatch(/errors: No known data errors/);

    const s = boot({ host: 'truenas' });
    for (const l of ['zpool create tank raidz1 sda sdb sdc', 'dd if=/dev/urandom of=/mnt/tank/data bs=1M count=8 status=none', 'dd if=/dev/urandom of=/dev/sdb bs=1M seek=5 count=64 conv=notrunc status=none', 'zpool scrub -w tank']) expect(run(s, l).exitCode).toBe(0);
    const out = run(s, 'zpool status -v tank').stdout;
    const sim: Record<string, number> = {};
    for (const m of out.matchAll(/^\t {4}(sd[abc])\s+\S+\s+\d+\s+\d+\s+(\d+)/gm)) sim[m[1] as string] = Number(m[2]);
    expect(sim.sdb).toBeGreaterThan(0);
    expect([sim.sda, sim.sdc]).toEqual([0, 0]);
    expect(out).toMatch(/errors: No known data errors/);
  });
});
