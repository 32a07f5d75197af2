/**
 * The `iscsi` block backend: the bytes of an initiator's SCSI disk are the LUN's bytes on
 * the target — reads and writes go over the session to the extent, and for a DISK extent
 * into the zvol's device on the target host (readBlocks/writeBlocks there), so data written
 * through /dev/sdb on Proxmox lands in the zvol on TrueNAS. While the target service is
 * stopped, or the LUN is gone, I/O fails with EIO (the SCSI layer's error after the session
 * cannot recover; simplified: no replacement_timeout wait).
 */
// @sim iscsi LUN I/O | SCSI READ/WRITE over the session into the target's zvol (/dev/zdN); EIO while the target service is stopped
import type { Content } from '../kernel/content';
import { readBlocks, registerBlockBackend, writeBlocks } from '../kernel/devices';
import type { Errno } from '../kernel/errno';
import type { BlockDevice } from '../kernel/types';
import type { World } from '../world';
import { extentDataset, resolveLun, zvolDevice } from './lun';
import { isTargetRunning } from './target-service';

/** The target host and zvol device behind an initiator's disk, or the errno of trying. */
function backingZvol(world: World, dev: BlockDevice): { host: string; zvol: BlockDevice | null } | Errno {
  if (dev.backing.kind !== 'iscsi') return 'EIO';
  const lun = resolveLun(world, dev.backing.portal, dev.backing.target, dev.backing.lun);
  if (!lun || !isTargetRunning(world, lun.host)) return 'EIO';
  const dataset = extentDataset(lun.extent);
  return { host: lun.host, zvol: dataset === null ? null : (zvolDevice(world, lun.host, dataset) ?? null) };
}

registerBlockBackend('iscsi', {
  read(world: World, _host: string, dev: BlockDevice, offset: number, length: number): Content | Errno {
    const at = backingZvol(world, dev);
    if (typeof at === 'string') return at;
    // A FILE extent, or a zvol the ZFS engine has not registered: reads as zeros.
    return at.zvol ? readBlocks(world, at.host, at.zvol, offset, length) : [{ kind: 'zero', length }];
  },
  write(world: World, _host: string, dev: BlockDevice, offset: number, data: Content): Errno | null {
    const at = backingZvol(world, dev);
    if (typeof at === 'string') return at;
    return at.zvol ? writeBlocks(world, at.host, at.zvol, offset, data) : null;
  },
});
