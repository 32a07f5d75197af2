/**
 * zvols as block devices: each volume appears as /dev/zdN (major 230, minors 16 apart, the
 * lowest free index first: OpenZFS module/os/linux/zfs/zvol_os.c zvol_alloc, ZVOL_MINOR_BITS 4)
 * with a logical sector of 512 and a physical sector of volblocksize
 * (blk_queue_physical_block_size), and its bytes kept here as content descriptors: a hole
 * where nothing was written, so a sparse 1 TiB volume costs nothing until it is written.
 * A thick volume reserves `refreservation` in its pool (libzfs zvol_volsize_to_reservation).
 */
// @sim zvol block devices | OpenZFS 2.3 zvol_os.c: /dev/zdN (230:16·N), /dev/zvol/POOL/NAME, 512-byte logical and volblocksize physical sectors, thick refreservation, sparse -s
import type { Host } from '../../model/host';
import type { Zvol } from '../../model/storage';
import { contentLength, sliceContent, writeContent, type Content } from '../kernel/content';
import { addBlockDevice, registerBlockBackend, removeBlockDevice } from '../kernel/devices';
import type { Errno } from '../kernel/errno';
import type { BlockDevice } from '../kernel/types';
import type { World } from '../world';
import { hostKernel } from '../world';
import { zfsHost, type ZvolState } from './state';

/** zfs_prop.c / sys/zvol.h ZVOL_DEFAULT_BLOCKSIZE: 16K since OpenZFS 2.2. */
export const ZVOL_DEFAULT_BLOCKSIZE = 16384;
/** zvol_os.c ZVOL_MINOR_BITS: each zvol owns 16 minors (itself and 15 partitions). */
const ZVOL_MINOR_STEP = 16;
/** sys/dnode.h DN_MAX_INDBLKSHIFT: 128K indirect blocks. */
const DN_MAX_INDBLKSHIFT = 17;
/** Block pointers per indirect block (128K / 128 bytes). */
const DNODES_PER_LEVEL = 1 << (DN_MAX_INDBLKSHIFT - 7);
/** sys/spa.h SPA_DVAS_PER_BP. */
const SPA_DVAS_PER_BP = 3;

/**
 * The refreservation a thick volume gets: volsize plus the indirect blocks that map it
 * (libzfs_dataset.c zvol_volsize_to_reservation: 7 metadata blocks, one per 1024 blocks per
 * level, kept in min(3, copies + 1) copies of 128K). Simplified: the RAIDZ adjustment of
 * volsize_from_vdevs is left out.
 * @example volsizeToReservation(10 * 2 ** 30, 16384) // 10906238976 (10.2G)
 */
export function volsizeToReservation(volsize: number, volblocksize: number, copies = 1): number {
  let nblocks = Math.floor(volsize / volblocksize);
  let numdb = 7;
  while (nblocks > 1) {
    nblocks = Math.floor((nblocks + DNODES_PER_LEVEL - 1) / DNODES_PER_LEVEL);
    numdb += nblocks;
  }
  numdb *= Math.min(SPA_DVAS_PER_BP, copies + 1);
  return volsize * copies + numdb * 2 ** DN_MAX_INDBLKSHIFT;
}

/** The volblocksize a lab volume has (its property, or the default). */
export function volblocksizeOf(zvol: Zvol): number {
  const v = zvol.properties?.volblocksize;
  return typeof v === 'number' ? v : ZVOL_DEFAULT_BLOCKSIZE;
}

/** The refreservation a lab volume has: none when sparse, else its property or the computed one. */
export function refreservationOf(zvol: Zvol): number {
  const r = zvol.properties?.refreservation;
  if (typeof r === 'number') return r;
  if (r === 'none' || (zvol.sparse && r !== 'auto')) return 0;
  const copies = Number(zvol.properties?.copies ?? 1);
  return volsizeToReservation(zvol.size, volblocksizeOf(zvol), copies);
}

/** The compression a volume inherits or sets (the pool default `on` since OpenZFS 2.2). */
function compressed(host: Host | undefined, dataset: string): boolean {
  const zvol = host?.zvols.find((z) => z.name === dataset);
  let value = zvol?.properties?.compression;
  for (let name = dataset; value === undefined && name.includes('/'); ) {
    name = name.slice(0, name.lastIndexOf('/'));
    value = host?.datasets.find((d) => d.name === name)?.properties?.compression;
  }
  return value !== 'off';
}

/**
 * Bytes of volblocks holding data: every block a written segment touches counts whole;
 * zeros count only without compression (ZFS stores an all-zero block as a hole when
 * compression is on: zio_compress_data's zero detection).
 */
export function allocatedBytes(data: Content, volblocksize: number, countZeros: boolean): number {
  let blocks = 0;
  let lastBlock = -1;
  let at = 0;
  for (const s of data) {
    const len = contentLength([s]);
    const stored = s.kind === 'text' || s.kind === 'bytes' || s.kind === 'random' || (s.kind === 'zero' && countZeros);
    if (stored && len > 0) {
      const first = Math.floor(at / volblocksize);
      const last = Math.floor((at + len - 1) / volblocksize);
      blocks += last - Math.max(first, lastBlock + 1) + 1;
      lastBlock = Math.max(lastBlock, last);
    }
    at += len;
  }
  return blocks * volblocksize;
}

