/**
 * procfs: /proc drawn from the process table, the namespaces and the mount tables on every
 * read (proc(5)). Files report st_size 0 and refuse writes with EACCES, as their modes
 * (0444) make them do for the simulator's purposes. Per-process folders hold what the
 * handbook's lessons read: status (with NSpid), cmdline, comm, uid_map/gid_map, mounts,
 * mountinfo and ns/ links.
 */
// @sim kernel /proc | proc(5): PID folders (status with NSpid, cmdline, comm, uid_map, gid_map, mounts, mountinfo, cwd, ns/), version, uptime, filesystems, mounts, sys/kernel
import type { World } from '../../world';
import { hostKernel } from '../../world';
import { registerDriver } from '../driver';
import { procVersion } from '../host-kind';
import { mountTable } from '../mounts';
import { idInNamespace, NS_TYPES } from '../namespaces';
import { pidSeenFrom, processesSeenFrom } from '../pid-namespace';
import { syntheticDriver, type SynthTree } from '../synthetic';
import type { IdMapEntry, MountEntry, Process } from '../types';

/** The `/proc/PID/mounts` line of a mount (proc_mounts: "SOURCE TARGET TYPE OPTIONS 0 0"). */
export function mountsLine(world: World, host: string, m: MountEntry): string {
  const sb = hostKernel(world, host).superblocks[m.sb];
  if (!sb) return '';
  return `${escapeMount(sb.source)} ${escapeMount(m.path)} ${sb.fstype} ${mountOptions(m, sb.options)} 0 0\n`;
}

/** The options `mount` and /proc/mounts show: the per-mount ones, then the filesystem's. */
export function mountOptions(m: MountEntry, sbOptions: string): string {
  return [m.options, sbOptions].filter((o) => o !== '').join(',');
}

