import { describe, expect, it } from 'vitest';
import { rootVfs } from '../../../../src/simulator/engines/kernel/boot';
import { datasetSpace, destroySnapshot, poolState, rollbackToLatest, snapshotUsed, takeSnapshot } from '../../../../src/simulator/engines/zfs';
import { unpackBp } from '../../../../src/simulator/engines/zfs/block-pointer';
import { world } from '../world-fixture';

const MiB = 2 ** 20;
const random = (seed: number, length: number) => [{ kind: 'random' as const, seed, offset: 0, length }];

function setup() {
  const w = world();
  const vfs = rootVfs(w, 'pve');
  const pool = poolState(w, 'pve', 'rpool');
  const ds = pool?.datasets['rpool/data'];
  if (!pool || !ds) throw new Error('no rpool/data');
  const space = () => datasetSpace(pool, ds, () => 0);
  return { w, vfs, pool, ds, space };
}

describe('files as records and blocks', () => {
  it('turns a 1 MiB random file into 8 records of 128K with checksums and the open txg as birth', () => {
    const { vfs, pool, ds, space } = setup();
    const before = space().referenced;
    expect(vfs.writeContent('/rpool/data/f', random(1, MiB), { create: true, truncate: true }).ok).toBe(true);
    const ino = Number(Object.keys(ds.objects)[0]);
    const blocks = (ds.objects[ino]?.blocks ?? []).map((b) => (b ? unpackBp(b) : null));
    expect(blocks).toHaveLength(8);
    expect(new Set(blocks.map((b) => b?.[4])).size).toBe(8);
    expect(blocks.every((b) => b?.[0] === pool.openTxg && b[1] === 131072 && b[2] === 131072)).toBe(true);
    expect(space().referenced - before).toBe(MiB);
  });

  it('compresses text and stores zeros as holes; a small file is one block rounded to 512 bytes', () => {
    const { vfs, ds } = setup();
    vfs.writeContent('/rpool/data/z', [{ kind: 'zero', length: MiB }], { create: true, truncate: true });
    vfs.writeContent('/rpool/data/t', [{ kind: 'text', text: 'hello\n'.repeat(300) }], { create: true, truncate: true });
    const objects = Object.values(ds.objects);
    expect(objects[0]?.blocks.every((b) => b === null)).toBe(true);
    expect(objects[1]).toMatchObject({ blksz: 2048 });
    const small = objects[1]?.blocks[0];
    expect(small ? unpackBp(small)[2] : 0).toBe(1024);
  });

  it('never overwrites a live block: a rewrite gets new DVAs and a new birth after a sync', () => {
    const { w, vfs, pool, ds } = setup();
    vfs.writeContent('/rpool/data/f', random(1, 256 * 1024), { create: true, truncate: true });
    const first = (ds.objects[Number(Object.keys(ds.objects)[0])]?.blocks ?? []).map((b) => (b ? unpackBp(b) : null));
    takeSnapshot(w, 'pve', pool, ds, 'a');
    vfs.writeContent('/rpool/data/f', random(2, 128 * 1024), { offset: 0 });
    const second = (ds.objects[Number(Object.keys(ds.objects)[0])]?.blocks ?? []).map((b) => (b ? unpackBp(b) : null));
    expect(second[0]?.[6]).not.toBe(first[0]?.[6]);
    expect(second[0]?.[0]).toBeGreaterThan(Number(first[0]?.[0] ?? 0));
    expect(second[1]).toEqual(first[1]);
  });
});

describe('snapshots and space (zfsprops(7))', () => {
  it('takes a snapshot in O(1): 0B used, refer as the dataset', () => {
    const { w, vfs, pool, ds } = setup();
    vfs.writeContent('/rpool/data/f', random(1, 4 * MiB), { create: true, truncate: true });
    const json = JSON.stringify(ds).length;
    const snap = takeSnapshot(w, 'pve', pool, ds, 's1');
    expect(JSON.stringify(ds).length - json).toBeLessThan(200);
    expect(snapshotUsed(pool, ds, snap)).toBe(0);
  });

  it('after overwriting X bytes the snapshot holds X, USEDSNAP is X and REFER is unchanged', () => {
    const { w, vfs, pool, ds, space } = setup();
    vfs.writeContent('/rpool/data/f', random(1, 4 * MiB), { create: true, truncate: true });
    const snap = takeSnapshot(w, 'pve', pool, ds, 's1');
    const refer = space().referenced;
    vfs.writeContent('/rpool/data/f', random(2, MiB), { offset: 0 });
    expect(snapshotUsed(pool, ds, snap)).toBe(MiB);
    expect(space()).toMatchObject({ usedbysnapshots: MiB, referenced: refer, written: MiB });
  });

  it('two snapshots sharing the freed blocks each show 0 while USEDSNAP shows them', () => {
    const { w, vfs, pool, ds, space } = setup();
    vfs.writeContent('/rpool/data/f', random(1, 2 * MiB), { create: true, truncate: true });
    const a = takeSnapshot(w, 'pve', pool, ds, 'a');
    const b = takeSnapshot(w, 'pve', pool, ds, 'b');
    vfs.writeContent('/rpool/data/f', random(3, 2 * MiB), { offset: 0, truncate: true });
    expect([snapshotUsed(pool, ds, a), snapshotUsed(pool, ds, b), space().usedbysnapshots]).toEqual([0, 0, 2 * MiB]);
    // Destroying one leaves the other as the only holder.
    destroySnapshot(w, pool, ds, 'a');
    const left = ds.snapshots[0];
    expect(left && snapshotUsed(pool, ds, left)).toBe(2 * MiB);
  });

  it('shows the snapshot read-only under .zfs/snapshot/NAME, and rollback brings back exactly its files', () => {
    const { w, vfs, pool, ds, space } = setup();
    vfs.writeContent('/rpool/data/keep', [{ kind: 'text', text: 'old\n' }], { create: true, truncate: true });
    takeSnapshot(w, 'pve', pool, ds, 's1');
    const refer = space().referenced;
    vfs.writeContent('/rpool/data/keep', [{ kind: 'text', text: 'new\n' }], { truncate: true });
    vfs.writeContent('/rpool/data/later', random(5, MiB), { create: true, truncate: true });
    const view = rootVfs(w, 'pve');
    expect(view.read('/rpool/data/.zfs/snapshot/s1/keep')).toEqual({ ok: true, text: 'old\n' });
    expect(view.kind('/rpool/data/.zfs/snapshot/s1/later')).toBeNull();
    expect(view.list('/rpool/data/.zfs/snapshot')).toMatchObject({ ok: true, names: ['s1'] });
    expect(view.write('/rpool/data/.zfs/snapshot/s1/keep', 'x', false)).toEqual({ ok: false, errno: 'EROFS' });
    expect(view.list('/rpool/data')).toMatchObject({ ok: true, names: expect.not.arrayContaining(['.zfs']) });
    rollbackToLatest(w, 'pve', pool, ds);
    const after = rootVfs(w, 'pve');
    expect(after.read('/rpool/data/keep')).toEqual({ ok: true, text: 'old\n' });
    expect(after.kind('/rpool/data/later')).toBeNull();
    expect(space()).toMatchObject({ referenced: refer, usedbysnapshots: 0, written: 0 });
  });
});
