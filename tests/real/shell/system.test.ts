import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMount, addSuperblock } from '../../../src/simulator/engines/kernel/mounts';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { createSimulator, runLine, type SimState } from '../../../src/simulator/shell';
import { sessionVfs } from '../../../src/simulator/shell/vfs';
import { requireRoot, requireTool } from '../support/tools';
import { starterLab, type ShellRun } from './support/sim-tree';
import { runRealPs } from './support/fake-proc';
import { mountinfoOf, writeSysroot } from './support/sysroot';

// util-linux 2.38 lsblk, findmnt and mount against the simulator, reading the simulator's
// own kernel data: lsblk through --sysroot (its /sys, /proc/self/mountinfo and the udev
// property files lsblk-properties.c reads there), findmnt through --tab-file (the
// simulator's /proc/self/mountinfo), mount inside a private mount namespace whose /proc is
// a tmpfs holding that mountinfo (libmount reads /proc/self/mountinfo and nothing else),
// and procps ps over a /proc written from the simulator's process table, in its own PID
// namespace so that it runs with the PID the simulator's ps gets, at the virtual time.
//
// Left out on purpose, because 2.38 (this machine) and 2.41 (Debian 13, imitated) differ
// or because the real tool would look at this machine rather than the given files:
// - `-n`: since 2.40 a hidden header no longer widens its column (libsmartcols commit
//   58a8c9284); pinned in the unit tests instead.
// - lsblk TRAN of virtio disks: `virtio` since 2.39 (lsblk commit 0540d0761); 2.38 prints nothing.
// - lsblk FSVER, FSAVAIL, FSUSE% and findmnt -D/SIZE/USED/AVAIL: blkid's version field and
//   statvfs(2) of the real machine's paths; findmnt -T: stat(2) on the real machine.

const everyFieldPath = fileURLToPath(new URL('../../fixtures/labs/every-field.yaml', import.meta.url));
const parsedEvery = parseLab(readFileSync(everyFieldPath, 'utf8'), { filename: everyFieldPath });
if (!parsedEvery.ok) throw new Error('every-field lab is invalid');
const everyFieldLab: Lab = parsedEvery.lab;

const UTF8 = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

function boot(lab: Lab, host: string, setup: string[] = []): SimState {
  const state = createSimulator(structuredClone(lab), { host });
  for (const line of setup) {
    const r = runLine(state, line);
    if (r.exitCode !== 0) throw new Error(`setup line failed: ${line}: ${r.stderr}`);
  }
  return state;
}

function sim(state: SimState, line: string): ShellRun {
  const r = runLine(state, line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode };
}

function real(tool: string, args: string[], input?: string): ShellRun {
  // argv[0] as a shell would pass it: glibc's getopt messages start with it.
  const r = spawnSync(tool, args, { encoding: 'utf8', env: UTF8, input, timeout: 30_000, argv0: tool.split('/').pop() as string });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status ?? -1 };
}

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hlab-system-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** lsblk option sets compared on every host. */
const LSBLK_CASES = [
  '',
  '-o NAME,KNAME,MAJ:MIN,SIZE,TYPE,MOUNTPOINT,MOUNTPOINTS,MODEL,SERIAL,ROTA,RM,RO,LOG-SEC,PHY-SEC,FSTYPE,PARTTYPENAME',
  // (PARTN and shell-variable names such as MAJ_MIN are 2.39+: pinned in the unit tests.)
  '-o +PKNAME,PARTLABEL,START,PATH,PTTYPE,FSROOTS',
  '-o NAME,SIZE,BOGUS,TYPE',
  '-d',
  '-b',
  '-l',
  '-p',
  '-l -p',
  '-r',
  '-i',
  '-d -o NAME,SIZE,MODEL,SERIAL',
  '-b -o name,size,type',
  '-o NAME,TRAN',
  '-o NAME,FOO',
];

const HOSTS: [string, Lab, string][] = [
  ['starter pve', starterLab, 'pve'],
  ['starter truenas', starterLab, 'truenas'],
  ['every-field pve', everyFieldLab, 'pve'],
  ['every-field truenas', everyFieldLab, 'truenas'],
  ['every-field vps', everyFieldLab, 'vps'],
];

