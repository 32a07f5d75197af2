// Proxmox rules: storage.cfg, templates, containers (storage, mounts, network, raw lxc
// lines, subuid/subgid) and VMs, each broken once with Proxmox's message.
import { describe, expect, it } from 'vitest';
import { breakEveryField, type LabDoc } from './lab-fixtures';

// every-field.yaml host 0 (pve): storages local (dir), local-zfs (zfspool rpool/data),
// truenas-nextcloud (iscsi), nextcloud-lvm (lvm); container 101, VM 200; bridge vmbr0.
const ct = (lab: LabDoc) => lab.hosts[0].containers[0];
const storage = (lab: LabDoc) => lab.hosts[0].proxmox.storage;

describe('guests need a proxmox host', () => {
  it('containers, VMs and Proxmox config on a linux host are refused', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[2].containers = [{ vmid: 300 }];
        lab.hosts[2].vms = [{ vmid: 301, name: 'x' }];
        lab.hosts[2].proxmox = {};
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[2].proxmox: Proxmox VE configuration needs a proxmox host; vps is a linux host (change kind to proxmox, or move them to a proxmox host)",
        "hosts[2].containers: containers need a proxmox host; vps is a linux host (change kind to proxmox, or move them to a proxmox host)",
        "hosts[2].vms: VMs need a proxmox host; vps is a linux host (change kind to proxmox, or move them to a proxmox host)",
      ]
    `);
  });
});

describe('VMIDs', () => {
  it('follow the Proxmox format', () => {
    expect(breakEveryField((lab) => (ct(lab).vmid = 99))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].vmid: value does not look like a valid VM ID (use a whole number from 100 to 999999999)",
      ]
    `);
  });

  it('are unique across the lab, containers and VMs alike', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].vms[0].vmid = 101))).toMatchInlineSnapshot(`
      [
        "hosts[0].vms[0].vmid: CT 101 already exists on node 'pve' (pick an unused VMID)",
      ]
    `);
  });
});

