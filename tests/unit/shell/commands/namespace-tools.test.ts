import { describe, expect, it } from 'vitest';
import { promptFor } from '../../../../src/simulator/shell/prompt';
import { boot, run } from '../sim-fixture';

const TEMPLATE = 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst';

function running(extra = '') {
  const s = boot();
  expect(run(s, `pct create 101 ${TEMPLATE} --hostname web --memory 256 --storage local-zfs ${extra}`).exitCode).toBe(0);
  expect(run(s, 'pct start 101').exitCode).toBe(0);
  return s;
}

describe('id and whoami', () => {
  it('show root on the host and root inside an unprivileged container (host UID 100000)', () => {
    const s = running();
    expect(run(s, 'id').stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(run(s, 'whoami').stdout).toBe('root\n');
    expect(run(s, 'pct exec 101 -- id').stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(run(s, 'id -u nobody').stdout).toBe('65534\n');
    expect(run(s, 'id -un').stdout).toBe('root\n');
    expect(run(s, 'id ghost')).toMatchObject({ stderr: 'id: ‘ghost’: no such user\n', exitCode: 1 });
  });
});

describe('cgroup memory limit, OOM kill, dmesg and free', () => {
  it('kills the hog past memory.max: memory.events, the dmesg line on the host, EPERM for dmesg inside', () => {
    const s = running();
    const r = run(s, 'pct exec 101 -- stress-ng --vm 1 --vm-bytes 512M --timeout 10s');
    expect(r.stderr).toMatch(/^stress-ng: info: {2}\[\d+\] setting to a 10 secs run per stressor\n/);
    expect(r.stderr).toContain('successful run completed in 10.00 secs\n');
    expect(run(s, 'grep oom_kill /sys/fs/cgroup/lxc/101/memory.events').stdout).toMatch(/^oom_kill [1-9]\d*\n$/);
    expect(run(s, 'dmesg').stdout).toMatch(/\] Memory cgroup out of memory: Killed process \d+ \(stress-ng-vm\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:100000 pgtables:\d+kB oom_score_adj:0\n/);
    expect(run(s, 'pct exec 101 -- dmesg')).toMatchObject({ stderr: 'dmesg: read kernel buffer failed: Operation not permitted\n', exitCode: 1 });
  });

  it('fits under the limit: no OOM kill', () => {
    const s = running();
    run(s, 'pct exec 101 -- stress-ng --vm 1 --vm-bytes 64M --timeout 5s');
    expect(run(s, 'grep oom_kill /sys/fs/cgroup/lxc/101/memory.events').stdout).toBe('oom_kill 0\n');
  });

  it('free inside shows the container limit (as lxcfs does), on the host the host', () => {
    const s = running();
    expect(run(s, 'pct exec 101 -- free -m').stdout.split('\n')[1]).toMatch(/^Mem: {13}256 /);
    expect(run(s, 'free').stdout.split('\n')[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(run(s, 'free').stdout.split('\n')[1]).toMatch(/^Mem: {8}16777216 /);
  });
});

describe('lsns, unshare, nsenter', () => {
  it('lsns lists the initial namespaces and a container\'s own', () => {
    const s = running();
    const out = run(s, 'lsns -t pid').stdout.split('\n');
    expect(out[0]).toMatch(/^ {8}NS TYPE NPROCS +PID USER +COMMAND$/);
    expect(out[1]).toMatch(/^4026531836 pid +\d+ +1 root +\/sbin\/init$/);
    expect(out[2]).toMatch(/^4026532\d{3} pid +\d+ +\d+ 100000 +\/sbin\/init$/);
  });

  it('unshare --pid --fork --mount-proc: the shell is PID 1 and sees only its namespace', () => {
    const s = boot();
    expect(run(s, 'unshare --pid --fork --mount-proc ps -o pid,comm').stdout).toBe('    PID COMMAND\n      1 bash\n      2 ps\n');
    run(s, 'unshare -pf --mount-proc');
    expect(run(s, 'grep NSpid /proc/self/status').stdout).toBe('NSpid:\t1\n');
    expect(run(s, 'exit').stderr).toBe('exit\n');
    expect(run(s, 'ps -o comm').stdout).toBe('COMMAND\nbash\nps\n');
  });

  it('unshare -r maps the caller to root in a new user namespace', () => {
    const s = boot();
    expect(run(s, 'unshare -U --map-users=0,0,1 cat /proc/self/uid_map').stdout).toBe('         0          0          1\n');
    expect(run(s, 'unshare -r cat /proc/self/uid_map').stdout).toBe('         0          0          1\n');
  });

  it('nsenter -t PID -a enters a container as its root', () => {
    const s = running();
    const init = run(s, 'ps -eo pid,user,comm').stdout.split('\n').find((l) => /100000 +systemd$/.test(l))!.trim().split(/\s+/)[0];
    expect(run(s, `nsenter -t ${init} -a cat /etc/hostname`).stdout).toBe('web\n');
    expect(run(s, `nsenter -t ${init} -a id -u`).stdout).toBe('0\n');
    run(s, `nsenter -t ${init} -m -p`);
    expect(run(s, 'id -u').stdout).toBe('0\n');
    run(s, 'exit');
    expect(promptFor(s)).toBe('root@pve:~# ');
  });
});

describe('mount -t nfs', () => {
  it('is refused inside an unprivileged container (NFS is not FS_USERNS_MOUNT), even with features mount=nfs', () => {
    const s = running('--features nesting=1,mount=nfs');
    expect(run(s, 'pct exec 101 -- mount -t nfs 192.168.5.142:/mnt/tank /mnt')).toMatchObject({ stderr: 'mount.nfs: Operation not permitted\n', exitCode: 32 });
  });

  it('goes through the network on the host: the TrueNAS box has no NFS server listening', () => {
    const s = boot();
    run(s, 'mkdir /mnt/nas');
    expect(run(s, 'mount -t nfs truenas:/mnt/tank /mnt/nas')).toMatchObject({ stderr: 'mount.nfs: Connection refused\n', exitCode: 32 });
    expect(run(s, 'mount 192.168.5.250:/export /mnt/nas').stderr).toBe('mount.nfs: No route to host\n');
  });
});

describe('useradd and groupadd', () => {
  it('add to the lab model on the host (so /etc/passwd and the exporters follow) and make the home', () => {
    const s = boot();
    expect(run(s, 'groupadd -g 1100 parents').stderr).toBe('');
    expect(run(s, 'useradd -m -g parents anna')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run(s, 'id anna').stdout).toBe('uid=1000(anna) gid=1100(parents) groups=1100(parents)\n');
    expect(s.world.lab.hosts[0]!.users.some((u) => u.name === 'anna' && u.uid === 1000)).toBe(true);
    expect(run(s, 'stat -c "%U:%G %a" /home/anna').stdout).toBe('anna:parents 700\n');
    expect(run(s, 'useradd anna')).toMatchObject({ stderr: "useradd: user 'anna' already exists\n", exitCode: 9 });
    expect(run(s, 'useradd -u 1000 bob')).toMatchObject({ stderr: 'useradd: UID 1000 is not unique\n', exitCode: 4 });
    expect(run(s, 'groupadd parents')).toMatchObject({ stderr: "groupadd: group 'parents' already exists\n", exitCode: 9 });
  });

  it('write the container\'s own files inside it; the home is owned by the mapped host ID', () => {
    const s = running();
    expect(run(s, 'pct exec 101 -- useradd -m anna').exitCode).toBe(0);
    expect(run(s, 'pct exec 101 -- id anna').stdout).toBe('uid=1000(anna) gid=1000(anna) groups=1000(anna)\n');
    expect(run(s, 'stat -c %u:%g /rpool/data/subvol-101-disk-0/home/anna').stdout).toBe('101000:101000\n');
    expect(run(s, 'id anna').stderr).toBe('id: ‘anna’: no such user\n');
  });
});

describe('su', () => {
  it('becomes another user (prompt, id, HOME), and exit comes back', () => {
    const s = boot();
    run(s, 'useradd -m anna');
    run(s, 'su - anna');
    expect(promptFor(s)).toBe('anna@pve:~$ ');
    expect(run(s, 'id').stdout).toBe('uid=1000(anna) gid=1000(anna) groups=1000(anna)\n');
    expect(run(s, 'whoami').stdout).toBe('anna\n');
    expect(run(s, 'exit').stderr).toBe('logout\n');
    expect(promptFor(s)).toBe('root@pve:~# ');
    expect(run(s, 'su anna -c whoami').stdout).toBe('anna\n');
    expect(run(s, 'su bob')).toMatchObject({ stderr: 'su: user bob does not exist or the user entry does not contain all the required fields\n', exitCode: 1 });
  });
});

describe('systemd-cgls', () => {
  it('shows the host units, the session and a container under /lxc/VMID/ns', () => {
    const s = running();
    const out = run(s, 'systemd-cgls').stdout;
    expect(out.startsWith('CGroup /:\n-.slice\n├─init.scope\n│ └─1 /sbin/init\n├─lxc\n│ └─101\n│   └─ns\n│     ├─init.scope\n')).toBe(true);
    expect(out).toMatch(/\n│ ├─pvedaemon\.service\n│ │ ├─\d+ pvedaemon\n│ │ ├─\d+ pvedaemon worker\n/);
    expect(out).toMatch(/\n└─user\.slice\n {2}└─user-0\.slice\n {4}└─session-1\.scope\n {6}├─\d+ sshd-session: root@pts\/0\n/);
    expect(run(s, 'systemd-cgls /lxc/101').stdout.split('\n')[0]).toBe('CGroup /lxc/101:');
  });
});

describe('cgroup namespace', () => {
  it('inside, the container cgroup is / in /proc/self/cgroup and /sys/fs/cgroup; the limit sits above it', () => {
    const s = running();
    expect(run(s, 'pct exec 101 -- cat /proc/1/cgroup').stdout).toBe('0::/init.scope\n');
    expect(run(s, 'pct exec 101 -- cat /sys/fs/cgroup/memory.max').stdout).toBe('max\n');
    expect(run(s, 'cat /sys/fs/cgroup/lxc/101/memory.max').stdout).toBe(`${256 * 1024 * 1024}\n`);
    expect(run(s, 'pct exec 101 -- ls /sys/fs/cgroup').stdout).toContain('init.scope\n');
  });
});
