import { describe, expect, it } from 'vitest';
import { promptFor } from '../../../../src/simulator/shell/prompt';
import { boot, run } from '../sim-fixture';

const TEMPLATE = 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst';

function withContainer(extra = '') {
  const s = boot();
  const r = run(s, `pct create 101 ${TEMPLATE} --hostname syncthing-srv --memory 512 --net0 name=eth0,bridge=vmbr0,ip=dhcp --storage local-zfs --features nesting=1 ${extra}`);
  expect(r.stderr).toBe('');
  return { s, r };
}

describe('pct', () => {
  it('creates an unprivileged container on local-zfs whose config pmxcfs shows', () => {
    const { s, r } = withContainer();
    expect(r.stdout).toContain("extracting archive '/var/lib/vz/template/cache/debian-12-standard_12.7-1_amd64.tar.zst'\n");
    const conf = run(s, 'cat /etc/pve/lxc/101.conf').stdout;
    expect(conf).toContain('rootfs: local-zfs:subvol-101-disk-0,size=4G\n');
    expect(conf).toContain('unprivileged: 1\n');
    expect(conf).toMatch(/net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:[0-9A-F:]{8},ip=dhcp/);
    expect(run(s, 'pct config 101').stdout).toBe(conf);
    // The template was unpacked with the container's root as host UID 100000.
    expect(run(s, 'stat -c "%u %g %n" /rpool/data/subvol-101-disk-0/etc/passwd').stdout).toBe('100000 100000 /rpool/data/subvol-101-disk-0/etc/passwd\n');
    expect(run(s, 'pct list').stdout).toBe('VMID       Status     Lock         Name\n101        stopped                 syncthing-srv\n');
  });

  it('refuses what Proxmox refuses, with its words and status 255', () => {
    const { s } = withContainer();
    expect(run(s, `pct create 101 ${TEMPLATE} --storage local-zfs`)).toMatchObject({ stderr: "CT 101 already exists on node 'pve'\n", exitCode: 255 });
    expect(run(s, `pct create 102 ${TEMPLATE}`).stderr).toBe("storage 'local' does not support container directories\n");
    expect(run(s, 'pct start 99').stderr).toBe('400 Parameter verification failed.\nvmid: invalid format - value does not look like a valid VM ID\npct start <vmid> [OPTIONS]\n');
    expect(run(s, 'pct start 999').stderr).toBe("Configuration file 'nodes/pve/lxc/999.conf' does not exist\n");
    expect(run(s, 'pct set 101 --bogus 1').stderr).toBe('Unknown option: bogus\n400 unable to parse option\npct set <vmid> [OPTIONS]\n');
    expect(run(s, 'pct set 101 --memory 8').stderr).toBe('400 Parameter verification failed.\nmemory: value must have a minimum value of 16\npct set <vmid> [OPTIONS]\n');
    expect(run(s, 'pct set 101 --hostname bad_name').stderr).toBe('400 Parameter verification failed.\nhostname: invalid format - value does not look like a valid DNS name\npct set <vmid> [OPTIONS]\n');
    expect(run(s, 'pct set 101 -mp0 /srv/../etc,mp=/mnt/x').stderr).toBe("mount point '/srv/../etc' contains illegal character sequences\n");
    expect(run(s, 'pct set 101 --unprivileged 0').stderr).toBe("unable to modify read-only option: 'unprivileged'\n");
    expect(run(s, 'pct stop 101')).toMatchObject({ stderr: 'CT 101 not running\n', exitCode: 255 });
    expect(run(s, 'pct enter 101').stderr).toBe("container '101' not running!\n");
    expect(run(s, 'pct frobnicate').stderr).toMatch(/^ERROR: unknown command 'pct frobnicate'\nUSAGE: pct <COMMAND> \[ARGS\] \[OPTIONS\]\n/);
  });

  it('starts the container: init is PID 1 inside and a high PID outside, owned by 100000', () => {
    const { s } = withContainer();
    expect(run(s, 'pct start 101')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'pct start 101').stderr).toBe('CT 101 already running\n');
    expect(run(s, 'pct status 101').stdout).toBe('status: running\n');
    const outside = run(s, 'ps -eo user,pid,ppid,comm').stdout;
    const init = outside.split('\n').find((l) => /^100000 .* systemd$/.test(l));
    expect(init).toBeDefined();
    const pid = Number(init?.trim().split(/\s+/)[1]);
    expect(run(s, `grep NSpid /proc/${pid}/status`).stdout).toBe(`NSpid:\t${pid}\t1\n`);
    expect(run(s, 'cat /sys/fs/cgroup/lxc/101/memory.max').stdout).toBe(`${512 * 1024 * 1024}\n`);
    // Config.pm calculate_memory_constraints: memory.high is 1016/1024 of memory.max below 16 GiB.
    expect(run(s, 'cat /sys/fs/cgroup/lxc/101/memory.high').stdout).toBe(`${512 * 1024 * 1016}\n`);
  });

  it('enters the container: prompt, PID namespace, IDs and files as seen inside; exit comes back', () => {
    const { s } = withContainer();
    run(s, 'pct start 101');
    run(s, 'pct enter 101');
    expect(promptFor(s)).toBe('root@syncthing-srv:~# ');
    expect(run(s, 'hostname').stdout).toBe('syncthing-srv\n');
    expect(run(s, 'ps -o pid,user,comm -p 1').stdout).toBe('    PID USER     COMMAND\n      1 root     systemd\n');
    expect(run(s, 'cat /proc/self/uid_map').stdout).toBe('         0     100000      65536\n');
    expect(run(s, 'stat -c "%u %U" /etc/passwd').stdout).toBe('0 root\n');
    expect(run(s, 'pct list').stderr).toContain('pct: command not found');
    expect(run(s, 'exit')).toMatchObject({ stderr: 'exit\n' });
    expect(promptFor(s)).toBe('root@pve:~# ');
  });

  it('runs a command inside with pct exec', () => {
    const { s } = withContainer();
    run(s, 'pct start 101');
    expect(run(s, 'pct exec 101 -- cat /etc/hostname').stdout).toBe('syncthing-srv\n');
    expect(promptFor(s)).toBe('root@pve:~# ');
  });

  it('bind-mounts a host path with mpN: host files show as nobody inside unless mapped', () => {
    const { s } = withContainer();
    run(s, 'mkdir -p /srv/share && touch /srv/share/file && chown 1000:1000 /srv/share/file');
    expect(run(s, 'pct set 101 -mp0 /srv/share,mp=/mnt/share').stderr).toBe('');
    expect(run(s, 'grep mp0 /etc/pve/lxc/101.conf').stdout).toBe('mp0: /srv/share,mp=/mnt/share\n');
    run(s, 'pct start 101');
    expect(run(s, 'pct exec 101 -- stat -c "%u %g" /mnt/share/file').stdout).toBe('65534 65534\n');
  });

  it('refuses to start when /etc/subuid does not allow the map (newuidmap)', () => {
    const s = boot();
    run(s, `pct create 101 ${TEMPLATE} --storage local-zfs`);
    // Host UID 1000 passed through, without the root:1000:1 line in /etc/subuid.
    s.world.lab.hosts[0]!.containers![0]!.idmap = ['u 0 100000 1000', 'g 0 100000 65536', 'u 1000 1000 1', 'u 1001 101001 64535'];
    const r = run(s, 'pct start 101');
    expect(r.exitCode).toBe(255);
    expect(r.stderr.split('\n')[0]).toBe('newuidmap: uid range [1000-1001) -> [1000-1001) not allowed');
    expect(r.stderr).toContain("startup for container '101' failed\n");
  });

  it('stops and destroys: processes, cgroup and volume go', () => {
    const { s } = withContainer();
    run(s, 'pct start 101');
    expect(run(s, 'pct destroy 101').stderr).toBe('unable to destroy CT 101 - container is running\n');
    run(s, 'pct stop 101');
    expect(run(s, 'ls /sys/fs/cgroup/lxc/101').exitCode).toBe(2);
    expect(run(s, 'ps -eo user').stdout).not.toContain('100000');
    expect(run(s, 'pct destroy 101').exitCode).toBe(0);
    expect(run(s, 'ls /etc/pve/lxc').stdout).toBe('');
    expect(run(s, 'ls /rpool/data').stdout).toBe('');
  });
});

