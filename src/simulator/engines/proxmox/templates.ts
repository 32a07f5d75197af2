/**
 * The Proxmox appliance index and `pveam` (pve-manager PVE/CLI/pveam.pm, PVE/APLInfo.pm):
 * the templates download.proxmox.com offers by section, the ones a storage holds (listed
 * from the lab model), and a download that adds one to the model and puts the archive in
 * the storage's `template/cache/` folder.
 */
// @sim pveam | pve-manager 9.x pveam.pm: update, available [--section], list STORAGE (%-60s %4.2fMB), download STORAGE TEMPLATE with the APLInfo download lines
import type { Host } from '../../model/host';
import { editLab } from '../../model/edit';
import { mkdirs, rootVfs } from '../kernel/boot';
import { stableHash } from '../random';
import type { World } from '../world';

/** One entry of the appliance index: section, file name, size in bytes. */
export interface ApplianceTemplate {
  section: string;
  template: string;
  size: number;
}

/** A part of the index as Proxmox VE 9 shows it (system templates of 2025, a few TurnKey ones). */
export const APPLIANCE_INDEX: ApplianceTemplate[] = [
  { section: 'mail', template: 'proxmox-mail-gateway-9.0-standard_9.0-1_amd64.tar.zst', size: 1015 * 1024 * 1024 },
  { section: 'system', template: 'almalinux-9-default_20240911_amd64.tar.xz', size: 98 * 1024 * 1024 },
  { section: 'system', template: 'alpine-3.22-default_20250617_amd64.tar.xz', size: 3 * 1024 * 1024 },
  { section: 'system', template: 'archlinux-base_20240911-1_amd64.tar.zst', size: 180 * 1024 * 1024 },
  { section: 'system', template: 'debian-12-standard_12.7-1_amd64.tar.zst', size: 126120000 },
  { section: 'system', template: 'debian-13-standard_13.1-2_amd64.tar.zst', size: 129930000 },
  { section: 'system', template: 'fedora-42-default_20250428_amd64.tar.xz', size: 92 * 1024 * 1024 },
  { section: 'system', template: 'rockylinux-9-default_20240912_amd64.tar.xz', size: 104 * 1024 * 1024 },
  { section: 'system', template: 'ubuntu-24.04-standard_24.04-2_amd64.tar.zst', size: 141 * 1024 * 1024 },
  { section: 'turnkeylinux', template: 'debian-12-turnkey-nextcloud_18.1-1_amd64.tar.gz', size: 560 * 1024 * 1024 },
  { section: 'turnkeylinux', template: 'debian-12-turnkey-fileserver_18.0-1_amd64.tar.gz', size: 300 * 1024 * 1024 },
];

/** The size of a template archive (the index's, else a stable guess). */
export function templateSize(file: string): number {
  return APPLIANCE_INDEX.find((t) => t.template === file)?.size ?? 100 * 1024 * 1024 + (stableHash(0, file) % (50 * 1024 * 1024));
}

/** The folder of a storage's templates: `<path>/template/cache` for a dir storage. */
export function templateDir(host: Host, storage: string): string | null {
  const s = host.proxmox?.storage.find((x) => x.id === storage);
  return s && s.type === 'dir' ? `${s.path}/template/cache` : null;
}

/** Puts the archive of a template volume (`local:vztmpl/NAME`) in its folder, as content of its size. */
export function placeTemplateFile(world: World, host: Host, volume: string): void {
  const [storage, rest] = volume.split(':');
  const dir = templateDir(host, storage ?? '');
  const file = rest?.replace(/^vztmpl\//, '');
  if (!dir || !file) return;
  const vfs = rootVfs(world, host.name);
  mkdirs(vfs, dir);
  const path = `${dir}/${file}`;
  if (vfs.kind(path) !== null) return;
  vfs.writeContent(path, [{ kind: 'random', seed: stableHash(0, 'tmpl', file), offset: 0, length: templateSize(file) }], { create: true, truncate: true });
}

/** `pveam download STORAGE TEMPLATE`: the lines it prints, or an error text. */
export function downloadTemplate(world: World, hostName: string, storage: string, file: string): { lines: string[] } | string {
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  const entry = APPLIANCE_INDEX.find((t) => t.template === file);
  if (!entry) return `400 Parameter verification failed.\ntemplate: no such template\n\npveam download <storage> <template>`;
  const s = host.proxmox?.storage.find((x) => x.id === storage);
  if (!s) return `storage '${storage}' does not exist`;
  if (!(s.content ?? []).includes('vztmpl')) return `storage '${storage}' does not support templates`;
  const volume = `${storage}:vztmpl/${file}`;
  const edit = editLab(world.lab, (draft) => {
    const h = draft.hosts.find((x) => x.name === hostName) as Host;
    if (h.proxmox && !h.proxmox.templates.includes(volume)) h.proxmox.templates.push(volume);
    return { ok: true, value: null };
  });
  if (!edit.ok) return edit.error.message;
  placeTemplateFile(world, world.lab.hosts.find((h) => h.name === hostName) as Host, volume);
  const url = `http://download.proxmox.com/images/${entry.section}/${file}`;
  const dest = `${templateDir(host, storage) ?? ''}/${file}`;
  return { lines: [`downloading ${url} to ${dest}`, 'calculating checksum...OK, checksum verified', `download of '${url}' to '${dest}' finished`] };
}

/** `pveam remove VOLUME`: the template leaves the model and its archive the storage folder; an error text or null. */
export function removeTemplate(world: World, hostName: string, volume: string): string | null {
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  if (!(host.proxmox?.templates ?? []).includes(volume)) return `volume '${volume}' does not exist`;
  const edit = editLab(world.lab, (draft) => {
    const h = draft.hosts.find((x) => x.name === hostName) as Host;
    if (h.proxmox) h.proxmox.templates = h.proxmox.templates.filter((t) => t !== volume);
    return { ok: true, value: null };
  });
  if (!edit.ok) return edit.error.message;
  const [storage, rest] = volume.split(':');
  const dir = templateDir(host, storage ?? '');
  if (dir && rest) rootVfs(world, hostName).remove(`${dir}/${rest.replace(/^vztmpl\//, '')}`, false);
  return null;
}
