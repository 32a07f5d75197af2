/**
 * Proxmox "property strings": the `key=value,key=value` values of `net0`, `rootfs`, `mp0`,
 * `features` in guest configs, printed in the order Proxmox prints them.
 */
// @sim export property-string | Proxmox VE 8 pve-common src/PVE/JSONSchema.pm print_property_string, format_size

/** One `key=value` of a property string, with what the Proxmox schema says about the key. */
export interface PropertyEntry {
  /** The key as Proxmox spells it (`bridge`, `hwaddr`, `mp`). */
  key: string;
  /** The value; `undefined` leaves the key out, booleans print as `1`/`0`. */
  value: string | number | boolean | undefined;
  /**
   * The schema's `default_key`: printed first and without `key=` (the volume of `rootfs`
   * and `mpN`).
   */
  defaultKey?: boolean;
  /** The schema has no `optional => 1` for this key: printed right after the default key. */
  required?: boolean;
}

/**
 * Print a property string like pve-common's `print_property_string`: the default key's value
 * first, then the required keys sorted, then every other key sorted (Perl `sort`, so plain
 * code-point order). Keys whose value is `undefined` are left out.
 * @example printPropertyString([{ key: 'name', value: 'eth0', required: true }, { key: 'bridge', value: 'vmbr0' }])
 *   // 'name=eth0,bridge=vmbr0'
 */
export function printPropertyString(entries: readonly PropertyEntry[]): string {
  const present = entries.filter((e) => e.value !== undefined);
  const byKey = (a: PropertyEntry, b: PropertyEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // JSONSchema.pm print_property_string: "add default key first", "add required keys first", "add the rest".
  const ordered = [
    ...present.filter((e) => e.defaultKey),
    ...present.filter((e) => !e.defaultKey && e.required).sort(byKey),
    ...present.filter((e) => !e.defaultKey && !e.required).sort(byKey),
  ];
  return ordered.map((e) => (e.defaultKey ? formatValue(e.value) : `${e.key}=${formatValue(e.value)}`)).join(',');
}

/** A property value as Proxmox stores it: booleans are `1`/`0` (JSONSchema.pm parse_boolean). */
function formatValue(value: PropertyEntry['value']): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/**
 * Format a byte count as Proxmox writes a `disk-size` (`size=8G`): the largest of K, M, G, T
 * that divides it exactly, else plain bytes. Mirrors pve-common JSONSchema.pm `format_size`,
 * which stops at T (so 2 PiB prints as `2048T`).
 * @example formatPveSize(8 * 1024 ** 3) // '8G'
 */
export function formatPveSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T'] as const;
  let value = Math.trunc(bytes);
  let text = String(value);
  for (const unit of units) {
    if (value % 1024 !== 0) break;
    value /= 1024;
    text = `${value}${unit}`;
  }
  return text;
}
