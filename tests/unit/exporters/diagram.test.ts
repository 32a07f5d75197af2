import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagram } from '../../../src/simulator/exporters';
import type { Lab } from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';
import { expectGolden } from './golden-file';
import { ancestors, readFlowchart } from './mermaid-structure';

const labs = loadExampleLabs();
const byId = (id: string): Lab => {
  const found = labs.find((l) => l.id === id);
  if (!found) throw new Error(`no lab ${id}`);
  return found.lab;
};

describe('diagram: golden files', () => {
  it.each(labs)('$id matches its golden file in tests/golden/diagram/', ({ id, lab }) => {
    expectGolden(`diagram/${id}.mmd`, diagram(lab));
  });
});

describe('diagram: structure', () => {
  it.each(labs.map((l) => [l.id, l.lab] as const))('%s: each host once, inside its zone; guests inside their host', (_id, lab) => {
    const chart = readFlowchart(diagram(lab));
    expect(chart.accTitle).toBe(lab.name);
    expect(chart.accDescr).toMatch(/^\d+ hosts? in \d+ zones?\. /);

    for (const host of lab.hosts) {
      const matches = chart.items.filter((i) => i.label.split(' · ')[0] === host.name);
      expect(matches, `host ${host.name}`).toHaveLength(1);
      const hostItem = matches[0]!;
      const zoneIndex = lab.zones.findIndex((z) => z.id === host.zone);
      const zoneItem = chart.items.find((i) => i.id.startsWith(`zone${zoneIndex}`));
      expect(hostItem.parent, `${host.name} sits in zone ${host.zone}`).toBe(zoneItem?.id);
      expect(zoneItem?.label).toBe(lab.zones[zoneIndex]?.name);

      for (const ct of host.containers) {
        const guest = chart.items.filter((i) => i.label.startsWith(`CT ${ct.vmid} `));
        expect(guest).toHaveLength(1);
        expect(guest[0]?.parent).toBe(hostItem.id);
      }
      for (const vm of host.vms) {
        const guest = chart.items.filter((i) => i.label.startsWith(`VM ${vm.vmid} ${vm.name}`));
        expect(guest).toHaveLength(1);
        expect(guest[0]?.parent).toBe(hostItem.id);
      }
    }
    for (const zone of lab.zones) {
      expect(chart.items.filter((i) => i.label === zone.name && i.id.startsWith('zone')), zone.id).toHaveLength(1);
    }
  });

  it('draws the starter lab as two hosts in the Home LAN with their boot pools', () => {
    expect(diagram(byId('starter'))).toMatchInlineSnapshot(`
      "flowchart TB
          accTitle: Starter lab
          accDescr: 2 hosts in 1 zone. pve (Proxmox VE, 192.168.5.146) in Home LAN. truenas (TrueNAS, 192.168.5.142) in Home LAN. Nothing is exposed to the internet.
          subgraph zone0_lan["Home LAN"]
              subgraph host0_pve["pve · Proxmox VE · 192.168.5.146"]
                  pool0_0_rpool[("rpool · stripe 1 × 500G")]
              end
              subgraph host1_truenas["truenas · TrueNAS · 192.168.5.142"]
                  pool1_0_boot_pool[("boot-pool · stripe 1 × 256G")]
              end
          end
      "
    `);
  });

  it('without storage nodes, a host with nothing inside is a plain node', () => {
    const chart = readFlowchart(diagram(byId('starter'), { storage: false }));
    expect(chart.items.filter((i) => i.label.includes('rpool'))).toEqual([]);
    expect(chart.items.find((i) => i.id === 'host0_pve')).toMatchObject({ kind: 'node', parent: 'zone0_lan' });
  });

  it('draws the iSCSI storage link from Proxmox to TrueNAS with the target name, once', () => {
    const chart = readFlowchart(diagram(byId('seed-000-r630-truenas-iscsi')));
    expect(chart.edges.filter((e) => e.label.includes('iSCSI'))).toEqual([
      { from: 'host0_pve', to: 'host1_truenas', arrow: '-->', label: 'iSCSI nextcloud' },
    ]);
    expect(chart.items.find((i) => i.label === 'zvol MyMassStorage/nextcloud 500G')?.parent).toBe('host1_truenas');
  });

  it('draws internet-exposed ports as thick edges from the internet to the guest that serves them', () => {
    const chart = readFlowchart(diagram(byId('seed-002-docker-vm-omv')));
    const exposed = chart.edges.filter((e) => e.arrow === '==>');
    expect(exposed).toEqual([{ from: 'zone0_internet', to: 'vm0_200', arrow: '==>', label: '80/tcp, 443/tcp' }]);
    expect(chart.items.find((i) => i.id === 'vm0_200')?.label).toBe(
      'VM 200 docker<br>traefik, jellyfin, jellyseerr, sonarr, radarr + 8 more',
    );
  });

  it('puts an "Internet clients" node inside an internet zone that holds hosts, and links tunnels dotted', () => {
    const chart = readFlowchart(diagram(byId('seed-004-vps-edge-cgnat')));
    expect(chart.items.find((i) => i.id === 'internet_clients')?.parent).toBe('zone0_internet');
    expect(ancestors(chart, 'svc0_caddy')).toEqual(['host0_vps', 'zone0_internet']);
    expect(chart.edges).toContainEqual({ from: 'host1_pve', to: 'host0_vps', arrow: '-.->', label: 'WireGuard' });
    expect(chart.edges).toContainEqual({ from: 'internet_clients', to: 'svc0_caddy', arrow: '==>', label: '443/tcp, 80/tcp' });
  });

  it('shows tailnet-only services as dotted edges from the tailnet and nothing from the internet', () => {
    const chart = readFlowchart(diagram(byId('seed-003-tailscale-first')));
    expect(chart.edges.filter((e) => e.arrow === '==>')).toEqual([]);
    expect(chart.edges).toContainEqual({ from: 'zone1_tailnet', to: 'svc0_immich', arrow: '-.->', label: '2283/tcp' });
    expect(chart.accDescr).toContain('Nothing is exposed to the internet.');
  });

  it('labels a container without hostname the way pct names it', () => {
    const lab = structuredClone(byId('every-field'));
    delete lab.hosts[0]!.containers[0]!.hostname;
    expect(readFlowchart(diagram(lab)).items.find((i) => i.id === 'ct0_101')?.label).toBe('CT 101 CT101<br>nextcloud');
  });

  it('gives the same text for the same lab, and for a deep copy of it', () => {
    for (const { lab } of labs) {
      expect(diagram(structuredClone(lab))).toBe(diagram(lab));
    }
  });
});