describe('lsblk --sysroot', () => {
  for (const [label, lab, host] of HOSTS) {
    describe(label, () => {
      let state: SimState;
      let dir = '';
      beforeAll(() => {
        state = boot(lab, host);
        dir = join(work, `lsblk-${label.replace(' ', '-')}`);
        writeSysroot(state, dir);
      });
      // TRAN on the virtio host is the 2.38/2.41 difference noted above.
      for (const args of LSBLK_CASES.filter((a) => !(host === 'vps' && a.includes('TRAN')))) {
        it(`lsblk ${args}`, () => {
          const ours = sim(state, `lsblk ${args}`);
          expect(ours).toEqual(real(requireTool('lsblk'), ['--sysroot', dir, ...args.split(' ').filter((a) => a !== '')]));
        });
      }
    });
  }

  describe('a partition mounted twice (the tree carries on below a multi-line MOUNTPOINTS cell)', () => {
    let state: SimState;
    let dir = '';
    beforeAll(() => {
      state = boot(starterLab, 'truenas');
      // As the ext4 engine will: the EFI partition's filesystem mounted at /boot/efi, then bound to /mnt.
      const sb = addSuperblock(state.world, 'truenas', { driver: 'memfs', fstype: 'vfat', source: '/dev/nvme0n1p2', options: 'fmask=0077,dmask=0077', data: null });
      const ns = state.world.kernel.truenas?.initNs.mnt ?? 0;
      addMount(state.world, 'truenas', ns, sb.id, '/boot/efi', 'rw,relatime');
      addMount(state.world, 'truenas', ns, sb.id, '/mnt', 'rw,relatime', '/EFI');
      dir = join(work, 'lsblk-twice');
      writeSysroot(state, dir);
    });
    for (const args of ['', '-o NAME,MOUNTPOINT,MOUNTPOINTS,FSROOTS', '-l', '-i']) {
      it(`lsblk ${args}`, () => {
        expect(sim(state, `lsblk ${args}`)).toEqual(real(requireTool('lsblk'), ['--sysroot', dir, ...args.split(' ').filter((a) => a !== '')]));
      });
    }
  });
});

/** findmnt and mount cases: lines that set the mount table up, then the arguments. */
type MountCase = [setup: string[], args: string];

const FINDMNT_CASES: MountCase[] = [
  [[], ''],
  [[], '-l'],
  [[], '-r'],
  [[], '-a'],
  [[], '-t zfs'],
  [[], '-t zfs,cgroup2'],
  [[], '-t nozfs'],
  [[], '-lt tmpfs'],
  [[], '-t xyz'],
  [[], '-l -t xyz'],
  [[], '-o TARGET,FSTYPE'],
  [[], '-o +ID,PARENT,FSROOT,VFS-OPTIONS,FS-OPTIONS,PROPAGATION'],
  [[], '-o target,source -l'],
  [[], '-o FOO'],
  [[], '/proc'],
  [[], '/proc/'],
  [[], 'rpool/data'],
  [[], '/nonexistent'],
  [[], '-S rpool'],
  [[], '-M /rpool'],
  [[], '-R /rpool'],
  [[], '-f -t zfs'],
  [[], '--real'],
  [[], '--pseudo -l'],
  [[], 'rpool /rpool'],
  [[], '--bogus'],
  [['mount --bind /etc /mnt'], ''],
  [['mount --bind /etc /mnt'], '/mnt'],
  [['mount --bind /etc /mnt'], '-v /mnt'],
  [['mount --bind /rpool/data /mnt', 'mount --bind /etc /srv -o ro'], '-l'],
  [['mount --rbind /rpool /mnt'], '-R /mnt'],
  [['mount --bind /etc /mnt', 'umount /mnt'], '-l'],
];

describe('findmnt --tab-file (the simulator\'s mountinfo)', () => {
  FINDMNT_CASES.forEach(([setup, args], i) => {
    it(`${setup.length ? `${setup.join('; ')}; ` : ''}findmnt ${args}`, () => {
      const state = boot(starterLab, 'pve', setup);
      const file = join(work, `mountinfo-${i}`);
      writeFileSync(file, mountinfoOf(state));
      const ours = sim(state, `findmnt ${args}`);
      expect(ours).toEqual(real(requireTool('findmnt'), ['--tab-file', file, ...args.split(' ').filter((a) => a !== '')]));
    });
  });
});