describe('storage.cfg', () => {
  it('ids are unique and well formed', () => {
    expect(breakEveryField((lab) => storage(lab).push({ id: 'local', type: 'dir', path: '/srv' }))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[4].id: storage ID 'local' already defined",
      ]
    `);
    expect(breakEveryField((lab) => (storage(lab)[0].id = 'local storage'))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[0].id: storage ID 'local storage' contains illegal characters (start with a letter; use letters, digits, "-", "_" and ".")",
      ]
    `);
  });

  it('a zfspool storage names a pool or dataset of the host', () => {
    expect(breakEveryField((lab) => (storage(lab)[1].pool = 'rpool/vmdata'))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[1].pool: ZFS pool or dataset 'rpool/vmdata' does not exist on pve (pools and datasets: rpool, tank, rpool/data, tank/archive)",
      ]
    `);
  });

  it('an iscsi storage has a portal and an IQN, and holds images or none', () => {
    expect(
      breakEveryField((lab) => {
        storage(lab)[2].portal = 'nas box';
        storage(lab)[2].target = 'nextcloud';
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[2].portal: "nas box" is not a portal address (write IP[:PORT] or a host name, like 192.168.5.142:3260)",
        "hosts[0].proxmox.storage[2].target: an iSCSI name starts with "iqn.", "eui." or "naa." (RFC 3720 §3.2.6.3) (write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d)",
      ]
    `);
    expect(breakEveryField((lab) => (storage(lab)[2].content = ['rootdir']))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[2].content: iSCSI storage content is images or none only (put containers on an lvm storage with base on this LUN)",
      ]
    `);
  });

  it('an lvm base names an iscsi storage', () => {
    expect(breakEveryField((lab) => (storage(lab)[3].base = 'nowhere:0.0.0.scsi-36589cfc000000abc'))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[3].base: storage 'nowhere' does not exist",
      ]
    `);
    expect(breakEveryField((lab) => (storage(lab)[3].base = 'local:0.0.0.scsi-36589cfc000000abc'))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[3].base: base storage 'local' is dir, not iscsi",
      ]
    `);
  });
});

describe('containers', () => {
  it('the template is on an existing storage and downloaded', () => {
    expect(breakEveryField((lab) => (ct(lab).template = 'local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz'))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].template: volume 'local:vztmpl/alpine-3.20-default_2024090…' does not exist (add it to proxmox.templates (pveam download))",
      ]
    `);
    expect(breakEveryField((lab) => (ct(lab).template = 'nas:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst'))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].template: storage 'nas' does not exist (storages on pve: local, local-zfs, truenas-nextcloud, nextcloud-lvm)",
      ]
    `);
  });

  it('rootfs and volume mount points use an existing storage that holds container directories', () => {
    expect(
      breakEveryField((lab) => {
        ct(lab).rootfs.storage = 'local-lvm';
        ct(lab).mounts[1].storage = 'local';
        storage(lab)[0].content = ['iso', 'vztmpl'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].rootfs.storage: storage 'local-lvm' does not exist (storages on pve: local, local-zfs, truenas-nextcloud, nextcloud-lvm)",
        "hosts[0].containers[0].mounts[1].storage: storage 'local' does not support container directories (add rootdir to its content, or use another storage)",
      ]
    `);
  });

  it('any absolute bind mount source is taken (pct does not look; pct start does)', () => {
    for (const source of ['/tank/archive/photos', '/rpool/data/share', '/mnt/pve/nas', '/srv/media', '/var/lib/vz/dump', '/data/photos', '/root']) {
      expect(breakEveryField((lab) => (ct(lab).mounts[0].source = source)), source).toEqual([]);
    }
  });

  it('a mount point is a bind mount or a volume, with the options each allows', () => {
    expect(
      breakEveryField((lab) => {
        ct(lab).mounts = [
          { index: 0, source: '/tank/archive', storage: 'local-zfs', mp: '/a' },
          { index: 1, mp: '/b' },
          { index: 2, source: '/tank/archive', mp: '/c', backup: true, size: '1G' },
          { index: 3, source: '/tank/archive', mp: 'relative' },
        ];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].mounts[0]: a mount point is either a bind mount (source) or a volume (storage), not both (keep source for a host path, or storage for a new volume)",
        "hosts[0].containers[0].mounts[1]: a mount point needs a source (host path, bind mount) or a storage (volume) (add source: /host/path or storage: local-zfs)",
        "hosts[0].containers[0].mounts[2].backup: bind mounts are never included in backups (remove backup, or use a volume mount point)",
        "hosts[0].containers[0].mounts[2].size: a bind mount has no size (remove size)",
        "hosts[0].containers[0].mounts[3].mp: 'relative' is not an absolute path",
      ]
    `);
  });

  it('mpN and netN indexes are unique', () => {
    expect(
      breakEveryField((lab) => {
        ct(lab).mounts[1].index = 0;
        ct(lab).net[1].index = 0;
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].mounts[1].index: mp0 is defined twice (use another index than 0)",
        "hosts[0].containers[0].net[1].index: net0 is defined twice (use another index than 0)",
      ]
    `);
  });

  it('network: bridge exists, addresses well formed and unique, MAC unicast', () => {
    expect(breakEveryField((lab) => (ct(lab).net[0].bridge = 'vmbr1'))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].net[0].bridge: bridge 'vmbr1' does not exist (interfaces on pve: vmbr0, tailscale0)",
      ]
    `);
    expect(
      breakEveryField((lab) => {
        ct(lab).net[1].ip = '192.168.5.300/24';
        ct(lab).net[1].hwaddr = '01:00:5E:00:00:01';
        ct(lab).net[1].tag = 4095;
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].net[1].ip: "192.168.5.300/24" is not an address with a prefix length, like 192.168.5.146/24 (write the address and prefix length, like 192.168.5.146/24)",
        "hosts[0].containers[0].net[1].tag: 4095 is too big: it must be at most 4094",
        "hosts[0].containers[0].net[1].hwaddr: value does not look like a valid unicast MAC address",
      ]
    `);
    expect(breakEveryField((lab) => (ct(lab).net[1].ip = '192.168.5.142/24'))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].net[1].ip: address 192.168.5.142 is already used by truenas (enp3s0) (give each interface its own address)",
      ]
    `);
  });

  it('raw lxc lines look like lxc.key: value and do not hold idmaps', () => {
    expect(breakEveryField((lab) => (ct(lab).lxc = ['apparmor unconfined', 'lxc.idmap: u 0 100000 65536']))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].lxc[0]: "apparmor unconfined" is not an lxc.* line (write "lxc.key: value", like "lxc.apparmor.profile: generated")",
        "hosts[0].containers[0].lxc[1]: lxc.idmap lines belong in idmap (move the "u|g container host count" part to the idmap list)",
      ]
    `);
  });

  it('hostname, tags and description follow their rules', () => {
    expect(
      breakEveryField((lab) => {
        ct(lab).hostname = 'sync_thing';
        ct(lab).tags = ['family', 'a b'];
        ct(lab).description = 'bell\u0007';
        ct(lab).memory = 8;
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].hostname: value does not look like a valid DNS name (use letters, digits and "-", dot-separated, like syncthing-srv)",
        "hosts[0].containers[0].memory: 8 is too small: it must be at least 16",
        "hosts[0].containers[0].tags[1]: invalid tag 'a b'",
        "hosts[0].containers[0].description: text contains the control character '\\u0007'",
      ]
    `);
  });

  it('root may map the host ranges of the idmap (/etc/subuid, /etc/subgid)', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].subuid = ['root:100000:65536']))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].idmap[2]: newuidmap: uid range [1000-1001) -> [1000-1001) not allowed (add "root:1000:1" to subuid of pve)",
      ]
    `);
    expect(
      breakEveryField((lab) => {
        ct(lab).idmap = [];
        lab.hosts[0].subgid = ['root:1000:1'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].unprivileged: newgidmap: gid range [0-65536) -> [100000-165536) not allowed (add "root:100000:65536" to subgid of pve)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[0].subuid = ['root:100000'])))
      .toMatchInlineSnapshot(`
        [
          "hosts[0].subuid[0]: "root:100000" is not a subordinate id range "name:start:count" (subuid(5)) (write name:start:count, like root:100000:65536)",
        ]
      `);
  });
});

