/**
 * ZFS properties a lab file may set on pools, filesystems and volumes, with the values and
 * messages of OpenZFS 2.2 (module/zcommon/zfs_prop.c and zpool_prop.c value lists;
 * lib/libzfs/libzfs_dataset.c zfs_valid_proplist messages). Sizes are parsed to bytes.
 */
import { z } from 'zod';
import { checkAbsolutePath, checkFreeText } from './names';
import { parseSize } from './size';
import { describeUnknownKey } from './unknown-key';

/** libzfs zprop_parse_value: "'%s' must be one of '%s'" with the zfs_prop.c value list. */
function oneOf(property: string, values: readonly string[], shown?: string) {
  const list = shown ?? values.join(' | ');
  return z
    .union([z.string(), z.number(), z.boolean()])
    .transform((value, ctx) => {
      // YAML 1.1 habits: `atime: no`/`false` mean off; booleans are read as on/off.
      const text = typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
      if (!values.includes(text)) {
        ctx.addIssue({ code: 'custom', message: `'${property}' must be one of '${list}'`, params: { labCode: 'zfs-property' } });
        return z.NEVER;
      }
      return text;
    })
    .meta({ description: `One of: ${list}` });
}

const ON_OFF = ['on', 'off'] as const;
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

// zfs_prop.c compress_table (2.2).
const COMPRESSION = [
  'on', 'off', 'lzjb', 'gzip', ...range('gzip-', 1, 9), 'zle', 'lz4', 'zstd', ...range('zstd-', 1, 19),
  'zstd-fast', ...range('zstd-fast-', 1, 10), ...[20, 30, 40, 50, 60, 70, 80, 90, 100, 500, 1000].map((n) => `zstd-fast-${n}`),
];
const COMPRESSION_SHOWN = 'on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | zstd-[1-19] | zstd-fast | zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]';

/** A power-of-two block size; libzfs: "'%s' must be power of 2 from 512B to %s". */
function blockSize(property: string, maxText: string, max: number) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const bytes = parseSize(value);
      if (bytes === null || bytes < 512 || bytes > max || (bytes & (bytes - 1)) !== 0) {
        ctx.addIssue({ code: 'custom', message: `'${property}' must be power of 2 from 512B to ${maxText}`, params: { labCode: 'zfs-property' } });
        return z.NEVER;
      }
      return bytes;
    })
    .meta({ description: `A power of 2 from 512 to ${maxText}.` });
}

/** A size or `none` (quota, reservation); `auto` too for refreservation. */
function sizeOrKeyword(property: string, keywords: readonly string[]) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx): number | string => {
      if (typeof value === 'string' && keywords.includes(value)) return value;
      const bytes = parseSize(value);
      if (bytes === null) {
        // libzfs_util.c zfs_nicestrtonum: "bad numeric value '%s'".
        ctx.addIssue({ code: 'custom', message: `bad numeric value '${JSON.stringify(String(value).slice(0, 40)).slice(1, -1)}' for '${property}'`, params: { labCode: 'zfs-property', fix: `write a size like 500G or ${keywords.join(' or ')}` } });
        return z.NEVER;
      }
      return bytes;
    })
    .meta({ description: `A size like 500G, or ${keywords.join(' / ')}.` });
}

const MountpointSchema = z.string().superRefine((value, ctx) => {
  if (value === 'none' || value === 'legacy') return;
  if (checkAbsolutePath(value) !== null) {
    // libzfs_dataset.c zfs_valid_proplist, ZFS_PROP_MOUNTPOINT.
    ctx.addIssue({ code: 'custom', message: "'mountpoint' must be an absolute path, 'none', or 'legacy'", params: { labCode: 'zfs-property' } });
  }
});

const ShareSchema = z.union([z.boolean().transform((b) => (b ? 'on' : 'off')), z.string()]).superRefine((value, ctx) => {
  const problem = checkFreeText(value, false);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { labCode: 'text' } });
});

