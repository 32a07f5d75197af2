import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatasetName, checkPoolName } from '../../../src/simulator/model';
import { startZfsFuse, type ZfsFuse } from '../support/zfs-fuse';
import { runTool } from '../support/tools';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// The lab model's ZFS name rules (names.ts, after OpenZFS 2.2 zfs_namecheck.c) against a
// real ZFS: zfs-fuse 0.7's `zfs create` / `zpool create`. Where zfs-fuse is older than
// OpenZFS 2.2 and the rule changed since, the case says so and pins the 2.2 behaviour.
let z: ZfsFuse;
beforeAll(() => {
  z = startZfsFuse();
});
afterAll(() => z?.stop());

/** `zfs create` result as { ok, message } with the message after "cannot create 'X': ". */
function realCreate(name: string) {
  const r = runTool(z.zfs, ['create', name]);
  // Remove whatever the call made, under any name the tool may have normalised it to.
  for (const child of runTool(z.zfs, ['list', '-H', '-o', 'name', '-r', z.pool]).stdout.split('\n').slice(1)) {
    if (child) runTool(z.zfs, ['destroy', '-r', child]);
  }
  const message = /^cannot create '[^]*?': (.*)$/m.exec(r.stderr)?.[1] ?? r.stderr.trim();
  return { ok: r.status === 0, message };
}

/**
 * Messages whose words changed between zfs-fuse 0.7 and OpenZFS 2.2 (the model speaks
 * 2.2: lib/libzfs/libzfs_dataset.c zfs_validate_name at tag zfs-2.2.9).
 */
const renamedSince: Record<string, string> = {
  'empty component in name': "empty component or misplaced '@' or '#' delimiter in name",
};

describe('dataset names: model vs zfs-fuse', () => {
  const names = [
    'archive',
    'Media_2024',
    'a.b-c:d',
    'a*b',
    'a$(rm)',
    'a"b',
    "a'b",
    'a<script>',
    'a b',
    'a@b',
    'a@b@c',
    'a#b',
    'a//b',
    '/lead',
    'trail/',
    'x'.repeat(250),
    'x'.repeat(260),
  ];
  for (const child of names) {
    const name = child.startsWith('/') ? `${z?.pool ?? 'hlabtest'}${child}` : `hlabtest/${child}`;
    it(JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name), () => {
      const real = realCreate(name);
      const model = checkDatasetName(name);
      expect(model === null, `model says ${model}; zfs says ${real.message}`).toBe(real.ok);
      if (!real.ok && model !== null && !name.includes('@') && !name.includes('#')) {
        // Same words as the real tool where zfs-fuse and OpenZFS 2.2 agree.
        expect(model).toBe(renamedSince[real.message] ?? real.message);
      }
    });
  }

  it('random names from a hostile alphabet agree on accept/reject', () => {
    const alphabet = fc.constantFrom(...'ab-_.: */@#%$"\'<>\\\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')), (child) => {
        const name = `hlabtest/${child}`;
        const real = realCreate(name);
        // '%' is accepted by zfs-fuse 0.7 but refused since OpenZFS 0.8 (reserved for
        // temporary clone names, libzfs_dataset.c zfs_validate_name): the model follows 2.2.
        if (child.includes('%') && real.ok) return;
        // '.' and '..' components became errors in OpenZFS 0.8 (NAME_ERR_SELF_REF/PARENT_REF); zfs-fuse creates them.
        if (child.split(/[/@#]/).some((c) => c === '.' || c === '..') && real.ok) return;
        expect(checkDatasetName(name) === null, `${JSON.stringify(name)}: zfs says ${real.message}`).toBe(real.ok);
      }),
      { numRuns: 120, seed: 20261122 },
    );
  });
});

describe('pool names: model vs zfs-fuse', () => {
  // Not compared: 'draid' (zfs-fuse predates dRAID, OpenZFS 2.1 reserved the prefix) and 'c0t0d0'. zfs-fuse 0.7 still reserves Solaris disk-like names (c[0-9]*,
  // "pool name is reserved"); OpenZFS 2.2's pool_namecheck (zfs_namecheck.c) no longer does.
  const pools = ['tank', 'Tank-Archive', 'VM-SSD', 'mirror1', 'raidz', 'spare0', 'log', 'logs', '1tank', 'ta nk', 'ta*nk'];
  for (const pool of pools) {
    it(JSON.stringify(pool), () => {
      const disk = join(z.dir, 'pool-disk');
      spawnSync('truncate', ['-s', '128M', disk]);
      const r = runTool(z.zpool, ['create', '-f', pool, disk]);
      if (r.status === 0) runTool(z.zpool, ['destroy', '-f', pool]);
      const model = checkPoolName(pool);
      expect(model === null, `model says ${model}; zpool says ${r.stderr.trim()}`).toBe(r.status === 0);
    });
  }
});