describe('VMs', () => {
  it('disks use an existing storage that holds images; NICs an existing bridge', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].vms[0].disks[0].storage = 'local';
        storage(lab)[0].content = ['iso'];
        lab.hosts[0].vms[0].net[0].bridge = 'vmbr9';
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.templates[0]: storage 'local' does not support container templates (add vztmpl to its content, or use another storage)",
        "hosts[0].vms[0].disks[0].storage: storage 'local' does not support vm images (add images to its content, or use another storage)",
        "hosts[0].vms[0].net[0].bridge: bridge 'vmbr9' does not exist (interfaces on pve: vmbr0, tailscale0)",
      ]
    `);
  });
});

describe('formats of Proxmox values', () => {
  it('template volumes, fs types, volume names, vg names and block sizes', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].proxmox.templates[0] = 'debian.tar';
        ct(lab).features.mount = ['nfs;rm'];
        storage(lab)[3].vgname = 'a b';
        storage(lab)[1].blocksize = '16 k';
        lab.hosts[0].vms[0].disks[0].volume = '../x';
        lab.hosts[1].iscsi.target.extents[0].serial = 'x y';
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[1].blocksize: not a block size like 16k",
        "hosts[0].proxmox.storage[3].vgname: invalid volume group name",
        "hosts[0].proxmox.templates[0]: not a template volume like local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
        "hosts[0].containers[0].features.mount[0]: not a file system type like nfs or cifs",
        "hosts[0].vms[0].disks[0].volume: "../x" is not a volume name like subvol-101-disk-0",
        "hosts[1].iscsi.target.extents[0].serial: Serial number is 1 to 16 letters and digits",
      ]
    `);
  });
});
