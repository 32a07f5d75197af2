/**
 * Capacity rules of a pool, as OpenZFS computes them: sector size (ashift), what a block
 * takes on each vdev type (RAIDZ parity and padding, vdev_raidz.c vdev_raidz_asize), the
 * raw and usable (deflated) sizes, and the slop space held back (spa_misc.c spa_get_slop_space).
 */
import type { VdevState } from './state';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
/** vdev_impl.h: two labels and the boot block at the front (4 MiB), two labels at the end (512 KiB). */
export const VDEV_LABEL_RESERVE = 4 * MiB + 512 * 1024;
/** vdev.c vdev_open: a leaf's size is aligned down to whole labels (sizeof vdev_label_t, 256 KiB). */
const LEAF_ALIGN = 256 * 1024;

/** Parity count of a vdev type (0 for stripe and mirror). */
export function parityOf(type: VdevState['type']): number {
  return type.startsWith('raidz') ? Number(type.slice(5)) : 0;
}

/** Usable bytes of a leaf of `size` bytes (labels taken off, aligned down). */
export function leafUsable(size: number): number {
  return Math.max(0, Math.floor((size - VDEV_LABEL_RESERVE) / LEAF_ALIGN) * LEAF_ALIGN);
}

/**
 * ashift a new pool gets: the property when given, else from the largest physical sector
 * of its disks (vdev_open: ashift = highbit(physical sector) - 1, at least 9).
 */
export function autoAshift(physicalSectors: number[], property?: number): number {
  if (property !== undefined && property !== 0) return property;
  const largest = Math.max(512, ...physicalSectors);
  return Math.max(9, Math.round(Math.log2(largest)));
}

/**
 * Bytes a block of `psize` physical bytes takes on a vdev: whole sectors; on RAIDZ-P over
 * N disks, P parity sectors per row of N − P data sectors, the total rounded up to a
 * multiple of P + 1 sectors (vdev_raidz.c vdev_raidz_asize).
 */
export function allocatedSize(vdev: Pick<VdevState, 'type' | 'leaves'>, psize: number, ashift: number): number {
  if (psize <= 0) return 0;
  const sectors = Math.floor((psize - 1) / 2 ** ashift) + 1;
  const nparity = parityOf(vdev.type);
  if (nparity === 0) return sectors * 2 ** ashift;
  const cols = vdev.leaves.length;
  let asize = sectors + nparity * Math.floor((sectors + cols - nparity - 1) / (cols - nparity));
  asize = Math.ceil(asize / (nparity + 1)) * (nparity + 1);
  return asize * 2 ** ashift;
}

/** highbit64: the 1-based index of the highest set bit (0 for 0). */
function highbit(n: number): number {
  return n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

/**
 * The metaslab size of a top-level vdev of `asize` bytes (vdev.c vdev_metaslab_set_size:
 * 512 MiB metaslabs, more than 200 of them grow up to 16 GiB, fewer than 16 shrink).
 */
export function metaslabShift(asize: number, ashift: number): number {
  const count = Math.floor(asize / 2 ** 29);
  let shift = 29;
  if (count < 16) shift = Math.max(highbit(Math.floor(asize / 16)), 24);
  else if (count > 200) shift = Math.min(highbit(Math.floor(asize / 200)), 34);
  return Math.max(shift, ashift);
}

/**
 * Raw bytes of a top-level vdev (`zpool list` SIZE counts parity): a mirror is one leaf,
 * RAIDZ all of them; only whole metaslabs count.
 */
export function rawSize(vdev: VdevState, ashift = 9): number {
  const asize = vdev.type.startsWith('raidz') ? vdev.leafSize * vdev.leaves.length : vdev.leafSize;
  const shift = metaslabShift(asize, ashift);
  return Math.floor(asize / 2 ** shift) * 2 ** shift;
}

/**
 * The deflate ratio of a vdev (vdev.c: vdev_deflate_ratio = 2^17 / (asize of 128K >> 9)):
 * space figures of datasets are allocated bytes scaled by it, so a RAIDZ shows data sizes.
 */
export function deflateRatio(vdev: VdevState, ashift: number): number {
  // An expanded RAIDZ keeps the ratio of its original width (vdev_psize_to_asize_txg at txg 0).
  const original = vdev.originalWidth ? { type: vdev.type, leaves: vdev.leaves.slice(0, vdev.originalWidth) } : vdev;
  return Math.floor(2 ** 17 / (allocatedSize(original, 2 ** 17, ashift) / 512));
}

/** Allocated bytes of a vdev as dataset space (vdev_deflated_space). */
export function deflate(vdev: VdevState, asize: number, ashift: number): number {
  return Math.floor(asize / 512) * deflateRatio(vdev, ashift);
}

/** Usable bytes of a pool before slop (spa_get_dspace). */
export function deflatedSize(vdevs: VdevState[], ashift: number): number {
  return vdevs.reduce((sum, v) => sum + deflate(v, rawSize(v, ashift), ashift), 0);
}

/** spa_misc.c spa_get_slop_space: 1/32 of the space, at least 128 MiB (or half a small pool), at most 128 GiB. */
export function slopSpace(dspace: number): number {
  if (dspace <= 128 * MiB) return Math.floor(dspace / 2);
  return Math.min(128 * GiB, Math.max(128 * MiB, Math.floor(dspace / 32)));
}