/** Properties shared by filesystems and volumes. */
const commonProperties = {
  /** @example lz4 */
  compression: oneOf('compression', COMPRESSION, COMPRESSION_SHOWN),
  /** @example on */
  checksum: oneOf('checksum', ['on', 'off', 'fletcher2', 'fletcher4', 'sha256', 'sha512', 'skein', 'edonr', 'blake3']),
  /** @example off */
  dedup: oneOf('dedup', ['on', 'off', 'verify', 'sha256', 'sha256,verify', 'sha512', 'sha512,verify', 'skein', 'skein,verify', 'edonr,verify', 'blake3', 'blake3,verify'], 'on | off | verify | sha256[,verify] | sha512[,verify] | skein[,verify] | edonr,verify | blake3[,verify]'),
  /** @example 1 */
  copies: oneOf('copies', ['1', '2', '3']),
  /** @example standard */
  sync: oneOf('sync', ['standard', 'always', 'disabled']),
  /** @example latency */
  logbias: oneOf('logbias', ['latency', 'throughput']),
  /** @example all */
  primarycache: oneOf('primarycache', ['all', 'none', 'metadata']),
  /** @example all */
  secondarycache: oneOf('secondarycache', ['all', 'none', 'metadata']),
  /** @example off */
  readonly: oneOf('readonly', ON_OFF),
  /** @example all */
  redundant_metadata: oneOf('redundant_metadata', ['all', 'most', 'some', 'none']),
  /** @example none */
  refreservation: sizeOrKeyword('refreservation', ['none', 'auto']),
  /** @example none */
  reservation: sizeOrKeyword('reservation', ['none']),
  /** @example off */
  encryption: oneOf('encryption', ['off', 'on', 'aes-128-ccm', 'aes-192-ccm', 'aes-256-ccm', 'aes-128-gcm', 'aes-192-gcm', 'aes-256-gcm']),
  /** @example passphrase */
  keyformat: oneOf('keyformat', ['none', 'raw', 'hex', 'passphrase']),
  /** @example hidden */
  snapdev: oneOf('snapdev', ['hidden', 'visible']),
};

/** Filesystem-only properties (zfs_prop.c: ZFS_TYPE_FILESYSTEM). */
const filesystemProperties = {
  /** @example 1M */
  recordsize: blockSize('recordsize', '16M', 16 * 1024 * 1024),
  /** @example /tank/archive */
  mountpoint: MountpointSchema,
  /** @example on */
  canmount: oneOf('canmount', ['on', 'off', 'noauto']),
  /** @example off */
  atime: oneOf('atime', ON_OFF),
  /** @example on */
  relatime: oneOf('relatime', ON_OFF),
  /** @example on */
  exec: oneOf('exec', ON_OFF),
  /** @example on */
  setuid: oneOf('setuid', ON_OFF),
  /** @example on */
  devices: oneOf('devices', ON_OFF),
  /** @example sa */
  xattr: oneOf('xattr', ['on', 'off', 'sa', 'dir']),
  /** @example posix */
  acltype: oneOf('acltype', ['off', 'nfsv4', 'posix', 'noacl', 'posixacl']),
  /** @example passthrough */
  aclinherit: oneOf('aclinherit', ['discard', 'noallow', 'restricted', 'passthrough', 'passthrough-x']),
  /** @example discard */
  aclmode: oneOf('aclmode', ['discard', 'groupmask', 'passthrough', 'restricted']),
  /** @example hidden */
  snapdir: oneOf('snapdir', ['hidden', 'visible']),
  /** @example 500G */
  quota: sizeOrKeyword('quota', ['none']),
  /** @example 100G */
  refquota: sizeOrKeyword('refquota', ['none']),
  /** @example sensitive */
  casesensitivity: oneOf('casesensitivity', ['sensitive', 'insensitive', 'mixed']),
  /** @example none */
  normalization: oneOf('normalization', ['none', 'formC', 'formD', 'formKC', 'formKD']),
  /** @example off */
  utf8only: oneOf('utf8only', ON_OFF),
  /** @example auto */
  dnodesize: oneOf('dnodesize', ['legacy', 'auto', '1k', '2k', '4k', '8k', '16k']),
  /** @example "rw=@192.168.5.0/24" */
  sharenfs: ShareSchema,
  /** @example off */
  sharesmb: ShareSchema,
  /** @example 0 */
  special_small_blocks: blockSizeOrZero(),
};

function blockSizeOrZero() {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === null || (bytes !== 0 && (bytes > 16 * 1024 * 1024 || (bytes & (bytes - 1)) !== 0))) {
      ctx.addIssue({ code: 'custom', message: "invalid 'special_small_blocks=value' (0 or a power of 2 up to 16M)", params: { labCode: 'zfs-property' } });
      return z.NEVER;
    }
    return bytes;
  });
}

/** Volume-only properties (zfs_prop.c: ZFS_TYPE_VOLUME). */
const volumeProperties = {
  /** @example 16K */
  volblocksize: blockSize('volblocksize', '128K', 128 * 1024),
  /** @example default */
  volmode: oneOf('volmode', ['default', 'full', 'geom', 'dev', 'none']),
};

/** User properties (zfsprops(7) "User Properties"): `module:property`, e.g. com.sun:auto-snapshot. */
const UserPropertyValueSchema = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

