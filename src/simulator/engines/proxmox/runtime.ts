/**
 * Starting and stopping a container as lxc-start does under pve-container: the ID map
 * checked against /etc/subuid and /etc/subgid (newuidmap), new namespaces of every type but
 * time (a user namespace only when unprivileged, its uid_map/gid_map written once through
 * the kernel's rules), the cgroup `/lxc/VMID` with the limits from the config
 * (PVE::LXC update_lxc_config: memory.max, memory.swap.max, cpu.max), a mount namespace with
 * the rootfs at `/`, /proc for the new PID namespace, /sys, /dev, and each mpN, then
 * `[lxc monitor]` on the host and the container's init (PID 1 inside) with its daemons.
 */
// @sim pct start/stop | pve-container 6.x + lxc 6.0: namespaces cgroup/ipc/mnt/net/pid/user/uts, /lxc/VMID cgroup (memory.max = memory, memory.high just below, memory.swap.max, cpu.max from cpulimit), rootfs at /, proc/sys/dev, mpN bind and volume mounts, [lxc monitor] + /sbin/init (systemd) and a Debian template's daemons
import type { Container } from '../../model/container';
import type { Host } from '../../model/host';
import type { IdmapEntry } from '../../model/idmap';
import { effectiveIdmap } from '../../model/idmap';
import { createCgroup, removeCgroup } from '../kernel/cgroup';
import { mkdirs, rootVfs } from '../kernel/boot';
import { addMount, addSuperblock, mountAt, mountTable } from '../kernel/mounts';
import { createNamespace } from '../kernel/namespaces';
import { exitProcess, spawnProcess } from '../kernel/processes';
import type { MountIdmapExtent, NsType } from '../kernel/types';
import { setIdMap } from '../kernel/user-namespace';
import { createVfs } from '../kernel/vfs';
import type { World } from '../world';
import { hostKernel } from '../world';
import { datasetMount, ensureVolume, hostIdOf, unpackTemplate, volumeDataset } from './rootfs';
import { proxmoxHost, type RunningContainer } from './state';
import { subidRefusal } from './subid';

const MiB = 1024 * 1024;

/** The daemons of a Debian standard template under its systemd: argv, UID inside, memory (KiB). */
const INSIDE: [string[], number, number, number][] = [
  [['/lib/systemd/systemd-journald'], 0, 33000, 11000],
  [['/lib/systemd/systemd-networkd'], 998, 17000, 7600],
  [['/lib/systemd/systemd-logind'], 0, 17000, 7000],
  [['/usr/bin/dbus-daemon', '--system', '--address=systemd:', '--nofork', '--nopidfile', '--systemd-activation', '--syslog-only'], 100, 9000, 4400],
  [['/usr/sbin/cron', '-f'], 0, 3600, 2300],
  [['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'], 0, 15400, 9000],
  [['/usr/lib/postfix/sbin/master', '-w'], 0, 42500, 4600],
  [['/sbin/agetty', '-o', '-p -- \\u', '--noclear', '--keep-baud', '-', '115200,38400,9600', 'vt220'], 0, 2500, 1500],
];

const IDENTITY: IdmapEntry[] = [{ type: 'u', container: 0, host: 0, count: 2 ** 32 - 1 }, { type: 'g', container: 0, host: 0, count: 2 ** 32 - 1 }];

/**
 * A mount point's `idmap=` (pve-container 6.1.6) as idmapped-mount extents: each
 * `type:container:disk:count` (or `passthrough`: every container ID is its own disk ID)
 * says disk IDs show as those container IDs, i.e. as the host IDs the container's map gives them.
 */
export function mountIdmap(spec: string, map: readonly IdmapEntry[]): MountIdmapExtent[] {
  const wanted = spec === 'passthrough' ? map.map((e) => ({ type: e.type, container: e.container, disk: e.container, count: e.count })) : spec.split(';').map((part) => {
    const [type, container, disk, count] = part.split(':');
    return { type: type as 'u' | 'g', container: Number(container), disk: Number(disk), count: Number(count) };
  });
  const out: MountIdmapExtent[] = [];
  for (const w of wanted) {
    for (const e of map) {
      if (e.type !== w.type) continue;
      const lo = Math.max(w.container, e.container);
      const hi = Math.min(w.container + w.count, e.container + e.count);
      if (lo < hi) out.push({ type: w.type, disk: w.disk + (lo - w.container), kernel: e.host + (lo - e.container), count: hi - lo });
    }
  }
  return out;
}

