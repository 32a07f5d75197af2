/**
 * Name rules of the real tools, as pure checkers: each takes a name and returns the real
 * tool's message when the name is invalid, or null when it is fine. The schema files attach
 * them to fields; the shell uses them directly (`zfs create`, `pct create`, `midclt call`).
 */

/** Show one character the way the C tools print `'%c'`, but never raw control bytes. */
function showChar(c: string): string {
  // libzfs prints the byte as it is ('%c'); only control characters are escaped here, so a
  // message never breaks a line or a terminal.
  return /^[\x20-\x7e]$/.test(c) ? c : JSON.stringify(c).slice(1, -1);
}

/** Show a whole name inside a message, in single quotes like the real tools, escaped and cut. */
function showName(name: string): string {
  const cut = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

// ---------------------------------------------------------------------------------------
// ZFS: module/zcommon/zfs_namecheck.c and lib/libzfs (zfs_validate_name, zpool_name_valid),
// OpenZFS 2.2.

/** ZFS_MAX_DATASET_NAME_LEN (include/sys/fs/zfs.h): full names must be shorter than 256. */
export const ZFS_MAX_DATASET_NAME_LEN = 256;
/** zfs_namecheck.c `zfs_max_dataset_nesting`: a name may have at most 49 '/'. */
export const ZFS_MAX_DATASET_NESTING = 50;

// zfs_namecheck.c valid_char(): a-z A-Z 0-9 - _ . : and space.
function zfsValidChar(c: string): boolean {
  return /^[a-zA-Z0-9\-_.: ]$/.test(c);
}

/**
 * Check a pool name as `zpool create` does (libzfs_pool.c zpool_name_valid with isopen
 * false, over zfs_namecheck.c pool_namecheck).
 * @example checkPoolName('tank') // null
 * @example checkPoolName('mirror1') // 'name is reserved'
 */
export function checkPoolName(name: string): string | null {
  // pool_namecheck: room for "pool/$ORIGIN@$ORIGIN" (ZFS_MAX_DATASET_NAME_LEN - 2 - 2*7).
  if (name.length >= ZFS_MAX_DATASET_NAME_LEN - 2 - '$ORIGIN'.length * 2) return 'name is too long';
  for (const c of name) {
    if (!zfsValidChar(c)) return `invalid character '${showChar(c)}' in pool name`;
  }
  if (!/^[a-zA-Z]/.test(name)) return 'name must begin with a letter';
  // libzfs_pool.c: "The rules for reserved pool names were extended at a later point."
  if (/^(mirror|raidz|draid|spare)/.test(name) || name === 'log') return 'name is reserved';
  return null;
}

/**
 * Check a filesystem or volume name as `zfs create` does (zfs_namecheck.c entity_namecheck,
 * then libzfs_dataset.c zfs_validate_name for a dataset: no '@' or '#').
 * @example checkDatasetName('tank/archive') // null
 * @example checkDatasetName('tank/a*b') // "invalid character '*' in name"
 */
export function checkDatasetName(name: string): string | null {
  if (name.length >= ZFS_MAX_DATASET_NAME_LEN) return 'name is too long';
  if (name.startsWith('/')) return 'leading slash in name';
  if (name === '') return "empty component or misplaced '@' or '#' delimiter in name";
  let foundDelim = false;
  let start = 0;
  for (;;) {
    let end = start;
    while (end < name.length && !'/@#'.includes(name[end] as string)) end++;
    const atEnd = end === name.length;
    if (atEnd && name[end - 1] === '/') return 'trailing slash in name';
    const component = name.slice(start, end);
    for (const c of component) {
      if (!zfsValidChar(c) && c !== '%') return `invalid character '${showChar(c)}' in name`;
    }
    if (atEnd || name[end] === '/') {
      if (component === '.') return "self reference, '.' is found in name";
      if (component === '..') return "parent reference, '..' is found in name";
    }
    if (!atEnd && (name[end] === '@' || name[end] === '#')) {
      if (foundDelim) return "multiple '@' and/or '#' delimiters in name";
      foundDelim = true;
    }
    if (component === '') return "empty component or misplaced '@' or '#' delimiter in name";
    if (atEnd) break;
    if (name[end] === '/' && foundDelim) return 'trailing slash in name';
    start = end + 1;
  }
  // libzfs_dataset.c zfs_validate_name: a filesystem or volume has no snapshot/bookmark part.
  if (name.includes('@')) return "snapshot delimiter '@' is not expected here";
  if (name.includes('#')) return "bookmark delimiter '#' is not expected here";
  // zfs_validate_name with modifying=B_TRUE: '%' is reserved for temporary clones.
  if (name.includes('%')) return 'invalid character % in name';
  if (!/^[a-zA-Z]/.test(name)) return "pool doesn't begin with a letter";
  // zfs_namecheck.c dataset_nestcheck; libzfs_dataset.c zfs_create.
  if ((name.match(/\//g) ?? []).length >= ZFS_MAX_DATASET_NESTING) return 'maximum name nesting depth exceeded';
  return null;
}

// ---------------------------------------------------------------------------------------
// iSCSI names: RFC 3720 §3.2.6 (format, 223 bytes), RFC 3722 (stringprep profile: only
// lowercase a-z 0-9 - . : survive in ASCII), RFC 3980 (naa.).

/** RFC 3720 §3.2.6.1: an iSCSI name is at most 223 bytes (UTF-8). */
export const ISCSI_NAME_MAX_BYTES = 223;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Check an iSCSI name (IQN, EUI or NAA form).
 * @example checkIqn('iqn.2005-10.org.freenas.ctl:nextcloud') // null
 * @example checkIqn('iqn.2005-13.org.freenas.ctl') // 'month "13" in "iqn.2005-13." is not 01 to 12 (RFC 3720 §3.2.6.3.1)'
 */
export function checkIqn(name: string): string | null {
  const bytes = utf8Length(name);
  if (bytes > ISCSI_NAME_MAX_BYTES) {
    return `iSCSI name is ${bytes} bytes; the limit is ${ISCSI_NAME_MAX_BYTES} (RFC 3720 §3.2.6.1)`;
  }
  // RFC 3720 §3.2.6.3.2: "eui." + 16 hex digits (the RFC's own example is upper case).
  if (name.startsWith('eui.')) {
    return /^eui\.[0-9a-fA-F]{16}$/.test(name) ? null : 'an "eui." name is "eui." followed by 16 hex digits (RFC 3720 §3.2.6.3.2)';
  }
  // RFC 3980 §5: "naa." + 16 or 32 hex digits.
  if (name.startsWith('naa.')) {
    return /^naa\.([0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/.test(name) ? null : 'an "naa." name is "naa." followed by 16 or 32 hex digits (RFC 3980 §5)';
  }
  if (/[A-Z]/.test(name)) {
    return 'iSCSI names are lower case (RFC 3722 stringprep maps upper case to lower case)';
  }
  for (const c of name) {
    if (!/^[a-z0-9\-.:]$/.test(c)) {
      return `invalid character '${showChar(c)}' in iSCSI name: only a-z, 0-9, '-', '.' and ':' are allowed (RFC 3722)`;
    }
  }
  if (!name.startsWith('iqn.')) {
    return 'an iSCSI name starts with "iqn.", "eui." or "naa." (RFC 3720 §3.2.6.3)';
  }
  // RFC 3720 §3.2.6.3.1: iqn.yyyy-mm.reversed.domain.name[:unique]
  const date = /^iqn\.(\d{4})-(\d{2})\./.exec(name);
  if (!date) return 'an "iqn." name needs a date "yyyy-mm." after "iqn." (RFC 3720 §3.2.6.3.1)';
  const month = Number(date[2]);
  if (month < 1 || month > 12) {
    return `month "${date[2]}" in "${date[0]}" is not 01 to 12 (RFC 3720 §3.2.6.3.1)`;
  }
  const rest = name.slice(date[0].length);
  const colon = rest.indexOf(':');
  const domain = colon === -1 ? rest : rest.slice(0, colon);
  const label = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
  if (domain === '' || !domain.split('.').every((part) => label.test(part))) {
    return `${showName(domain)} is not a reversed domain name like "org.example" (RFC 3720 §3.2.6.3.1)`;
  }
  if (colon !== -1 && colon === rest.length - 1) {
    return "nothing follows the ':' in the iSCSI name (RFC 3720 §3.2.6.3.1)";
  }
  return null;
}

/** TrueNAS iscsi.target name rule (middleware plugins/iscsi_/targets.py RE_TARGET_NAME). */
export const TRUENAS_TARGET_NAME_MAX = 120;

/**
 * Check a TrueNAS target name (the part after `basename:`), as `iscsi.target.create` does.
 * @example checkTargetName('nextcloud') // null
 */
export function checkTargetName(name: string): string | null {
  // truenas/middleware plugins/iscsi_/targets.py validate_name: RE_TARGET_NAME = ^[-a-z0-9\.:]+$
  if (!/^[-a-z0-9.:]+$/.test(name)) {
    return 'Only lowercase alphanumeric characters plus dot (.), dash (-), and colon (:) are allowed.';
  }
  // middleware api iscsi_target.py: name is a string of at most 120 characters (pydantic wording).
  if (name.length > TRUENAS_TARGET_NAME_MAX) return `String should have at most ${TRUENAS_TARGET_NAME_MAX} characters`;
  return null;
}

// ---------------------------------------------------------------------------------------
// Proxmox VE: pve-common src/PVE/JSONSchema.pm (formats pve-vmid, dns-name, pve-storage-id,
// pve-tag) and pve-container src/PVE/LXC/Config.pm.

/**
 * Check a Proxmox VMID (JSONSchema.pm pve_verify_vmid: `^[1-9][0-9]{2,8}$`, 100–999999999).
 * @example checkVmid(101) // null
 * @example checkVmid(99) // 'value does not look like a valid VM ID'
 */
export function checkVmid(vmid: number | string): string | null {
  return /^[1-9][0-9]{2,8}$/.test(String(vmid)) ? null : 'value does not look like a valid VM ID';
}

/**
 * Check a host name (JSONSchema.pm pve_verify_dns_name: `(label\.)*label`, label
 * `[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?`).
 * @example checkDnsName('syncthing-srv') // null
 */
export function checkDnsName(name: string): string | null {
  const label = '[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?';
  return new RegExp(`^(${label}\\.)*${label}$`).test(name) ? null : 'value does not look like a valid DNS name';
}

/**
 * Check a Proxmox storage ID (JSONSchema.pm pve_verify_storage_id).
 * @example checkStorageId('local-zfs') // null
 */
export function checkStorageId(id: string): string | null {
  return /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i.test(id) ? null : `storage ID ${showName(id)} contains illegal characters`;
}

/**
 * Check a Proxmox guest tag (JSONSchema.pm pve-tag: `^(?i:[a-z0-9_][a-z0-9_\-+.]*)$`).
 * @example checkTag('family') // null
 */
export function checkTag(tag: string): string | null {
  return /^[a-z0-9_][a-z0-9_\-+.]*$/i.test(tag) ? null : `invalid tag ${showName(tag)}`;
}

// ---------------------------------------------------------------------------------------
// Linux.

/**
 * Check a network interface name: the kernel's rule (net/core/dev.c dev_valid_name: 1–15
 * bytes, not "." or "..", no '/', ':' or white space), narrowed to the characters real
 * names use (eth0, enp3s0, vmbr0.20, wg0, tailscale0), since exporters write them unquoted
 * into /etc/network/interfaces and shell scripts.
 * @example checkInterfaceName('vmbr0') // null
 */
export function checkInterfaceName(name: string): string | null {
  const ok = name.length <= 15 && name !== '.' && name !== '..' && /^[A-Za-z0-9_.-]+$/.test(name);
  return ok ? null : `${showName(name)} is not a valid interface name (1-15 letters, digits, '.', '-' or '_')`;
}

/**
 * Check a CHAP user name. TrueNAS writes it into the SCST config and open-iscsi into
 * iscsid.conf; keep to characters that need no quoting there (IQNs fit).
 * @example checkChapUser('pve') // null
 */
export function checkChapUser(name: string): string | null {
  return /^[A-Za-z0-9._@:-]{1,223}$/.test(name) ? null : `${showName(name)} is not a CHAP user name (letters, digits, '.', '-', '_', '@', ':')`;
}

/**
 * Check a user or group name (shadow-utils default NAME_REGEX `^[a-z_][a-z0-9_-]*[$]?$`,
 * at most 32 characters; useradd: "invalid user name").
 * @example checkUserName('alice') // null
 */
export function checkUserName(name: string): string | null {
  return /^[a-z_][a-z0-9_-]{0,30}\$?$/.test(name) ? null : `invalid user name ${showName(name)}`;
}

/**
 * Check a block device name as it appears under /dev (sda, nvme0n1, vda, mmcblk0).
 * @example checkDiskName('nvme0n1') // null
 */
export function checkDiskName(name: string): string | null {
  return /^[a-z][a-z0-9_-]{0,31}$/.test(name) ? null : `${showName(name)} is not a device name like sda, vdb or nvme0n1`;
}

/**
 * Check an absolute path (a mount point or a bind-mount source). Proxmox refuses '.' and '..'
 * components (pve-container Config.pm verify_lxc_mp_string: "contains illegal character
 * sequences"); control characters are never meant.
 * @example checkAbsolutePath('/tank/archive') // null
 */
export function checkAbsolutePath(path: string): string | null {
  if (!path.startsWith('/')) return `${showName(path)} is not an absolute path`;
  // Proxmox pve-container Config.pm verify_lxc_mp_string.
  if (/\/\.\.?\//.test(path) || /\/\.\.?$/.test(path)) return `mount point ${showName(path)} contains illegal character sequences`;
  if (/[\x00-\x1f\x7f]/.test(path)) return `${showName(path)} contains a control character`;
  if (path.length > 4095) return 'path is longer than PATH_MAX (4096)';
  return null;
}

/**
 * Check a short identifier chosen by the lab author (zone ids, service names): lower-case
 * letters, digits, '-' and '_', starting with a letter or digit, at most 63 characters.
 * @example checkSlug('tailnet') // null
 */
export function checkSlug(id: string): string | null {
  return /^[a-z0-9][a-z0-9_-]{0,62}$/.test(id) ? null : `${showName(id)} is not a valid id (use a-z, 0-9, '-' and '_', up to 63 characters)`;
}

/**
 * Check free text (descriptions, comments, aliases): anything printable; `multiline` text
 * may also hold newlines and tabs.
 */
export function checkFreeText(text: string, multiline: boolean): string | null {
  const bad = multiline ? /[\x00-\x08\x0b-\x1f\x7f]/ : /[\x00-\x1f\x7f]/;
  const m = bad.exec(text);
  return m ? `text contains the control character '${showChar(m[0])}'` : null;
}
