/**
 * The block-device registry of a host: the lab's disks with their partitions, and later
 * zvols (/dev/zdN) and iSCSI LUNs (/dev/sdX). /dev, /sys/block and lsblk are drawn from it.
 * Device numbers follow Linux's assignments (Documentation/admin-guide/devices.txt): SCSI
 * disks major 8 with 16 minors per disk, NVMe and partitions beyond 15 on the dynamic
 * block major 259, virtio-blk 252 (first dynamic major on a usual boot), zvols 230.
 */
// @sim kernel block devices | Linux devices.txt numbers (sd 8, NVMe 259, virtio 252, zvol 230); partitions laid out as sgdisk, proxinstall and libzfs zpool_label_disk do
import type { Disk } from '../../model/disk';
import { stableHash } from '../random';
import type { World } from '../world';
import { hostKernel } from '../world';
import { contentLength, type Content } from './content';
import type { Errno } from './errno';
import type { Backing, BlockDevice } from './types';

/** Linux majors by device family. */
export const MAJOR = { sd: 8, nvme: 259, vd: 252, zd: 230, sr: 11 } as const;

/** Partitions to lay out on a disk, in order. */
export interface PartitionSpec {
  /** Bytes; 0 = up to the last usable sector. */
  size: number;
  /** Partition number (default: its place in the list, from 1). */
  number?: number;
  /** Start in bytes (default: the next 1 MiB boundary). */
  start?: number;
  typeName: string;
  label?: string;
  fstype?: string;
}

const MiB = 1 << 20;

/** Representative model names per disk type and size (simplified: real ones come from the drive's firmware). */
function modelFor(disk: Disk): string {
  const tb = disk.size / 1024 ** 4;
  const label = tb >= 1 ? `${Math.round(tb)}TB` : `${Math.round(disk.size / 1024 ** 3)}GB`;
  switch (disk.type) {
    case 'hdd':
      return `WDC WD${Math.max(1, Math.round(tb))}0EFPX-68C4TN0`;
    case 'nvme':
      return `Samsung SSD 990 PRO ${label}`;
    case 'virtual':
      return 'QEMU HARDDISK';
    default:
      return `Samsung SSD 870 EVO ${label}`;
  }
}

function serialFor(seed: number, host: string, disk: Disk): string {
  const h = stableHash(seed, 'serial', host, disk.name).toString(36).toUpperCase().padStart(7, '0');
  switch (disk.type) {
    case 'hdd':
      return `WD-WX${h.slice(0, 10).padEnd(10, '0')}`;
    case 'nvme':
      return `S6B0NL0W${h.slice(0, 6)}`;
    case 'virtual':
      return `drive-scsi${h.slice(0, 2)}`;
    default:
      return `S5Y1NX0T${h.slice(0, 6)}`;
  }
}

/** The kernel name of partition `n` of `disk` (`sda1`, `nvme0n1p1`: a `p` after a name ending in a digit). */
export function partitionName(disk: string, n: number): string {
  return /[0-9]$/.test(disk) ? `${disk}p${n}` : `${disk}${n}`;
}

function familyOf(name: string): keyof typeof MAJOR | null {
  if (/^sd[a-z]+$/.test(name)) return 'sd';
  if (/^nvme[0-9]+n[0-9]+$/.test(name)) return 'nvme';
  if (/^vd[a-z]+$/.test(name)) return 'vd';
  if (/^zd[0-9]+$/.test(name)) return 'zd';
  if (/^sr[0-9]+$/.test(name)) return 'sr';
  return null;
}

/** sd/vd letters as a number: a → 0, z → 25, aa → 26. */
function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

/** The next free minor on the dynamic major 259 (NVMe namespaces and their partitions share it). */
function nextDynamicMinor(devices: BlockDevice[]): number {
  const used = devices.filter((d) => d.major === MAJOR.nvme).map((d) => d.minor);
  return used.length === 0 ? 0 : Math.max(...used) + 1;
}

/** Device numbers for a whole disk by its name. */
function numbersFor(name: string, devices: BlockDevice[]): [number, number] {
  const family = familyOf(name);
  if (family === 'sd' || family === 'vd') return [MAJOR[family], letterIndex(name.slice(2)) * 16];
  if (family === 'zd') return [MAJOR.zd, Number(name.slice(2))];
  if (family === 'sr') return [MAJOR.sr, Number(name.slice(2))];
  return [MAJOR.nvme, nextDynamicMinor(devices)];
}

/** Adds a whole disk to a host's registry; returns it. */
export function addDisk(world: World, host: string, disk: Disk): BlockDevice {
  const k = hostKernel(world, host);
  const [major, minor] = numbersFor(disk.name, k.devices);
  const nvme = disk.type === 'nvme';
  const dev: BlockDevice = {
    name: disk.name,
    major,
    minor,
    size: disk.size,
    logicalSector: 512,
    physicalSector: disk.type === 'hdd' ? 4096 : 512,
    type: 'disk',
    model: modelFor(disk),
    serial: serialFor(world.seed, host, disk),
    rotational: disk.type === 'hdd',
    removable: false,
    readOnly: false,
    transport: nvme ? 'nvme' : disk.type === 'virtual' ? '' : 'sata',
    backing: { kind: 'disk', disk: disk.name },
  };
  k.devices.push(dev);
  return dev;
}

