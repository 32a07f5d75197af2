/**
 * A Proxmox LXC container (`/etc/pve/lxc/<vmid>.conf`, `pct create/set`), with pct's field
 * names and the API's defaults (pve-container src/PVE/LXC/Config.pm; pct.adoc).
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { DescriptionSchema, LineTextSchema } from './free-text';
import { checkIdmap } from './idmap';
import { checkAbsolutePath, checkDnsName, checkTag, checkVmid } from './names';
import { IpSchema, CidrSchema, InterfaceNameSchema } from './network';
import { StorageIdSchema, TemplateVolumeSchema } from './proxmox-storage';
import { SizeSchema } from './size';

/**
 * A VMID: 100–999999999 (pve-common JSONSchema.pm pve-vmid).
 * @example 101
 */
export const VmidSchema = z.number().superRefine((vmid, ctx) => {
  const message = checkVmid(vmid);
  if (message) ctx.addIssue({ code: 'custom', message, params: { labCode: 'vmid', fix: 'use a whole number from 100 to 999999999' } });
});

/** A DNS host name (pve-common dns-name format). @example syncthing-srv */
export const DnsNameSchema = checkedString(checkDnsName, 'dns-name', 'use letters, digits and "-", dot-separated, like syncthing-srv');

// pve-common JSONSchema.pm mac-addr: unicast (the low bit of the first octet clear).
const MacSchema = z.string().superRefine((mac, ctx) => {
  if (!/^[a-f0-9][02468ace](:[a-f0-9]{2}){5}$/i.test(mac)) {
    ctx.addIssue({ code: 'custom', message: 'value does not look like a valid unicast MAC address', params: { labCode: 'mac' } });
  }
});

/**
 * A Proxmox volume name: `subvol-101-disk-0`, `vm-200-disk-0`, `101/vm-101-disk-0.raw`.
 * @example subvol-101-disk-0
 */
