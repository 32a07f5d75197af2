/**
 * What a LUN is on the target side: the extent behind `(target IQN, LUN)` on a target host,
 * its size and where its bytes live — a DISK extent is a zvol, found in the target host's
 * block-device registry by its backing `{ kind: 'zvol', dataset }` (the ZFS engine's
 * /dev/zdN); a FILE extent has its `filesize` (its bytes are not kept: simplified).
 */
import { fullTargetIqn, type Extent, type IscsiTarget } from '../../model/iscsi-target';
import type { BlockDevice } from '../kernel/types';
import { hostWithAddress } from '../net/connect';
import type { World } from '../world';
import { targetConfig } from './target-service';

/** The zvol dataset (`pool/name`) of a DISK extent (`zvol/pool/name`), or null. */
export function extentDataset(extent: Extent): string | null {
  return extent.type === 'DISK' && extent.disk?.startsWith('zvol/') ? extent.disk.slice('zvol/'.length) : null;
}

/** The zvol block device of a dataset on a host (the ZFS engine's /dev/zdN), if registered. */
export function zvolDevice(world: World, host: string, dataset: string): BlockDevice | undefined {
  return world.kernel[host]?.devices.find((d) => d.backing.kind === 'zvol' && d.backing.dataset === dataset);
}

/** The size an extent reports (READ CAPACITY): the zvol's size, or a FILE extent's filesize. */
export function extentSize(world: World, host: string, extent: Extent): number {
  const dataset = extentDataset(extent);
  if (dataset !== null) {
    const dev = zvolDevice(world, host, dataset);
    if (dev) return dev.size;
    return world.lab.hosts.find((h) => h.name === host)?.zvols.find((z) => z.name === dataset)?.size ?? 0;
  }
  return extent.filesize ?? 0;
}

/** A LUN resolved on its target host. */
export interface ResolvedLun {
  host: string;
  cfg: IscsiTarget;
  extent: Extent;
}

/** The extent behind `target` at `lun`, reached through the portal `address` (`IP:PORT`). */
export function resolveLun(world: World, portal: string, target: string, lun: number): ResolvedLun | null {
  const address = portal.replace(/:\d+$/, '');
  const host = hostWithAddress(world, address);
  const cfg = host ? targetConfig(world, host.name) : undefined;
  if (!host || !cfg) return null;
  const t = cfg.targets.find((x) => fullTargetIqn(x, cfg.basename) === target);
  const te = t ? cfg.targetextents.find((x) => x.target === t.id && x.lunid === lun) : undefined;
  const extent = te ? cfg.extents.find((e) => e.id === te.extent) : undefined;
  return extent ? { host: host.name, cfg, extent } : null;
}
