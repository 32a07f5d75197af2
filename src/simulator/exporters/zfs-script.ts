/**
 * `zfs-setup.sh`: a host's ZFS pools, filesystems and volumes as `zpool create`, `zfs
 * create` and `zfs set` commands that leave what exists alone.
 */
// @sim export zfs-setup.sh | OpenZFS 2.3 zpool-create(8) (-o PROP, -O FSPROP, vdev words mirror/raidz1-3, log/cache/spare, -R altroot), zfs-create(8) (-o PROP, -V SIZE, -s), zfs-set(8), zfsprops(7) creation-only properties
import type { Dataset, Pool, Zvol } from '../model/storage';
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import { formatSize } from '../model/size';
import type { ExportFile, Exporter } from './bundle-types';
import { bashScript } from './script-text';
import { shq } from './shell-quote';

/**
 * Properties that can only be given at creation (zfsprops(7): "can be set only at creation
 * time"; keyformat changes through `zfs change-key`): never sent to `zfs set`.
 */
const CREATION_ONLY = new Set(['encryption', 'keyformat', 'pbkdf2iters', 'casesensitivity', 'normalization', 'utf8only', 'volblocksize']);

/** A property's entries in the lab's order; `sized` writes byte counts as a person would (`1M`). */
function propertyEntries(properties: object | undefined, sized: boolean): [string, string][] {
  return Object.entries(properties ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => [key, sized && typeof value === 'number' ? formatSize(value) : String(value)]);
}

/** `name=value` words of a property object, quoted. */
function propertyWords(properties: object | undefined, sized: boolean): string[] {
  return propertyEntries(properties, sized).map(([key, value]) => shq(`${key}=${value}`));
}

/** A disk as a path under `$DISK_DIR`. */
const diskWord = (disk: string): string => `"$DISK_DIR"/${shq(disk)}`;

/**
 * The vdev words of a pool (zpool-create(8)): `mirror "$DISK_DIR"/sdb "$DISK_DIR"/sdc`, a
 * stripe its bare disks, then `log …`, `cache …` and `spare …` for those classes.
 */
function vdevWords(pool: Pool): string {
  const group = (vdevs: Pool['vdevs']) => vdevs.map((vdev) => [...(vdev.type === 'stripe' ? [] : [vdev.type]), ...vdev.disks.map(diskWord)].join(' '));
  return [
    ...group(pool.vdevs),
    ...(pool.logs?.length ? ['log', ...group(pool.logs)] : []),
    ...(pool.cache?.length ? ['cache', ...pool.cache.map(diskWord)] : []),
    ...(pool.spares?.length ? ['spare', ...pool.spares.map(diskWord)] : []),
  ].join(' ');
}

/**
 * `zpool create` unless the pool exists: pool properties as `-o`, the root dataset's as `-O`
 * (its mountpoint too). `altroot` is the run's own choice (ZFS_ALTROOT), not the lab's.
 */
function poolLines(pool: Pool): string[] {
  const { altroot: _altroot, ...poolProperties } = pool.properties ?? {};
  const options = [...propertyWords(poolProperties, false).map((word) => `-o ${word}`), ...propertyWords(pool.rootProperties, true).map((word) => `-O ${word}`)];
  const create = ['zpool create "${altroot[@]}"', ...options, shq(pool.name), vdevWords(pool)].join(' ');
  // An existing pool keeps its layout; its root dataset still gets the lab's settable properties.
  const settable = propertyEntries(pool.rootProperties, false)
    .filter(([key]) => !CREATION_ONLY.has(key) && key !== 'mountpoint')
    .map(([key, value]) => `  set_prop ${shq(pool.name)} ${shq(key)} ${shq(value)}`);
  return [
    '',
    `# pool ${pool.name}`,
    `if zpool list -H ${shq(pool.name)} >/dev/null 2>&1; then`,
    `  echo ${shq(`pool ${pool.name} exists: left as it is`)}`,
    ...settable,
    'else',
    `  ${create}`,
    'fi',
  ];
}

/**
 * `zfs create` (with `extra` options such as `-s -V 32G`) unless it exists, else `zfs set`
 * of each settable property whose value differs (setting `mountpoint` again on a mounted
 * root would try to unmount it).
 */
