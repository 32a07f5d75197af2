import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ext4Geometry } from '../../../../src/simulator/engines/iscsi';
import { readBlocks } from '../../../../src/simulator/engines/kernel/devices';
import { requireRoot, requireTool, runTool } from '../../support/tools';
import { boot, run } from '../../../unit/shell/sim-fixture';
import { labWithZvol } from '../../../unit/engines/iscsi/lab-with-zvol';

// The simulator's mkfs.ext4, blkid and df against e2fsprogs and the kernel: the geometry
// mke2fs chooses (dumpe2fs -h) for several sizes, mke2fs's output lines, the superblock
// the simulator writes read by the real blkid, and df's figures for a loop-mounted image.

const dir = mkdtempSync(join(tmpdir(), 'hlab-ext4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sparse image of `bytes` with a fresh ext4 from the real mke2fs; its stdout. */
function realMkfs(bytes: number, name: string): { image: string; stdout: string } {
  const image = join(dir, name);
  writeFileSync(image, '');
  truncateSync(image, bytes);
  const r = runTool(requireTool('mkfs.ext4'), ['-F', image]);
  if (r.status !== 0) throw new Error(r.stderr);
  return { image, stdout: r.stdout };
}

/** dumpe2fs -h fields as numbers. */
function dumpe2fs(image: string): Record<string, number> {
  const text = execFileSync(requireTool('dumpe2fs'), ['-h', image], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z ]+):\s+(\d+)$/.exec(line);
    if (m) out[m[1] as string] = Number(m[2]);
  }
  return out;
}

describe('ext4 against e2fsprogs 1.47', () => {
  it.each([
    ['512M', 512 * 2 ** 20],
    ['1G', 2 ** 30],
    ['5G', 5 * 2 ** 30],
    ['33G', 33 * 2 ** 30],
    ['100G', 100 * 2 ** 30],
  ])('the geometry mke2fs chooses for %s', (name, bytes) => {
    const { image } = realMkfs(bytes, `g-${name}.img`);
    const d = dumpe2fs(image);
    const g = ext4Geometry(bytes);
    expect({ blocks: g.blocks, inodes: g.inodes, overhead: g.overhead, reservedGdt: g.reservedGdt, reserved: g.reserved, free: g.blocks - g.overhead - 6 }).toEqual({
      blocks: d['Block count'],
      inodes: d['Inode count'],
      overhead: d['Overhead clusters'],
      reservedGdt: d['Reserved GDT blocks'],
      reserved: d['Reserved block count'],
      free: d['Free blocks'],
    });
    rmSync(image);
  });

  it("mkfs.ext4 prints mke2fs's stdout (but for the UUID)", () => {
    const { stdout } = realMkfs(2 ** 30, 'out.img');
    const s = boot({}, labWithZvol());
    run(s, 'ssh truenas');
    for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"t","groups":[{"portal":1}]}'`, `iscsi.extent.create '{"name":"e","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`, 'service.start iscsitarget']) run(s, `midclt call ${line}`);
    run(s, 'exit');
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    const sim = run(s, 'mkfs.ext4 /dev/sdb').stdout;
    const strip = (t: string) => t.replace(/Filesystem UUID: \S+/, 'Filesystem UUID: U');
    expect(strip(sim)).toBe(strip(stdout));
  });

  it('the real blkid reads the superblock the simulator wrote; df of a loop mount matches the simulated df', () => {
    requireRoot('loop mounts');
    const s = boot({}, labWithZvol());
    run(s, 'ssh truenas');
    for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"t","groups":[{"portal":1}]}'`, `iscsi.extent.create '{"name":"e","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`, 'service.start iscsitarget']) run(s, `midclt call ${line}`);
    run(s, 'exit');
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    run(s, 'mkfs.ext4 -q -L nextcloud /dev/sdb');
    const simBlkid = run(s, 'blkid /dev/sdb').stdout;
    const sb = join(dir, 'sb.img');
    // Real blkid on a 1 GiB image holding the simulator's superblock bytes at 1024.
    const bytes = superblockOf(s);
    writeFileSync(sb, '');
    truncateSync(sb, 2 ** 30);
    execFileSync('/usr/bin/dd', [`of=${sb}`, 'bs=1', 'seek=1024', 'conv=notrunc', 'status=none'], { input: Buffer.from(bytes, 'latin1') });
    const realBlkid = runTool(requireTool('blkid'), [sb]).stdout;
    expect(realBlkid.replace(sb, '/dev/sdb')).toBe(simBlkid);
    // df: a real 1 GiB ext4, loop-mounted, against the simulated one.
    const { image } = realMkfs(2 ** 30, 'df.img');
    const mnt = join(dir, 'mnt');
    mkdirSync(mnt);
    execFileSync('/usr/bin/mount', ['-o', 'loop', image, mnt]);
    try {
      const real = execFileSync('/usr/bin/df', ['-B1', '--output=size,used,avail', mnt], { encoding: 'utf8' });
      run(s, 'mkdir /mnt/x');
      run(s, 'mount /dev/sdb /mnt/x');
      expect(run(s, 'df -B1 --output=size,used,avail /mnt/x').stdout).toBe(real);
    } finally {
      execFileSync('/usr/bin/umount', [mnt]);
    }
  });
});

/** The 1024 superblock bytes of pve's sdb, as the simulator stored them. */
function superblockOf(s: ReturnType<typeof boot>): string {
  const devices = s.world.kernel['pve']?.devices ?? [];
  const dev = devices.find((d) => d.name === 'sdb');
  if (!dev) throw new Error('no sdb');
  const got = readBlocks(s.world, 'pve', dev, 1024, 1024);
  if (typeof got === 'string') throw new Error(got);
  return got.map((seg) => (seg.kind === 'bytes' ? seg.data : seg.kind === 'zero' || seg.kind === 'hole' ? '\0'.repeat(seg.length) : '')).join('');
}
