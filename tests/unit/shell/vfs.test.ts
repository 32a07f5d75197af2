import { describe, expect, it } from 'vitest';
import { sessionVfs } from '../../../src/simulator/shell/vfs';
import { boot, everyFieldLab, run } from './sim-fixture';

describe('host files derived from the lab', () => {
  it('lists /etc of a Proxmox host', () => {
    const state = boot();
    const etc = sessionVfs(state).list('/etc');
    expect(etc.ok && etc.names.sort()).toEqual(['group', 'hostname', 'hosts', 'iscsi', 'os-release', 'passwd', 'pve', 'subgid', 'subuid']);
    // Debian 13 has merged /usr: /bin is a link to usr/bin, and the kernel resolves `..` after
    // the link (path_resolution(7)), so /bin/.. is /usr.
    expect(run(state, 'cat /bin/../etc/hostname').stderr).toBe('cat: /bin/../etc/hostname: No such file or directory\n');
    expect(run(state, 'cat /bin/../../etc/hostname').stdout).toBe('pve\n');
  });

  it('follows the model: change the lab, the file changes (no second copy)', () => {
    const state = boot();
    expect(run(state, 'cat /etc/hostname').stdout).toBe('pve\n');
    const pve = state.world.lab.hosts[0];
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
    // Debian's base-passwd accounts, the lab's root in root's place, the lab's users after them (adduser appends).
    expect(run(state, 'head -n 2 /etc/passwd; tail -n 3 /etc/passwd').stdout).toMatchInlineSnapshot(`
      "root:x:0:0:root:/root:/bin/bash
      daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
      _apt:x:42:65534::/nonexistent:/usr/sbin/nologin
      nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
      alice:x:1000:1000:,,,:/home/alice:/bin/bash
      "
    `);
    expect(run(state, 'wc -l /etc/passwd /etc/group').stdout).toBe('  19 /etc/passwd\n  39 /etc/group\n  58 total\n');
    expect(run(state, 'grep -e ^root: -e ^disk: -e ^www-data: -e ^alice: -e ^nogroup: /etc/group').stdout).toBe('root:x:0:\ndisk:x:6:\nwww-data:x:33:\nnogroup:x:65534:\nalice:x:1000:alice\n');
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
    // Proxmox VE 9.1: Debian 13 with Proxmox's 6.17 kernel.
    expect(run(state, 'cat /proc/version').stdout).toMatch(/^Linux version 6\.17\.2-1-pve /);
    expect(run(state, 'grep PRETTY /etc/os-release').stdout).toBe('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\n');
    // proc_reg_write(): the file opens, the write fails (checked against the real kernel); new names cannot be made.
    expect(run(state, 'echo x > /proc/version').stderr).toBe('bash: echo: write error: Input/output error\n');
    expect(run(state, 'echo x > /proc/nope').stderr).toBe('bash: /proc/nope: No such file or directory\n');
    expect(run(state, 'echo x > /sys/block/sda/size').stderr).toBe('bash: /sys/block/sda/size: Permission denied\n');
  });

  it('mounts pools and datasets where ZFS would (TrueNAS under /mnt)', () => {
    expect(run(boot({}, everyFieldLab), 'ls /tank /rpool').stdout).toBe('/rpool:\ndata\n\n/tank:\narchive\n');
    expect(run(boot({ host: 'truenas' }, everyFieldLab), 'ls /mnt/MyMassStorage').stdout).toBe('backups\n');
  });

  it('fails writes past a filesystem\'s size with ENOSPC, as the writing tool says it', () => {
    const state = boot();
    // /run/lock is a 5 MiB tmpfs (systemd's run-lock.mount): the sixth MiB does not fit.
    const mib = 'x'.repeat((1 << 20) - 1);
    for (let i = 0; i < 5; i++) run(state, `echo ${mib} >> /run/lock/big`);
    expect(run(state, `echo ${mib} >> /run/lock/big`)).toMatchObject({ stderr: 'bash: echo: write error: No space left on device\n', exitCode: 1 });
    expect(run(state, 'wc -c /run/lock/big').stdout).toBe('5242880 /run/lock/big\n');
    // /dev/full is always full (null(4)); coreutils report the write error themselves.
    expect(run(state, 'cat /etc/hostname > /dev/full')).toMatchObject({ stderr: 'cat: write error: No space left on device\n', exitCode: 1 });
    expect(run(boot({ host: 'truenas' }), 'echo hi > /dev/full').exitCode).toBe(1);
  });
});
