/**
 * `/etc/pve/lxc/<vmid>.conf`: a Proxmox VE container's configuration file, as pmxcfs holds
 * it and `pct config` reads it.
 */
// @sim export pct.conf | Proxmox VE 8 pve-container src/PVE/LXC/Config.pm write_pct_config: /etc/pve/lxc/<vmid>.conf
import type { Container, ContainerNet, Mount } from '../model/container';
import type { Host } from '../model/host';
import { formatPveSize, printPropertyString } from './pve-property-string';
import { nextContainerVolume, type StorageVolume } from '../model/edit/volume-names';

/**
 * Render a container's `/etc/pve/lxc/<vmid>.conf` the way pve-container writes it
 * (`write_pct_config`): the description as `#` comment lines at the top, then every PVE key
 * sorted (`key: value`), then the raw `lxc.*` lines in their order: the lab's `idmap`
 * entries as `lxc.idmap: u 0 100000 65536`, then its other `lxc` lines.
 *
 * `host` is the Proxmox host the container lives on; it names new volumes the way their
 * storage type does when the lab leaves `volume` out (`subvol-101-disk-0` on zfspool,
 * `101/vm-101-disk-0.raw` on dir). A container without `hostname` gets `CT<vmid>`, as
 * `pct create` gives it (API2/LXC.pm).
 *
 * Simplified: keys the lab does not declare are left out rather than filled in as a real
 * `pct create` would (no random `hwaddr`, no `ostype` detected from the template); boolean
 * options that are off are not written (the web UI does not send them); snapshots and
 * `[pve:pending]` sections are not modelled.
 * @example renderPctConf(pve.containers[0], pve)
 *   // '#Syncthing for the family laptops\narch: amd64\ncores: 1\nfeatures: nesting=1\n…'
 */
export function renderPctConf(container: Container, host?: Host): string {
  const keys: [string, string][] = [];
  const add = (key: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') keys.push([key, String(value)]);
  };
  const volumes = declaredVolumes(container);
  // pct create allocates the rootfs first, then mount points by index (API2/LXC.pm create_vm).
  const rootfs = renderRootfs(container, host, volumes);
  const mounts = [...container.mounts]
    .sort((a, b) => a.index - b.index)
    .map((mount) => [`mp${mount.index}`, renderMountPoint(mount, container.vmid, host, volumes)] as const);

  add('arch', container.arch);
  add('cores', container.cores);
  add('cpulimit', container.cpulimit);
  add('features', renderFeatures(container.features));
  add('hostname', container.hostname ?? `CT${container.vmid}`);
  add('memory', container.memory);
  for (const [key, value] of mounts) add(key, value);
  for (const net of container.net) add(`net${net.index}`, renderNetwork(net));
  if (container.onboot) add('onboot', 1);
  add('ostype', container.ostype);
  if (container.protection) add('protection', 1);
  add('rootfs', rootfs);
  add('startup', renderStartup(container.startup));
  add('swap', container.swap);
  add('tags', renderTags(container.tags));
  if (container.unprivileged) add('unprivileged', 1);

  // Config.pm write_pct_config: `foreach my $key (sort keys %$conf)`, Perl string order, so mp10 < mp2.
  keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const lines = [
    ...renderDescription(container.description),
    ...keys.map(([key, value]) => `${key}: ${value}`),
    ...container.idmap.map((entry) => `lxc.idmap: ${entry.trim().split(/\s+/).join(' ')}`),
    ...container.lxc,
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** Volumes the lab names explicitly: new ones must not take their `disk-N`. */
function declaredVolumes(container: Container): StorageVolume[] {
  const out: StorageVolume[] = [];
  if (container.rootfs?.volume) out.push({ storage: container.rootfs.storage, volume: container.rootfs.volume });
  for (const m of container.mounts) if (m.storage && m.volume) out.push({ storage: m.storage, volume: m.volume });
  return out;
}

/** Name a volume the lab left unnamed, and remember it so the next one gets the next number. */
function allocateVolume(storage: string, vmid: number, host: Host | undefined, volumes: StorageVolume[]): string {
  const volume = nextContainerVolume(host, storage, vmid, volumes);
  volumes.push({ storage, volume });
  return volume;
}

/**
 * The description as leading `#` lines: Config.pm splits it on newlines and writes each line
 * through PVE::Tools::encode_text, which %-escapes control and non-ASCII bytes, `%` and `:`.
 */
function renderDescription(description: string | undefined): string[] {
  if (!description) return [];
  const lines = description.split('\n');
  // Perl `split(/\n/, $descr)` drops trailing empty fields.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => `#${encodeText(line)}`);
}

/**
 * pve-common ParseUtils.pm encode_text: uri_escape of the UTF-8 bytes with the unsafe set
 * `^\x20-\x24\x26-\x39\x3b-\x7e`, i.e. everything but printable ASCII minus `%` and `:`.
 */
export function encodeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const safe = code >= 0x20 && code <= 0x7e && ch !== '%' && ch !== ':';
    // encodeURIComponent writes the UTF-8 bytes as upper-case %XX, as uri_escape does.
    out += safe ? ch : percentEncode(ch);
  }
  return out;
}

