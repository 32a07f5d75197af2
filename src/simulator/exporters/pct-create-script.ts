/**
 * `pct-create.sh`: one `pct create` per container of a Proxmox host, with every option the
 * lab gives it, then the raw `lxc.*` lines (`lxc.idmap` included) that `pct create` has no
 * option for, appended to the new container's config before its first start.
 */
// @sim export pct-create.sh | pve-container 6.1 pct(1) create (src/PVE/API2/LXC.pm create_vm: STORAGE:SIZE in GiB allocates a volume) + pve-docs pct.adoc "Unprivileged containers" (lxc.idmap added to the .conf before the first start)
import type { Container } from '../model/container';
import type { Host } from '../model/host';
import { exportedIdmap } from './pve-idmap-export';
import type { ExportOptions } from './bundle-types';
import { renderPctConf } from './pve-lxc-conf';
import { bashScript } from './script-text';
import { shq } from './shell-quote';

/** Keys of the rendered .conf that are written differently (or not at all) as `pct create` options. */
const NOT_OPTIONS = new Set(['rootfs']);

/**
 * A size as `pct create` takes it in `STORAGE:SIZE`: GiB, fractions allowed (API2/LXC.pm:
 * `m/^(\S+):(\d+(\.\d+)?)$/`, then `int($size * 1024) * 1024` KiB, so whole MiB count),
 * rounded up to a whole MiB.
 * @example gibSize(8 * 1024 ** 3) // '8'
 */
export function gibSize(bytes: number): string {
  const mib = Math.ceil(bytes / 1024 ** 2);
  return String(mib / 1024);
}

/** The `key: value` lines of a rendered .conf (description and lxc.* lines left out). */
function confKeys(conf: string): [string, string][] {
  return conf
    .split('\n')
    .filter((line) => /^[a-z][a-z0-9]*: /.test(line))
    .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]);
}

/** `--rootfs local-zfs:8` (a new volume of that size) for `pct create`. */
function rootfsOption(container: Container): string | undefined {
  const rootfs = container.rootfs;
  if (!rootfs) return undefined;
  return `${rootfs.storage}:${gibSize(rootfs.size)}`;
}

/**
 * The container as `pct create` options see it: a volume mount point with a size gets
 * `STORAGE:GiB` as its volume (a new volume) and no `size=`; bind mounts and volumes
 * without a size (an existing volume, named) stay as the .conf writes them.
 */
function forCreate(container: Container): Container {
  const mounts = container.mounts.map((m) => (m.source === undefined && m.size !== undefined ? { ...m, volume: gibSize(m.size), size: undefined } : m));
  return { ...container, mounts };
}

/** The lines that create one container, or say why it cannot be created. */
function containerLines(container: Container, host: Host, options: ExportOptions): string[] {
  const exported = exportedIdmap(container, options);
  const ct = exported.container;
  const vmid = ct.vmid;
  const lines: string[] = ['', `# CT ${vmid}${ct.hostname ? ` (${ct.hostname})` : ''}`];
  for (const mp of exported.dropped) {
    lines.push(`# ${mp}: its idmap= needs Proxmox VE 9 (pve-container 6.1.6) and an unprivileged container; left out for Proxmox VE 8.`);
  }
  if (!ct.template) {
    lines.push(`echo ${shq(`CT ${vmid}: the lab names no template; create it by hand and compare with lxc/${vmid}.conf`)} >&2`);
    return lines;
  }
  const conf = renderPctConf(forCreate(ct), host);
  const args: string[] = [];
  const rootfs = rootfsOption(ct);
  if (rootfs) args.push(`--rootfs ${shq(rootfs)}`);
  for (const [key, value] of confKeys(conf)) {
    if (!NOT_OPTIONS.has(key)) args.push(`--${key} ${shq(value)}`);
  }
  if (!ct.unprivileged) args.push('--unprivileged 0');
  if (ct.description) args.push(`--description ${shq(ct.description)}`);
  const raw = [...ct.idmap.map((entry) => `lxc.idmap: ${entry.trim().split(/\s+/).join(' ')}`), ...ct.lxc];
  lines.push(`if pct status ${vmid} >/dev/null 2>&1; then`);
  lines.push(`  echo ${shq(`CT ${vmid} exists: left as it is`)}`);
  lines.push('else');
  lines.push(`  pct create ${vmid} ${shq(ct.template)} \\`);
  args.forEach((arg, i) => lines.push(`    ${arg}${i === args.length - 1 ? '' : ' \\'}`));
  for (const line of raw) lines.push(`  add_line /etc/pve/lxc/${vmid}.conf ${shq(line)}`);
  lines.push('fi');
  return lines;
}

/**
 * The script for a Proxmox host, or null when it has no containers. Containers that exist
 * (`pct status VMID` succeeds) are left alone; raw `lxc.*` lines go into the new config
 * before anything starts it, as the Proxmox docs ask for `lxc.idmap`. Storage, templates
 * (`pveam download`) and subuid/subgid must be in place first (the README's order).
 */
export function renderPctCreate(host: Host, options: ExportOptions): string | null {
  if (host.containers.length === 0) return null;
  const body = [
    '# add_line FILE LINE: append LINE to FILE unless FILE already has it.',
    'add_line() { grep -qxF -- "$2" "$1" || printf \'%s\\n\' "$2" >>"$1"; }',
    ...host.containers.flatMap((ct) => containerLines(ct, host, options)),
  ];
  const about = [
    `Creates the LXC containers of host ${host.name} (Proxmox VE ${options.pve}) with pct create.`,
    `Run as root on ${host.name} after storage-add.sh and subid-setup.sh. Safe to run again:`,
    'existing containers are skipped. The root password is not set: use pct enter VMID.',
  ];
  return bashScript(about, body);
}
