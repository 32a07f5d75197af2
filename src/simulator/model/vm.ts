/**
 * A Proxmox QEMU virtual machine (`/etc/pve/qemu-server/<vmid>.conf`), enough for diagrams,
 * VMID/IP uniqueness and storage references.
 */
import { z } from 'zod';
import { DnsNameSchema, VmidSchema, VolumeNameSchema } from './container';
import { DescriptionSchema } from './free-text';
import { InterfaceNameSchema } from './network';
import { StorageIdSchema } from './proxmox-storage';
import { SizeSchema } from './size';

/** One virtual disk (`scsi0: local-zfs:vm-200-disk-0,size=32G`). */
export const VmDiskSchema = z.strictObject({
  /** Bus. @example scsi */
  bus: z.enum(['scsi', 'virtio', 'sata', 'ide']),
  /** Index on the bus. @example 0 */
  index: z.number().int().min(0).max(30),
  /** Storage ID. @example local-zfs */
  storage: StorageIdSchema,
  /** Volume name. @example vm-200-disk-0 */
  volume: VolumeNameSchema.optional(),
  /** Size. @example 32G */
  size: SizeSchema,
});

/** One virtual NIC (`net0: virtio=…,bridge=vmbr0,firewall=1`). */
export const VmNetSchema = z.strictObject({
  /** N in netN. @example 0 */
  index: z.number().int().min(0).max(31),
  /** NIC model. @example virtio */
  model: z.enum(['virtio', 'e1000', 'e1000e', 'rtl8139', 'vmxnet3']).default('virtio'),
  /** Host bridge. @example vmbr0 */
  bridge: InterfaceNameSchema,
  /** Proxmox firewall. @example true */
  firewall: z.boolean().optional(),
  /** VLAN tag. @example 20 */
  tag: z.number().int().min(1).max(4094).optional(),
});

/** A Proxmox VM. */
export const VmSchema = z.strictObject({
  /** VMID. @example 200 */
  vmid: VmidSchema,
  /** Name (a DNS name). @example docker */
  name: DnsNameSchema,
  /** Cores. @example 4 */
  cores: z.number().int().min(1).max(8192).default(1),
  /** Sockets. @example 1 */
  sockets: z.number().int().min(1).max(4).default(1),
  /** Memory in MiB (qemu-server default 512). @example 8192 */
  memory: z.number().int().min(16).default(512),
  /** Guest OS type. @example l26 */
  ostype: z.enum(['l26', 'l24', 'win11', 'win10', 'win8', 'win7', 'wxp', 'w2k', 'w2k3', 'w2k8', 'wvista', 'solaris', 'other']).default('other'),
  /** Disks. */
  disks: z.array(VmDiskSchema).default([]),
  /** NICs. */
  net: z.array(VmNetSchema).default([]),
  /** Start at boot. @example true */
  onboot: z.boolean().default(false),
  /** Notes. */
  description: DescriptionSchema.optional(),
});

/** A Proxmox VM, defaults filled in. */
export type Vm = z.output<typeof VmSchema>;
