/**
 * Physical (or virtual) disks of a host, as `lsblk` would list them.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { checkDiskName } from './names';
import { SizeSchema } from './size';

/** Kinds of disk; they matter for teaching (SSD vs HDD) and for `lsblk -d -o ROTA`. */
export const DISK_TYPES = ['ssd', 'hdd', 'nvme', 'virtual'] as const;

/** One disk of a host. */
export const DiskSchema = z.strictObject({
  /**
   * Kernel device name, without /dev/.
   * @example sda
   * @example nvme0n1
   */
  name: checkedString(checkDiskName, 'disk-name', 'use the kernel name without /dev/, like sda or nvme0n1'),
  /**
   * Capacity: bytes or a size with a unit.
   * @example 4T
   */
  size: SizeSchema,
  /**
   * What kind of disk it is.
   * @example hdd
   */
  type: z.enum(DISK_TYPES),
});

/** One disk of a host (size in bytes). */
export type Disk = z.output<typeof DiskSchema>;
