import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZfsFuse, type ZfsFuse } from '../../support/zfs-fuse';
import { runTool } from '../../support/tools';
import { boot, run } from '../../../unit/shell/sim-fixture';

// quota and refquota against zfs-fuse: the write that crosses the limit fails with EDQUOT
// ("Disk quota exceeded"), and raising the limit lets writes on. The records dd managed
// before the error differ (a real pool lets a txg overshoot a little), so the first error
// line and the exit statuses are compared.
let z: ZfsFuse;
beforeAll(() => {
  z = startZfsFuse();
});
afterAll(() => {
  runTool(z.zfs, ['destroy', '-r', `${z.pool}/q`]);
  runTool(z.zfs, ['destroy', '-r', `${z.pool}/r`]);
  runTool(z.zfs, ['destroy', '-r', `${z.pool}/n`]);
  z?.stop();
});

function sh(line: string) {
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('quotas against zfs-fuse', () => {
  it('a write past quota and refquota fails with Disk quota exceeded; a raised quota takes more', () => {
    runTool(z.zfs, ['destroy', '-r', `${z.pool}/q`]);
    runTool(z.zfs, ['destroy', '-r', `${z.pool}/r`]);
    expect(runTool(z.zfs, ['create', '-o', 'quota=10M', '-o', `mountpoint=${z.dir}/q`, `${z.pool}/q`]).status).toBe(0);
    expect(runTool(z.zfs, ['create', `${z.pool}/q/c`]).status).toBe(0);
    expect(runTool(z.zfs, ['create', '-o', 'refquota=5M', '-o', `mountpoint=${z.dir}/r`, `${z.pool}/r`]).status).toBe(0);
    const real = [
      sh(`dd if=/dev/urandom of=${z.dir}/q/c/f bs=1M count=20 conv=fsync`),
      sh(`sync; echo more >> ${z.dir}/q/c/f`),
      sh(`dd if=/dev/urandom of=${z.dir}/r/f bs=1M count=8 conv=fsync`),
    ];
    runTool(z.zfs, ['set', 'quota=40M', `${z.pool}/q`]);
    const raised = sh(`echo more >> ${z.dir}/q/c/f`);

    const s = boot();
    for (const l of ['zfs create -o quota=10M rpool/q', 'zfs create rpool/q/c', 'zfs create -o refquota=5M rpool/r']) expect(run(s, l).exitCode).toBe(0);
    const sim = [run(s, 'dd if=/dev/urandom of=/rpool/q/c/f bs=1M count=20 conv=fsync'), run(s, 'echo more >> /rpool/q/c/f'), run(s, 'dd if=/dev/urandom of=/rpool/r/f bs=1M count=8 conv=fsync')];
    expect(run(s, 'zfs set quota=40M rpool/q').exitCode).toBe(0);
    const simRaised = run(s, 'echo more >> /rpool/q/c/f');

    const first = (text: string, from: string) => text.split('\n')[0]?.replaceAll(from, '');
    expect(sim.map((r) => r.exitCode)).toEqual(real.map((r) => r.status));
    expect(first(sim[0]?.stderr ?? '', '/rpool/q/c/f')).toBe(first(real[0]?.stderr ?? '', `${z.dir}/q/c/f`));
    expect(sim[1]?.stderr).toBe(real[1]?.stderr.replace(/^bash: line 1: /, 'bash: '));
    expect(first(sim[2]?.stderr ?? '', '/rpool/r/f')).toBe(first(real[2]?.stderr ?? '', `${z.dir}/r/f`));
    expect(simRaised.exitCode).toBe(raised.status);
  });

  it('a size zfs cannot read is refused in zfs_nicestrtonum\'s words, with status 1', () => {
    runTool(z.zfs, ['destroy', '-r', `${z.pool}/n`]);
    const made = runTool(z.zfs, ['create', '-o', `mountpoint=${z.dir}/n`, `${z.pool}/n`]);
    expect(made.status, made.stderr).toBe(0);
    const s = boot();
    expect(run(s, 'zfs create rpool/n').exitCode).toBe(0);
    // zfs-fuse's libzfs predates `KiB` (str2shift takes it since OpenZFS 0.8): the unit tests pin that to the 2.3 source.
    for (const value of ['abc', '5Q', '10GBB', 'none', '1.5T', '2g', '.5G', '-1G']) {
      const real = runTool(z.zfs, ['set', `quota=${value}`, `${z.pool}/n`]);
      const sim = run(s, `zfs set quota=${value} rpool/n`);
      expect(sim.stderr.replace("'rpool/n'", "'POOL/n'"), value).toBe(real.stderr.replace(`'${z.pool}/n'`, "'POOL/n'"));
      expect(sim.exitCode, value).toBe(real.status);
    }
  });
});
