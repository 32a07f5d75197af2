// Host, network, account, service and link rules, each broken once.
import { describe, expect, it } from 'vitest';
import { breakEveryField } from './lab-fixtures';

describe('hosts', () => {
  it('host names are DNS names and unique', () => {
    expect(breakEveryField((lab) => (lab.hosts[2].name = 'my vps'))).toMatchInlineSnapshot(`
      [
        "hosts[2].name: value does not look like a valid DNS name (use letters, digits and "-", dot-separated, like syncthing-srv)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[2].name = 'pve'))).toMatchInlineSnapshot(`
      [
        "hosts[2].name: host name 'pve' is used twice (give each host its own name)",
        "services[1].host: no host named 'vps' (hosts: pve, truenas, pve)",
        "links[1].from: no host named 'vps' (hosts: pve, truenas, pve)",
      ]
    `);
  });
});

describe('zones', () => {
  it('zone ids are unique and referenced zones exist', () => {
    expect(
      breakEveryField((lab) => {
        lab.zones.push({ id: 'lan', name: 'Other LAN', kind: 'lan' });
        lab.hosts[0].zone = 'home';
        lab.hosts[2].interfaces[1].zone = 'wg';
      }),
    ).toMatchInlineSnapshot(`
      [
        "zones[4].id: zone 'lan' is defined twice",
        "hosts[0].zone: zone 'home' is not defined (add it under zones, or use one of: internet, lan, tailnet, mgmt)",
        "hosts[2].interfaces[1].zone: zone 'wg' is not defined (add it under zones, or use one of: internet, lan, tailnet, mgmt)",
      ]
    `);
  });
});

describe('interfaces and addresses', () => {
  it('addresses carry a prefix length; gateways are addresses', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[1].interfaces[0].addresses = ['192.168.5.142'];
        lab.hosts[1].interfaces[0].gateway = '192.168.5.256';
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].interfaces[0].addresses[0]: "192.168.5.142" is not an address with a prefix length, like 192.168.5.146/24 (write the address and prefix length, like 192.168.5.146/24)",
        "hosts[1].interfaces[0].gateway: "192.168.5.256" is not an IPv4 or IPv6 address (write an address like 192.168.5.1)",
      ]
    `);
  });

  it('an address is used once in the lab; IPv6 is compared in canonical form', () => {
    expect(breakEveryField((lab) => (lab.hosts[2].interfaces[1].addresses = ['192.168.5.146/24']))).toMatchInlineSnapshot(`
      [
        "hosts[2].interfaces[1].addresses[0]: address 192.168.5.146 is already used by pve (vmbr0) (give each interface its own address)",
      ]
    `);
    expect(
      breakEveryField((lab) => {
        lab.hosts[1].interfaces[0].addresses.push('fd00::1/64');
        lab.hosts[2].interfaces[0].addresses.push('fd00:0:0::1/64');
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[2].interfaces[0].addresses[1]: address fd00:0:0::1 is already used by truenas (enp3s0) (give each interface its own address)",
      ]
    `);
  });

  it('interface names follow the kernel rule and are unique on a host', () => {
    expect(breakEveryField((lab) => (lab.hosts[2].interfaces[1].name = 'eth0'))).toMatchInlineSnapshot(`
      [
        "hosts[2].interfaces[1].name: interface 'eth0' is defined twice",
      ]
    `);
    expect(breakEveryField((lab) => (lab.hosts[2].interfaces[1].name = 'wireguard-tunnel0'))).toMatchInlineSnapshot(`
      [
        "hosts[2].interfaces[1].name: 'wireguard-tunnel0' is not a valid interface name (1-15 letters, digits, '.', '-' or '_') (use a name like eth0, eno1 or vmbr0)",
      ]
    `);
  });
});

describe('users and groups', () => {
  it('shadow-utils rules: names, unique names and ids, groups and members that exist', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].users.push({ name: 'alice', uid: 1001, gid: 1000 }, { name: 'bob', uid: 1000, gid: 2000 }, { name: 'Carol', uid: 1002, gid: 1000 });
        lab.hosts[0].groups.push({ name: 'media', gid: 1000, members: ['dave'] });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].users[4].name: invalid user name 'Carol' (use lower-case letters, digits, "_" and "-", like alice)",
      ]
    `);
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].users.push({ name: 'bob', uid: 1000, gid: 2000 });
        lab.hosts[0].groups.push({ name: 'media', gid: 1000, members: ['dave'] });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].users[2].uid: useradd: UID 1000 is not unique",
        "hosts[0].users[2].gid: useradd: group '2000' does not exist (add the group under groups)",
        "hosts[0].groups[2].gid: groupadd: GID '1000' already exists",
        "hosts[0].groups[2].members[0]: user 'dave' does not exist (add the user under users)",
      ]
    `);
  });
});

describe('services and links', () => {
  it('a service runs on an existing host and guest', () => {
    expect(breakEveryField((lab) => (lab.services[0].host = 'proxmox'))).toMatchInlineSnapshot(`
      [
        "services[0].host: no host named 'proxmox' (hosts: pve, truenas, vps)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.services[0].guest = 105))).toMatchInlineSnapshot(`
      [
        "services[0].guest: no container or VM 105 on pve (guests on pve: 101, 200)",
      ]
    `);
  });

  it('an exposure names a zone kind the lab has, or local', () => {
    expect(
      breakEveryField((lab) => {
        lab.zones = lab.zones.filter((z: { kind: string }) => z.kind !== 'management');
        lab.hosts[2].interfaces[1].zone = 'tailnet';
      }),
    ).toMatchInlineSnapshot(`
      [
        "services[2].ports[0].exposure: no zone of kind 'management' in this lab (add a zone with kind: management, or use one of: internet, lan, tailnet, local)",
      ]
    `);
    expect(breakEveryField((lab) => (lab.services[0].ports[0].exposure = 'public'))).toMatchInlineSnapshot(`
      [
        "services[0].ports[0].exposure: "public" is not one of: internet, lan, tailnet, management, local",
      ]
    `);
  });

  it('ports are 1-65535', () => {
    expect(breakEveryField((lab) => (lab.services[0].ports[0].port = 70000))).toMatchInlineSnapshot(`
      [
        "services[0].ports[0].port: 70000 is too big: it must be at most 65535",
      ]
    `);
  });

  it('a link joins existing hosts', () => {
    expect(breakEveryField((lab) => (lab.links[0].to = 'nas'))).toMatchInlineSnapshot(`
      [
        "links[0].to: no host named 'nas' (hosts: pve, truenas, vps)",
      ]
    `);
  });
});

describe('more account rules', () => {
  it('user and group names are unique', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].users.push({ name: 'alice', uid: 1001, gid: 1000 });
        lab.hosts[0].groups.push({ name: 'alice', gid: 1001 });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].users[2].name: useradd: user 'alice' already exists",
        "hosts[0].groups[2].name: groupadd: group 'alice' already exists",
      ]
    `);
  });
});