/** Spaces, tabs, newlines and backslashes in mount fields are octal escapes (fs/proc_namespace.c mangle()). */
export function escapeMount(text: string): string {
  return text.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

/**
 * The device number a superblock shows in mountinfo: the block device's MAJ:MIN for a
 * filesystem on a device (ext4 on /dev/vda1 is 252:1), else an anonymous 0:N (ZFS datasets,
 * tmpfs, proc...), numbered from the superblock's id.
 */
export function superblockDev(sbId: string, world?: World, host?: string): string {
  const sb = world && host ? world.kernel[host]?.superblocks[sbId] : undefined;
  if (sb && world && host && sb.source.startsWith('/dev/')) {
    const dev = world.kernel[host]?.devices.find((d) => `/dev/${d.name}` === sb.source);
    if (dev) return `${dev.major}:${dev.minor}`;
  }
  const n = Number(/[0-9]+$/.exec(sbId)?.[0] ?? 0);
  return `0:${20 + n}`;
}

function mountinfo(world: World, host: string, table: MountEntry[]): string {
  const k = hostKernel(world, host);
  return table
    .map((m) => {
      const sb = k.superblocks[m.sb];
      if (!sb) return '';
      // proc(5) mountinfo: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS OPTIONAL - TYPE SOURCE SUPEROPTIONS
      const perMount = m.options;
      const superOpts = [sb.readOnly ? 'ro' : 'rw', sb.options].filter((o) => o !== '').join(',');
      // systemd makes / shared, so every mount has a peer group; a bind mount joins its source's.
      const peer = Math.min(...table.filter((o) => o.sb === m.sb).map((o) => o.id));
      return `${m.id} ${m.parent === 0 ? 1 : m.parent} ${superblockDev(m.sb, world, host)} ${escapeMount(m.root)} ${escapeMount(m.path)} ${perMount} shared:${peer} - ${sb.fstype} ${escapeMount(sb.source)} ${superOpts}\n`;
    })
    .join('');
}

function mapText(map: IdMapEntry[] | undefined): string {
  // user_namespaces(7): "%10u %10u %10u" per line.
  return (map ?? []).map((e) => `${String(e.inside).padStart(10)} ${String(e.outside).padStart(10)} ${String(e.count).padStart(10)}\n`).join('');
}

/** What status shows of `p` to a reader: IDs in the reader's user namespace (from_kuid_munged), PIDs from the mount's PID namespace down. */
function status(p: Process, uid: number, gid: number): string {
  const ppid = p.ppid;
  const state = p.state === 'R' ? 'R (running)' : p.state === 'I' ? 'I (idle)' : 'S (sleeping)';
  const lines = [
    `Name:\t${p.comm}`,
    'Umask:\t0022',
    `State:\t${state}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${ppid}`,
    'TracerPid:\t0',
    `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`,
    `Gid:\t${gid}\t${gid}\t${gid}\t${gid}`,
    'FDSize:\t64',
    'Groups:\t0 ',
    // proc_pid_status(): NStgid/NSpid list the PID in each namespace from the mount's level down.
    `NStgid:\t${p.nspid.join('\t')}`,
    `NSpid:\t${p.nspid.join('\t')}`,
    `NSpgid:\t${p.nspid.join('\t')}`,
    `NSsid:\t${p.nspid.join('\t')}`,
  ];
  if (!p.kernel) lines.push(`VmSize:\t${String(p.vsz).padStart(8)} kB`, `VmRSS:\t${String(p.rss).padStart(8)} kB`);
  lines.push('Threads:\t1');
  return lines.join('\n') + '\n';
}

/** A cgroup path as a process whose cgroup namespace is rooted at `root` sees it (`/..` above it). */
function cgroupSeen(path: string, root: string | undefined): string {
  if (!root || root === '/') return path;
  if (path === root) return '/';
  if (path.startsWith(`${root}/`)) return path.slice(root.length);
  return `/..${path}`;
}

/** The data of a procfs superblock: the PID namespace it was mounted for (the initial one when left out). */
export interface ProcfsData {
  pidNs: number;
}

registerDriver(
  syntheticDriver(
    'procfs',
    (env) => {
      const { world, host } = env;
      const tree: SynthTree = new Map();
      const k = world.kernel[host];
      const lab = world.lab.hosts.find((h) => h.name === host);
      if (!k || !lab) return tree;
      const now = world.clock;
      const file = (path: string, render: () => string, mode = 0o444): void => void tree.set(path, { type: 'file', mode, render, zeroSize: true, mtime: now });
      const dir = (path: string, mode = 0o555): void => void tree.set(path, { type: 'dir', mode, mtime: now });
      dir('/');
      file('/version', () => procVersion(lab.kind));
      const up = Math.max(0, (now - k.bootTime) / 1000);
      file('/uptime', () => `${up.toFixed(2)} ${(up * 1.9).toFixed(2)}\n`);
      file('/filesystems', () => ['nodev\tsysfs', 'nodev\ttmpfs', 'nodev\tbdev', 'nodev\tproc', 'nodev\tcgroup2', 'nodev\tdevtmpfs', 'nodev\tdevpts', 'nodev\tfuse', '\text4', '\tvfat', 'fuseblk', 'nodev\tfusectl', 'nodev\tmqueue', 'nodev\tbpf', 'nodev\tnfs', 'nodev\tnfs4', 'nodev\tzfs', ''].join('\n'));
      dir('/sys');
      dir('/sys/kernel');
      file('/sys/kernel/hostname', () => `${lab.hostname ?? lab.name}\n`, 0o644);
      file('/sys/kernel/overflowuid', () => '65534\n', 0o644);
      file('/sys/kernel/overflowgid', () => '65534\n', 0o644);
      file('/sys/kernel/pid_max', () => '4194304\n', 0o644);
      tree.set('/mounts', { type: 'symlink', mode: 0o777, target: 'self/mounts', mtime: now });
      // A procfs shows the PID namespace it was mounted in (proc_fill_super: the mounter's), with the PIDs of that level.
      const pidNs = (env.sb.data as ProcfsData | null)?.pidNs ?? k.initNs.pid;
      const reader = env.pid !== undefined ? k.processes[String(env.pid)] : undefined;
      const seen = processesSeenFrom(world, host, pidNs);
      const self = reader ? pidSeenFrom(k, reader, pidNs) : null;
      if (self !== null) tree.set('/self', { type: 'symlink', mode: 0o777, target: String(self), mtime: now });
      const readerNs = reader?.ns.user ?? k.initNs.user;
      for (const p of seen) {
        const uid = idInNamespace(k, readerNs, p.uid, 'uid');
        const gid = idInNamespace(k, readerNs, p.gid, 'gid');
        const base = `/${p.pid}`;
        tree.set(base, { type: 'dir', mode: 0o555, uid: p.uid, gid: p.gid, mtime: p.start });
        const pf = (name: string, render: () => string, mode = 0o444): void => void tree.set(`${base}/${name}`, { type: 'file', mode, uid: p.uid, gid: p.gid, render, zeroSize: true, mtime: p.start });
        pf('status', () => status(p, uid, gid));
        // cgroup_namespaces(7): the path relative to the reader's cgroup namespace root.
        pf('cgroup', () => `0::${cgroupSeen(p.cgroup ?? '/', k.namespaces[String(reader?.ns.cgroup ?? k.initNs.cgroup)]?.cgroupRoot)}\n`);
        pf('comm', () => `${p.comm}\n`, 0o644);
        pf('cmdline', () => (p.args.length ? p.args.join('\0') + '\0' : ''));
        const userNs = k.namespaces[String(p.ns.user)];
        pf('uid_map', () => mapText(userNs?.uidMap), 0o644);
        pf('gid_map', () => mapText(userNs?.gidMap), 0o644);
        const table = (): MountEntry[] => mountTable(world, host, p.ns.mnt);
        pf('mounts', () => table().map((m) => mountsLine(world, host, m)).join(''));
        pf('mountinfo', () => mountinfo(world, host, table()));
        tree.set(`${base}/cwd`, { type: 'symlink', mode: 0o777, uid: p.uid, gid: p.gid, target: p.cwd, mtime: p.start });
        tree.set(`${base}/ns`, { type: 'dir', mode: 0o511, uid: p.uid, gid: p.gid, mtime: p.start });
        for (const type of NS_TYPES) tree.set(`${base}/ns/${type}`, { type: 'symlink', mode: 0o777, uid: p.uid, gid: p.gid, target: `${type}:[${p.ns[type]}]`, mtime: p.start });
      }
      return tree;
    },
    // proc_reg_write(): a file without a write handler opens, then the write fails with EIO;
    // a name that does not exist cannot be created (ENOENT) and none can be removed (EPERM),
    // as on the real kernel. Root may chmod /proc files there; the simulator refuses (EPERM).
    { readOnlyErrno: 'EIO', failsAtWrite: true, createErrno: 'ENOENT', removeErrno: 'EPERM', setattrErrno: 'EPERM' },
    (env) => env.world.clock,
  ),
);
