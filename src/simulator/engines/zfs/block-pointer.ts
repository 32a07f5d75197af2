/**
 * Block pointers are kept packed in one string each (`birth,lsize,psize,asize,checksum,vdev,offset`)
 * so a million of them fit the simulator's memory budget; the engine unpacks one to read it.
 */
import type { BlockPointer, PackedBlockPointer } from './state';

/** Packs a block pointer for storage. */
export function packBp(bp: BlockPointer): PackedBlockPointer {
  return bp.join(',');
}

/** Unpacks a stored block pointer. */
export function unpackBp(packed: PackedBlockPointer): BlockPointer {
  const f = packed.split(',');
  return [Number(f[0]), Number(f[1]), Number(f[2]), Number(f[3]), f[4] ?? '', Number(f[5]), Number(f[6])];
}