describe('pct set -mpN on a running container', () => {
  it('hot-plugs a bind mount of any host directory (here an ordinary one), made inside as the container root', () => {
    const { s } = withContainer();
    run(s, 'pct start 101');
    run(s, 'mkdir -p /mnt/lun && touch /mnt/lun/data.img');
    expect(run(s, 'pct set 101 -mp0 /mnt/lun,mp=/srv/lun').stderr).toBe('');
    expect(run(s, 'pct exec 101 -- ls /srv/lun').stdout).toBe('data.img\n');
    expect(run(s, 'pct exec 101 -- findmnt -n -o TARGET /srv/lun').stdout).toBe('/srv/lun\n');
    expect(run(s, 'stat -c %u /rpool/data/subvol-101-disk-0/srv').stdout).toBe('100000\n');
    // pve-container: the hotplug mounts it now (LXC.pm __mountpoint_mount), fails, and nothing is written.
    const failed = run(s, 'pct set 101 -mp1 /nowhere,mp=/x');
    expect(failed.stderr).toBe("400 Parameter verification failed.\nmp1: unable to hotplug mp1: directory '/nowhere' does not exist\n\npct set <vmid> [OPTIONS]\n");
    expect(failed.exitCode).toBe(255);
    expect(run(s, 'pct config 101').stdout).not.toContain('mp1:');
    // Any host directory will do, /root included.
    expect(run(s, 'pct set 101 -mp1 /root,mp=/mnt/root').exitCode).toBe(0);
    expect(run(s, 'pct exec 101 -- ls -d /mnt/root').stdout).toBe('/mnt/root\n');
  });
});

describe('pct set -mpN with a bind source that is not there', () => {
  it('is taken while the container is stopped (pct does not look), and pct start fails on it', () => {
    const { s } = withContainer();
    const set = run(s, 'pct set 101 -mp2 /gone,mp=/g');
    expect([set.stderr, set.exitCode]).toEqual(['', 0]);
    expect(run(s, 'pct config 101').stdout).toContain('mp2: /gone,mp=/g\n');
    const start = run(s, 'pct start 101');
    expect(start.stderr).toBe("directory '/gone' does not exist\nstartup for container '101' failed\n");
    expect(start.exitCode).toBe(255);
    run(s, 'mkdir /gone');
    expect(run(s, 'pct start 101').exitCode).toBe(0);
  });
});
