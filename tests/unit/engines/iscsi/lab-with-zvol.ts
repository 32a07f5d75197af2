/** Labs for the iSCSI tests: the starter lab with a data pool and a 1 GiB zvol on truenas (as a reader builds it before the iSCSI steps), and the same with a second Proxmox node. */
import type { Lab } from '../../../../src/simulator/model';
import { parseLab } from '../../../../src/simulator/model';
import type { SimState } from '../../../../src/simulator/shell';
import { run, starterLab } from '../../shell/sim-fixture';

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

/**
 * On truenas, with real midclt calls: a portal on every address, an initiator group of
 * `initiators` (empty: everyone), target `nextcloud` with the zvol at LUN 0, the service
 * started; the session comes back to where it was.
 */
export function configureTarget(s: SimState, initiators: string[]): void {
  run(s, 'ssh truenas');
  for (const line of [
    `iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `iscsi.initiator.create '${JSON.stringify({ initiators })}'`,
    `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1,"initiator":1}]}'`,
    `iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`,
    `iscsi.targetextent.create '{"target":1,"extent":1}'`,
    'service.start iscsitarget',
  ])
    run(s, `midclt call ${line}`);
  run(s, 'exit');
}
