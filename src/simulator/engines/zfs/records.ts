/**
 * Files as records → blocks, copy-on-write: a write turns the records it touches into new
 * blocks (checksum of the record's content, birth = the open txg, lsize/psize/asize, a DVA
 * at fresh space) and kills the blocks they replace. A killed block born after the latest
 * snapshot is freed; an older one stays allocated on the dataset's deadlist, held by the
 * snapshots (dsl_dataset.c dsl_dataset_block_kill).
 */
import { segmentLength, type Content, type Segment } from '../kernel/content';
import { packBp, unpackBp } from './block-pointer';
import { allocatedSize } from './capacity';
import { blockChecksum, type ChecksumAlgorithm } from './checksum';
import type { BlockPointer, DatasetState, ObjectState, PoolState } from './state';

/** sys/spa.h SPA_MINBLOCKSIZE. */
const SPA_MINBLOCKSIZE = 512;

/** How a dataset writes its blocks (its effective properties). */
export interface WritePolicy {
  recordsize: number;
  compression: boolean;
  checksum: ChecksumAlgorithm;
}

/**
 * The block size of a file of `size` bytes: one block rounded up to 512 bytes while it fits
 * in a record, else recordsize (zfs_write / dnode_set_blksz).
 */
export function blockSizeFor(size: number, recordsize: number): number {
  if (size <= recordsize) return Math.max(SPA_MINBLOCKSIZE, Math.ceil(size / SPA_MINBLOCKSIZE) * SPA_MINBLOCKSIZE);
  return recordsize;
}

/** The pieces of `content` for records `first … last` (one pass over the segments). */
function recordSlices(content: Content, blksz: number, first: number, last: number): Content[] {
  const out: Content[] = Array.from({ length: last - first + 1 }, () => []);
  let at = 0;
  for (const s of content) {
    const len = segmentLength(s);
    const end = at + len;
    const from = Math.max(at, first * blksz);
    const to = Math.min(end, (last + 1) * blksz);
    for (let pos = from; pos < to; ) {
      const r = Math.floor(pos / blksz);
      const stop = Math.min(to, (r + 1) * blksz);
      out[r - first]?.push(cut(s, pos - at, stop - at));
      pos = stop;
    }
    at = end;
    if (at >= (last + 1) * blksz) break;
  }
  return out;
}

/** Bytes `start … end` of one segment (text is cut by character count: simplified for non-ASCII). */
function cut(s: Segment, start: number, end: number): Segment {
  switch (s.kind) {
    case 'text':
      return { kind: 'text', text: s.text.slice(start, end) };
    case 'bytes':
      return { kind: 'bytes', data: s.data.slice(start, end) };
    case 'random':
      return { kind: 'random', seed: s.seed, offset: s.offset + start, length: end - start };
    default:
      return { kind: s.kind, length: end - start };
  }
}

/**
 * Physical size of a record: without compression its logical size; with it, zeros vanish,
 * text halves (lz4 on prose), random data stays (zio_compress_data keeps a block
 * uncompressed unless it saves at least 1/8). Rounded up to 512-byte sectors.
 */
export function physicalSize(piece: Content, lsize: number, compression: boolean): number {
  if (!compression) return lsize;
  let bytes = 0;
  for (const s of piece) {
    const len = segmentLength(s);
    if (s.kind === 'random') bytes += len;
    else if (s.kind === 'text' || s.kind === 'bytes') bytes += Math.ceil(len / 2);
  }
  const psize = Math.ceil(Math.max(bytes, 1) / SPA_MINBLOCKSIZE) * SPA_MINBLOCKSIZE;
  return psize > lsize - (lsize >> 3) ? lsize : psize;
}

/** True when a record holds nothing but zeros and holes. */
function empty(piece: Content): boolean {
  return piece.every((s) => s.kind === 'zero' || s.kind === 'hole');
}

/** The txg of the latest snapshot of a dataset (0 without one). */
export function latestSnapshotTxg(ds: DatasetState): number {
  // A clone's origin counts as its first snapshot: its files keep their origin versions.
  return Math.max(ds.snapshots[ds.snapshots.length - 1]?.txg ?? 0, ds.originTxg ?? 0);
}

