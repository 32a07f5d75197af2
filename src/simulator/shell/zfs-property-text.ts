/**
 * The value and source `zfs list` and `zfs get` print for a property of a dataset or
 * snapshot (zfs_prop.c names and column headers; libzfs zfs_prop_get formats: sizes with
 * zfs_nicebytes, `-` where a property does not apply, dates as ctime).
 */
import type { DatasetReport } from '../engines/zfs/report';
import { localProperties, propertyValue, NATIVE_DEFAULTS } from '../engines/zfs/properties';
import { refreservationOf } from '../engines/zfs/zvol';
import type { LabHost } from './lab-types';
import { nicebytes } from './zfs-format';

/** zfs_prop.c column headers. */
export const COLUMN: Record<string, string> = {
  name: 'NAME', type: 'TYPE', creation: 'CREATION', used: 'USED', available: 'AVAIL', referenced: 'REFER', compressratio: 'RATIO', mounted: 'MOUNTED', origin: 'ORIGIN',
  quota: 'QUOTA', reservation: 'RESERV', volsize: 'VOLSIZE', volblocksize: 'VOLBLOCK', recordsize: 'RECSIZE', mountpoint: 'MOUNTPOINT', sharenfs: 'SHARENFS', checksum: 'CHECKSUM',
  compression: 'COMPRESS', atime: 'ATIME', devices: 'DEVICES', exec: 'EXEC', setuid: 'SETUID', readonly: 'RDONLY', snapdir: 'SNAPDIR', aclmode: 'ACLMODE', aclinherit: 'ACLINHERIT',
  createtxg: 'CREATETXG', canmount: 'CANMOUNT', xattr: 'XATTR', copies: 'COPIES', sharesmb: 'SHARESMB', refquota: 'REFQUOTA', refreservation: 'REFRESERV', guid: 'GUID',
  primarycache: 'PRIMARYCACHE', secondarycache: 'SECONDARYCACHE', usedbysnapshots: 'USEDSNAP', usedbydataset: 'USEDDS', usedbychildren: 'USEDCHILD', usedbyrefreservation: 'USEDREFRESERV',
  logbias: 'LOGBIAS', dedup: 'DEDUP', sync: 'SYNC', dnodesize: 'DNSIZE', refcompressratio: 'REFRATIO', written: 'WRITTEN', relatime: 'RELATIME', redundant_metadata: 'REDUND_MD',
  acltype: 'ACLTYPE', volmode: 'VOLMODE', snapdev: 'SNAPDEV', encryption: 'ENCRYPTION', keyformat: 'KEYFORMAT', special_small_blocks: 'SPECIAL_SMALL_BLOCKS',
};

/** Aliases zfs accepts for property names (zfs_prop.c short names). */
export const ALIASES: Record<string, string> = { avail: 'available', refer: 'referenced', usedsnap: 'usedbysnapshots', usedds: 'usedbydataset', usedchild: 'usedbychildren', usedrefreserv: 'usedbyrefreservation', compress: 'compression', recsize: 'recordsize', reserv: 'reservation', refreserv: 'refreservation', rdonly: 'readonly', volblock: 'volblocksize', ratio: 'compressratio', refratio: 'refcompressratio', dnsize: 'dnodesize' };

/** Properties `zfs get all` prints, in zfs_prop.c order (simplified: the SELinux contexts, limits and counts are left out). */
export const ALL_PROPERTIES = [
  'type', 'creation', 'used', 'available', 'referenced', 'compressratio', 'mounted', 'origin', 'quota', 'reservation', 'volsize', 'volblocksize', 'recordsize', 'mountpoint', 'sharenfs',
  'checksum', 'compression', 'atime', 'devices', 'exec', 'setuid', 'readonly', 'snapdir', 'aclmode', 'aclinherit', 'createtxg', 'canmount', 'xattr', 'copies', 'sharesmb', 'refquota',
  'refreservation', 'guid', 'primarycache', 'secondarycache', 'usedbysnapshots', 'usedbydataset', 'usedbychildren', 'usedbyrefreservation', 'logbias', 'dedup', 'sync', 'dnodesize',
  'refcompressratio', 'written', 'snapdev', 'acltype', 'relatime', 'redundant_metadata', 'encryption', 'keyformat', 'special_small_blocks',
];

const NUMERIC = new Set(['used', 'available', 'referenced', 'usedbysnapshots', 'usedbydataset', 'usedbychildren', 'usedbyrefreservation', 'written', 'volsize', 'volblocksize', 'recordsize', 'quota', 'reservation', 'refquota', 'refreservation', 'createtxg', 'guid']);