/**
 * Mounts one mpN into a container's mount namespace (at start, or hot-plugged by `pct set`
 * on a running container, as pve-container does): a bind mount shows the host directory
 * (any host path: a dataset, an ext4 LUN mounted on the host...), a volume its dataset; the
 * mountpoint is made inside as the container's root. Returns an error text or null.
 */
export function mountPoint(world: World, host: Host, mntNs: number, rootUid: number, rootGid: number, m: Container['mounts'][number], map: readonly IdmapEntry[]): string | null {
  const name = host.name;
  const hostTable = mountTable(world, name, hostKernel(world, name).initNs.mnt);
  let sb: string;
  let root = '/';
  if (m.source !== undefined) {
    // A bind mount: the host mount holding the source, and the source's place in it. Its
    // directory is checked only now, at start or hotplug (pve-container LXC.pm
    // __mountpoint_mount, bind: `die "directory '$volid' does not exist\n" if !-d $volid`).
    const missing = `directory '${m.source}' does not exist`;
    if (rootVfs(world, name).kind(m.source) !== 'dir') return missing;
    const at = mountAt(hostTable, m.source);
    if (!at) return missing;
    sb = at.sb;
    const rel = m.source.slice(at.path === '/' ? 0 : at.path.length);
    root = (at.root === '/' ? '' : at.root) + rel || '/';
  } else {
    const ds = m.storage && m.volume ? volumeDataset(host, m.storage, m.volume) : null;
    const vol = ds ? (datasetMount(world, name, ds) ?? ensureVolume(world, name, ds, m.size ?? 8 * 1024 ** 3)) : null;
    if (!vol || typeof vol === 'string') return typeof vol === 'string' ? vol : `volume mount point mp${m.index}: only zfspool storage is simulated`;
    sb = vol.sb;
  }
  mkdirs(createVfs({ world, host: name, mntNs, uid: rootUid, gid: rootGid }), m.mp);
  const entry = addMount(world, name, mntNs, sb, m.mp, `${m.ro ? 'ro' : 'rw'},relatime${m.idmap ? ',idmapped' : ''}`, root);
  if (m.idmap) entry.idmap = mountIdmap(m.idmap, map.length > 0 ? map : IDENTITY);
  return null;
}

/** What a start did: null, or the lines pct prints and its exit status. */
export type StartResult = { ok: true; running: RunningContainer } | { ok: false; lines: string[] };

/** The running state of a container, if it runs. */
export function runningContainer(world: World, host: string, vmid: number): RunningContainer | undefined {
  return proxmoxHost(world, host).running[String(vmid)];
}

/** lxc's failure lines after a refused map (lxc conf.c lxc_map_ids, start.c), and pct's last one. */
function mapFailure(vmid: number, refusal: string, pid: number, map: readonly IdmapEntry[], type: 'u' | 'g'): string[] {
  const tool = type === 'u' ? 'newuidmap' : 'newgidmap';
  const args = map.filter((e) => e.type === type).map((e) => `${e.container} ${e.host} ${e.count}`).join(' ');
  return [
    refusal,
    `lxc_map_ids: 3701 ${tool} failed to write mapping "${refusal}": ${tool} ${pid} ${args}`,
    'lxc_spawn: 1788 Failed to set up id mapping.',
    `__lxc_start: 2107 Failed to spawn container "${vmid}"`,
    `startup for container '${vmid}' failed`,
  ];
}

