/**
 * Dataset properties as `zfs get` reports them: a value and its source — `local` (set on the
 * dataset in the lab), `inherited from X` (an inheritable property set on an ancestor),
 * `default`, or `-` for read-only statistics. Defaults are OpenZFS 2.3's
 * (module/zcommon/zfs_prop.c zfs_prop_init).
 */
import type { Host } from '../../model/host';
import { mountedPath } from '../../model/mountpoints';

/** A property value with its source. */
export interface PropertyValue {
  value: string;
  source: string;
}

/** Settable native properties: default value and whether children inherit it (zfs_prop.c). */
export const NATIVE_DEFAULTS: Record<string, { value: string; inherit: boolean; fs?: boolean; vol?: boolean }> = {
  quota: { value: 'none', inherit: false, fs: true },
  reservation: { value: 'none', inherit: false },
  recordsize: { value: '128K', inherit: true, fs: true },
  mountpoint: { value: '', inherit: true, fs: true },
  sharenfs: { value: 'off', inherit: true, fs: true },
  checksum: { value: 'on', inherit: true },
  compression: { value: 'on', inherit: true },
  atime: { value: 'on', inherit: true, fs: true },
  devices: { value: 'on', inherit: true, fs: true },
  exec: { value: 'on', inherit: true, fs: true },
  setuid: { value: 'on', inherit: true, fs: true },
  readonly: { value: 'off', inherit: true },
  canmount: { value: 'on', inherit: false, fs: true },
  xattr: { value: 'sa', inherit: true, fs: true },
  copies: { value: '1', inherit: true },
  snapdir: { value: 'hidden', inherit: true, fs: true },
  aclmode: { value: 'discard', inherit: true, fs: true },
  aclinherit: { value: 'restricted', inherit: true, fs: true },
  sharesmb: { value: 'off', inherit: true, fs: true },
  refquota: { value: 'none', inherit: false, fs: true },
  refreservation: { value: 'none', inherit: false },
  primarycache: { value: 'all', inherit: true },
  secondarycache: { value: 'all', inherit: true },
  logbias: { value: 'latency', inherit: true },
  dedup: { value: 'off', inherit: true },
  sync: { value: 'standard', inherit: true },
  dnodesize: { value: 'legacy', inherit: true, fs: true },
  relatime: { value: 'on', inherit: true, fs: true },
  redundant_metadata: { value: 'all', inherit: true },
  acltype: { value: 'off', inherit: true, fs: true },
  volmode: { value: 'default', inherit: true, vol: true },
  snapdev: { value: 'hidden', inherit: true },
  encryption: { value: 'off', inherit: false },
  keyformat: { value: 'none', inherit: false },
  special_small_blocks: { value: '0', inherit: true, fs: true },
};

/** A lab property value as `zfs get` prints it (sizes back in K/M/G units). */
export function showValue(value: unknown): string {
  if (typeof value === 'number') {
    const units = ['', 'K', 'M', 'G', 'T', 'P'];
    for (let p = units.length - 1; p >= 1; p--) if (value % 1024 ** p === 0) return `${value / 1024 ** p}${units[p]}`;
    return String(value);
  }
  return String(value);
}

/** The properties set locally on a dataset, volume or pool root in the lab. */
export function localProperties(host: Host, name: string): Record<string, unknown> {
  const ds = host.datasets.find((d) => d.name === name) ?? host.zvols.find((z) => z.name === name);
  if (ds) return (ds.properties ?? {}) as Record<string, unknown>;
  return (host.pools.find((p) => p.name === name)?.rootProperties ?? {}) as Record<string, unknown>;
}

/** The parent dataset name (`tank/a/b` → `tank/a`), or null for a pool. */
export function parentName(name: string): string | null {
  const i = name.lastIndexOf('/');
  return i < 0 ? null : name.slice(0, i);
}

/** The value and source of a settable native or user property. */
export function propertyValue(host: Host, name: string, property: string): PropertyValue | null {
  const local = localProperties(host, name)[property];
  if (property === 'mountpoint') {
    const mp = mountedPath(host, name);
    // libzfs zfs_prop_get (ZFS_PROP_MOUNTPOINT) shows a path with the pool's altroot in front, local or not.
    const value = local === 'none' || local === 'legacy' ? local : (mp ?? (local !== undefined ? String(local) : 'none'));
    if (local !== undefined) return { value, source: 'local' };
    for (let p = parentName(name); p; p = parentName(p)) if (localProperties(host, p).mountpoint !== undefined) return { value, source: `inherited from ${p}` };
    return { value, source: 'default' };
  }
  if (local !== undefined) return { value: showValue(local), source: 'local' };
  const native = NATIVE_DEFAULTS[property];
  const user = property.includes(':');
  if (!native && !user) return null;
  if (user || native?.inherit) {
    for (let p = parentName(name); p; p = parentName(p)) {
      const v = localProperties(host, p)[property];
      if (v !== undefined) return { value: showValue(v), source: `inherited from ${p}` };
    }
  }
  return user ? { value: '-', source: '-' } : { value: native?.value ?? '-', source: 'default' };
}