/** Kills a block in `txg`: freed when no snapshot holds it, else on the deadlist. */
export function killBlock(pool: PoolState, ds: DatasetState, bp: BlockPointer, txg: number): void {
  const [birth, , , asize, , vdev] = bp;
  ds.live[birth] = (ds.live[birth] ?? 0) - asize;
  if (ds.live[birth] === 0) delete ds.live[birth];
  // A clone's blocks from before its origin belong to the origin snapshot: dropping them frees nothing.
  if (ds.originTxg !== undefined && birth <= ds.originTxg) {
    const od = (ds.originDead ??= {});
    const key = `${birth}:${txg}:${vdev}`;
    od[key] = (od[key] ?? 0) + asize;
    return;
  }
  if (birth > latestSnapshotTxg(ds)) {
    const v = pool.vdevs[vdev];
    if (v) v.alloc -= asize;
    return;
  }
  const key = `${birth}:${txg}:${vdev}`;
  ds.dead[key] = (ds.dead[key] ?? 0) + asize;
}

/** A new block for one record, at fresh space on the next vdev in turn. */
function allocate(pool: PoolState, ds: DatasetState, piece: Content, lsize: number, policy: WritePolicy, index: number): BlockPointer {
  const psize = physicalSize(piece, lsize, policy.compression);
  const vdevIndex = pool.vdevs.length > 0 ? index % pool.vdevs.length : 0;
  const vdev = pool.vdevs[vdevIndex];
  const asize = vdev ? allocatedSize(vdev, psize, pool.ashift) : psize;
  const offset = vdev ? vdev.next : 0;
  if (vdev) {
    vdev.next += asize;
    vdev.alloc += asize;
  }
  const txg = pool.openTxg;
  ds.live[txg] = (ds.live[txg] ?? 0) + asize;
  return [txg, lsize, psize, asize, blockChecksum(piece, policy.checksum), vdevIndex, offset];
}

/**
 * Rewrites a file's block tree after its content changed in bytes `from … to` (to =
 * Infinity after a truncate): new blocks for the touched records, the replaced ones killed.
 */
export function rewriteRecords(pool: PoolState, ds: DatasetState, ino: number, content: Content, size: number, from: number, to: number, policy: WritePolicy): ObjectState {
  const old = ds.objects[ino];
  const blksz = blockSizeFor(size, policy.recordsize);
  const count = size === 0 ? 0 : Math.ceil(size / blksz);
  const object: ObjectState = old && old.blksz === blksz ? old : { blksz, blocks: [] };
  let first = Math.floor(from / blksz);
  let last = Math.min(count - 1, to === Infinity ? count - 1 : Math.ceil(to / blksz) - 1);
  if (!old || old.blksz !== blksz) {
    // The block size changed (a one-block file grew): every record is rewritten.
    for (const bp of old?.blocks ?? []) if (bp) killBlock(pool, ds, unpackBp(bp), pool.openTxg);
    first = 0;
    last = count - 1;
  }
  // Records past the new end are freed (a truncate).
  for (let i = count; i < object.blocks.length; i++) {
    const bp = object.blocks[i];
    if (bp) killBlock(pool, ds, unpackBp(bp), pool.openTxg);
  }
  object.blocks.length = count;
  if (last >= first) {
    const pieces = recordSlices(content, blksz, first, last);
    for (let i = first; i <= last; i++) {
      const piece = pieces[i - first] ?? [];
      const previous = object.blocks[i];
      if (previous) killBlock(pool, ds, unpackBp(previous), pool.openTxg);
      // With compression on, an all-zero record is stored as a hole (zio_compress_data zero detection).
      object.blocks[i] = empty(piece) && (policy.compression || piece.every((s) => s.kind === 'hole')) ? null : packBp(allocate(pool, ds, piece, blksz, policy, i));
    }
  }
  for (let i = 0; i < count; i++) if (object.blocks[i] === undefined) object.blocks[i] = null;
  ds.objects[ino] = object;
  return object;
}

/** Frees every block of a removed file. */
export function freeObject(pool: PoolState, ds: DatasetState, ino: number): void {
  const object = ds.objects[ino];
  if (!object) return;
  for (const bp of object.blocks) if (bp) killBlock(pool, ds, unpackBp(bp), pool.openTxg);
  delete ds.objects[ino];
}

/** Allocated bytes of a file (st_blocks × 512). */
export function objectAllocated(object: ObjectState | undefined): number {
  let n = 0;
  for (const bp of object?.blocks ?? []) if (bp) n += unpackBp(bp)[3];
  return n;
}
