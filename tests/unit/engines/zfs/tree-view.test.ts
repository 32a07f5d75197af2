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
});
