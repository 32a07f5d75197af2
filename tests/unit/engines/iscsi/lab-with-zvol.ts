/** The starter lab with a data pool and a 1 GiB zvol on truenas, as a reader builds it before the iSCSI steps. */
import type { Lab } from '../../../../src/simulator/model';
import { parseLab } from '../../../../src/simulator/model';
import { starterLab } from '../../shell/sim-fixture';

/** The starter lab plus `tank` (mirror sda+sdb) and `tank/nextcloud` (1G) on truenas. */
export function labWithZvol(): Lab {
  const raw = structuredClone(starterLab) as unknown as { hosts: { name: string; pools: unknown[]; zvols: unknown[] }[] };
  const truenas = raw.hosts.find((h) => h.name === 'truenas');
  if (!truenas) throw new Error('starter lab without truenas');
  truenas.pools.push({ name: 'tank', vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }] });
  truenas.zvols.push({ name: 'tank/nextcloud', size: 1073741824, sparse: true });
  const parsed = parseLab(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lab;
}
