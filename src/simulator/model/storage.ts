/**
 * ZFS storage of a host: pools built from vdevs over the host's disks, filesystem datasets
 * and volumes (zvols) with their properties.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { checkDatasetName, checkDiskName, checkPoolName } from './names';
import { SizeSchema } from './size';
import { FilesystemPropertiesSchema, PoolPropertiesSchema, VolumePropertiesSchema } from './zfs-properties';

/** Vdev layouts a lab can use. `stripe` is one top-level vdev per disk (no redundancy). */
export const VDEV_TYPES = ['stripe', 'mirror', 'raidz1', 'raidz2', 'raidz3'] as const;

/** Fewest disks each layout takes (cmd/zpool/zpool_vdev.c construct_spec). */
export const VDEV_MIN_DISKS: Record<(typeof VDEV_TYPES)[number], number> = { stripe: 1, mirror: 2, raidz1: 2, raidz2: 3, raidz3: 4 };

/** One vdev: a layout over some of the host's disks. */
export const VdevSchema = z
  .strictObject({
    /**
     * Layout.
     * @example mirror
     */
    type: z.enum(VDEV_TYPES),
    /**
     * Disk names of this host (from `disks`), each used once in the whole host.
     * @example [sdb, sdc]
     */
    disks: z.array(checkedString(checkDiskName, 'disk-name')),
  })
  .superRefine((vdev, ctx) => {
    const min = VDEV_MIN_DISKS[vdev.type];
    if (vdev.disks.length < min) {
      // cmd/zpool/zpool_vdev.c construct_spec.
      const what = vdev.type === 'stripe' ? 'a vdev' : vdev.type;
      ctx.addIssue({
        code: 'custom',
        path: ['disks'],
        message: `invalid vdev specification: ${what} requires at least ${min} device${min > 1 ? 's' : ''}`,
        params: { labCode: 'vdev', fix: `list at least ${min} disks, or use another layout` },
      });
    }
  });

/** One vdev. */
export type Vdev = z.output<typeof VdevSchema>;

/** A ZFS pool. */
export const PoolSchema = z.strictObject({
  /**
   * Pool name (zpool_name_valid rules: starts with a letter, not mirror*, raidz*, draid*, spare*, log).
   * @example tank
   */
  name: checkedString(checkPoolName, 'zfs-name', (message) =>
    message === 'name is reserved' ? 'mirror, raidz, draid, spare and log are vdev words: pick another name, like tank' : 'start with a letter; use letters, digits, "-", "_", ".", ":" and space',
  ),
  /**
   * Top-level vdevs, at least one.
   * @example [{ type: mirror, disks: [sdb, sdc] }]
   */
  vdevs: z.array(VdevSchema).min(1),
  /**
   * Pool properties.
   * @example { ashift: 12 }
   */
  properties: PoolPropertiesSchema.optional(),
  /**
   * Properties of the pool's root dataset (the filesystem named like the pool): what
   * `zpool create -O key=value` and `-m MOUNTPOINT` set, and `zfs set key=value POOL` changes.
   * Children inherit them.
   * @example { compression: lz4, atime: off, mountpoint: /tank }
   */
  rootProperties: FilesystemPropertiesSchema.optional(),
  /**
   * Separate intent-log vdevs (`zpool add tank log mirror nvme0n1 nvme1n1`): a disk or a
   * mirror each; they hold the ZIL for synchronous writes and add no capacity.
   * @example [{ type: mirror, disks: [nvme0n1, nvme1n1] }]
   */
  logs: z
    .array(VdevSchema)
    .superRefine((logs, ctx) => {
      logs.forEach((vdev, i) => {
        // zpool_vdev.c construct_spec: "unsupported 'log' device: raidz".
        if (vdev.type !== 'stripe' && vdev.type !== 'mirror') ctx.addIssue({ code: 'custom', path: [i, 'type'], message: `invalid vdev specification: unsupported 'log' device: ${vdev.type}`, params: { labCode: 'vdev', fix: 'a log is a disk or a mirror' } });
      });
    })
    .optional(),
  /**
   * Cache (L2ARC) disks: a second-level read cache; no redundancy needed, no capacity added.
   * @example [nvme2n1]
   */
  cache: z.array(checkedString(checkDiskName, 'disk-name')).optional(),
  /**
   * Hot spares: disks that wait, AVAIL, to replace a failed disk (`zpool replace`).
   * @example [sdf]
   */
  spares: z.array(checkedString(checkDiskName, 'disk-name')).optional(),
});

/** A ZFS pool. */
export type Pool = z.output<typeof PoolSchema>;

/** Every disk a pool uses: its data vdevs', logs', cache and spares, in that order. */
export function poolDisks(pool: Pick<Pool, 'vdevs' | 'logs' | 'cache' | 'spares'>): string[] {
  return [...pool.vdevs.flatMap((v) => v.disks), ...(pool.logs ?? []).flatMap((v) => v.disks), ...(pool.cache ?? []), ...(pool.spares ?? [])];
}

const DatasetNameSchema = checkedString(checkDatasetName, 'zfs-name', 'write pool/name, like tank/archive');

/** A ZFS filesystem (`zfs create`). Its parent (pool or dataset) must exist on the host. */
export const DatasetSchema = z.strictObject({
  /**
   * Full name, starting with the pool.
   * @example tank/archive
   */
  name: DatasetNameSchema,
  /**
   * Properties set locally on this dataset.
   * @example { compression: lz4, recordsize: 1M }
   */
  properties: FilesystemPropertiesSchema.optional(),
});

/** A ZFS filesystem. */
export type Dataset = z.output<typeof DatasetSchema>;

/** A ZFS volume (`zfs create -V size [-s]`), a block device at /dev/zvol/<name>. */
export const ZvolSchema = z.strictObject({
  /**
   * Full name, starting with the pool.
   * @example tank/vm-200-disk-0
   */
  name: DatasetNameSchema,
  /**
   * Volume size (`volsize`).
   * @example 32G
   */
  size: SizeSchema,
  /**
   * Thin provisioning (`zfs create -s`): no refreservation.
   * @example true
   */
  sparse: z.boolean().default(false),
  /**
   * Properties set locally on this volume.
   * @example { volblocksize: 16K }
   */
  properties: VolumePropertiesSchema.optional(),
});

/** A ZFS volume. */
export type Zvol = z.output<typeof ZvolSchema>;