/** Starts container `vmid` of `host` (the caller checked it exists and is stopped). */
export function startContainer(world: World, host: Host, ct: Container): StartResult {
  const name = host.name;
  const k = hostKernel(world, name);
  const map = effectiveIdmap(ct.idmap, ct.unprivileged);
  if (ct.unprivileged) {
    for (const type of ['u', 'g'] as const) {
      const refusal = subidRefusal(map, (type === 'u' ? host.subuid : host.subgid) ?? [], type);
      if (refusal) return { ok: false, lines: mapFailure(ct.vmid, refusal, k.nextPid, map, type) };
    }
  }
  // The rootfs (and volume mount points) must be there before anything starts.
  const rootDataset = ct.rootfs?.volume ? volumeDataset(host, ct.rootfs.storage, ct.rootfs.volume) : null;
  const rootMount = rootDataset ? ensureVolume(world, name, rootDataset, ct.rootfs?.size ?? 4 * 1024 ** 3) : 'the container has no rootfs on a zfspool storage (simulated: zfspool only)';
  if (typeof rootMount === 'string') return { ok: false, lines: [rootMount, `startup for container '${ct.vmid}' failed`] };
  // A container the lab declares (not made by pct create here) gets its template unpacked on first start.
  if (rootVfs(world, name).kind(`${rootMount.path}/etc/passwd`) === null) unpackTemplate(world, name, rootMount.path, ct, map);

  const init = k.initNs;
  const ns: Record<NsType, number> = { ...init };
  let user = init.user;
  if (ct.unprivileged) {
    user = createNamespace(world, name, 'user', init.user).inum;
    for (const type of ['u', 'g'] as const) {
      const extents = map.filter((e) => e.type === type).map((e) => ({ first: e.container, lower: e.host, count: e.count }));
      const text = extents.map((e) => `${e.first} ${e.lower} ${e.count}\n`).join('');
      const error = setIdMap(world, name, user, type === 'u' ? 'uid' : 'gid', extents, text.length);
      if (error) return { ok: false, lines: [`lxc_map_ids: failed to write ${type}id_map: ${error}`, `startup for container '${ct.vmid}' failed`] };
    }
  }
  ns.user = user;
  for (const type of ['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup'] as const) ns[type] = createNamespace(world, name, type, init[type], user).inum;
  const uts = k.namespaces[String(ns.uts)];
  if (uts) uts.hostname = ct.hostname ?? `CT${ct.vmid}`;
  const rootUid = ct.unprivileged ? (map.find((e) => e.type === 'u' && e.container === 0)?.host ?? 65534) : 0;
  const rootGid = ct.unprivileged ? (map.find((e) => e.type === 'g' && e.container === 0)?.host ?? 65534) : 0;

  // cgroup: PVE::LXC update_lxc_config (lxc.cgroup2.memory.max, memory.swap.max, cpu.max), the payload in ns/.
  const cgroup = `/lxc/${ct.vmid}`;
  const memoryMax = ct.memory * MiB;
  createCgroup(world, name, cgroup, {
    memoryMax,
    // pve-container Config.pm calculate_memory_constraints: 1016/1024 of max, or max − 128 MiB from 16 GiB up.
    memoryHigh: ct.memory >= 16 * 1024 ? (ct.memory - 128) * MiB : ct.memory * 1024 * 1016,
    swapMax: ct.swap * MiB,
    cpuQuota: ct.cpulimit ? Math.round(ct.cpulimit * 100000) : null,
    cpuPeriod: 100000,
  });
  // Raw `lxc.cgroup2.KEY: VALUE` lines of the config write the cgroup's files after Proxmox's own (lxc conf.c setup_cgroup2).
  const raw: Record<string, 'memoryMax' | 'memoryHigh' | 'swapMax' | 'pidsMax'> = { 'memory.max': 'memoryMax', 'memory.high': 'memoryHigh', 'memory.swap.max': 'swapMax', 'pids.max': 'pidsMax' };
  for (const line of ct.lxc) {
    const m = /^lxc\.cgroup2\.([a-z.]+)\s*[:=]\s*(\S+)\s*$/.exec(line);
    const key = m ? raw[m[1] as string] : undefined;
    if (!m || !key || !/^(max|\d+)$/.test(m[2] as string)) continue;
    createCgroup(world, name, cgroup, { [key]: m[2] === 'max' ? null : Number(m[2]) });
  }
  createCgroup(world, name, `${cgroup}/ns`);
  // The container's systemd makes its own scopes and slices below its root.
  for (const unit of ['init.scope', 'system.slice', 'user.slice']) createCgroup(world, name, `${cgroup}/ns/${unit}`);

  // The mount namespace: rootfs at /, then the API filesystems, then mpN in order.
  const mnt = k.namespaces[String(ns.mnt)];
  if (mnt) mnt.mounts = [];
  addMount(world, name, ns.mnt, rootMount.sb, '/', 'rw,relatime');
  const hostTable = mountTable(world, name, init.mnt);
  const hostSb = (path: string): string | undefined => hostTable.find((m) => m.path === path)?.sb;
  const proc = addSuperblock(world, name, { driver: 'procfs', fstype: 'proc', source: 'proc', options: '', data: { pidNs: ns.pid } });
  addMount(world, name, ns.mnt, proc.id, '/proc', 'rw,nosuid,nodev,noexec,relatime');
  // The container's cgroup namespace is rooted at /lxc/VMID/ns, and so is its /sys/fs/cgroup (lxc's cgroup2 mount).
  const cgroupNs = k.namespaces[String(ns.cgroup)];
  if (cgroupNs) cgroupNs.cgroupRoot = `${cgroup}/ns`;
  for (const [path, opts] of [['/sys', 'ro,nosuid,nodev,noexec,relatime'], ['/sys/fs/cgroup', 'rw,nosuid,nodev,noexec,relatime'], ['/dev', 'rw,nosuid,relatime'], ['/dev/pts', 'rw,nosuid,noexec,relatime']] as const) {
    const sb = hostSb(path);
    if (sb) addMount(world, name, ns.mnt, sb, path, opts, path === '/sys/fs/cgroup' ? `${cgroup}/ns` : '/');
  }
  for (const m of [...ct.mounts].sort((a, b) => a.index - b.index)) {
    const problem = mountPoint(world, host, ns.mnt, rootUid, rootGid, m, map);
    if (problem) return { ok: false, lines: [problem, `startup for container '${ct.vmid}' failed`] };
  }

  // [lxc monitor] on the host; the container's systemd is PID 1 inside.
  const monitor = spawnProcess(world, name, { ppid: 1, args: [`[lxc monitor] /var/lib/lxc ${ct.vmid}`], comm: 'lxc-start', cwd: '/', tty: null, vsz: 2800, rss: 1700, cgroup: `/lxc.monitor/${ct.vmid}` });
  const initProc = spawnProcess(world, name, { ppid: monitor.pid, args: ['/sbin/init'], comm: 'systemd', uid: rootUid, gid: rootGid, cwd: '/', tty: null, vsz: 167000, rss: 11500, ns, cgroup: `${cgroup}/ns/init.scope` });
  for (const [args, uid, vsz, rss] of INSIDE) {
    const hostUid = hostIdOf(map, 'u', uid, ct.unprivileged);
    const agetty = args[0] === '/sbin/agetty';
    spawnProcess(world, name, { ppid: initProc.pid, args, uid: hostUid, gid: hostUid === rootUid ? rootGid : hostUid, cwd: '/', tty: agetty ? 'pts/0' : null, vsz, rss, cgroup: `${cgroup}/ns/system.slice` });
  }
  const running: RunningContainer = { init: initProc.pid, monitor: monitor.pid, ns, cgroup, rootUid, rootGid };
  proxmoxHost(world, name).running[String(ct.vmid)] = running;
  return { ok: true, running };
}

/** Stops a running container: its processes end, its namespaces, /proc and cgroup go. */
export function stopContainer(world: World, host: string, vmid: number): void {
  const state = proxmoxHost(world, host);
  const running = state.running[String(vmid)];
  if (!running) return;
  const k = hostKernel(world, host);
  exitProcess(world, host, running.monitor);
  for (const type of ['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup', 'user'] as const) {
    const inum = running.ns[type];
    if (inum === k.initNs[type]) continue;
    if (type === 'mnt') for (const m of k.namespaces[String(inum)]?.mounts ?? []) if (k.superblocks[m.sb]?.driver === 'procfs' && (k.superblocks[m.sb]?.data as { pidNs?: number } | null)?.pidNs === running.ns.pid) delete k.superblocks[m.sb];
    delete k.namespaces[String(inum)];
  }
  removeCgroup(world, host, running.cgroup);
  delete state.running[String(vmid)];
}