function datasetLines(name: string, properties: object | undefined, extra: string[]): string[] {
  const words = propertyWords(properties, true);
  const create = ['zfs create', ...extra, ...words.map((w) => `-o ${w}`), shq(name)].join(' ');
  // `zfs get -p` prints sizes as bytes: compare the lab's bytes.
  const settable = propertyEntries(properties, false)
    .filter(([key]) => !CREATION_ONLY.has(key))
    .map(([key, value]) => `  set_prop ${shq(name)} ${shq(key)} ${shq(value)}`);
  if (settable.length === 0) return [`exists ${shq(name)} || ${create}`];
  return [`if exists ${shq(name)}; then`, ...settable, 'else', `  ${create}`, 'fi'];
}

/** Parents before children: by depth, then the lab's order. */
function byDepth<T extends { name: string }>(items: readonly T[]): T[] {
  const depth = (name: string): number => name.split('/').length;
  return items.map((item, i) => ({ item, i })).sort((a, b) => depth(a.item.name) - depth(b.item.name) || a.i - b.i).map(({ item }) => item);
}

/** `zfs create -V SIZE [-s]` lines of the volumes. */
function zvolLines(zvols: readonly Zvol[]): string[] {
  return byDepth(zvols).flatMap((zvol) => datasetLines(zvol.name, zvol.properties, [...(zvol.sparse ? ['-s'] : []), '-V', shq(formatSize(zvol.size))]));
}

/**
 * The script for a host, or null when it has no pools. Environment: `DISK_DIR` (default
 * /dev) is where the lab's disk names are looked up (point it at links to /dev/disk/by-id
 * for names that survive reboots); `ZFS_ALTROOT` creates new pools under an alternate root
 * (`zpool create -R`, for a trial run); `ZFS_SKIP_VOLUMES=1` leaves the volumes out.
 */
export function renderZfsSetup(host: Host): string | null {
  if (host.pools.length === 0) return null;
  const body: string[] = [
    ': "${DISK_DIR:=/dev}"',
    'altroot=()',
    'if [ -n "${ZFS_ALTROOT:-}" ]; then altroot=(-R "$ZFS_ALTROOT"); fi',
    '# exists NAME: true when the filesystem or volume NAME exists.',
    'exists() { zfs list -H -o name "$1" >/dev/null 2>&1; }',
    '# set_prop NAME PROP VALUE: zfs set PROP=VALUE on NAME unless it has that value (zfs get -p: sizes in bytes).',
    'set_prop() { [ "$(zfs get -H -p -o value "$2" "$1")" = "$3" ] || zfs set "$2=$3" "$1"; }',
    ...host.pools.flatMap(poolLines),
  ];
  const datasets: Dataset[] = byDepth(host.datasets);
  if (datasets.length > 0) body.push('', '# filesystems', ...datasets.flatMap((d) => datasetLines(d.name, d.properties, [])));
  if (host.zvols.length > 0) body.push('', '# volumes', 'if [ -z "${ZFS_SKIP_VOLUMES:-}" ]; then', ...zvolLines(host.zvols).map((line) => `  ${line}`), 'fi');
  const about = [
    `ZFS pools, filesystems and volumes of host ${host.name}. Existing pools are left alone;`,
    'existing filesystems and volumes get the lab\'s properties (zfs set where they differ).',
    'DISK_DIR (default /dev) is where the disk names are found: point it at a folder of links',
    'to /dev/disk/by-id/... for stable names. ZFS_ALTROOT=DIR creates pools under DIR (a trial',
    'run); ZFS_SKIP_VOLUMES=1 leaves the volumes out.',
    ...(host.kind === 'truenas' ? ['On TrueNAS, create pools in the web UI (Storage) instead: the middleware does not manage', 'pools made in a shell until they are exported and imported there.'] : []),
    `Run as root on ${host.name}. Safe to run again.`,
  ];
  return bashScript(about, body);
}

/** One `<host>/zfs-setup.sh` per host with pools (order 10: before the iSCSI target and initiator). */
export const exportZfs: Exporter = (lab: Lab): ExportFile[] =>
  lab.hosts.flatMap((host) => {
    const content = renderZfsSetup(host);
    if (content === null) return [];
    return [{ path: `${host.name}/zfs-setup.sh`, content, executable: true, host: host.name, order: 10, summary: `creates the ZFS pools, filesystems and volumes the lab declares` }];
  });
