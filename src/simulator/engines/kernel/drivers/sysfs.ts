/**
 * sysfs: the block devices of the registry laid out as Linux lays them out, which is what
 * lsblk(8) reads (util-linux lib/sysfs.c, misc-utils/lsblk.c): each whole disk is a
 * directory under /sys/devices on its bus (an AHCI port, a virtio-scsi host, an iSCSI
 * session, an NVMe controller, virtio-blk, or /sys/devices/virtual for zvols), with its
 * partitions as subdirectories; /sys/block/NAME, /sys/class/block/NAME and
 * /sys/dev/block/MAJ:MIN are symbolic links to it. A disk has dev, size (512-byte sectors),
 * ro, removable, queue/{logical,physical}_block_size, queue/rotational, a `device` link
 * to its SCSI address (H:C:T:L, from which lsblk finds /sys/class/scsi_host/hostH and the
 * transport) or controller, and device/model. Plus the cgroup2 mount point. Files report
 * st_size 0 (real sysfs says 4096; only `ls -l` would show it).
 */
// @sim kernel /sys | sysfs block layout (Documentation/ABI/stable/sysfs-block): /sys/block, /sys/class/block, /sys/dev/block links; dev, size, ro, removable, partition, start, queue/*, device/{model,vendor,type}; scsi_host/iscsi_host classes for lsblk TRAN
import { registerDriver } from '../driver';
import { syntheticDriver, type SynthTree } from '../synthetic';
import type { BlockDevice } from '../types';

/** Where a whole disk sits under /sys/devices, and what its bus adds around it. */
interface DiskPlace {
  /** The disk's directory, from the sysfs root (`/devices/.../block/sda`). */
  dir: string;
  /** The `device` link target, relative to the disk's directory. */
  device?: string;
  /** Files of the device the link points to (model, vendor, type...), by name. */
  deviceFiles: Record<string, string>;
  /** Extra nodes the bus needs (the SCSI host class entry). */
  extra: SynthTree;
}

/** sd/vd letters as an index: a → 0, z → 25, aa → 26. */
function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

/** SCSI INQUIRY strings are fixed-width (vendor 8, model 16), space-padded, as sysfs shows them. */
function inquiry(text: string, width: number): string {
  return `${text.slice(0, width).padEnd(width)}\n`;
}

/** The SCSI host entry lsblk looks for (/sys/class/<type>_host/hostH) and where it lives. */
function scsiHost(hostDir: string, host: number, type: 'scsi' | 'iscsi', procName: string | null): SynthTree {
  const tree: SynthTree = new Map();
  const classDir = `${hostDir}/${type}_host/host${host}`;
  tree.set(`/class/${type}_host/host${host}`, { type: 'symlink', mode: 0o777, target: `../../${classDir.slice(1)}` });
  if (procName !== null) tree.set(`${classDir}/proc_name`, { type: 'file', mode: 0o444, render: () => `${procName}\n`, zeroSize: true });
  else tree.set(classDir, { type: 'dir', mode: 0o755 });
  return tree;
}

/** The place of a whole disk, by its name and transport, as the kernel's drivers register it. */
function placeOf(dev: BlockDevice): DiskPlace {
  const scsiFiles = (vendor: string): Record<string, string> => ({ model: inquiry(dev.model, 16), vendor: inquiry(vendor, 8), type: '0\n', state: 'running\n' });
  if (/^sd[a-z]+$/.test(dev.name)) {
    const h = letterIndex(dev.name.slice(2));
    if (dev.transport === 'iscsi') {
      // iscsi_tcp: a host per session under /sys/devices/platform (open-iscsi), the LUN as the SCSI address.
      const lun = dev.backing.kind === 'iscsi' ? dev.backing.lun : 0;
      const hostDir = `/devices/platform/host${h}`;
      const addr = `${h}:0:0:${lun}`;
      return { dir: `${hostDir}/session1/target${h}:0:0/${addr}/block/${dev.name}`, device: `../../../${addr}`, deviceFiles: scsiFiles(dev.vendor ?? 'LIO-ORG'), extra: scsiHost(hostDir, h, 'iscsi', null) };
    }
    if (dev.transport === 'sata') {
      // ahci: one ATA port (and SCSI host) per disk.
      const hostDir = `/devices/pci0000:00/0000:00:17.0/ata${h + 1}/host${h}`;
      const addr = `${h}:0:0:0`;
      return { dir: `${hostDir}/target${h}:0:0/${addr}/block/${dev.name}`, device: `../../../${addr}`, deviceFiles: scsiFiles('ATA'), extra: scsiHost(hostDir, h, 'scsi', 'ahci') };
    }
    // A QEMU disk on virtio-scsi: one host, a target per disk; lsblk finds no transport for it.
    const hostDir = '/devices/pci0000:00/0000:00:05.0/virtio1/host2';
    const addr = `2:0:${h}:0`;
    return { dir: `${hostDir}/target2:0:${h}/${addr}/block/${dev.name}`, device: `../../../${addr}`, deviceFiles: scsiFiles('QEMU'), extra: scsiHost(hostDir, 2, 'scsi', 'virtio_scsi') };
  }
  const nvme = /^nvme([0-9]+)n[0-9]+$/.exec(dev.name);
  if (nvme) {
    const ctrl = `/devices/pci0000:00/0000:00:1d.0/0000:0${nvme[1]}:00.0/nvme/nvme${nvme[1]}`;
    return { dir: `${ctrl}/${dev.name}`, device: '../../nvme' + nvme[1], deviceFiles: { model: `${dev.model.padEnd(40)}\n`, serial: `${dev.serial.padEnd(20)}\n` }, extra: new Map() };
  }
  if (/^vd[a-z]+$/.test(dev.name)) {
    const i = letterIndex(dev.name.slice(2));
    return { dir: `/devices/pci0000:00/0000:00:0${4 + i}.0/virtio${4 + i}/block/${dev.name}`, device: '../../../virtio' + (4 + i), deviceFiles: {}, extra: new Map() };
  }
  return { dir: `/devices/virtual/block/${dev.name}`, deviceFiles: {}, extra: new Map() };
}

