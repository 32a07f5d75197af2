/**
 * Where a host's ZFS filesystems are mounted, following zfsprops(7): a pool's root dataset
 * mounts at `/<pool>`, a child inherits `<parent's mountpoint>/<its own last component>`
 * unless `mountpoint` is set locally; `none` and `legacy` are inherited as they are.
 */
import type { Host } from './host';

/**
 * The mountpoint of a pool or filesystem on a host, `none`/`legacy`, or undefined when no
 * such pool or filesystem is declared.
 * @example datasetMountpoint(truenas, 'MyMassStorage/backups') // '/MyMassStorage/backups'
 */
export function datasetMountpoint(host: Host, name: string): string | undefined {
  const seen = new Set<string>();
  const resolve = (current: string): string | undefined => {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const dataset = host.datasets.find((d) => d.name === current);
    const local = dataset ? dataset.properties?.mountpoint : host.pools.find((p) => p.name === current)?.rootProperties?.mountpoint;
    if (typeof local === 'string') return local;
    const slash = current.lastIndexOf('/');
    if (slash === -1) return host.pools.some((p) => p.name === current) ? `/${current}` : undefined;
    if (!dataset) return undefined;
    const parent = resolve(current.slice(0, slash));
    if (parent === undefined || parent === 'none' || parent === 'legacy') return parent;
    return `${parent === '/' ? '' : parent}/${current.slice(slash + 1)}`;
  };
  return resolve(name);
}

/**
 * The pool's altroot on this host: TrueNAS imports its data pools with altroot `/mnt`
 * (middlewared pool.import), so `tank` with mountpoint `/tank` is mounted at `/mnt/tank`;
 * its boot pool is imported without one. Other hosts have none, unless the pool was created
 * or imported with `-R` (the pool's `altroot` property).
 */
export function poolAltroot(host: Host, pool: string): string {
  const own = host.pools.find((p) => p.name === pool)?.properties?.altroot;
  if (own !== undefined) return own === '/' ? '' : own.replace(/\/+$/, '');
  return host.kind === 'truenas' && pool !== 'boot-pool' ? '/mnt' : '';
}

/**
 * Where a pool or filesystem is actually mounted on the host (mountpoint with the altroot
 * in front), or undefined for none, legacy and unknown names. The one mountpoint function
 * everything uses (kernel boot, exporters' checks, `zfs list`).
 * @example mountedPath(truenas, 'tank/media') // '/mnt/tank/media'
 */
export function mountedPath(host: Host, name: string): string | undefined {
  const mp = datasetMountpoint(host, name);
  if (mp === undefined || mp === 'none' || mp === 'legacy') return undefined;
  const altroot = poolAltroot(host, name.split('/')[0] as string);
  return altroot === '' ? mp : mp === '/' ? altroot : altroot + mp;
}

/** Every mounted filesystem of a host as [name, mountpoint], pools' root datasets first. */
export function hostMountpoints(host: Host): [string, string][] {
  const out: [string, string][] = [];
  for (const name of [...host.pools.map((p) => p.name), ...host.datasets.map((d) => d.name)]) {
    const mp = datasetMountpoint(host, name);
    if (mp !== undefined && mp !== 'none' && mp !== 'legacy') out.push([name, mp]);
  }
  return out;
}