/** The lowest free zvol index on a host, as zd{index·16}. */
function nextZvolName(world: World, host: string): string {
  const used = new Set(hostKernel(world, host).devices.filter((d) => /^zd[0-9]+$/.test(d.name)).map((d) => Number(d.name.slice(2))));
  let minor = 0;
  while (used.has(minor)) minor += ZVOL_MINOR_STEP;
  return `zd${minor}`;
}

/** The pool's shared space a volume draws on. */
function poolSpace(world: World, host: string, dataset: string) {
  return hostKernel(world, host).spaces[dataset.split('/')[0] as string];
}

/**
 * Brings a volume of the lab up: its /dev/zdN, its (empty) bytes and its reservation
 * charged to the pool. What boot does for each lab zvol and `zfs create -V` after its
 * model edit. Returns the device.
 */
export function attachZvol(world: World, host: string, zvol: Zvol): BlockDevice {
  const z = zfsHost(world, host);
  const existing = z.zvols[zvol.name];
  if (existing) detachZvol(world, host, zvol.name);
  const volblocksize = volblocksizeOf(zvol);
  const refreservation = refreservationOf(zvol);
  const dev = addBlockDevice(world, host, {
    name: nextZvolName(world, host),
    size: zvol.size,
    logicalSector: 512,
    physicalSector: volblocksize,
    type: 'disk',
    model: '',
    serial: '',
    rotational: false,
    removable: false,
    readOnly: false,
    transport: '',
    backing: { kind: 'zvol', dataset: zvol.name },
  });
  z.zvols[zvol.name] = { dataset: zvol.name, device: dev.name, volsize: zvol.size, volblocksize, refreservation, data: zvol.size > 0 ? [{ kind: 'hole', length: zvol.size }] : [], charged: refreservation };
  const space = poolSpace(world, host, zvol.name);
  if (space) space.used += refreservation;
  return dev;
}

/**
 * A volume's new size (`zfs set volsize`, zvol_set_volsize): its device takes the size, bytes
 * past a smaller size are gone, a larger size is a hole, and the pool is charged
 * max(refreservation, allocated) as for a write. 'ENOSPC' (and nothing changed) when that does
 * not fit in the pool.
 */
export function resizeZvol(world: World, host: string, dataset: string, volsize: number, refreservation: number): 'ENOSPC' | null {
  const state = zfsHost(world, host).zvols[dataset];
  if (!state) return null;
  const data: Content = volsize >= state.volsize ? [...state.data, ...(volsize > state.volsize ? [{ kind: 'hole' as const, length: volsize - state.volsize }] : [])] : sliceContent(state.data, 0, volsize);
  const lab = world.lab.hosts.find((h) => h.name === host);
  const charged = Math.max(refreservation, allocatedBytes(data, state.volblocksize, !compressed(lab, dataset)));
  const space = poolSpace(world, host, dataset);
  if (space && charged > state.charged && space.used + charged - state.charged > space.size) return 'ENOSPC';
  if (space) space.used = Math.max(0, space.used + charged - state.charged);
  Object.assign(state, { volsize, refreservation, data, charged });
  const dev = zvolDevice(world, host, dataset);
  if (dev) dev.size = volsize;
  return null;
}

/** Takes a volume down (`zfs destroy`): removes its device and releases its space. */
export function detachZvol(world: World, host: string, dataset: string): boolean {
  const z = zfsHost(world, host);
  const state = z.zvols[dataset];
  if (!state) return false;
  removeBlockDevice(world, host, state.device);
  const space = poolSpace(world, host, dataset);
  if (space) space.used = Math.max(0, space.used - state.charged);
  delete z.zvols[dataset];
  return true;
}

/** The block device of a volume (`tank/vol` → zd0), for iSCSI extents and `/dev/zvol` links. */
export function zvolDevice(world: World, host: string, dataset: string): BlockDevice | undefined {
  const state = zfsHost(world, host).zvols[dataset];
  return state ? hostKernel(world, host).devices.find((d) => d.name === state.device) : undefined;
}

/** The runtime state of a volume, if it is attached. */
export function zvolState(world: World, host: string, dataset: string): ZvolState | undefined {
  return zfsHost(world, host).zvols[dataset];
}

function zvolOf(world: World, host: string, dev: BlockDevice): ZvolState | undefined {
  return dev.backing.kind === 'zvol' ? zfsHost(world, host).zvols[dev.backing.dataset] : undefined;
}

registerBlockBackend('zvol', {
  read(world, host, dev, offset, length): Content | Errno {
    const state = zvolOf(world, host, dev);
    if (!state) return 'EIO';
    // A read of never-written blocks returns zeros (zvol_read: a hole reads as zeros).
    return sliceContent(state.data, offset, offset + length).map((s) => (s.kind === 'hole' ? { kind: 'zero', length: s.length } : s));
  },
  write(world, host, dev, offset, data): Errno | null {
    const state = zvolOf(world, host, dev);
    if (!state) return 'EIO';
    const next = writeContent(state.data, offset, data, false);
    const lab = world.lab.hosts.find((h) => h.name === host);
    const charged = Math.max(state.refreservation, allocatedBytes(next, state.volblocksize, !compressed(lab, state.dataset)));
    const space = poolSpace(world, host, state.dataset);
    if (space && charged > state.charged && space.used + charged - state.charged > space.size) return 'ENOSPC';
    if (space) space.used = Math.max(0, space.used + charged - state.charged);
    state.data = next;
    state.charged = charged;
    return null;
  },
});