/** Adds a block device of another kind (a zvol, an iSCSI LUN) with the numbers the kernel would give it. */
export function addBlockDevice(world: World, host: string, spec: Omit<BlockDevice, 'major' | 'minor'>): BlockDevice {
  const k = hostKernel(world, host);
  const [major, minor] = numbersFor(spec.name, k.devices);
  const dev: BlockDevice = { ...spec, major, minor };
  k.devices.push(dev);
  return dev;
}

/** Removes a device and its partitions (an iSCSI logout, a zvol destroyed). */
export function removeBlockDevice(world: World, host: string, name: string): boolean {
  const k = hostKernel(world, host);
  const before = k.devices.length;
  k.devices = k.devices.filter((d) => d.name !== name && d.parent !== name);
  return k.devices.length !== before;
}

/**
 * Lays partitions out on a disk as sgdisk would: each at the next 1 MiB boundary unless it
 * says where, `size: 0` running to the last usable sector (the backup GPT takes the last 33
 * sectors and the primary the first 34).
 */
export function partitionDisk(world: World, host: string, diskName: string, parts: PartitionSpec[]): BlockDevice[] {
  const k = hostKernel(world, host);
  const disk = k.devices.find((d) => d.name === diskName && d.type === 'disk');
  if (!disk) return [];
  k.devices = k.devices.filter((d) => d.parent !== diskName);
  const out: BlockDevice[] = [];
  let next = MiB;
  const end = disk.size - 33 * 512;
  parts.forEach((p, i) => {
    const start = p.start ?? next;
    const size = p.size > 0 ? p.size : end - start;
    if (size <= 0 || start + size > end) return;
    const number = p.number ?? i + 1;
    const name = partitionName(diskName, number);
    const numbers: [number, number] = disk.major === MAJOR.nvme || number > 15 ? [MAJOR.nvme, nextDynamicMinor(k.devices)] : [disk.major, disk.minor + number];
    const backing: Backing = { kind: 'partition', of: diskName, start };
    const dev: BlockDevice = {
      name,
      major: numbers[0],
      minor: numbers[1],
      size,
      logicalSector: disk.logicalSector,
      physicalSector: disk.physicalSector,
      type: 'part',
      parent: diskName,
      partition: number,
      model: '',
      serial: '',
      rotational: disk.rotational,
      removable: false,
      readOnly: false,
      transport: '',
      partTypeName: p.typeName,
      ...(p.label ? { partLabel: p.label } : {}),
      ...(p.fstype ? { fstype: p.fstype } : {}),
      backing,
    };
    k.devices.push(dev);
    out.push(dev);
    next = Math.ceil((start + size) / MiB) * MiB;
  });
  return out;
}

/** A device by name. */
export function findDevice(world: World, host: string, name: string): BlockDevice | undefined {
  return hostKernel(world, host).devices.find((d) => d.name === name);
}

/** Whole disks with their partitions after each, in registry order (lsblk's tree order). */
export function deviceTree(world: World, host: string): { disk: BlockDevice; parts: BlockDevice[] }[] {
  const devices = hostKernel(world, host).devices;
  return devices
    .filter((d) => d.type === 'disk')
    .map((disk) => ({ disk, parts: devices.filter((d) => d.parent === disk.name).sort((a, b) => (a.partition ?? 0) - (b.partition ?? 0)) }));
}

/**
 * Where a kind of block device keeps its bytes: the ZFS engine registers `zvol` (the
 * volume's blocks), the iSCSI engine `iscsi` (the LUN behind the session). A partition reads
 * and writes its disk at its start offset. Devices whose kind has no backend read as zeros
 * and take writes without keeping them (a blank disk; simplified until an engine owns it).
 */
export interface BlockBackend {
  read(world: World, host: string, dev: BlockDevice, offset: number, length: number): Content | Errno;
  write(world: World, host: string, dev: BlockDevice, offset: number, data: Content): Errno | null;
}

const BACKENDS = new Map<Backing['kind'], BlockBackend>();

/** Makes `backend` hold the bytes of devices whose backing is `kind`. */
export function registerBlockBackend(kind: Backing['kind'], backend: BlockBackend): void {
  BACKENDS.set(kind, backend);
}

/** The whole disk and offset a device's bytes live at (a partition is its disk from its start). */
function underlying(world: World, host: string, dev: BlockDevice, offset: number): { dev: BlockDevice; offset: number } {
  if (dev.backing.kind !== 'partition') return { dev, offset };
  const disk = findDevice(world, host, dev.backing.of);
  return disk ? { dev: disk, offset: offset + dev.backing.start } : { dev, offset };
}

/** Reads `length` bytes at `offset` of a block device (EINVAL past its end, as a read there returns nothing). */
export function readBlocks(world: World, host: string, dev: BlockDevice, offset: number, length: number): Content | Errno {
  if (offset < 0 || length < 0) return 'EINVAL';
  const n = Math.max(0, Math.min(length, dev.size - offset));
  if (n === 0) return [];
  const at = underlying(world, host, dev, offset);
  const backend = BACKENDS.get(at.dev.backing.kind);
  return backend ? backend.read(world, host, at.dev, at.offset, n) : [{ kind: 'zero', length: n }];
}

/** Writes `data` at `offset` of a block device; ENOSPC past its end (nothing written then). */
export function writeBlocks(world: World, host: string, dev: BlockDevice, offset: number, data: Content): Errno | null {
  if (dev.readOnly) return 'EROFS';
  const length = contentLength(data);
  if (offset < 0 || offset + length > dev.size) return 'ENOSPC';
  const at = underlying(world, host, dev, offset);
  const backend = BACKENDS.get(at.dev.backing.kind);
  return backend ? backend.write(world, host, at.dev, at.offset, data) : null;
}
