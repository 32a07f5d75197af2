/**
 * The Proxmox side of the bundle: per Proxmox host, the files and scripts that make the real
 * node match the lab (initiator name, iSCSI logins, storages, subordinate ids, containers).
 */
// @sim export proxmox bundle | Proxmox VE 9 (pve-container 6.1, pve-storage, open-iscsi 2.1.11): initiatorname.iscsi, iscsi-setup.sh, storage.cfg, storage-add.sh, subid-setup.sh, pct-create.sh, lxc/VMID.conf
import type { Lab } from '../model/lab';
import type { ExportFile, ExportOptions, Exporter } from './bundle-types';
import { renderInitiatorName } from './iscsi-initiatorname';
import { renderIscsiSetup } from './iscsi-setup-script';
import { renderPctCreate } from './pct-create-script';
import { exportedIdmap } from './pve-idmap-export';
import { renderPctConf } from './pve-lxc-conf';
import { renderStorageCfg } from './pve-storage-cfg';
import { renderStorageAdd } from './storage-add-script';
import { renderSubidSetup } from './subid-setup-script';

/**
 * Every Proxmox file of the lab, host by host (`pve/iscsi-setup.sh`, `pve/etc/pve/lxc/101.conf`…).
 * A file is left out when the host has nothing for it (no initiator, no storage, no
 * containers). Orders: initiator side 20–23, containers 30–32.
 * @example exportProxmox(lab, { pve: 9 }).map((f) => f.path) // ['pve/etc/iscsi/initiatorname.iscsi', 'pve/iscsi-setup.sh', …]
 */
export const exportProxmox: Exporter = (lab: Lab, options: ExportOptions): ExportFile[] => {
  const files: ExportFile[] = [];
  for (const host of lab.hosts) {
    if (host.kind !== 'proxmox') continue;
    const at = (path: string): string => `${host.name}/${path}`;
    const initiator = host.iscsi?.initiator;
    if (initiator) {
      files.push({ path: at('etc/iscsi/initiatorname.iscsi'), content: renderInitiatorName(initiator.name), host: host.name, order: 20, summary: `the initiator name for /etc/iscsi/initiatorname.iscsi on ${host.name} (iscsi-setup.sh installs it)` });
    }
    const iscsi = renderIscsiSetup(host);
    if (iscsi) files.push({ path: at('iscsi-setup.sh'), content: iscsi, executable: true, host: host.name, order: 21, summary: `installs the initiator name, discovers and logs in to the lab's targets (node.startup = automatic)` });
    if ((host.proxmox?.storage ?? []).length > 0) {
      files.push({ path: at('etc/pve/storage.cfg'), content: renderStorageCfg(host), host: host.name, order: 22, summary: `the lab's /etc/pve/storage.cfg entries for ${host.name}, to compare or merge by hand (storage-add.sh adds the missing ones)` });
    }
    const storage = renderStorageAdd(host);
    if (storage) files.push({ path: at('storage-add.sh'), content: storage, executable: true, host: host.name, order: 23, summary: `pvesm add for every storage id that does not exist yet` });
    const subid = renderSubidSetup(host, options);
    if (subid) files.push({ path: at('subid-setup.sh'), content: subid, executable: true, host: host.name, order: 30, summary: `appends the /etc/subuid and /etc/subgid lines the containers' id maps need` });
    const pct = renderPctCreate(host, options);
    if (pct) files.push({ path: at('pct-create.sh'), content: pct, executable: true, host: host.name, order: 31, summary: `pct create for every container that does not exist yet, then its lxc.* lines` });
    for (const ct of host.containers) {
      const conf = renderPctConf(exportedIdmap(ct, options).container, host);
      files.push({ path: at(`etc/pve/lxc/${ct.vmid}.conf`), content: conf, host: host.name, order: 32, summary: `container ${ct.vmid}'s /etc/pve/lxc/${ct.vmid}.conf as Proxmox VE ${options.pve} writes it: compare with pct config ${ct.vmid}` });
    }
  }
  return files;
};
