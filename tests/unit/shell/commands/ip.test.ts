import { describe, expect, it } from 'vitest';
import { everyFieldLab, sh } from '../sim-fixture';

describe('ip', () => {
  it('shows links and addresses in iproute2 layout, with stable MACs from the seed', () => {
    expect(sh('ip addr').stdout).toMatchInlineSnapshot(`
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
          link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
          inet 127.0.0.1/8 scope host lo
             valid_lft forever preferred_lft forever
          inet6 ::1/128 scope host 
             valid_lft forever preferred_lft forever
      2: vmbr0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
          link/ether 48:8f:d4:9e:cd:d6 brd ff:ff:ff:ff:ff:ff
          inet 192.168.5.146/24 brd 192.168.5.255 scope global vmbr0
             valid_lft forever preferred_lft forever
          inet6 fe80::4a8f:d4ff:fe9e:cdd6/64 scope link 
             valid_lft forever preferred_lft forever
      "
    `);
    expect(sh('ip a').stdout).toBe(sh('ip address show').stdout);
    expect(sh('ip a', { seed: 2 }).stdout).not.toBe(sh('ip a').stdout);
  });

  it('puts bridge ports before their bridge and tunnels without a MAC', () => {
    expect(sh('ip -br link', {}, everyFieldLab).stdout).toMatchInlineSnapshot(`
      "lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
      eno1             UP             98:83:45:46:29:fe <BROADCAST,MULTICAST,UP,LOWER_UP> 
      vmbr0            UP             98:83:45:46:29:fe <BROADCAST,MULTICAST,UP,LOWER_UP> 
      tailscale0       UNKNOWN        <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> 
      "
    `);
  });

  it('filters by family and device', () => {
    expect(sh('ip -4 a show dev vmbr0').stdout).toBe(
      '2: vmbr0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n    inet 192.168.5.146/24 brd 192.168.5.255 scope global vmbr0\n       valid_lft forever preferred_lft forever\n',
    );
    expect(sh('ip -br -4 a').stdout).toBe('lo               UNKNOWN        127.0.0.1/8 \nvmbr0            UP             192.168.5.146/24 \n');
  });

  it('shows routes from gateways and subnets', () => {
    expect(sh('ip route').stdout).toBe('default via 192.168.5.1 dev vmbr0 proto kernel onlink \n192.168.5.0/24 dev vmbr0 proto kernel scope link src 192.168.5.146 \n');
  });

  it('words errors like iproute2', () => {
    // ip.c returns EXIT_FAILURE for an unknown object (the real iproute2 6.1, tests/real/shell/ip.test.ts).
    expect(sh('ip foo')).toMatchObject({ stderr: 'Object "foo" is unknown, try "ip help".\n', exitCode: 1 });
    expect(sh('ip -z a')).toMatchObject({ stderr: 'Option "-z" is unknown, try "ip -help".\n', exitCode: 255 });
    expect(sh('ip a show eth9')).toMatchObject({ stderr: 'Device "eth9" does not exist.\n', exitCode: 1 });
    expect(sh('ip addr add 10.0.0.1/24 dev vmbr0')).toMatchObject({ stderr: 'ip address add: changing the network is not simulated; edit the lab file\n', exitCode: 2 });
    expect(sh('ip').exitCode).toBe(255);
  });

  // iproute2 6.1 layouts checked in a network namespace (tests/real/shell/ip.test.ts).
  it('adds the link mode to ip link, shortens -6 headers, and prints -o one record per line', () => {
    expect(sh('ip link show lo').stdout).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n');
    expect(sh('ip -6 a').stdout.split('\n')[0]).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000');
    expect(sh('ip -6 a show lo').stdout.split('\n')[0]).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000');
    expect(sh('ip -o -4 a').stdout).toBe(
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n2: vmbr0    inet 192.168.5.146/24 brd 192.168.5.255 scope global vmbr0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(sh('ip route foo')).toMatchObject({ stderr: 'Command "foo" is unknown, try "ip route help".\n', exitCode: 255 });
    expect(sh('ip neigh')).toMatchObject({ exitCode: 2 });
  });
});
