/**
 * The files the exporters write for a lab, as the architecture pages show them: rendered
 * by the simulator's own exporters at build time, never pasted by hand.
 */
import { renderInitiatorName, renderPctConf, renderStorageCfg } from '../../simulator/exporters';
import type { Lab } from '../../simulator/model';

/** One exported file, ready to show. */
export interface ShownFile {
  /** The host it belongs on. */
  host: string;
  /** Where it lives on that host. */
  path: string;
  /** Its exact text. */
  content: string;
  /** What it is, in one line. */
  summary: string;
  /** Expressive Code language for the block. */
  lang: string;
}

/**
 * Every file the lab's Proxmox hosts and iSCSI initiators get: `/etc/pve/storage.cfg`, one
 * `/etc/pve/lxc/<vmid>.conf` per container, and `/etc/iscsi/initiatorname.iscsi`.
 */
export function exportedFiles(lab: Lab): ShownFile[] {
  const files: ShownFile[] = [];
  for (const host of lab.hosts) {
    if (host.kind === 'proxmox' && host.proxmox) {
      files.push({
        host: host.name,
        path: '/etc/pve/storage.cfg',
        content: renderStorageCfg(host),
        summary: 'the storage entries Proxmox VE offers for disks, templates and backups',
        lang: 'text',
      });
    }
    for (const ct of host.containers) {
      files.push({
        host: host.name,
        path: `/etc/pve/lxc/${ct.vmid}.conf`,
        content: renderPctConf(ct, host),
        summary: `container ${ct.vmid}${ct.hostname ? ` (${ct.hostname})` : ''}, as pct writes it`,
        lang: 'text',
      });
    }
    const iqn = host.iscsi?.initiator?.name;
    if (iqn) {
      files.push({
        host: host.name,
        path: '/etc/iscsi/initiatorname.iscsi',
        content: renderInitiatorName(iqn),
        summary: 'the name this host presents to iSCSI targets',
        lang: 'text',
      });
    }
  }
  return files;
}
