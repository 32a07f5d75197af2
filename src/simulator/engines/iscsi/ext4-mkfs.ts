/**
 * Making and opening an ext4 filesystem on a block device: `makeExt4` is what mke2fs writes
 * (the superblock, empty bitmaps, the root directory and lost+found, the resize inode's
 * block), `loadExt4` what a mount reads back into its cache, `probeExt4` what blkid sees.
 */
import { findDevice, readBlocks, writeBlocks } from '../kernel/devices';
import { materialise, resizeContent, sliceContent, textContent } from '../kernel/content';
import type { Errno } from '../kernel/errno';
import type { BlockDevice } from '../kernel/types';
import { nextRandom } from '../random';
import type { World } from '../world';
import { readBitmaps, readData, readInode, writeBitmaps, writeData, writeInode, type InodeRec } from './ext4-disk';
import { ROOT_INO, type Ext4Mount } from './ext4-driver';
import { ext4Geometry, FIRST_INODE, readSuperblock, superblockBytes, type Ext4Geometry } from './ext4-layout';

/** What blkid finds on a device with an ext4 superblock. */
export interface Ext4Probe {
  uuid: string;
  label: string;
  blocks: number;
}

/** The ext4 superblock of a device, if there is one (blkid's probe: magic 0xEF53 at 1080). */
export function probeExt4(world: World, host: string, dev: BlockDevice): Ext4Probe | null {
  const got = readBlocks(world, host, dev, 1024, 1024);
  if (typeof got === 'string') return null;
  let bytes = '';
  for (const s of got) {
    if (s.kind === 'bytes') bytes += s.data;
    else if (s.kind === 'zero' || s.kind === 'hole') bytes += '\0'.repeat(s.length);
    else if (s.kind === 'text') bytes += s.text;
    else bytes += (materialise([s]) ?? '').slice(0, s.length);
  }
  return readSuperblock(bytes);
}

/** A random UUID (version 4, as libuuid's uuid_generate_random) from the World's generator. */
function randomUuid(world: World): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(nextRandom(world) * 2 ** 32).toString(16).padStart(8, '0');
  const v = (parseInt(hex[16] as string, 16) & 0x3) | 0x8;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${v.toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Writes a fresh ext4 onto a device; returns its geometry and UUID. */
export function makeExt4(world: World, host: string, devName: string, label = ''): { ok: true; geometry: Ext4Geometry; uuid: string } | { ok: false; errno: Errno } {
  const dev = findDevice(world, host, devName);
  if (!dev) return { ok: false, errno: 'ENOENT' };
  const g = ext4Geometry(dev.size);
  if (g.blocks < 64) return { ok: false, errno: 'ENOSPC' };
  // An earlier filesystem's inode slots are cleared (mke2fs writes fresh inode tables).
  const old = readBitmaps(world, host, dev);
  if (old && typeof old === 'object') for (const ino of old.inodes) writeInode(world, host, dev, ino, null);
  const uuid = randomUuid(world);
  const now = world.clock;
  const ov = g.overhead;
  // The root directory (1 block), lost+found (inode 11, 4 blocks: mke2fs's lpf_size 16384) and the resize inode's block.
  const root: InodeRec = { t: 'dir', m: 0o755, u: 0, g: 0, n: 3, s: 4096, a: now, mt: now, c: now, x: [[ov, 1]] };
  const lostFound: InodeRec = { t: 'dir', m: 0o700, u: 0, g: 0, n: 2, s: 16384, a: now, mt: now, c: now, x: [[ov + 1, 4]] };
  const bitmaps = { inodes: [ROOT_INO, FIRST_INODE], blocks: [[ov, 6]] as [number, number][] };
  const dirData = (entries: Record<string, number>, size: number) => resizeContent([...textContent(JSON.stringify(entries)), { kind: 'zero', length: 1 }], size);
  const problem =
    writeInode(world, host, dev, ROOT_INO, root) ??
    writeInode(world, host, dev, FIRST_INODE, lostFound) ??
    writeData(world, host, dev, root, dirData({ 'lost+found': FIRST_INODE }, 4096), sliceContent) ??
    writeData(world, host, dev, lostFound, dirData({}, 16384), sliceContent);
  if (problem) return { ok: false, errno: problem };
  const m = { bitmaps };
  const free = g.blocks - g.overhead - m.bitmaps.blocks.reduce((n, [, c]) => n + c, 0);
  const sbBytes = superblockBytes(g, uuid, label, free, g.inodes - FIRST_INODE, now);
  const err = writeBlocks(world, host, dev, 1024, [{ kind: 'bytes', data: sbBytes }]) ?? writeBitmaps(world, host, dev, m.bitmaps);
  if (err) return { ok: false, errno: err };
  // udev re-probes a device closed after writing (the inotify watch of 60-block.rules): ID_FS_TYPE on this host.
  dev.fstype = 'ext4';
  return { ok: true, geometry: g, uuid };
}

/** Reads a device's ext4 metadata into a mount's cache; EINVAL when there is no ext4 (mount's "wrong fs type"). */
export function loadExt4(world: World, host: string, devName: string): Ext4Mount | Errno {
  const dev = findDevice(world, host, devName);
  if (!dev) return 'ENOENT';
  const probe = probeExt4(world, host, dev);
  if (!probe) return 'EINVAL';
  const g = ext4Geometry(dev.size);
  const bitmaps = readBitmaps(world, host, dev);
  if (typeof bitmaps === 'string') return bitmaps;
  if (!bitmaps) return 'EIO';
  const m: Ext4Mount = { device: devName, blocks: g.blocks, inodes: g.inodes, dataStart: g.overhead, overhead: g.overhead, reserved: g.reserved, resvClusters: g.resvClusters, inode: {}, dirs: {}, bitmaps };
  for (const ino of bitmaps.inodes) {
    const rec = readInode(world, host, dev, ino);
    if (typeof rec === 'string') return rec;
    if (!rec) continue;
    m.inode[ino] = rec;
    if (rec.t === 'dir') {
      const data = readData(world, host, dev, rec);
      const text = typeof data === 'string' ? null : materialise(data);
      const body = text === null ? '{}' : text.slice(0, Math.max(0, text.indexOf('\0')));
      try {
        m.dirs[ino] = JSON.parse(body || '{}') as Record<string, number>;
      } catch {
        m.dirs[ino] = {};
      }
    }
  }
  for (const [dir, entries] of Object.entries(m.dirs)) for (const child of Object.values(entries)) {
    const rec = m.inode[child];
    if (rec?.t === 'dir') (rec as { p?: number }).p = Number(dir);
  }
  return m;
}
