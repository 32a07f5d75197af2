import { describe, expect, it } from 'vitest';
import { zfsTreeView } from '../../../../src/simulator/engines/zfs';
import { boot, everyFieldLab, run } from '../../shell/sim-fixture';

function scenario() {
  const s = boot({}, everyFieldLab);
  for (const l of ['zfs create tank/fs', 'dd if=/dev/urandom of=/tank/fs/f bs=128K count=4 status=none', 'zfs snapshot tank/fs@a']) expect(run(s, l).exitCode).toBe(0);
  return s;
}

describe('zfsTreeView', () => {
  it('draws the uberblock, the file, its indirect block and data blocks with checksums and birth txgs', () => {
    const view = zfsTreeView(scenario().world, 'pve', 'tank/fs');
    expect(view?.uberblock.magic).toBe('0x00bab10c');
    expect(view?.files.map((f) => f.path)).toEqual(['/f']);
    const blocks = view?.files[0]?.blocks ?? [];
    expect(blocks).toHaveLength(4);
    expect(blocks.every((b) => b && /^[0-9a-f]{8}(:[0-9a-f]{8}){3}$/.test(b.checksum) && b.lsize === 131072)).toBe(true);
    // Every block is held by the snapshot taken after it was written.
    expect(blocks.every((b) => b?.sharedWith.join() === 'a')).toBe(true);
    expect(view?.snapshots).toEqual([{ name: 'a', txg: expect.any(Number), used: 0, referenced: expect.any(Number) }]);
  });

  it('shows the copy-on-write path of the last write: a new block, a new indirect checksum, the snapshot keeping the old one', () => {
    const s = scenario();
    const before = zfsTreeView(s.world, 'pve', 'tank/fs');
    run(s, 'dd if=/dev/urandom of=/tank/fs/f bs=128K seek=1 count=1 conv=notrunc status=none');
    const after = zfsTreeView(s.world, 'pve', 'tank/fs');
    const [b0, b1] = after?.files[0]?.blocks ?? [];
    expect(b1?.lastWrite).toBe(true);
    expect(b1?.sharedWith).toEqual([]);
    expect(b0?.lastWrite).toBe(false);
    expect(b1?.checksum).not.toBe(before?.files[0]?.blocks[1]?.checksum);
    expect(b1?.dva.offset).not.toBe(before?.files[0]?.blocks[1]?.dva.offset);
    expect(after?.files[0]?.indirect.checksum).not.toBe(before?.files[0]?.indirect.checksum);
    expect(after?.snapshots[0]?.used).toBe(131072);
    expect(after?.space.usedbysnapshots).toBe(131072);
  });

  it('marks damaged blocks, and healed ones clean after a scrub', () => {
    const s = scenario();
    run(s, 'lab fault corrupt sdb');
    expect(zfsTreeView(s.world, 'pve', 'tank/fs')?.files[0]?.blocks.every((b) => b?.damaged)).toBe(true);
    run(s, 'zpool scrub -w tank');
    expect(zfsTreeView(s.world, 'pve', 'tank/fs')?.files[0]?.blocks.some((b) => b?.damaged)).toBe(false);
    expect(zfsTreeView(s.world, 'pve', 'tank/nope')).toBeNull();
  });

  it('stays small and never throws on a big file: damaged and new blocks kept, the rest counted', () => {
    const s = scenario();
    // 20 GiB of 128K records (163,840 blocks) from /dev/zero with compression off.
    for (const l of ['zfs set compression=off tank/fs', 'dd if=/dev/urandom of=/tank/fs/big bs=1M count=20480 status=none', 'sync']) expect(run(s, l).exitCode).toBe(0);
    const view = zfsTreeView(s.world, 'pve', 'tank/fs');
    const big = view?.files.find((f) => f.path === '/big');
    expect(big?.blockCount).toBe(163_840);
    expect(big?.blocks.length).toBe(64);
    expect(big?.blocks.every((b) => b?.lastWrite)).toBe(true);
    expect(JSON.stringify(view).length).toBeLessThan(64 * 1024);
  });

  it('is read-only: a txg the 5 s timeout has synced is shown synced without changing the world', () => {
    const s = scenario();
    expect(run(s, 'echo new > /tank/fs/g').exitCode).toBe(0);
    const open = zfsTreeView(s.world, 'pve', 'tank/fs');
    const g = open?.files.find((f) => f.path === '/g')?.blocks[0];
    expect(g?.birth).toBeGreaterThan(open?.uberblock.txg ?? Infinity);
    expect(run(s, 'sleep 6').exitCode).toBe(0);
    const before = JSON.stringify(s.world);
    const later = zfsTreeView(s.world, 'pve', 'tank/fs');
    expect(JSON.stringify(s.world)).toBe(before);
    expect(later?.uberblock.txg).toBe(g?.birth);
    // Only the last write is new: /f's blocks were written txgs ago.
    expect(later?.files.find((f) => f.path === '/f')?.blocks.some((b) => b?.lastWrite)).toBe(false);
    expect(later?.files.find((f) => f.path === '/g')?.blocks.every((b) => b?.lastWrite)).toBe(true);
  });

  it('lists an empty file with no blocks', () => {
    const s = scenario();
    expect(run(s, 'touch /tank/fs/empty').exitCode).toBe(0);
    const empty = zfsTreeView(s.world, 'pve', 'tank/fs')?.files.find((f) => f.path === '/empty');
    expect(empty).toMatchObject({ blocks: [], blockCount: 0 });
  });
});
