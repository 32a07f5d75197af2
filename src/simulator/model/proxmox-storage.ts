/**
 * Proxmox VE storage definitions (`/etc/pve/storage.cfg`, `pvesm add`), the types a homelab
 * uses: dir, zfspool, iscsi, lvm, nfs. Field names are pvesm's.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { IqnSchema } from './iscsi-target';
import { PortalAddressSchema } from './iscsi-initiator';
import { checkAbsolutePath, checkDatasetName, checkStorageId } from './names';
import { IpSchema } from './network';

/** Content types (pve-storage PVE/Storage/Plugin.pm valid_content_types). */
export const STORAGE_CONTENT = ['images', 'rootdir', 'vztmpl', 'iso', 'backup', 'snippets', 'import', 'none'] as const;

/** A storage ID. @example local-zfs */
export const StorageIdSchema = checkedString(checkStorageId, 'storage-id', 'start with a letter; use letters, digits, "-", "_" and "."');

const PathSchema = checkedString(checkAbsolutePath, 'path');
const ContentSchema = z.array(z.enum(STORAGE_CONTENT));

const common = {
  /** Storage ID. @example local */
  id: StorageIdSchema,
  /** What the storage holds. @example [iso, vztmpl, backup] */
  content: ContentSchema.optional(),
  /** Shared between cluster nodes. @example false */
  shared: z.boolean().optional(),
  /** Disabled storage. @example false */
  disable: z.boolean().optional(),
};

/** `dir: ID` with `path`. */
export const DirStorageSchema = z.strictObject({ ...common, type: z.literal('dir'), /** @example /var/lib/vz */ path: PathSchema });

/** `zfspool: ID` with `pool` (a pool or dataset on this host). */
export const ZfsPoolStorageSchema = z.strictObject({
  ...common,
  type: z.literal('zfspool'),
  /** Pool or dataset that holds guest volumes. @example rpool/data */
  pool: checkedString(checkDatasetName, 'zfs-name'),
  /** Create volumes thin (`sparse 1`). @example true */
  sparse: z.boolean().optional(),
  /** Volume block size for new zvols. @example 16k */
  blocksize: z.string().regex(/^\d+[kKmM]?$/, { message: 'not a block size like 16k' }).optional(),
});

/** `iscsi: ID` with `portal` and `target` (content `images` or `none` only). */
export const IscsiStorageSchema = z.strictObject({
  ...common,
  type: z.literal('iscsi'),
  /** Portal host[:port]. @example 192.168.5.142 */
  portal: PortalAddressSchema,
  /** Full target IQN. @example iqn.2005-10.org.freenas.ctl:nextcloud */
  target: IqnSchema,
});

/** `lvm: ID` with `vgname`, optionally on an iSCSI LUN (`base STORAGE:VOLUME`). */
export const LvmStorageSchema = z.strictObject({
  ...common,
  type: z.literal('lvm'),
  /** Volume group name. @example nextcloud */
  vgname: z.string().regex(/^[a-zA-Z0-9+_.][a-zA-Z0-9+_.-]*$/, { message: 'invalid volume group name' }),
  /** Base volume: `STORAGE:VOLUME` on an iscsi storage. @example truenas-nextcloud:0.0.0.scsi-36589cfc000000abc */
  base: z.string().regex(/^[a-zA-Z][a-zA-Z0-9\-_.]*[a-zA-Z0-9]:[A-Za-z0-9._-]+$/, { message: 'base must be STORAGE:VOLUME' }).optional(),
});

/** `nfs: ID` with `server`, `export` and `path` (the local mount point). */
export const NfsStorageSchema = z.strictObject({
  ...common,
  type: z.literal('nfs'),
  /** NFS server address. @example 192.168.5.142 */
  server: IpSchema,
  /** Exported path on the server. @example /mnt/tank/pve */
  export: PathSchema,
  /** Local mount point. @example /mnt/pve/nas */
  path: PathSchema,
});

/** One storage.cfg entry. */
export const ProxmoxStorageSchema = z.discriminatedUnion('type', [DirStorageSchema, ZfsPoolStorageSchema, IscsiStorageSchema, LvmStorageSchema, NfsStorageSchema]);

/** One storage.cfg entry. */
export type ProxmoxStorage = z.output<typeof ProxmoxStorageSchema>;

/** A container template volume: `STORAGE:vztmpl/FILE`. */
export const TemplateVolumeSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9\-_.]*[a-zA-Z0-9]:vztmpl\/[A-Za-z0-9][A-Za-z0-9._+-]*\.tar\.(gz|xz|zst)$/, {
  message: 'not a template volume like local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
});
