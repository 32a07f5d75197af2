import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namespacesView } from '../../../../src/simulator/engines/proxmox';
import { parseLab } from '../../../../src/simulator/model';
import { boot, run } from '../../shell/sim-fixture';

// Seed 001's family share: Tank-Archive/Family_Archive bind-mounted into Syncthing's
// container, the parents' (anna 1000, ben 1001) and the child's (cleo 1002) files with
// their real owners and group parents (1100). First in a privileged container (as the seed
// did), then in the unprivileged one with the passthrough map; the default map shows nobody.
const file = fileURLToPath(new URL('../../../../src/content/labs/seed-001-single-node-raidz.yaml', import.meta.url));
const parsed = parseLab(readFileSync(file, 'utf8'), { filename: file });
if (!parsed.ok) throw new Error('seed 001 does not parse');
const seed001 = parsed.lab;
const TEMPLATE = 'local:vztmpl/debian-12-standard_12.0-1_amd64.tar.zst';

function family() {
  const s = boot({}, seed001);
  for (const line of [
    'mkdir /Tank-Archive/Family_Archive/photos',
    'touch /Tank-Archive/Family_Archive/photos/beach.jpg /Tank-Archive/Family_Archive/photos/drawing.png /Tank-Archive/Family_Archive/notes.txt',
    'chown 1000:1100 /Tank-Archive/Family_Archive/photos/beach.jpg',
    'chown 1002:1101 /Tank-Archive/Family_Archive/photos/drawing.png',
    'chown 1500:1500 /Tank-Archive/Family_Archive/notes.txt',
  ]) expect(run(s, line).stderr).toBe('');
  return s;
}
const owners = 'stat -c "%u:%g %n" /mnt/family/photos/beach.jpg /mnt/family/photos/drawing.png /mnt/family/notes.txt';

describe("seed 001's family share", () => {
  it('in a privileged container every owner is the host\'s', () => {
    const s = family();
    expect(run(s, `pct create 102 ${TEMPLATE} --storage local-zfs --unprivileged 0 --mp0 /Tank-Archive/Family_Archive,mp=/mnt/family`).exitCode).toBe(0);
    expect(run(s, 'pct start 102').stderr).toBe('');
    expect(run(s, `pct exec 102 -- ${owners}`).stdout).toBe('1000:1100 /mnt/family/photos/beach.jpg\n1002:1101 /mnt/family/photos/drawing.png\n1500:1500 /mnt/family/notes.txt\n');
  });

  it('in the unprivileged container with the passthrough map the family keeps its IDs; others are nobody', () => {
    const s = family();
    expect(run(s, 'pct start 101').stderr).toBe('');
    expect(run(s, `pct exec 101 -- ${owners}`).stdout).toBe('1000:1100 /mnt/family/photos/beach.jpg\n1002:1101 /mnt/family/photos/drawing.png\n65534:65534 /mnt/family/notes.txt\n');
    const view = namespacesView(s.world, 'pve', 101);
    expect(view?.running).toBe(true);
    expect(view?.processes[0]).toMatchObject({ containerPid: 1, hostUid: 100000, containerUid: 0, command: '/sbin/init' });
    expect(view?.users.find((u) => u.name === 'root')).toEqual({ name: 'root', containerUid: 0, hostUid: 100000 });
    expect(view?.mounts).toEqual([
      { path: '/', source: 'local-zfs:subvol-101-disk-0', kind: 'rootfs', readOnly: false },
      { path: '/mnt/family', source: '/Tank-Archive/Family_Archive', kind: 'bind', readOnly: false },
      { path: '/mnt/backups', source: '/Tank-Archive/Personal_Backups', kind: 'bind', readOnly: false },
    ]);
  });

  it('with the default map the same files show as nobody inside, and the host sees the container\'s root as 100000', () => {
    const s = family();
    expect(run(s, `pct create 103 ${TEMPLATE} --storage local-zfs --mp0 /Tank-Archive/Family_Archive,mp=/mnt/family`).exitCode).toBe(0);
    run(s, 'pct start 103');
    expect(run(s, `pct exec 103 -- ${owners}`).stdout).toBe('65534:65534 /mnt/family/photos/beach.jpg\n65534:65534 /mnt/family/photos/drawing.png\n65534:65534 /mnt/family/notes.txt\n');
    run(s, 'pct exec 103 -- touch /mnt/family/from-container');
    expect(run(s, 'stat -c %u:%g /Tank-Archive/Family_Archive/from-container').stdout).toBe('100000:100000\n');
    expect(namespacesView(s.world, 'pve', 999)).toBeNull();
  });

  it('switching an existing container to the passthrough map turns its old uid-1000 files into nobody', () => {
    const s = family();
    run(s, `pct create 103 ${TEMPLATE} --storage local-zfs`);
    run(s, 'pct start 103');
    run(s, 'pct exec 103 -- touch /root/mine');
    run(s, 'pct exec 103 -- chown 1000:1000 /root/mine');
    expect(run(s, 'stat -c %u /rpool/data/subvol-103-disk-0/root/mine').stdout).toBe('101000\n');
    run(s, 'pct stop 103');
    // Raw lxc.idmap lines are edited into the file, not set with pct set (reference).
    const ct = s.world.lab.hosts[0]!.containers!.find((c) => c.vmid === 103)!;
    ct.idmap = ['u 0 100000 1000', 'u 1000 1000 3', 'u 1003 101003 64533', 'g 0 100000 1000', 'g 1000 1000 3', 'g 1003 101003 64533'];
    expect(run(s, 'pct start 103').stderr).toBe('');
    expect(run(s, 'pct exec 103 -- stat -c %u:%g /root/mine').stdout).toBe('65534:65534\n');
  });
});

