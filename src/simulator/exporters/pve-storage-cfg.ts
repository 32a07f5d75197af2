/**
 * `/etc/pve/storage.cfg`: the Proxmox VE storage definitions of a node (cluster-wide in
 * pmxcfs).
 */
// @sim export storage.cfg | Proxmox VE 8 pve-common SectionConfig.pm write_config + pve-storage plugin options: /etc/pve/storage.cfg
import type { Host } from '../model/host';

type StorageEntry = NonNullable<NonNullable<Host['proxmox']>['storage']>[number];

/**
 * The keys each storage type's plugin marks as required (no `optional => 1` in its
 * `options`): SectionConfig.pm write_config prints them first, sorted, then the optional
 * ones, sorted. From pve-storage src/PVE/Storage/*Plugin.pm `sub options`.
 */
const REQUIRED_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dir', ['path']], // DirPlugin.pm
  ['zfspool', ['pool']], // ZFSPoolPlugin.pm
  ['iscsi', ['portal', 'target']], // ISCSIPlugin.pm
  ['lvm', ['vgname']], // LVMPlugin.pm (`base` is fixed but optional)
  ['lvmthin', ['thinpool', 'vgname']], // LvmThinPlugin.pm
  ['nfs', ['export', 'path', 'server']], // NFSPlugin.pm
]);

/** Lab fields that are not storage.cfg keys. */
const NOT_KEYS = new Set(['id', 'type']);

/**
 * Render a Proxmox host's `/etc/pve/storage.cfg` from the lab's `proxmox.storage` entries,
 * in the lab's order: a `type: id` line, then `key value` lines indented with a tab, and a
 * blank line after each entry (pve-common SectionConfig.pm `write_config`). Required keys
 * come first, sorted, then the rest sorted; `content` is comma-joined (`none` when empty);
 * booleans print as `1`/`0` (`sparse 1`, `shared 1`). A host without storage entries gives
 * an empty file.
 *
 * One liberty: Perl joins `content` in hash order, which changes from run to run; the lab's
 * order is kept instead, so `content iso,vztmpl,backup` reads like the installer's file.
 * @example renderStorageCfg(pve)
 *   // 'dir: local\n\tpath /var/lib/vz\n\tcontent iso,vztmpl,backup\n\n…'
 */
export function renderStorageCfg(host: Host): string {
  return (host.proxmox?.storage ?? []).map(renderEntry).join('');
}

/** One section: header, then its key lines, then the blank separator line. */
function renderEntry(entry: StorageEntry): string {
  const values = new Map<string, string>();
  for (const [key, raw] of Object.entries(entry) as [string, unknown][]) {
    if (NOT_KEYS.has(key) || raw === undefined || raw === null) continue;
    const value = formatValue(key, raw);
    // SectionConfig.pm format_config_line skips a non-boolean value that is ''.
    if (value !== '') values.set(key, value);
  }
  const required = REQUIRED_KEYS.get(entry.type) ?? [];
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  // write_config: `comment` and `disable` first, then required keys sorted, then the rest sorted.
  const order = [
    ...['comment', 'disable'].filter((k) => values.has(k)),
    ...[...required].sort(byName).filter((k) => values.has(k)),
    ...[...values.keys()].filter((k) => k !== 'comment' && k !== 'disable' && !required.includes(k)).sort(byName),
  ];
  const lines = order.map((key) => formatLine(key, values.get(key) as string));
  return `${entry.type}: ${entry.id}\n${lines.join('')}\n`;
}

/** Plugin.pm encode_value: `content` comma-joined (`none` if empty); booleans 1/0; lists comma-joined. */
function formatValue(key: string, value: unknown): string {
  if (key === 'content' && Array.isArray(value)) return value.length > 0 ? value.join(',') : 'none';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/**
 * A tab-indented `key value` line. `disable` is a flag written bare (SectionConfig.pm:
 * `"\tdisable\n" if $scfg->{disable}`), and left out when false.
 */
function formatLine(key: string, value: string): string {
  if (key === 'disable') return value === '1' ? '\tdisable\n' : '';
  return `\t${key} ${value}\n`;
}
