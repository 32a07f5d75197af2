/**
 * Proxmox VE storage definitions (pve-storage 9: PVE/API2/Storage/Config.pm create/delete,
 * PVE/Storage.pm storage_info, the plugins' `status` and `list_images`) over the lab model:
 * `pvesm add` and `pvesm remove` change `proxmox.storage` through model/edit, so
 * /etc/pve/storage.cfg (rendered from the model) follows; `pvesm status` and `pvesm list`
 * read the figures each plugin reports.
 */
// @sim pvesm storage | pve-storage 9.1 API2/Storage/Config.pm create/delete ("storage ID 'X' already defined", "storage 'X' does not exist", base-of-another-storage), Storage.pm storage_info, DirPlugin/ZFSPoolPlugin/ISCSIPlugin status, ISCSIPlugin iscsi_device_list volids CH.ID.LUN.scsi-3NAA
import type { Host } from '../../model/host';
import type { ProxmoxStorage } from '../../model/proxmox-storage';
import { draftHost, editLab } from '../../model/edit';
import { initiatorState } from '../iscsi';
import { resolveLun } from '../iscsi/lun';
import { rootVfs } from '../kernel/boot';
import { stableHash } from '../random';
import type { World } from '../world';
import { hostKernel } from '../world';
import { listDatasets } from '../zfs/report';

/** The outcome of a storage change: null, or the error pvesm prints. */
export type StorageChange = { ok: true } | { ok: false; message: string };

/** The storage entries of a host. */
export function storageEntries(host: Host): ProxmoxStorage[] {
  return host.proxmox?.storage ?? [];
}

/** `pvesm add`: a new entry (lock_storage_config's "create storage failed: " prefix on errors). */
export function addStorage(world: World, host: string, entry: ProxmoxStorage): StorageChange {
  const res = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${host}` } };
    if (storageEntries(h).some((s) => s.id === entry.id)) return { ok: false, error: { code: 'exists', message: `create storage failed: storage ID '${entry.id}' already defined` } };
    h.proxmox = { ...(h.proxmox ?? {}), storage: [...storageEntries(h), entry] } as Host['proxmox'];
    return { ok: true, value: null };
  });
  if (res.ok) return { ok: true };
  const issue = res.error.issues?.[0];
  return { ok: false, message: res.error.code === 'invalid' ? `create storage failed: ${issue?.message ?? res.error.message}` : res.error.message };
}

/** `pvesm remove`: refuses a storage another one is based on (an LVM on an iSCSI LUN). */
export function removeStorage(world: World, host: string, id: string): StorageChange {
  const res = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host ${host}` } };
    const list = storageEntries(h);
    if (!list.some((s) => s.id === id)) return { ok: false, error: { code: 'missing', message: `delete storage failed: storage '${id}' does not exist` } };
    if (list.some((s) => s.type === 'lvm' && s.base?.split(':')[0] === id)) return { ok: false, error: { code: 'used', message: "delete storage failed: can't remove storage - storage is used as base of another storage" } };
    h.proxmox = { ...(h.proxmox ?? {}), storage: list.filter((s) => s.id !== id) } as Host['proxmox'];
    return { ok: true, value: null };
  });
  return res.ok ? { ok: true } : { ok: false, message: res.error.message };
}

/** Whether this host has a session to `target` (ISCSIPlugin iscsi_session). */
export function hasIscsiSession(world: World, host: string, target: string): boolean {
  return initiatorState(world, host).sessions.some((s) => s.target === target);
}

/** One row of `pvesm status` (storage_info). */
export interface StorageStatus {
  storage: string;
  type: string;
  active: boolean;
  enabled: boolean;
  total: number;
  used: number;
  avail: number;
}

/** The plugin's status: (total, avail, used, active). */
function pluginStatus(world: World, host: string, s: ProxmoxStorage): [number, number, number, boolean] {
  switch (s.type) {
    case 'dir': {
      // DirPlugin status: PVE::Tools::df(path) — statvfs of the directory.
      const st = rootVfs(world, host).statfs(s.path);
      return st.ok ? [st.value.size, st.value.avail, st.value.used, true] : [0, 0, 0, false];
    }
    case 'zfspool': {
      // ZFSPoolPlugin status: zfs get available,used POOL; total = both.
      const r = listDatasets(world, host).find((d) => d.name === s.pool);
      return r ? [r.space.used + r.space.available, r.space.available, r.space.used, true] : [0, 0, 0, false];
    }
    case 'iscsi':
      // ISCSIPlugin status: no figures; active while a session to the target exists.
      return [0, 0, 0, hasIscsiSession(world, host, s.target)];
    default:
      return [0, 0, 0, false];
  }
}

/** `pvesm status`: every storage with its plugin's figures (0 and inactive when the plugin says so). */
export function storageStatus(world: World, host: Host): StorageStatus[] {
  return storageEntries(host).map((s) => {
    const enabled = s.disable !== true;
    const [total, avail, used, active] = enabled ? pluginStatus(world, host.name, s) : [0, 0, 0, false];
    return active ? { storage: s.id, type: s.type, active, enabled, total, used, avail } : { storage: s.id, type: s.type, active: false, enabled, total: 0, used: 0, avail: 0 };
  });
}

/** A volume `pvesm list` prints. */
export interface StorageVolume {
  volid: string;
  format: string;
  content: string;
  size: number;
  vmid: number;
}

/**
 * The udev stable name of a LUN: `scsi-3` + its NAA identifier (the target's VPD page 0x83,
 * which SCST on TrueNAS fills from the extent's naa, iscsi.extent's `naa` field).
 */
function lunWwid(world: World, portal: string, target: string, lun: number): string {
  const resolved = resolveLun(world, portal, target, lun);
  const key = resolved ? [resolved.host, resolved.extent.name] : [portal, target, String(lun)];
  const part = (salt: string): string => stableHash(world.seed, salt, ...key).toString(16).padStart(8, '0');
  return `scsi-36589cfc000000${(part('naa') + part('naa2') + part('naa3')).slice(0, 19)}`;
}

/** ISCSIPlugin list_images: the disks of this host's sessions to the storage's target, as CH.ID.LUN.STABLENAME. */
export function iscsiVolumes(world: World, host: string, s: Extract<ProxmoxStorage, { type: 'iscsi' }>): StorageVolume[] {
  const devices = hostKernel(world, host).devices;
  const out: StorageVolume[] = [];
  for (const session of initiatorState(world, host).sessions.filter((x) => x.target === s.target)) {
    for (const disk of session.disks) {
      const dev = devices.find((d) => d.name === disk.name);
      if (!dev) continue;
      out.push({ volid: `${s.id}:0.0.${disk.lun}.${lunWwid(world, `${session.address}:${session.port}`, session.target, disk.lun)}`, format: 'raw', content: 'images', size: dev.size, vmid: 0 });
    }
  }
  return out.sort((a, b) => (a.volid < b.volid ? -1 : 1));
}