const MOUNT_CASES: MountCase[] = [
  [[], ''],
  [[], '-l'],
  [[], '-t zfs'],
  [[], '-t zfs,fuse'],
  [[], '-t nozfs,tmpfs'],
  [[], '-t notmpfs'],
  [[], '-t xyz'],
  [[], '-lt cgroup2'],
  [['mount --bind /etc /mnt', 'mount --rbind /run /srv'], ''],
  [['mount --bind /etc /mnt -o ro'], '-t zfs'],
];

describe('mount (listing) over the simulator\'s mountinfo in a private mount namespace', () => {
  beforeAll(() => requireRoot('a private mount namespace with its own /proc'));
  for (const [label, lab, host] of [HOSTS[0], HOSTS[1], HOSTS[4]] as [string, Lab, string][]) {
    MOUNT_CASES.filter(([setup]) => host === 'pve' || setup.length === 0).forEach(([setup, args]) => {
      it(`${label}: ${setup.length ? `${setup.join('; ')}; ` : ''}mount ${args}`, () => {
        const state = boot(lab, host, setup);
        const ours = sim(state, `mount ${args}`);
        const script = 'mount -t tmpfs none /proc && mkdir /proc/self && cat > /proc/self/mountinfo && exec mount "$@"';
        const theirs = real(requireTool('unshare'), ['-m', 'sh', '-c', script, 'sh', ...args.split(' ').filter((a) => a !== '')], mountinfoOf(state));
        expect(ours).toEqual(theirs);
      });
    });
  }
});

/** ps cases: lines typed first (the clock moves), then ps's arguments. */
const PS_CASES: MountCase[] = [
  [[], ''],
  [[], '-e'],
  [[], '-A'],
  [[], '-f'],
  [[], '-ef'],
  [[], 'aux'],
  [[], '-aux'],
  [[], 'ax'],
  [[], 'axf'],
  [[], '-e --forest'],
  [[], '-ef --forest'],
  [[], '-eH'],
  [[], 'u'],
  [[], 'x'],
  [[], 'a'],
  [[], '-a'],
  [[], '-d'],
  [[], '-N'],
  [[], '-o pid,ppid,user,uid,comm,args,cmd,tty,stat,start,time,etime,vsz,rss,%cpu,%mem,nlwp'],
  [[], '-e -o pid,comm,nlwp,stat'],
  [[], '-p 1,2'],
  [[], '-p 1 -o pid=,comm='],
  [[], '-C pvedaemon'],
  [[], '-C pvedaemon,sshd -o pid,ppid,comm'],
  [[], '-u root -o pid,user'],
  [[], 'p 1'],
  [[], '-e -o user=NAME,pid=PROCESS,comm'],
  [[], '-p 1 -o pid:10,comm'],
  [[], '--pid 1 --format pid,comm'],
  [[], '--ppid 1 -o pid,ppid,cmd'],
  [[], '--no-headers -p 1'],
  [[], '-p 1 -o etimes,times,start_time,bsdstart,bsdtime,lstart,c,pcpu,pmem,tname,tt,ucmd,euser,euid'],
  [[], '-p 99999'],
  [[], '-o foo'],
  [[], '--bogus'],
  [[], '-p abc'],
  [[], '-Q'],
  [[], '-C'],
  [[], '-u nosuchuser'],
  [['sleep 100000'], '-ef'],
  [['sleep 100000'], '-p 1 -o pid,stime,start,start_time,bsdstart,etime,lstart'],
  [['sleep 4000000'], 'aux'],
];

describe('ps over a /proc written from the simulator\'s process table', () => {
  beforeAll(() => requireRoot('private mount and PID namespaces, device nodes'));
  for (const [label, lab, host] of [HOSTS[0], HOSTS[1]] as [string, Lab, string][]) {
    PS_CASES.forEach(([setup, args], i) => {
      it(`${label}: ${setup.length ? `${setup.join('; ')}; ` : ''}ps ${args}`, () => {
        const state = boot(lab, host, setup);
        const argv = args.split(' ').filter((a) => a !== '');
        const theirs = runRealPs(state, argv, join(work, `ps-${host}-${i}`));
        // Into a file, as the real ps's output goes to a pipe: no terminal, so no cut at 80 columns.
        const ours = sim(state, `ps ${args} > /root/ps.out`);
        const out = sessionVfs(state).read('/root/ps.out');
        expect({ ...ours, stdout: out.ok ? out.text : '' }).toEqual(theirs);
      });
    });
  }
});
