/**
 * Reference checks for a host's disks and ZFS storage: unique names, vdev disks that exist
 * and are used once, datasets and volumes whose pool and parent exist. Messages are
 * OpenZFS 2.2's (cmd/zpool/zpool_vdev.c, lib/libzfs/libzfs_dataset.c).
 */
import type { Host } from './host';
import { pathIssue, q, listOrNone, type PathIssue } from './path-issue';

/** Default volblocksize of OpenZFS 2.2 (zfs_prop.c), used when a volume sets none. */
const DEFAULT_VOLBLOCKSIZE = 16 * 1024;

/** Check one host's disks, pools, datasets and volumes. `at` is the host's path. */
export function checkHostStorage(host: Host, at: (string | number)[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const diskNames = new Set<string>();
  host.disks.forEach((disk, i) => {
    if (diskNames.has(disk.name)) issues.push(pathIssue([...at, 'disks', i, 'name'], 'duplicate', `disk ${q(disk.name)} is listed twice on this host`, 'give each disk its own name'));
    diskNames.add(disk.name);
  });

  const poolNames = new Set<string>();
  const usedBy = new Map<string, string>();
  host.pools.forEach((pool, p) => {
    if (poolNames.has(pool.name)) {
      // libzfs_pool.c zpool_create: EEXIST.
      issues.push(pathIssue([...at, 'pools', p, 'name'], 'duplicate', 'pool already exists', 'give each pool its own name'));
    }
    poolNames.add(pool.name);
    // Data vdevs, then logs, cache and spares: every disk once per host (zpool_vdev.c check_in_use).
    const places: [string, (string | number)[]][] = [
      ...pool.vdevs.flatMap((vdev, v) => vdev.disks.map((disk, d) => [disk, ['vdevs', v, 'disks', d]] as [string, (string | number)[]])),
      ...(pool.logs ?? []).flatMap((vdev, v) => vdev.disks.map((disk, d) => [disk, ['logs', v, 'disks', d]] as [string, (string | number)[]])),
      ...(pool.cache ?? []).map((disk, d) => [disk, ['cache', d]] as [string, (string | number)[]]),
      ...(pool.spares ?? []).map((disk, d) => [disk, ['spares', d]] as [string, (string | number)[]]),
    ];
    places.forEach(([disk, tail]) => {
      const where = [...at, 'pools', p, ...tail];
      if (!diskNames.has(disk)) {
        // zpool_vdev.c make_leaf_vdev.
        issues.push(pathIssue(where, 'reference', `cannot open ${q(disk)}: no such device in /dev`, `disks on ${host.name}: ${listOrNone([...diskNames], 'none; add it under disks')}`));
        return;
      }
      const owner = usedBy.get(disk);
      if (owner === pool.name) issues.push(pathIssue(where, 'duplicate', 'one or more vdevs refer to the same device', `use ${disk} once`));
      // zpool_vdev.c check_in_use (is_spare / inuse): "%s is part of active pool '%s'".
      else if (owner !== undefined) issues.push(pathIssue(where, 'duplicate', `/dev/${disk} is part of active pool ${q(owner)}`, 'a disk belongs to one pool'));
      else usedBy.set(disk, pool.name);
    });
  });

  // Datasets and volumes: libzfs_dataset.c zfs_create / check_parents. Order in the file
  // does not matter; a parent may be listed after its child.
  const filesystems = new Set<string>([...poolNames, ...host.datasets.map((d) => d.name)]);
  const volumes = new Set<string>(host.zvols.map((z) => z.name));
  const entries = [
    ...host.datasets.map((d, i) => ({ name: d.name, where: [...at, 'datasets', i], volume: false, size: 0, block: 0 })),
    ...host.zvols.map((z, i) => ({
      name: z.name,
      where: [...at, 'zvols', i],
      volume: true,
      size: z.size,
      block: typeof z.properties?.volblocksize === 'number' ? z.properties.volblocksize : DEFAULT_VOLBLOCKSIZE,
    })),
  ];
  const seen = new Set<string>(poolNames);
  for (const entry of entries) {
    const pool = entry.name.split('/')[0] as string;
    const slash = entry.name.lastIndexOf('/');
    const parent = slash === -1 ? undefined : entry.name.slice(0, slash);
    const name = [...entry.where, 'name'];
    if (!poolNames.has(pool)) {
      issues.push(pathIssue(name, 'reference', `no such pool ${q(pool)}`, `pools on ${host.name}: ${listOrNone([...poolNames], 'none; add one under pools')}`));
    } else if (seen.has(entry.name)) {
      issues.push(pathIssue(name, 'duplicate', 'dataset already exists', slash === -1 ? 'a pool has a root dataset of its own name already' : 'remove the second entry'));
    } else if (parent !== undefined && volumes.has(parent)) {
      issues.push(pathIssue(name, 'reference', 'parent is not a filesystem', `${parent} is a volume; put ${entry.name} under a filesystem`));
    } else if (parent !== undefined && !filesystems.has(parent)) {
      issues.push(pathIssue(name, 'reference', 'parent does not exist', `add ${parent} under datasets (zfs create -p would make it)`));
    } else if (entry.volume && entry.size === 0) {
      issues.push(pathIssue([...entry.where, 'size'], 'zvol-size', 'volume size cannot be zero'));
    } else if (entry.volume && entry.size % entry.block !== 0) {
      issues.push(pathIssue([...entry.where, 'size'], 'zvol-size', 'volume size must be a multiple of volume block size', `use a multiple of ${entry.block} bytes`));
    }
    seen.add(entry.name);
  }
  return issues;
}
