// The STRIDE table generator (src/simulator/exporters/threat-model.ts) over the example labs
// and small hand-made labs: what each kind of exposure, link and guest produces.
import { describe, expect, it } from 'vitest';
import { residualCounts, STRIDE, threatModel } from '../../../src/simulator/exporters/threat-model';
import type { Lab } from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';

const labs = loadExampleLabs();
const lab = (id: string): Lab => {
  const found = labs.find((l) => l.id === id);
  if (!found) throw new Error(`no lab ${id}`);
  return found.lab;
};

describe('threatModel', () => {
  it('gives every example lab rows with every field filled and a known STRIDE category', () => {
    for (const { id, lab: l } of labs) {
      const rows = threatModel(l);
      if (id !== 'starter') expect(rows.length, id).toBeGreaterThan(0);
      for (const row of rows) {
        expect(STRIDE).toContain(row.stride);
        for (const value of [row.element, row.boundary, row.threat, row.vector, row.impact, row.mitigation]) {
          expect(value.trim().length, `${id}: ${row.element}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('is deterministic', () => {
    const l = lab('seed-002-docker-vm-omv');
    expect(threatModel(structuredClone(l))).toEqual(threatModel(l));
  });

  it('puts internet-facing services first, with a boundary from the internet zone', () => {
    const rows = threatModel(lab('seed-002-docker-vm-omv'));
    expect(rows[0]?.element).toBe('traefik on VM 200 docker (pve)');
    expect(rows[0]?.boundary).toBe('Internet → pve');
    const traefik = rows.filter((r) => r.element.startsWith('traefik'));
    expect(traefik.map((r) => r.stride)).toEqual(['Spoofing', 'Elevation of privilege', 'Denial of service']);
    // A VM sits between the proxy and the hypervisor: an exploit leaves little behind.
    expect(traefik.find((r) => r.stride === 'Elevation of privilege')?.residual).toBe('low');
  });

  it('leaves ports that only the host itself reaches out of the table', () => {
    const rows = threatModel(lab('seed-002-docker-vm-omv'));
    expect(rows.some((r) => r.element.startsWith('jellyfin'))).toBe(false);
    expect(rows.some((r) => r.element.startsWith('unbound'))).toBe(false);
  });

  it('knows NFS trusts the client UID and DNS answers can be forged', () => {
    const rows = threatModel(lab('seed-002-docker-vm-omv'));
    expect(rows.find((r) => r.element.startsWith('nfs-server'))).toMatchObject({ stride: 'Spoofing', boundary: 'Home LAN → pve' });
    expect(rows.find((r) => r.element.startsWith('dnsmasq'))).toMatchObject({ stride: 'Tampering', residual: 'low' });
  });

  it('rates an iSCSI link by its initiator group and CHAP', () => {
    const seed000 = lab('seed-000-r630-truenas-iscsi');
    const tamper = () => threatModel(seed000).find((r) => r.elementKind === 'link' && r.stride === 'Tampering');
    expect(tamper()).toMatchObject({ element: 'iscsi link pve → truenas', residual: 'medium' });
    const open = structuredClone(seed000);
    const target = open.hosts.find((h) => h.name === 'truenas')!.iscsi!.target!;
    target.initiators[0]!.initiators = [];
    expect(threatModel(open).find((r) => r.elementKind === 'link' && r.stride === 'Tampering')?.residual).toBe('high');
  });

  it('flags a privileged container and a writable host bind mount', () => {
    const l = structuredClone(lab('seed-000-r630-truenas-iscsi'));
    const pve = l.hosts.find((h) => h.name === 'pve')!;
    pve.containers[0]!.unprivileged = false;
    const rows = threatModel(l).filter((r) => r.elementKind === 'guest');
    expect(rows.find((r) => r.stride === 'Elevation of privilege')).toMatchObject({ element: 'CT 100 proxy (pve)', residual: 'high' });
    expect(rows.some((r) => r.stride === 'Tampering' && r.element === 'CT 102 nextcloud (pve)')).toBe(true);
  });

  it('rates a management UI open to the whole LAN higher than one on the tailnet', () => {
    const rows = threatModel(lab('seed-004-vps-edge-cgnat'));
    const ui = rows.find((r) => r.element === 'proxmox-ui on pve' && r.stride === 'Spoofing');
    expect(ui).toMatchObject({ boundary: 'Home LAN (behind CGNAT) → pve', residual: 'medium' });
    const tail = threatModel(lab('seed-001-single-node-raidz')).find((r) => r.element === 'proxmox-ui on pve' && r.stride === 'Spoofing');
    expect(tail).toMatchObject({ boundary: 'Family tailnet → pve', residual: 'low' });
  });

  it('flags plain HTTP on the LAN, not inside a WireGuard tunnel', () => {
    const rows = threatModel(lab('seed-004-vps-edge-cgnat'));
    const npm = rows.filter((r) => r.element.startsWith('nginx-proxy-manager') && r.stride === 'Information disclosure');
    expect(npm).toEqual([]);
    const seed000 = threatModel(lab('seed-000-r630-truenas-iscsi'));
    expect(seed000.find((r) => r.element.startsWith('nextcloud') && r.stride === 'Information disclosure')).toMatchObject({ boundary: 'Home LAN → pve', residual: 'medium' });
  });

  it('counts rows per residual level', () => {
    const rows = threatModel(lab('seed-002-docker-vm-omv'));
    const counts = residualCounts(rows);
    expect(counts.low + counts.medium + counts.high).toBe(rows.length);
  });
});
