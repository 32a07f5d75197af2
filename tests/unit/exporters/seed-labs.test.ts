import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDMAP,
  findHost,
  fullTargetIqn,
  parseCidr,
  parseIdmapLine,
  parseIpv4,
  parseSubidEntry,
  type Host,
  type Lab,
} from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';

const labs = loadExampleLabs();
const lab = (id: string): Lab => {
  const found = labs.find((l) => l.id === id);
  if (!found) throw new Error(`no lab ${id}`);
  return found.lab;
};
const host = (l: Lab, name: string): Host => {
  const found = findHost(l, name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
};

const SEEDS = [
  'seed-000-r630-truenas-iscsi',
  'seed-001-single-node-raidz',
  'seed-002-docker-vm-omv',
  'seed-003-tailscale-first',
  'seed-004-vps-edge-cgnat',
];

/** Address blocks a published example may use: RFC 1918, RFC 6598 (CGNAT/tailnet), RFC 5737 documentation. */
const ALLOWED_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'];

function inBlock(address: string, block: string): boolean {
  const [base, bits] = block.split('/') as [string, string];
  const toInt = (ip: string) => (parseIpv4(ip) ?? []).reduce((n, octet) => n * 256 + octet, 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(address) / size) === Math.floor(toInt(base) / size);
}

describe('example labs', () => {
  it('every lab in src/content/labs validates, and all five seed labs are there', () => {
    // loadExampleLabs throws with every issue when one does not validate.
    expect(labs.map((l) => l.id)).toEqual(expect.arrayContaining([...SEEDS, 'starter']));
  });

  it.each(SEEDS)('%s has a name and a description of its own', (id) => {
    const l = lab(id);
    expect(l.name.length).toBeGreaterThan(5);
    expect((l.description ?? '').length).toBeGreaterThan(200);
  });

  it.each(labs.map((l) => [l.id, l.lab] as const))('%s uses only private or documentation IPv4 ranges', (_id, l) => {
    const addresses = l.hosts.flatMap((h) => [
      ...h.interfaces.flatMap((i) => i.addresses),
      ...h.containers.flatMap((c) => c.net.map((n) => n.ip ?? 'dhcp')),
    ]);
    for (const cidr of addresses) {
      if (cidr === 'dhcp' || cidr === 'manual') continue;
      const address = parseCidr(cidr)?.address ?? cidr;
      expect(ALLOWED_BLOCKS.some((b) => inBlock(address, b)), `${address} is not in a private or documentation range`).toBe(true);
    }
  });

  it.each(labs.map((l) => [l.id, l.lab] as const))(
    '%s: every host id a container maps is delegated to root in /etc/subuid or /etc/subgid (else newuidmap refuses)',
    (_id, l) => {
      for (const h of l.hosts) {
        for (const ct of h.containers.filter((c) => c.unprivileged)) {
          // No idmap lines: Proxmox uses its default map (LXC.pm), which needs root:100000:65536.
          const entries = ct.idmap.length > 0 ? ct.idmap.map((line) => parseIdmapLine(line)) : DEFAULT_IDMAP;
          for (const entry of entries) {
            if (!entry) throw new Error(`unparsable idmap in ${h.name}/${ct.vmid}`);
            const ranges = (entry.type === 'u' ? h.subuid : h.subgid) ?? [];
            const covered = ranges
              .map((r) => parseSubidEntry(r))
              .some((r) => r !== null && r.user === 'root' && r.start <= entry.host && entry.host + entry.count <= r.start + r.count);
            expect(covered, `${h.name} CT ${ct.vmid}: ${entry.type} ${entry.host}+${entry.count} not in sub${entry.type}id`).toBe(true);
          }
        }
      }
    },
  );
});

describe('seed-000: R630 + TrueNAS over iSCSI', () => {
  const l = lab('seed-000-r630-truenas-iscsi');
  const pve = host(l, 'pve');
  const truenas = host(l, 'truenas');
  const target = truenas.iscsi?.target;

  it('has the Proxmox host and the TrueNAS box at the write-up addresses', () => {
    expect(pve.kind).toBe('proxmox');
    expect(pve.interfaces[0]?.addresses).toEqual(['192.168.5.146/24']);
    expect(pve.iscsi?.initiator?.name).toBe('iqn.1993-08.org.debian:01:e7dd6e7909d');
    expect(truenas.kind).toBe('truenas');
    expect(truenas.interfaces[0]?.addresses).toEqual(['192.168.5.142/24']);
  });

  it('shares the nextcloud zvol of MyMassStorage through all five iSCSI objects, at LUN 0', () => {
    expect(truenas.pools.map((p) => p.name)).toContain('MyMassStorage');
    expect(truenas.zvols.map((z) => z.name)).toContain('MyMassStorage/nextcloud');
    expect(target?.portals[0]?.listen).toEqual([expect.objectContaining({ ip: '0.0.0.0' })]);
    expect(target?.initiators[0]?.initiators).toEqual([pve.iscsi?.initiator?.name]);
    expect(target?.extents[0]?.disk).toBe('zvol/MyMassStorage/nextcloud');
    expect(target?.targetextents).toEqual([expect.objectContaining({ target: 1, extent: 1, lunid: 0 })]);
  });

  it('points the Proxmox iSCSI storage and session at the TrueNAS target', () => {
    const iqn = fullTargetIqn(target?.targets[0] ?? { name: '?' }, target?.basename);
    expect(iqn).toBe('iqn.2005-10.org.freenas.ctl:nextcloud');
    expect(pve.proxmox?.storage).toContainEqual(expect.objectContaining({ type: 'iscsi', portal: '192.168.5.142', target: iqn }));
    expect(pve.iscsi?.initiator?.sessions).toEqual([{ portal: '192.168.5.142:3260', target: iqn }]);
  });

  it('runs Nextcloud, a reverse proxy and Tailscale as LXC containers', () => {
    const running = l.services.filter((s) => s.guest !== undefined).map((s) => s.name);
    expect(running).toEqual(expect.arrayContaining(['nextcloud', 'nginx-proxy-manager', 'tailscale']));
  });
});

describe('seed-001: single node with RAIDZ', () => {
  const pve = host(lab('seed-001-single-node-raidz'), 'pve');

  it('boots from NVMe and keeps Tank-Archive as a 3-disk RAIDZ and VM-SSD as a mirror', () => {
    const pool = (name: string) => pve.pools.find((p) => p.name === name);
    expect(pool('rpool')?.vdevs).toEqual([{ type: 'stripe', disks: ['nvme0n1'] }]);
    expect(pool('Tank-Archive')?.vdevs).toEqual([{ type: 'raidz1', disks: ['sda', 'sdb', 'sdc'] }]);
    expect(pool('VM-SSD')?.vdevs[0]?.type).toBe('mirror');
  });

  it('creates Syncthing as CT 101 with the fields of the write-up\'s pct create', () => {
    const ct = pve.containers.find((c) => c.vmid === 101);
    expect(ct).toMatchObject({ hostname: 'syncthing-srv', cores: 1, memory: 512, unprivileged: true, features: { nesting: true } });
    expect(ct?.net[0]).toMatchObject({ name: 'eth0', bridge: 'vmbr0', ip: 'dhcp' });
    expect(ct?.rootfs?.storage).toBe('local-zfs');
    expect(ct?.template).toMatch(/debian-12-standard_12\.0-1_amd64\.tar\.zst$/);
  });

  it('keeps the Proxmox Backup Server VM in testing: marked so, and not started at boot', () => {
    const pbs = pve.vms.find((v) => v.name === 'backup-vault');
    expect(pbs?.onboot).toBe(false);
    expect(pbs?.description).toMatch(/in testing/);
  });

  it('passes the family uids and gids straight through and bind-mounts their datasets', () => {
    const ct = pve.containers.find((c) => c.vmid === 101);
    expect(ct?.idmap).toContain('u 1000 1000 3');
    expect(ct?.idmap).toContain('g 1100 1100 2');
    expect(ct?.mounts.map((m) => m.source)).toEqual(['/Tank-Archive/Family_Archive', '/Tank-Archive/Personal_Backups']);
  });
});

describe('seed-002: Docker VM, OMV and a separate security plane', () => {
  const l = lab('seed-002-docker-vm-omv');

  it('exposes only 80 and 443 to the internet, both on Traefik', () => {
    const exposed = l.services.flatMap((s) => s.ports.filter((p) => p.exposure === 'internet').map((p) => `${s.name} ${p.port}`));
    expect(exposed).toEqual(['traefik 80', 'traefik 443']);
  });

  it('has the Docker and OMV VMs, the Alpine box and the Pi', () => {
    expect(host(l, 'pve').vms.map((v) => v.name)).toEqual(['docker', 'omv']);
    expect(l.services.filter((s) => s.host === 'alpine').map((s) => s.name)).toEqual(['tailscale', 'uptime-kuma']);
    expect(l.services.filter((s) => s.host === 'pi').map((s) => s.name)).toEqual(['dnsmasq', 'unbound']);
  });

  it('keeps administration (the Proxmox UI) on the tailnet', () => {
    expect(l.services.find((s) => s.name === 'proxmox-ui')?.ports.map((p) => p.exposure)).toEqual(['tailnet']);
  });
});

describe('seed-003: Tailscale first', () => {
  const l = lab('seed-003-tailscale-first');

  it('opens no port to the internet and puts every host on the tailnet', () => {
    expect(l.services.flatMap((s) => s.ports).filter((p) => p.exposure === 'internet')).toEqual([]);
    for (const h of l.hosts) expect(h.interfaces.some((i) => i.zone === 'tailnet'), h.name).toBe(true);
  });

  it('is a TrueNAS NAS plus one small server running the usual services', () => {
    expect(l.hosts.map((h) => h.kind)).toEqual(['truenas', 'linux']);
    expect(l.services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['immich', 'nextcloud', 'home-assistant', 'vaultwarden', 'uptime-kuma']),
    );
  });
});

describe('seed-004: VPS edge for a home behind CGNAT', () => {
  const l = lab('seed-004-vps-edge-cgnat');
  const vps = host(l, 'vps');

  it('puts the VPS in the internet zone with a documentation-range public address', () => {
    expect(vps.zone).toBe('internet');
    expect(inBlock(parseCidr(vps.interfaces[0]?.addresses[0] ?? '')?.address ?? '', '203.0.113.0/24')).toBe(true);
    expect(l.services.filter((s) => s.host === 'vps').map((s) => s.name)).toEqual(['caddy', 'wireguard']);
  });

  it('reaches the Proxmox host only through a WireGuard link, and nothing at home is public', () => {
    expect(l.links).toEqual([expect.objectContaining({ from: 'pve', to: 'vps', kind: 'wireguard' })]);
    const homeExposed = l.services.filter((s) => s.host === 'pve').flatMap((s) => s.ports).filter((p) => p.exposure === 'internet');
    expect(homeExposed).toEqual([]);
  });

  it('runs Nginx Proxy Manager and the Grafana/Prometheus/Loki stack on Proxmox', () => {
    const names = l.services.filter((s) => s.host === 'pve').map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['nginx-proxy-manager', 'grafana', 'prometheus', 'loki']));
  });
});