describe('per-mount idmap= (pve-container 6.1.6)', () => {
  it('shows host-owned 1000 files as 1000 inside without touching the container map or /etc/subuid', () => {
    const s = family();
    expect(run(s, `pct create 104 ${TEMPLATE} --storage local-zfs --mp0 '/Tank-Archive/Family_Archive,mp=/mnt/family,idmap=u:1000:1000:1;g:1100:1100:1'`).exitCode).toBe(0);
    expect(run(s, 'grep mp0 /etc/pve/lxc/104.conf').stdout).toBe('mp0: /Tank-Archive/Family_Archive,mp=/mnt/family,idmap=u:1000:1000:1;g:1100:1100:1\n');
    expect(run(s, 'pct start 104').stderr).toBe('');
    expect(run(s, `pct exec 104 -- ${owners}`).stdout).toBe('1000:1100 /mnt/family/photos/beach.jpg\n65534:65534 /mnt/family/photos/drawing.png\n65534:65534 /mnt/family/notes.txt\n');
    // Written through the mount as container uid 1000: stored on disk as 1000.
    run(s, 'pct exec 104 -- touch /mnt/family/new');
    run(s, 'pct exec 104 -- chown 1000 /mnt/family/new');
    expect(run(s, 'stat -c %u /Tank-Archive/Family_Archive/new').stdout).toBe('1000\n');
    expect(run(s, 'pct exec 104 -- grep -c idmapped /proc/self/mountinfo').stdout).toBe('1\n');
  });

  it('refuses a bad entry with pve-container\'s words', () => {
    const s = family();
    run(s, `pct create 104 ${TEMPLATE} --storage local-zfs`);
    expect(run(s, 'pct set 104 -mp0 /Tank-Archive/Family_Archive,mp=/mnt/family,idmap=x:1:1:0').stderr).toBe('failed to parse mount point idmap: x:1:1:0\n');
  });
});

describe('raw lxc.cgroup2 lines', () => {
  it('set the container cgroup\'s files at start: pids.max refuses forks past it', () => {
    const s = family();
    run(s, `pct create 105 ${TEMPLATE} --storage local-zfs`);
    const ct = s.world.lab.hosts[0]!.containers!.find((c) => c.vmid === 105)!;
    ct.lxc = ['lxc.cgroup2.pids.max: 11'];
    run(s, 'pct start 105');
    expect(run(s, 'cat /sys/fs/cgroup/lxc/105/pids.max').stdout).toBe('11\n');
    const r = run(s, 'pct exec 105 -- stress-ng --vm 1 --vm-bytes 1M --timeout 1s');
    expect(r.stderr).toContain('vm: fork failed, errno=11 (Resource temporarily unavailable)\n');
    expect(r.exitCode).toBe(2);
  });
});
