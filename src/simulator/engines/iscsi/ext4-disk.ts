/**
 * The simulator's ext4 on a block device: the filesystem's state lives in the device's
 * bytes (through readBlocks/writeBlocks, so on an iSCSI LUN it lands in the zvol), in the
 * places ext4 keeps it — the superblock at byte 1024 in ext4's real binary layout (blkid
 * reads it), then, in the metadata area mkfs reserved, the allocation bitmaps and one
 * 256-byte slot per inode of the inode table, and directory entries in the directory's
 * data blocks. Simplified: the bitmaps, inodes and directory blocks are written as compact
 * JSON records instead of ext4's binary structures, and there is no journal.
 *
 * A mount reads this metadata once into its superblock (the page cache of that host) and
 * writes every change through to the device. Two hosts mounting one LUN therefore each work
 * from their own cached copy: both allocate the same "free" blocks and inodes and write their
 * own bitmaps and directories over the other's — the corruption a non-cluster filesystem
 * suffers (e2fsck then finds unattached inodes, bitmap differences and shared blocks).
 */
// @sim ext4 on-disk state | superblock at 1024 in ext4's layout (magic 0xEF53, UUID, label, counts); bitmaps, 256-byte inode slots and directory blocks as records in the metadata area; write-through from a per-mount cache (no journal, no MMP)
import { materialise, textContent, type Content } from '../kernel/content';
import { readBlocks, writeBlocks } from '../kernel/devices';
import type { Errno } from '../kernel/errno';
import type { BlockDevice, NodeType } from '../kernel/types';
import type { World } from '../world';

/** Where the records live: the bitmaps at block 1 (up to 64 blocks), the inode table from block 65. */
export const BITMAP_BLOCK = 1;
const BITMAP_MAX = 64 * 4096;
export const ITABLE_BLOCK = 65;
export const INODE_SLOT = 256;
const BLOCK = 4096;

/** An inode as the record keeps it. */
export interface InodeRec {
  t: NodeType;
  m: number;
  u: number;
  g: number;
  n: number;
  s: number;
  a: number;
  mt: number;
  c: number;
  /** Extents: [first block, count]. */
  x: [number, number][];
  /** A symlink's target. */
  l?: string;
}

/** The allocation bitmaps as a record: used inodes, used block runs. */
export interface Bitmaps {
  inodes: number[];
  blocks: [number, number][];
}

/** JSON with non-ASCII escaped, so characters and bytes agree. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads a NUL-terminated record at `offset` (up to `max` bytes), or null. */
export function readRecord<T>(world: World, host: string, dev: BlockDevice, offset: number, max: number): T | null | Errno {
  const got = readBlocks(world, host, dev, offset, max);
  if (typeof got === 'string') return got;
  const text = materialise(got);
  if (text === null) return null;
  const end = text.indexOf('\0');
  const body = end < 0 ? text : text.slice(0, end);
  if (body === '') return null;
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
}

/** Writes a record at `offset`, NUL-terminated; EFBIG when it does not fit in `max`. */
export function writeRecord(world: World, host: string, dev: BlockDevice, offset: number, max: number, value: unknown): Errno | null {
  const text = value === null ? '' : asciiJson(value);
  if (text.length + 1 > max) return 'EFBIG';
  return writeBlocks(world, host, dev, offset, [...textContent(text), { kind: 'zero', length: 1 }]);
}

/** The bitmaps record. */
export function readBitmaps(world: World, host: string, dev: BlockDevice): Bitmaps | null | Errno {
  return readRecord<Bitmaps>(world, host, dev, BITMAP_BLOCK * BLOCK, BITMAP_MAX);
}

/** Writes the bitmaps record. */
export function writeBitmaps(world: World, host: string, dev: BlockDevice, b: Bitmaps): Errno | null {
  return writeRecord(world, host, dev, BITMAP_BLOCK * BLOCK, BITMAP_MAX, b);
}

/** An inode slot's record. */
export function readInode(world: World, host: string, dev: BlockDevice, ino: number): InodeRec | null | Errno {
  return readRecord<InodeRec>(world, host, dev, ITABLE_BLOCK * BLOCK + (ino - 1) * INODE_SLOT, INODE_SLOT);
}

/** Writes (or clears, with null) an inode slot. */
export function writeInode(world: World, host: string, dev: BlockDevice, ino: number, rec: InodeRec | null): Errno | null {
  return writeRecord(world, host, dev, ITABLE_BLOCK * BLOCK + (ino - 1) * INODE_SLOT, INODE_SLOT, rec);
}

/** The bytes of an inode's data (its extents, cut to its size). */
export function readData(world: World, host: string, dev: BlockDevice, rec: InodeRec): Content | Errno {
  const out: Content = [];
  let left = rec.s;
  for (const [start, count] of rec.x) {
    if (left <= 0) break;
    const n = Math.min(left, count * BLOCK);
    const got = readBlocks(world, host, dev, start * BLOCK, n);
    if (typeof got === 'string') return got;
    out.push(...got);
    left -= n;
  }
  if (left > 0) out.push({ kind: 'hole', length: left });
  return out;
}

/** Writes `data` (the whole file) over an inode's extents. */
export function writeData(world: World, host: string, dev: BlockDevice, rec: InodeRec, data: Content, sliceOf: (c: Content, a: number, b: number) => Content): Errno | null {
  let at = 0;
  for (const [start, count] of rec.x) {
    if (at >= rec.s) break;
    const n = Math.min(rec.s - at, count * BLOCK);
    const err = writeBlocks(world, host, dev, start * BLOCK, sliceOf(data, at, at + n));
    if (err) return err;
    at += n;
  }
  return null;
}