describe('diagram: hostile names', () => {
  const base = byId('every-field');

  /** A copy of the every-field lab with `text` in every name and free-text field the diagram prints. */
  function withText(text: string): Lab {
    const lab = structuredClone(base);
    lab.name = text;
    lab.zones.forEach((z) => (z.name = text));
    lab.hosts.forEach((h, i) => {
      h.name = `${text}${i}`;
      h.pools.forEach((p) => (p.name = text));
      h.containers.forEach((c) => (c.hostname = text));
      h.vms.forEach((v) => (v.name = text));
      h.zvols.forEach((z) => (z.name = text));
      h.interfaces.forEach((iface) => (iface.name = text));
    });
    const renamed = (name: string): string => `${text}${base.hosts.findIndex((h) => h.name === name)}`;
    lab.services.forEach((s) => {
      s.name = text;
      s.host = renamed(s.host);
    });
    lab.links.forEach((l) => {
      l.kind = text;
      l.from = renamed(l.from);
      l.to = renamed(l.to);
    });
    return lab;
  }

  it.each([
    ['quotes and brackets', 'a"]; B["x'],
    ['a Mermaid directive', '%%{init: {"securityLevel": "loose"}}%%'],
    ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['newlines and a fake subgraph', 'x\nend\nsubgraph evil\nclick host0 call alert()'],
    ['Markdown string backticks', '"`**bold**`"'],
    ['an edge', 'a -->|"x"| b'],
    ['entity codes', '#quot;#35;&amp;'],
    ['a keyword', 'end'],
    ['an Object.prototype key', 'constructor'],
    ['another one', '__proto__'],
    ['a direction statement', 'Home direction LR'],
    ['nothing', ''],
  ])('%s stay inside their labels', (_what, text) => {
    const out = diagram(withText(text));
    const chart = readFlowchart(out);
    // Words like `end` or `click` may appear, but only inside labels: readFlowchart checks every line.
    expect(out).not.toMatch(/<script|<img|%%/);
    expect(chart.items.filter((i) => i.kind === 'subgraph' && i.id.startsWith('host'))).toHaveLength(base.hosts.length);
  });

  it('any strings give valid, balanced flowchart text with unique ids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const chart = readFlowchart(diagram(withText(text)));
        expect(new Set(chart.items.map((i) => i.id)).size).toBe(chart.items.length);
        expect(chart.accTitle).not.toMatch(/[\n\r%{}]/);
      }),
      { numRuns: 300 },
    );
  });
});
