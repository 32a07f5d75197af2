/**
 * `pct create VMID TEMPLATE [OPTIONS]` (pve-container src/PVE/API2/LXC.pm create_vm): the
 * VMID must be unused in the cluster, the template volume must exist, the storage must
 * exist and hold `rootdir` content; the new config goes through the model's edit API
 * (unprivileged by default since pve-container commit 103068a, Proxmox VE 9), the rootfs
 * volume gets the next free `subvol-VMID-disk-N`, and the template is unpacked into it with
 * the container's ID map. The output is what pct prints while restoring the archive.
 */
// @sim pct create | pve-container 6.x API2/LXC.pm create_vm + LXC/Create.pm restore_archive: VMID unused, template and storage checks, rootfs subvol-VMID-disk-N, unprivileged default (commit 103068a), the extraction and SSH host key lines
import type { Container } from '../../model/container';
import type { Host } from '../../model/host';
import { effectiveIdmap } from '../../model/idmap';
import { editLab, nextContainerVolume } from '../../model/edit';
import { stableHash } from '../random';
import type { World } from '../world';
import { applyOption, parsePropertyString } from './config-options';
import { ensureVolume, unpackTemplate, volumeDataset } from './rootfs';

/** The result: the lines pct prints, or its error message. */
export type CreateResult = { ok: true; lines: string[] } | { ok: false; message: string };

/** Which node and kind already uses a VMID anywhere in the lab (cluster-wide, as PVE::Cluster check_vmid_unused). */
export function vmidOwner(world: World, vmid: number): { node: string; type: 'CT' | 'VM' } | null {
  for (const h of world.lab.hosts) {
    if ((h.containers ?? []).some((c) => c.vmid === vmid)) return { node: h.hostname ?? h.name, type: 'CT' };
    if ((h.vms ?? []).some((v) => v.vmid === vmid)) return { node: h.hostname ?? h.name, type: 'VM' };
  }
  return null;
}

/** An SSH host key fingerprint line as ssh-keygen -l prints it, from the seed. */
function fingerprint(world: World, vmid: number, key: string): string {
  // ssh-keygen -l: SHA256 digest in unpadded base64 (43 characters).
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let text = '';
  for (let i = 0; i < 43; i++) text += alphabet[stableHash(world.seed, 'ssh', String(vmid), key, String(i)) % 64];
  return `SHA256:${text}`;
}

/** Creates container `vmid` from `template` with pct's `options` (name → value, as typed). */
export function createContainer(world: World, hostName: string, vmid: number, template: string, options: Record<string, string>): CreateResult {
  const host = world.lab.hosts.find((h) => h.name === hostName) as Host;
  const owner = vmidOwner(world, vmid);
  if (owner) return { ok: false, message: `${owner.type} ${vmid} already exists on node '${owner.node}'` };
  // --rootfs STORAGE:SIZE_GiB wins over --storage (default `local`, API2/LXC.pm create_vm).
  let storageId = options.storage ?? 'local';
  let size = 4 * 1024 ** 3;
  if (options.rootfs !== undefined) {
    const p = parsePropertyString(options.rootfs, 'volume');
    if (typeof p === 'string') return { ok: false, message: `rootfs: ${p}` };
    const [sid, amount] = (p.volume ?? '').split(':');
    storageId = sid ?? storageId;
    if (amount && /^\d+(\.\d+)?$/.test(amount)) size = Math.round(Number(amount) * 1024 ** 3);
  }
  const [tstore] = template.split(':');
  if (!(host.proxmox?.templates ?? []).includes(template)) {
    if (!host.proxmox?.storage.some((s) => s.id === tstore)) return { ok: false, message: `storage '${tstore}' does not exist` };
    return { ok: false, message: `volume '${template}' does not exist` };
  }
  const storage = host.proxmox?.storage.find((s) => s.id === storageId);
  if (!storage) return { ok: false, message: `storage '${storageId}' does not exist` };
  // PVE::Storage: a container rootfs needs `rootdir` content on the storage.
  if (!(storage.content ?? []).includes('rootdir')) return { ok: false, message: `storage '${storageId}' does not support container directories` };
  if (storage.type !== 'zfspool') return { ok: false, message: `storage '${storageId}': container volumes on ${storage.type} storage are not simulated (use a zfspool storage such as local-zfs)` };

  const volume = nextContainerVolume(host, storageId, vmid, []);
  let problem: string | null = null;
  const edit = editLab(world.lab, (draft) => {
    const h = draft.hosts.find((x) => x.name === hostName) as Host;
    const ct = { vmid, template, arch: 'amd64', cores: 1, memory: 512, swap: 512, unprivileged: true, ostype: 'debian', net: [], mounts: [], idmap: [], lxc: [], onboot: false, tags: [], rootfs: { storage: storageId, volume, size } } as Container;
    for (const [name, value] of Object.entries(options)) {
      if (['storage', 'rootfs', 'password', 'ssh-public-keys', 'start', 'nameserver', 'searchdomain', 'force'].includes(name)) continue;
      problem = applyOption(world, h, ct, name, value);
      if (problem) return { ok: false, error: { code: 'option', message: problem } };
    }
    (h.containers ??= []).push(ct);
    return { ok: true, value: null };
  });
  if (!edit.ok) return { ok: false, message: problem ?? edit.error.message };
  const ct = (world.lab.hosts.find((h) => h.name === hostName)?.containers ?? []).find((c) => c.vmid === vmid) as Container;
  const dataset = volumeDataset(host, storageId, volume) as string;
  const mount = ensureVolume(world, hostName, dataset, size);
  if (typeof mount === 'string') return { ok: false, message: mount };
  unpackTemplate(world, hostName, mount.path, ct, effectiveIdmap(ct.idmap, ct.unprivileged));
  const path = `/var/lib/vz/template/cache/${template.split('/').pop() ?? template}`;
  const name = ct.hostname ?? `CT${ct.vmid}`;
  const lines = [`extracting archive '${path}'`, 'Total bytes read: 521748480 (498MiB, 218MiB/s)', `Detected container architecture: ${ct.arch}`];
  for (const key of ['ecdsa', 'ed25519', 'rsa']) lines.push(`Creating SSH host key 'ssh_host_${key}_key' - this may take some time ...`, `done: ${fingerprint(world, ct.vmid, key)} root@${name}`);
  return { ok: true, lines };
}