function isUserProperty(key: string): boolean {
  // zfsprops(7): user property names contain a colon, are lower case, at most 256 characters.
  return /^[a-z0-9][a-z0-9_.:-]*$/.test(key) && key.includes(':') && key.length <= 256;
}

/**
 * An object of native properties plus user properties; native properties that belong to
 * the other dataset type get libzfs' "does not apply to datasets of this type".
 */
function propertyObject<S extends z.ZodRawShape>(shape: S, otherType: readonly string[]) {
  const known = Object.keys(shape);
  return z
    .object(shape)
    .partial()
    .catchall(UserPropertyValueSchema)
    .superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null) return;
        for (const key of Object.keys(value)) {
          if (known.includes(key) || isUserProperty(key)) continue;
          if (otherType.includes(key)) {
            // libzfs_dataset.c zfs_valid_proplist.
            ctx.addIssue({ code: 'custom', path: [key], message: `'${key}' does not apply to datasets of this type`, params: { labCode: 'zfs-property' } });
          } else {
            const { message, fix } = describeUnknownKey(key, known);
            ctx.addIssue({ code: 'custom', path: [key], message: message.replace('unknown key', 'unknown ZFS property'), params: { labCode: 'unknown-key', fix } });
          }
        }
      },
      { when: () => true },
    );
}

/**
 * Properties of a filesystem dataset (`zfs create -o key=value`).
 * @example { compression: lz4, recordsize: 1M, quota: 500G, mountpoint: /tank/archive, atime: off }
 */
export const FilesystemPropertiesSchema = propertyObject({ ...commonProperties, ...filesystemProperties }, Object.keys(volumeProperties));

/** Properties of a filesystem dataset; sizes in bytes. */
export type FilesystemProperties = z.output<typeof FilesystemPropertiesSchema>;

/**
 * Properties of a volume (`zfs create -V size -o key=value`).
 * @example { volblocksize: 16K, compression: lz4 }
 */
export const VolumePropertiesSchema = propertyObject({ ...commonProperties, ...volumeProperties }, Object.keys(filesystemProperties));

/** Properties of a volume; sizes in bytes. */
export type VolumeProperties = z.output<typeof VolumePropertiesSchema>;

/**
 * Pool properties (`zpool create -o key=value`), zpoolprops(7).
 * @example { ashift: 12, autotrim: off }
 */
export const PoolPropertiesSchema = z
  .strictObject({
    /**
     * Sector size exponent; 0 lets ZFS detect it.
     * @example 12
     */
    ashift: z
      .number()
      .int()
      .superRefine((value, ctx) => {
        if (value !== 0 && (value < 9 || value > 16)) {
          // lib/libzfs/libzfs_pool.c zpool_valid_proplist, ZPOOL_PROP_ASHIFT.
          ctx.addIssue({ code: 'custom', message: `property 'ashift' number ${value} is invalid, only values between 9 and 16 are allowed.`, params: { labCode: 'zfs-property' } });
        }
      }),
    /** @example off */
    autotrim: oneOf('autotrim', ON_OFF),
    /** @example off */
    autoexpand: oneOf('autoexpand', ON_OFF),
    /** @example off */
    autoreplace: oneOf('autoreplace', ON_OFF),
    /** @example wait */
    failmode: oneOf('failmode', ['wait', 'continue', 'panic']),
    /** @example off */
    listsnapshots: oneOf('listsnapshots', ON_OFF),
    /** @example off */
    multihost: oneOf('multihost', ON_OFF),
    /**
     * Alternate root (`zpool create -R` / `zpool import -R`): every mountpoint is mounted below
     * it. Not persistent on real pools; a lab keeps it so a booted lab mounts where the reader
     * asked.
     * @example /mnt
     */
    altroot: z.string().superRefine((value, ctx) => {
      // libzfs_pool.c zpool_valid_proplist, ZPOOL_PROP_ALTROOT.
      if (!value.startsWith('/')) ctx.addIssue({ code: 'custom', message: `bad alternate root '${value}'`, params: { labCode: 'zfs-property', fix: 'write an absolute path, like /mnt' } });
      else if (value.length > 1024 || /[\u0000-\u001f\u007f]/.test(value)) ctx.addIssue({ code: 'custom', message: 'altroot must be a plain absolute path', params: { labCode: 'zfs-property' } });
    }),
    /** @example "office NAS" */
    comment: z.string().max(32).superRefine((value, ctx) => {
      const problem = checkFreeText(value, false);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { labCode: 'text' } });
    }),
  })
  .partial();

/** Pool properties. */
export type PoolProperties = z.output<typeof PoolPropertiesSchema>;
