/**
 * `storage-add.sh`: the lab's `/etc/pve/storage.cfg` entries of a Proxmox host as `pvesm
 * add` commands, skipping storage IDs that already exist, for readers who would rather not
 * edit storage.cfg by hand.
 */
// @sim export storage-add.sh | pve-storage pvesm(1) add TYPE STORAGE --OPTION VALUE (src/PVE/API2/Storage/Config.pm create; options are the storage.cfg keys) + pvesh get /storage/STORAGE to skip existing ids
import type { Host } from '../model/host';
import { renderStorageCfg } from './pve-storage-cfg';
import { bashScript } from './script-text';
import { shq } from './shell-quote';

type StorageEntry = NonNullable<Host['proxmox']>['storage'][number];

/**
 * `pvesm add` arguments for one entry: its storage.cfg key lines in the same order
 * (renderStorageCfg), each `--key value`; the bare `disable` flag becomes `--disable 1`.
 * @example storageAddArgs({ id: 'local-zfs', type: 'zfspool', pool: 'rpool/data' }) // [['pool', 'rpool/data']]
 */
export function storageAddArgs(host: Host, entry: StorageEntry): [string, string][] {
  const section = renderStorageCfg({ ...host, proxmox: { storage: [entry], templates: [] } });
  return section
    .split('\n')
    .filter((line) => line.startsWith('\t'))
    .map((line) => {
      const text = line.slice(1);
      const space = text.indexOf(' ');
      return space < 0 ? [text, '1'] : [text.slice(0, space), text.slice(space + 1)];
    });
}

/**
 * The script for a Proxmox host, or null when the lab lists no storage for it. Each entry
 * is added unless `pvesh get /storage/ID` finds it (the installer's `local` and
 * `local-zfs` usually exist), in the lab's order except that an `lvm` with a `base` comes
 * last (LVMPlugin.pm on_add_hook creates its volume group on that base volume). Run after zfs-setup.sh (zfspool needs its dataset) and
 * iscsi-setup.sh (an `lvm` with `base` on an iSCSI LUN creates its volume group there).
 */
export function renderStorageAdd(host: Host): string | null {
  const storage = host.proxmox?.storage ?? [];
  if (storage.length === 0) return null;
  const body: string[] = [];
  // An lvm storage with `base` creates its volume group on another storage's volume: add it after the rest.
  const ordered = [...storage.filter((e) => !(e.type === 'lvm' && e.base)), ...storage.filter((e) => e.type === 'lvm' && e.base)];
  for (const entry of ordered) {
    const args = storageAddArgs(host, entry).map(([key, value]) => ` --${key} ${shq(value)}`).join('');
    body.push(`if pvesh get /storage/${shq(entry.id)} >/dev/null 2>&1; then`);
    body.push(`  echo ${shq(`storage ${entry.id} exists: left as it is`)}`);
    body.push('else');
    body.push(`  pvesm add ${entry.type} ${shq(entry.id)}${args}`);
    body.push('fi');
  }
  const about = [
    `Adds the lab's storages to Proxmox VE on host ${host.name} (the same entries as etc/pve/storage.cfg).`,
    `Run as root on ${host.name} after zfs-setup.sh and iscsi-setup.sh. Safe to run again: existing ids are skipped.`,
  ];
  return bashScript(about, body);
}