/** `%XX` for each UTF-8 byte of one character; a lone surrogate becomes U+FFFD, as Perl's encoder would. */
function percentEncode(ch: string): string {
  const encoded = /^[\uD800-\uDFFF]$/.test(ch) ? '%EF%BF%BD' : encodeURIComponent(ch);
  return encoded;
}

/** `features: fuse=1,keyctl=1,mount=nfs;cifs,nesting=1` (Config.pm $features_desc, all optional). */
function renderFeatures(features: Container['features']): string | undefined {
  if (!features) return undefined;
  const text = printPropertyString([
    { key: 'nesting', value: features.nesting || undefined },
    { key: 'keyctl', value: features.keyctl || undefined },
    { key: 'fuse', value: features.fuse || undefined },
    { key: 'mknod', value: features.mknod || undefined },
    { key: 'mount', value: features.mount && features.mount.length > 0 ? features.mount.join(';') : undefined },
  ]);
  return text === '' ? undefined : text;
}

/**
 * `net0: name=eth0,bridge=vmbr0,firewall=1,gw=…,hwaddr=…,ip=dhcp,tag=20,type=veth`:
 * Config.pm $netconf_desc has `name` as its only required key; `type` is always `veth`
 * (parse_lxc_network sets it).
 */
function renderNetwork(net: ContainerNet): string {
  return printPropertyString([
    { key: 'name', value: net.name, required: true },
    { key: 'bridge', value: net.bridge },
    { key: 'firewall', value: net.firewall || undefined },
    { key: 'gw', value: net.gw },
    { key: 'gw6', value: net.gw6 },
    { key: 'hwaddr', value: net.hwaddr },
    { key: 'ip', value: net.ip },
    { key: 'ip6', value: net.ip6 },
    { key: 'mtu', value: net.mtu },
    { key: 'rate', value: net.rate },
    { key: 'tag', value: net.tag },
    { key: 'type', value: 'veth' },
  ]);
}

/** `rootfs: local-zfs:subvol-101-disk-0,size=8G` (Config.pm $rootfs_desc: `volume` is the default key). */
function renderRootfs(container: Container, host: Host | undefined, volumes: StorageVolume[]): string | undefined {
  const rootfs = container.rootfs;
  if (!rootfs) return undefined;
  const volume = rootfs.volume ?? allocateVolume(rootfs.storage, container.vmid, host, volumes);
  return printPropertyString([
    { key: 'volume', value: `${rootfs.storage}:${volume}`, defaultKey: true },
    { key: 'size', value: formatPveSize(rootfs.size) },
  ]);
}

/**
 * `mp0: /tank/archive,mp=/mnt/archive,ro=1` (bind mount: the volume is a host path) or
 * `mp1: local-zfs:subvol-101-disk-1,mp=/data,backup=1,size=32G` (volume). Config.pm
 * $mp_desc: `volume` is the default key, `mp` is required, the rest sorted.
 */
function renderMountPoint(mount: Mount, vmid: number, host: Host | undefined, volumes: StorageVolume[]): string {
  const storage = mount.storage ?? '';
  const volume = mount.source ?? `${storage}:${mount.volume ?? allocateVolume(storage, vmid, host, volumes)}`;
  return printPropertyString([
    { key: 'volume', value: volume, defaultKey: true },
    { key: 'mp', value: mount.mp, required: true },
    { key: 'backup', value: mount.backup || undefined },
    { key: 'idmap', value: mount.idmap },
    { key: 'ro', value: mount.ro || undefined },
    { key: 'shared', value: mount.shared || undefined },
    { key: 'size', value: mount.size === undefined ? undefined : formatPveSize(mount.size) },
  ]);
}

/** `startup: order=1,up=30,down=60` (pve-common `pve-startup-order` format, as typed to `pct set`). */
function renderStartup(startup: Container['startup']): string | undefined {
  if (!startup) return undefined;
  const parts: string[] = [];
  if (startup.order !== undefined) parts.push(`order=${startup.order}`);
  if (startup.up !== undefined) parts.push(`up=${startup.up}`);
  if (startup.down !== undefined) parts.push(`down=${startup.down}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}

/**
 * `tags: family;sync`: pve-guest-common GuestHelpers.pm get_unique_tags lowercases, sorts
 * (case-insensitively) and de-duplicates tags under the default datacenter `tag-style`.
 */
function renderTags(tags: readonly string[]): string | undefined {
  const unique = [...new Set(tags.map((t) => t.toLowerCase()))].sort();
  return unique.length > 0 ? unique.join(';') : undefined;
}

