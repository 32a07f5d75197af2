/**
 * devtmpfs: /dev drawn from the block-device registry and the usual character devices
 * (Documentation/admin-guide/devices.txt numbers), with udev's /dev/disk/by-id links and
 * OpenZFS's /dev/zvol/POOL/NAME links and the by-path links of iSCSI LUNs.
 * Block devices are 0660 root:disk as udev's 50-udev-default.rules makes them. Reading
 * /dev/zero and /dev/urandom is done by `dd` as content descriptors, not here; a plain read
 * of a device gives nothing (the simulator does not stream devices to text tools).
 */
// @sim kernel /dev | devtmpfs with udev's names: null, zero, full (always ENOSPC), random, urandom, tty, the block devices 0660 root:disk, /dev/disk/by-id links, /dev/zvol/POOL/NAME links (60-zvol.rules), /dev/disk/by-path/ip-…-iscsi-IQN-lun-N for iSCSI LUNs (udev path_id)
import { stableHash } from '../../random';
import { registerDriver } from '../driver';
import { HOST_MEMORY_KIB } from '../host-kind';
import { syntheticDriver, type SynthTree } from '../synthetic';
import type { BlockDevice } from '../types';

/** The disk group's GID on Debian (base-passwd). */
const DISK_GID = 6;
const TTY_GID = 5;

/** Character devices every host has: name → [major, minor, mode, gid]. */
const CHAR_DEVICES: [string, number, number, number, number][] = [
  ['null', 1, 3, 0o666, 0],
  ['zero', 1, 5, 0o666, 0],
  ['full', 1, 7, 0o666, 0],
  ['random', 1, 8, 0o666, 0],
  ['urandom', 1, 9, 0o666, 0],
  ['tty', 5, 0, 0o666, TTY_GID],
  ['console', 5, 1, 0o600, 0],
  ['ptmx', 5, 2, 0o666, TTY_GID],
  ['kmsg', 1, 11, 0o644, 0],
  ['fuse', 10, 229, 0o666, 0],
];

/** The udev by-id name of a whole disk (60-persistent-storage.rules: ata-MODEL_SERIAL, nvme-MODEL_SERIAL). */
export function byIdName(dev: BlockDevice): string | null {
  if (!dev.serial) return null;
  const model = dev.model.replace(/\s+/g, '_');
  if (dev.transport === 'nvme') return `nvme-${model}_${dev.serial}`;
  if (dev.transport === 'sata') return `ata-${model}_${dev.serial}`;
  if (dev.model === 'QEMU HARDDISK') return `scsi-0QEMU_QEMU_HARDDISK_${dev.serial}`;
  return null;
}

registerDriver(
  syntheticDriver(
    'devtmpfs',
    (env) => {
      const tree: SynthTree = new Map();
      const k = env.world.kernel[env.host];
      const lab = env.world.lab.hosts.find((h) => h.name === env.host);
      if (!k || !lab) return tree;
      for (const [name, major, minor, mode, gid] of CHAR_DEVICES) tree.set(`/${name}`, { type: 'chr', mode, gid, rdev: [major, minor] });
      // OpenZFS's control device: a misc device (major 10) on hosts with ZFS.
      if ((lab.pools ?? []).length > 0) tree.set('/zfs', { type: 'chr', mode: 0o666, rdev: [10, 249] });
      tree.set('/pts', { type: 'dir', mode: 0o755 });
      tree.set('/shm', { type: 'dir', mode: 0o1777 });
      tree.set('/stdin', { type: 'symlink', mode: 0o777, target: '/proc/self/fd/0' });
      tree.set('/stdout', { type: 'symlink', mode: 0o777, target: '/proc/self/fd/1' });
      tree.set('/stderr', { type: 'symlink', mode: 0o777, target: '/proc/self/fd/2' });
      const byId = new Map<string, string>();
      for (const dev of k.devices) {
        tree.set(`/${dev.name}`, { type: 'blk', mode: 0o660, gid: DISK_GID, rdev: [dev.major, dev.minor] });
        const whole = dev.type === 'disk' ? dev : k.devices.find((d) => d.name === dev.parent);
        const id = whole ? byIdName(whole) : null;
        if (id) byId.set(dev.type === 'disk' ? id : `${id}-part${dev.partition}`, dev.name);
        if (dev.type === 'disk' && dev.transport !== 'iscsi') {
          const wwn = (BigInt(0x5000000000000000n) + BigInt(stableHash(env.world.seed, 'wwn', env.host, dev.name))).toString(16);
          byId.set(`wwn-0x${wwn}`, dev.name);
        }
      }
      for (const [id, name] of byId) tree.set(`/disk/by-id/${id}`, { type: 'symlink', mode: 0o777, target: `../../${name}` });
      // OpenZFS udev/rules.d/60-zvol.rules: SYMLINK+="zvol/%c", %c from zvol_id (`pool/vol`,
      // `pool/vol-part1` for a partition); udev makes the link relative to /dev.
      for (const dev of k.devices) {
        const whole = dev.type === 'disk' ? dev : k.devices.find((d) => d.name === dev.parent);
        if (whole?.backing.kind !== 'zvol') continue;
        const link = `/zvol/${whole.backing.dataset}${dev.type === 'part' ? `-part${dev.partition}` : ''}`;
        tree.set(link, { type: 'symlink', mode: 0o777, target: `${'../'.repeat(link.split('/').length - 2)}${dev.name}` });
      }
      // systemd udev path_id (handle_scsi_iscsi): an iSCSI LUN is ip-ADDRESS:PORT-iscsi-TARGET-lun-N, a partition adds -partN.
      for (const dev of k.devices) {
        const whole = dev.type === 'disk' ? dev : k.devices.find((d) => d.name === dev.parent);
        if (whole?.backing.kind !== 'iscsi') continue;
        const path = `ip-${whole.backing.portal}-iscsi-${whole.backing.target}-lun-${whole.backing.lun}${dev.type === 'part' ? `-part${dev.partition}` : ''}`;
        tree.set(`/disk/by-path/${path}`, { type: 'symlink', mode: 0o777, target: `../../${dev.name}` });
      }
      return tree;
    },
    {
      readOnlyErrno: 'EROFS',
      // devtmpfs is sized at half the memory (mount option size=); device nodes take no blocks.
      statfs: () => ({ bsize: 4096, size: (HOST_MEMORY_KIB / 2) * 1024, used: 0, avail: (HOST_MEMORY_KIB / 2) * 1024, files: HOST_MEMORY_KIB / 8, ffree: HOST_MEMORY_KIB / 8 - 600 }),
    },
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
