import { describe, expect, it } from 'vitest';
import { currentHost } from '../../../src/simulator/shell';
import { createHostVfs } from '../../../src/simulator/shell/vfs';
import { boot, everyFieldLab, run } from './sim-fixture';

describe('host files derived from the lab', () => {
  it('lists /etc of a Proxmox host', () => {
    const state = boot();
    const vfs = createHostVfs(state, currentHost(state));
    const etc = vfs.list('/etc');
    expect(etc.ok && etc.names.sort()).toEqual(['group', 'hostname', 'hosts', 'iscsi', 'os-release', 'passwd', 'pve', 'subgid', 'subuid']);
  });

  it('follows the model: change the lab, the file changes (no second copy)', () => {
    const state = boot();
    expect(run(state, 'cat /etc/hostname').stdout).toBe('pve\n');
    const pve = state.lab.hosts[0];
    if (pve) pve.hostname = 'pve1.lab.example';
    expect(run(state, 'cat /etc/hostname; hostname -s; hostname -d').stdout).toBe('pve1.lab.example\npve1\nlab.example\n');
  });

  it('writes /etc/hosts as the Proxmox installer does', () => {
    expect(run(boot(), 'cat /etc/hosts').stdout).toMatchInlineSnapshot(`
      "127.0.0.1 localhost.localdomain localhost
      192.168.5.146 pve

      # The following lines are desirable for IPv6 capable hosts

      ::1     ip6-localhost ip6-loopback
      fe00::0 ip6-localnet
      ff00::0 ip6-mcastprefix
      ff02::1 ip6-allnodes
      ff02::2 ip6-allrouters
      ff02::3 ip6-allhosts
      "
    `);
  });

  it('builds passwd, group, subuid and subgid from users, groups and subid lines', () => {
    const state = boot({}, everyFieldLab);
    expect(run(state, 'cat /etc/passwd').stdout).toMatchInlineSnapshot(`
      "root:x:0:0:root:/root:/bin/bash
      alice:x:1000:1000:,,,:/home/alice:/bin/bash
      nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
      "
    `);
    expect(run(state, 'cat /etc/group').stdout).toBe('root:x:0:\nalice:x:1000:alice\nnogroup:x:65534:\n');
    expect(run(state, 'cat /etc/subuid /etc/subgid').stdout).toBe('root:100000:65536\nroot:1000:1\nroot:100000:65536\nroot:1000:1\n');
    expect(run(boot({ host: 'truenas' }), 'grep root /etc/passwd').stdout).toBe('root:x:0:0:root:/root:/usr/bin/zsh\n');
  });

  it('shows the initiator name file on an initiator host only', () => {
    expect(run(boot(), 'tail -n 1 /etc/iscsi/initiatorname.iscsi').stdout).toBe('InitiatorName=iqn.1993-08.org.debian:01:e7dd6e7909d\n');
    expect(run(boot({ host: 'truenas' }), 'cat /etc/iscsi/initiatorname.iscsi').stderr).toBe('cat: /etc/iscsi/initiatorname.iscsi: No such file or directory\n');
  });

  it('renders /etc/pve files with the exporters', () => {
    const state = boot({}, everyFieldLab);
    expect(run(state, 'ls /etc/pve/lxc').stdout).toBe('101.conf\n');
    expect(run(state, 'head -n 3 /etc/pve/lxc/101.conf').stdout).toBe('#Syncthing for the family laptops\narch: amd64\ncores: 1\n');
    expect(run(state, "grep -c '^[a-z]*: ' /etc/pve/storage.cfg").stdout).toBe('4\n');
  });

  it('has the kernel files readers look at', () => {
    const state = boot();
    expect(run(state, 'cat /proc/self/uid_map /proc/self/gid_map').stdout).toBe('         0          0 4294967295\n         0          0 4294967295\n');
    expect(run(state, 'cat /proc/version').stdout).toMatch(/^Linux version 6\.8\.12-4-pve /);
    expect(run(state, 'grep PRETTY /etc/os-release').stdout).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    expect(run(state, 'echo x > /proc/version').stderr).toBe('bash: /proc/version: Permission denied\n');
  });

  it('mounts pools and datasets where ZFS would (TrueNAS under /mnt)', () => {
    expect(run(boot({}, everyFieldLab), 'ls /tank /rpool').stdout).toBe('/rpool:\ndata\n\n/tank:\narchive\n');
    expect(run(boot({ host: 'truenas' }, everyFieldLab), 'ls /mnt/MyMassStorage').stdout).toBe('backups\n');
  });

  it('caps user files at 1 MiB (EFBIG)', () => {
    const state = boot();
    const big = 'x'.repeat(600_000);
    run(state, `echo ${big} > /tmp/a`);
    expect(run(state, 'cat /tmp/a /tmp/a >> /tmp/a').stderr).toBe('bash: /tmp/a: File too large\n');
  });
});