registerDriver(
  syntheticDriver(
    'sysfs',
    (env) => {
      const tree: SynthTree = new Map();
      const k = env.world.kernel[env.host];
      if (!k) return tree;
      const file = (path: string, text: string): void => void tree.set(path, { type: 'file', mode: 0o444, render: () => text, zeroSize: true });
      const link = (path: string, target: string): void => void tree.set(path, { type: 'symlink', mode: 0o777, target });
      tree.set('/fs/cgroup', { type: 'dir', mode: 0o555 });
      tree.set('/block', { type: 'dir', mode: 0o755 });
      tree.set('/class/block', { type: 'dir', mode: 0o755 });
      tree.set('/dev/block', { type: 'dir', mode: 0o755 });
      const places = new Map<string, DiskPlace>();
      for (const dev of k.devices) if (dev.type === 'disk') places.set(dev.name, placeOf(dev));
      for (const dev of k.devices) {
        const disk = places.get(dev.type === 'disk' ? dev.name : (dev.parent ?? ''));
        if (!disk) continue;
        const dir = dev.type === 'disk' ? disk.dir : `${disk.dir}/${dev.name}`;
        const rel = dir.slice(1);
        file(`${dir}/dev`, `${dev.major}:${dev.minor}\n`);
        file(`${dir}/size`, `${Math.floor(dev.size / 512)}\n`);
        file(`${dir}/ro`, dev.readOnly ? '1\n' : '0\n');
        link(`/class/block/${dev.name}`, `../../${rel}`);
        link(`/dev/block/${dev.major}:${dev.minor}`, `../../${rel}`);
        if (dev.type === 'part') {
          // A partition has no queue/ or device: lsblk reads those from the whole disk (lib/sysfs.c enoent redirect).
          file(`${dir}/partition`, `${dev.partition}\n`);
          file(`${dir}/start`, `${dev.backing.kind === 'partition' ? Math.floor(dev.backing.start / 512) : 0}\n`);
          continue;
        }
        link(`/block/${dev.name}`, `../${rel}`);
        file(`${dir}/removable`, dev.removable ? '1\n' : '0\n');
        file(`${dir}/queue/logical_block_size`, `${dev.logicalSector}\n`);
        file(`${dir}/queue/physical_block_size`, `${dev.physicalSector}\n`);
        file(`${dir}/queue/rotational`, dev.rotational ? '1\n' : '0\n');
        tree.set(`${dir}/holders`, { type: 'dir', mode: 0o755 });
        tree.set(`${dir}/slaves`, { type: 'dir', mode: 0o755 });
        if (disk.device) {
          link(`${dir}/device`, disk.device);
          const deviceDir = `${dir}/${disk.device}`.split('/').reduce<string[]>((acc, part) => (part === '..' ? acc.slice(0, -1) : [...acc, part]), []).join('/');
          for (const [name, text] of Object.entries(disk.deviceFiles)) file(`${deviceDir}/${name}`, text);
        }
        for (const [path, node] of disk.extra) tree.set(path, node);
      }
      return tree;
    },
    // kernfs refuses opening an attribute without a store method for writing: EACCES, even for root.
    { readOnlyErrno: 'EACCES' },
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
