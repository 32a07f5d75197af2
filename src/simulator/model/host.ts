/**
 * A host of the lab: a Proxmox VE node, a TrueNAS box or any Linux machine (VPS, Raspberry
 * Pi…), with its network, disks, users, ZFS storage, iSCSI roles and guests.
 */
import { z } from 'zod';
import { ContainerSchema, DnsNameSchema } from './container';
import { DiskSchema } from './disk';
import { DescriptionSchema } from './free-text';
import { IscsiInitiatorSchema } from './iscsi-initiator';
import { IscsiTargetSchema } from './iscsi-target';
import { InterfaceSchema, ZoneIdSchema, canonicalIp, parseCidr } from './network';
import { ProxmoxStorageSchema, TemplateVolumeSchema } from './proxmox-storage';
import { DatasetSchema, PoolSchema, ZvolSchema } from './storage';
import { GroupSchema, SubidEntrySchema, UserSchema } from './user';
import { VmSchema } from './vm';

/** Kinds of host. */
export const HOST_KINDS = ['proxmox', 'truenas', 'linux'] as const;

/** The Proxmox VE side of a host: storage.cfg and downloaded templates. */
export const ProxmoxConfigSchema = z.strictObject({
  /** /etc/pve/storage.cfg entries. */
  storage: z.array(ProxmoxStorageSchema).default([]),
  /** Container templates present (`pveam download`). @example [local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst] */
  templates: z.array(TemplateVolumeSchema).default([]),
});

/** iSCSI roles of a host: target (TrueNAS or Linux) and/or initiator (Proxmox or Linux). */
export const HostIscsiSchema = z.strictObject({
  /** Target configuration, TrueNAS middleware shape. */
  target: IscsiTargetSchema.optional(),
  /** Initiator (open-iscsi). */
  initiator: IscsiInitiatorSchema.optional(),
});

/** A host. */
export const HostSchema = z
  .strictObject({
    /** Short name: `ssh pve`, the prompt, references from services and links. @example pve */
    name: DnsNameSchema,
    /** `hostname` of the machine; defaults to `name`. @example pve */
    hostname: DnsNameSchema.optional(),
    /** proxmox, truenas or linux. @example proxmox */
    kind: z.enum(HOST_KINDS),
    /** Trust zone id. @example lan */
    zone: ZoneIdSchema.optional(),
    /** Notes. @example Dell R630 running Proxmox VE 8 */
    description: DescriptionSchema.optional(),
    /** Network interfaces. */
    interfaces: z.array(InterfaceSchema).default([]),
    /** Disks. */
    disks: z.array(DiskSchema).default([]),
    /** /etc/passwd. */
    users: z.array(UserSchema).default([]),
    /** /etc/group. */
    groups: z.array(GroupSchema).default([]),
    /** /etc/subuid lines. @example ["root:100000:65536"] */
    subuid: z.array(SubidEntrySchema).optional(),
    /** /etc/subgid lines. @example ["root:100000:65536"] */
    subgid: z.array(SubidEntrySchema).optional(),
    /** ZFS pools. */
    pools: z.array(PoolSchema).default([]),
    /** ZFS filesystems. */
    datasets: z.array(DatasetSchema).default([]),
    /** ZFS volumes. */
    zvols: z.array(ZvolSchema).default([]),
    /** Proxmox VE configuration (proxmox hosts). */
    proxmox: ProxmoxConfigSchema.optional(),
    /** iSCSI target and/or initiator. */
    iscsi: HostIscsiSchema.optional(),
    /** LXC containers (proxmox hosts). */
    containers: z.array(ContainerSchema).default([]),
    /** VMs (proxmox hosts). */
    vms: z.array(VmSchema).default([]),
  })
  // `hostname` always ends up last, so parsing a parsed lab gives the same JSON (key order included).
  .transform(({ hostname, ...host }) => ({ ...host, hostname: hostname ?? host.name }));

/** A host, defaults filled in (`hostname` always set). */
export type Host = z.output<typeof HostSchema>;

/**
 * Every IP address of a host (interfaces, then containers' static addresses), without prefix.
 * @example hostIps(pve) // ['192.168.5.146', '100.64.0.2', '192.168.5.150']
 */
export function hostIps(host: Host, opts: { guests?: boolean } = {}): string[] {
  const ips: string[] = [];
  for (const iface of host.interfaces) {
    for (const cidr of iface.addresses) {
      const parsed = parseCidr(cidr);
      if (parsed) ips.push(parsed.address);
    }
  }
  if (opts.guests ?? true) {
    for (const ct of host.containers) {
      for (const net of ct.net) {
        if (net.ip && net.ip !== 'dhcp' && net.ip !== 'manual') {
          const parsed = parseCidr(net.ip);
          if (parsed) ips.push(parsed.address);
        }
      }
    }
  }
  return ips;
}

/** True when `ip` is one of the host's own interface addresses (not its guests'). */
export function hostHasIp(host: Host, ip: string): boolean {
  const wanted = canonicalIp(ip)?.canonical;
  return wanted !== undefined && hostIps(host, { guests: false }).some((own) => canonicalIp(own)?.canonical === wanted);
}