export const VolumeNameSchema = z.string().superRefine((volume, ctx) => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/+-]*$/.test(volume) || volume.includes('..') || volume.length > 255) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(volume.slice(0, 40))} is not a volume name like subvol-101-disk-0`, params: { labCode: 'volume' } });
  }
});

/** OS types pct knows (Config.pm ostype). */
export const CONTAINER_OSTYPES = ['debian', 'devuan', 'ubuntu', 'centos', 'fedora', 'opensuse', 'archlinux', 'alpine', 'gentoo', 'nixos', 'unmanaged'] as const;

/** `netN:` of a container. */
export const ContainerNetSchema = z.strictObject({
  /** N in netN (0–31). @example 0 */
  index: z.number().int().min(0).max(31),
  /** Interface name inside the container. @example eth0 */
  name: InterfaceNameSchema,
  /** Host bridge. @example vmbr0 */
  bridge: InterfaceNameSchema,
  /** `dhcp`, `manual` or an address with prefix. @example 192.168.5.150/24 */
  ip: z.union([z.enum(['dhcp', 'manual']), CidrSchema]).optional(),
  /** IPv4 gateway. @example 192.168.5.1 */
  gw: IpSchema.optional(),
  /** `auto`, `dhcp`, `manual` or an IPv6 address with prefix. */
  ip6: z.union([z.enum(['auto', 'dhcp', 'manual']), CidrSchema]).optional(),
  /** IPv6 gateway. */
  gw6: IpSchema.optional(),
  /** VLAN tag (1–4094). @example 20 */
  tag: z.number().int().min(1).max(4094).optional(),
  /** MAC address. @example BC:24:11:00:00:01 */
  hwaddr: MacSchema.optional(),
  /** Proxmox firewall on this interface. @example true */
  firewall: z.boolean().optional(),
  /** MTU. @example 1500 */
  mtu: z.number().int().min(64).max(65520).optional(),
  /** Rate limit in MB/s. @example 10 */
  rate: z.number().positive().optional(),
});

/** `rootfs:` of a container. */
export const RootfsSchema = z.strictObject({
  /** Storage ID. @example local-zfs */
  storage: StorageIdSchema,
  /** Volume name; left out for a new volume. @example subvol-101-disk-0 */
  volume: VolumeNameSchema.optional(),
  /** Size (pct default 4G). @example 8G */
  size: SizeSchema.default(4 * 1024 ** 3),
});

/** `mpN:` of a container: a bind mount (`source`, a host path) or a volume (`storage`). */
export const MountSchema = z
  .strictObject({
    /** N in mpN (0–255). @example 0 */
    index: z.number().int().min(0).max(255),
    /** Bind mount: host path. @example /tank/archive */
    source: checkedString(checkAbsolutePath, 'path').optional(),
    /** Volume mount: storage ID. @example local-zfs */
    storage: StorageIdSchema.optional(),
    /** Volume mount: volume name. @example subvol-101-disk-1 */
    volume: VolumeNameSchema.optional(),
    /** Path inside the container. @example /mnt/archive */
    mp: checkedString(checkAbsolutePath, 'path'),
    /** Volume mount: size. @example 32G */
    size: SizeSchema.optional(),
    /** Read-only. @example false */
    ro: z.boolean().optional(),
    /** Mark as shared between nodes (no migration copy). @example false */
    shared: z.boolean().optional(),
    /** Include in vzdump backups (volume mounts only). @example true */
    backup: z.boolean().optional(),
    /**
     * Idmapped mount (pve-container 6.1.6+): `type:container:disk:count` entries joined by `;`,
     * or `passthrough`; IDs it does not cover fall back to the container's map.
     * @example u:1000:1000:1;g:1000:1000:1
     */
    idmap: z
      .string()
      .superRefine((value, ctx) => {
        // pve-container src/PVE/LXC/Config.pm: the mount point idmap format.
        const bad = value === 'passthrough' ? undefined : value.split(';').find((e) => !/^[ug]:[0-9]+:[0-9]+:[1-9][0-9]*$/.test(e));
        if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `failed to parse mount point idmap: ${bad}`, params: { labCode: 'mount', fix: 'write type:container:disk:count entries joined by ";", like u:1000:1000:1;g:1000:1000:1, or passthrough' } });
      })
      .optional(),
  })
  .superRefine((mount, ctx) => {
    const add = (message: string, fix: string, path: string[] = []) => ctx.addIssue({ code: 'custom', path, message, params: { labCode: 'mount', fix } });
    if (mount.source !== undefined && mount.storage !== undefined) {
      add('a mount point is either a bind mount (source) or a volume (storage), not both', 'keep source for a host path, or storage for a new volume');
    } else if (mount.source === undefined && mount.storage === undefined) {
      add('a mount point needs a source (host path, bind mount) or a storage (volume)', 'add source: /host/path or storage: local-zfs');
    } else if (mount.source !== undefined) {
      // pct.adoc: backup applies only to volume mount points; bind mounts are never backed up.
      if (mount.backup === true) add('bind mounts are never included in backups', 'remove backup, or use a volume mount point', ['backup']);
      if (mount.size !== undefined) add('a bind mount has no size', 'remove size', ['size']);
      if (mount.volume !== undefined) add('a bind mount has no volume', 'remove volume', ['volume']);
    }
  });

/** A Proxmox LXC container. */
export const ContainerSchema = z
  .strictObject({
    /** VMID. @example 101 */
    vmid: VmidSchema,
    /** Host name inside the container; pct defaults to CT<vmid>. @example syncthing-srv */
    hostname: DnsNameSchema.optional(),
    /** Template volume it was created from. @example local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst */
    template: TemplateVolumeSchema.optional(),
    /** OS type. @example debian */
    ostype: z.enum(CONTAINER_OSTYPES).optional(),
    /** Architecture. @example amd64 */
    arch: z.enum(['amd64', 'i386', 'arm64', 'armhf', 'riscv32', 'riscv64']).default('amd64'),
    /** CPU cores (cpuset), 1–8192. @example 1 */
    cores: z.number().int().min(1).max(8192).default(1),
    /** CPU limit (cpu.max), 0 = unlimited. @example 2 */
    cpulimit: z.number().min(0).max(8192).optional(),
    /** Memory in MiB (memory.max), at least 16. @example 512 */
    memory: z.number().int().min(16).default(512),
    /** Swap in MiB (memory.swap.max). @example 512 */
    swap: z.number().int().min(0).default(512),
    /** Unprivileged (user namespace); the API creates unprivileged containers by default. @example true */
    unprivileged: z.boolean().default(true),
    /** `features:` nesting, keyctl, fuse, mount types. @example { nesting: true } */
    features: z
      .strictObject({
        nesting: z.boolean().optional(),
        keyctl: z.boolean().optional(),
        fuse: z.boolean().optional(),
        mknod: z.boolean().optional(),
        /** File system types the container may mount. @example [nfs] */
        mount: z.array(z.string().regex(/^[a-z0-9_]+$/, { message: 'not a file system type like nfs or cifs' })).optional(),
      })
      .optional(),
    /** netN entries. */
    net: z.array(ContainerNetSchema).default([]),
    /** Root file system. */
    rootfs: RootfsSchema.optional(),
    /** mpN entries. */
    mounts: z.array(MountSchema).default([]),
    /** lxc.idmap lines, kernel order `u|g container host count`. @example ["u 0 100000 65536"] */
    idmap: z.array(z.string()).default([]),
    /** Other raw lxc.* lines, kept in order. @example ["lxc.apparmor.profile: generated"] */
    lxc: z.array(LineTextSchema).default([]),
    /** Start at boot. @example true */
    onboot: z.boolean().default(false),
    /** Startup order and delays. @example { order: 1, up: 30 } */
    startup: z.strictObject({ order: z.number().int().min(0).optional(), up: z.number().int().min(0).optional(), down: z.number().int().min(0).optional() }).optional(),
    /** Protection against removal. */
    protection: z.boolean().optional(),
    /** Tags. @example [sync, family] */
    tags: z.array(checkedString(checkTag, 'tag')).default([]),
    /** Notes (written as leading # lines). @example Syncthing for the family laptops */
    description: DescriptionSchema.optional(),
  })
  .superRefine((ct, ctx) => {
    for (const problem of checkIdmap(ct.idmap, ct.unprivileged)) {
      ctx.addIssue({ code: 'custom', path: problem.index === undefined ? ['idmap'] : ['idmap', problem.index], message: problem.message, params: { labCode: 'idmap', ...(problem.fix ? { fix: problem.fix } : {}) } });
    }
    ct.lxc.forEach((line, i) => {
      // Raw keys are `lxc.key: value` (or `=`), as in the .conf file.
      if (!/^lxc\.[a-z0-9_.]+\s*[:=]/.test(line)) {
        ctx.addIssue({ code: 'custom', path: ['lxc', i], message: `${JSON.stringify(line.slice(0, 40))} is not an lxc.* line`, params: { labCode: 'lxc', fix: 'write "lxc.key: value", like "lxc.apparmor.profile: generated"' } });
      } else if (/^lxc\.idmap\s*[:=]/.test(line)) {
        ctx.addIssue({ code: 'custom', path: ['lxc', i], message: 'lxc.idmap lines belong in idmap', params: { labCode: 'lxc', fix: 'move the "u|g container host count" part to the idmap list' } });
      }
    });
    const seen = new Map<number, number>();
    ct.mounts.forEach((m, i) => {
      if (seen.has(m.index)) ctx.addIssue({ code: 'custom', path: ['mounts', i, 'index'], message: `mp${m.index} is defined twice`, params: { labCode: 'duplicate', fix: `use another index than ${m.index}` } });
      seen.set(m.index, i);
    });
    const nets = new Set<number>();
    const names = new Set<string>();
    ct.net.forEach((n, i) => {
      if (nets.has(n.index)) ctx.addIssue({ code: 'custom', path: ['net', i, 'index'], message: `net${n.index} is defined twice`, params: { labCode: 'duplicate', fix: `use another index than ${n.index}` } });
      else if (names.has(n.name)) ctx.addIssue({ code: 'custom', path: ['net', i, 'name'], message: `interface name ${n.name} is used twice in this container`, params: { labCode: 'duplicate' } });
      nets.add(n.index);
      names.add(n.name);
    });
  });

/** A Proxmox LXC container, defaults filled in. */
export type Container = z.output<typeof ContainerSchema>;
/** A container's netN. */
export type ContainerNet = Container['net'][number];
/** A container's mpN. */
export type Mount = Container['mounts'][number];

/** True for a bind mount (host path), false for a volume mount point. */
export function isBindMount(mount: Mount): boolean {
  return mount.source !== undefined;
}