/** True for properties printed right-aligned in `zfs list` (numbers). */
export function rightAligned(property: string): boolean {
  return NUMERIC.has(property) || property === 'compressratio' || property === 'refcompressratio';
}

function fsOnly(property: string): boolean {
  return NATIVE_DEFAULTS[property]?.fs === true;
}

/** A size property for print: nicebytes, or raw bytes with -p. */
function size(n: number, parsable: boolean): string {
  return parsable ? String(n) : nicebytes(n);
}

/** The value and source of `property` for a dataset or snapshot, or null when zfs would say "invalid property". */
export function propertyText(host: LabHost, r: DatasetReport, property: string, parsable: boolean): { value: string; source: string } | null {
  const prop = ALIASES[property] ?? property;
  const s = r.space;
  const snap = r.type === 'snapshot';
  const dsName = snap ? (r.name.split('@')[0] as string) : r.name;
  const stat = (value: string) => ({ value, source: '-' });
  switch (prop) {
    case 'name':
      return stat(r.name);
    case 'type':
      return stat(r.type);
    case 'creation':
      return stat(parsable ? String(Math.floor(r.creation / 1000)) : creationText(r.creation));
    case 'used':
      return stat(size(s.used, parsable));
    case 'available':
      return stat(snap ? '-' : size(s.available, parsable));
    case 'referenced':
      return stat(size(s.referenced, parsable));
    case 'compressratio':
    case 'refcompressratio':
      return stat(parsable ? '1.00' : '1.00x');
    case 'mounted':
      return stat(r.type === 'filesystem' ? 'yes' : '-');
    case 'origin':
      return stat(r.ds.origin ?? '-');
    case 'usedbysnapshots':
    case 'usedbydataset':
    case 'usedbychildren':
    case 'usedbyrefreservation':
      return stat(snap ? '-' : size(s[prop], parsable));
    case 'written':
      return stat(size(s.written, parsable));
    case 'createtxg':
      return stat(String(r.createtxg));
    case 'guid':
      return stat(String(r.guid));
    case 'volsize': {
      const z = host.zvols.find((v) => v.name === dsName);
      return r.type === 'volume' && z ? { value: size(z.size, parsable), source: 'local' } : stat('-');
    }
    case 'volblocksize': {
      const z = host.zvols.find((v) => v.name === dsName);
      if (!z) return stat('-');
      const v = z.properties?.volblocksize;
      return { value: size(typeof v === 'number' ? v : 16384, parsable), source: typeof v === 'number' ? 'local' : 'default' };
    }
    default:
      break;
  }
  if (!NATIVE_DEFAULTS[prop] && !prop.includes(':')) return null;
  if (r.type === 'volume' && fsOnly(prop)) return stat('-');
  if (snap && (prop === 'mountpoint' || prop === 'quota' || prop === 'reservation' || prop === 'canmount' || prop === 'refquota' || prop === 'refreservation' || prop === 'sharenfs' || prop === 'sharesmb')) return stat('-');
  if (prop === 'refreservation' && r.type === 'volume') {
    const z = host.zvols.find((v) => v.name === dsName);
    const reserved = z && !z.sparse && z.properties?.refreservation === undefined;
    if (reserved) return { value: size(r.pool.datasets[dsName] ? refreservationBytes(host, dsName) : 0, parsable), source: 'local' };
  }
  // Space limits are shown as zfs_nicebytes shows any size (libzfs zfs_prop_get: `1.50T`, not
  // the lab file's exact `1536G`), or in bytes with -p. They are never inherited.
  if (prop === 'quota' || prop === 'refquota' || prop === 'reservation' || prop === 'refreservation') {
    const raw = localProperties(host, dsName)[prop];
    if (typeof raw === 'number') return { value: size(raw, parsable), source: 'local' };
  }
  const v = propertyValue(host, dsName, prop);
  if (!v) return null;
  if (parsable && /^[0-9.]+[KMGTPE]$/.test(v.value)) {
    const units = 'KMGTPE';
    v.value = String(Math.round(parseFloat(v.value) * 1024 ** (units.indexOf(v.value.slice(-1)) + 1)));
  }
  return v;
}


function refreservationBytes(host: LabHost, name: string): number {
  const z = host.zvols.find((v) => v.name === name);
  return z ? refreservationOf(z) : 0;
}

/** `zfs get creation`: "%a %b %e %H:%M %Y" (libzfs zfs_prop_get, ZFS_PROP_CREATION strftime). */
export function creationText(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (x: number) => String(x).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${d.getUTCFullYear()}`;
}
