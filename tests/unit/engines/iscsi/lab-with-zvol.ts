/** Labs for the iSCSI tests: the starter lab with a data pool and a 1 GiB zvol on truenas (as a reader builds it before the iSCSI steps), and the same with a second Proxmox node. */
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

/** The zvol lab plus a second Proxmox node, pve2 (192.168.5.147), with its own initiator name. */
export function twoNodeLab(): Lab {
  const raw = JSON.parse(JSON.stringify(labWithZvol())) as { hosts: Record<string, unknown>[] };
  const pve = raw.hosts.find((h) => h['name'] === 'pve') as Record<string, unknown>;
  const pve2 = JSON.parse(JSON.stringify(pve)) as Record<string, unknown>;
  pve2['name'] = 'pve2';
  delete pve2['hostname'];
  pve2['interfaces'] = [{ name: 'vmbr0', addresses: ['192.168.5.147/24'], gateway: '192.168.5.1' }];
  pve2['iscsi'] = { initiator: { name: 'iqn.1993-08.org.debian:01:5d3c9a1b2f4' } };
  raw.hosts.push(pve2);
  const parsed = parseLab(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.lab;
}
