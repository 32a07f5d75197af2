/**
 * The files a reader looks at on a host, each computed from the lab on every read (never
 * stored), with the real file's format and a note of where the format comes from.
 * Kernel and distribution facts: Proxmox VE 8 is Debian 12 "bookworm" with Proxmox's
 * 6.8 kernel; TrueNAS SCALE 24.10 is built on Debian 12 with its own 6.6 kernel; `linux`
 * hosts are modelled as plain Debian 12 with Debian's 6.1 kernel.
 */
import { renderInitiatorName, renderPctConf, renderStorageCfg } from '../exporters';
import { hostAddresses, hostnameOf } from './host-resolve';
import type { LabHost } from './lab-types';
import type { SimState } from './session';
import { flavorForKind, shellPath } from './shell-flavor';

/** A file computed from the lab. `proc` marks procfs files (st_size 0, not writable). */
export interface DerivedFile {
  path: string;
  render: () => string;
  proc?: boolean;
}

/** Directories and derived files of one host. */
export interface HostFileTable {
  dirs: string[];
  files: DerivedFile[];
}

// The top of the Debian 12 tree (Filesystem Hierarchy Standard 3.0, base-files 12.4).
const BASE_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/mnt', '/opt', '/proc/self', '/proc/sys/kernel', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr/bin', '/usr/local', '/usr/sbin', '/var/lib', '/var/log', '/var/tmp'];

/** Lists what exists on `host`: directories and derived files (`_state` is for engine-derived files to come). */
export function hostFiles(_state: SimState, host: LabHost): HostFileTable {
  const dirs = [...BASE_DIRS];
  const files: DerivedFile[] = [];
  const file = (path: string, render: () => string, proc = false): void => {
    files.push({ path, render, proc });
  };

  file('/dev/null', () => '');
  file('/etc/hostname', () => `${hostnameOf(host)}\n`);
  file('/etc/hosts', () => etcHosts(host));
  file('/etc/os-release', () => OS_RELEASE);
  file('/etc/passwd', () => etcPasswd(host));
  file('/etc/group', () => etcGroup(host));
  file('/etc/subuid', () => (host.subuid ?? []).map((l) => `${l}\n`).join(''));
  file('/etc/subgid', () => (host.subgid ?? []).map((l) => `${l}\n`).join(''));
  file('/proc/version', () => procVersion(host.kind), true);
  file('/proc/sys/kernel/hostname', () => `${hostnameOf(host)}\n`, true);
  // The initial user namespace maps every ID to itself: user_namespaces(7), "%10u %10u %10u".
  file('/proc/self/uid_map', () => '         0          0 4294967295\n', true);
  file('/proc/self/gid_map', () => '         0          0 4294967295\n', true);

  for (const user of host.users ?? []) dirs.push(user.home ?? (user.name === 'root' ? '/root' : `/home/${user.name}`));

  const initiator = host.iscsi?.initiator;
  if (initiator && host.kind !== 'truenas') {
    dirs.push('/etc/iscsi');
    file('/etc/iscsi/initiatorname.iscsi', () => renderInitiatorName(initiator.name));
  }

  if (host.kind === 'proxmox') {
    // pmxcfs mounts the cluster filesystem at /etc/pve (Proxmox VE admin guide, "pmxcfs").
    dirs.push('/etc/pve/lxc', '/etc/pve/qemu-server', '/etc/pve/nodes', '/var/lib/vz/template/cache');
    file('/etc/pve/storage.cfg', () => renderStorageCfg(host));
    for (const ct of host.containers ?? []) file(`/etc/pve/lxc/${ct.vmid}.conf`, () => renderPctConf(ct, host));
  }

  for (const dir of datasetMountpoints(host)) dirs.push(dir);
  return { dirs, files };
}

/** Where the host's pools and filesystem datasets are mounted (OpenZFS default: `/<name>`; TrueNAS uses altroot /mnt). */
function datasetMountpoints(host: LabHost): string[] {
  const altroot = host.kind === 'truenas' ? '/mnt' : '';
  const out: string[] = [];
  const mountpointOf = (name: string, props: Record<string, unknown> | undefined): string | null => {
    const mp = props?.['mountpoint'];
    if (mp === 'none' || mp === 'legacy') return null;
    if (typeof mp === 'string' && mp.startsWith('/')) return altroot + mp;
    return `${altroot}/${name}`;
  };
  for (const pool of host.pools ?? []) {
    // TrueNAS keeps its boot pool out of /mnt (mounted at / from boot-pool/ROOT/...).
    if (host.kind === 'truenas' && pool.name === 'boot-pool') continue;
    const mp = mountpointOf(pool.name, pool.properties as Record<string, unknown> | undefined);
    if (mp) out.push(mp);
  }
  for (const ds of host.datasets ?? []) {
    const mp = mountpointOf(ds.name, ds.properties as Record<string, unknown> | undefined);
    if (mp && mp !== '/') out.push(mp);
  }
  return out;
}

// base-files 12.4+deb12u? /usr/lib/os-release on Debian 12; Proxmox VE 8 keeps Debian's file.
// TrueNAS SCALE is assumed to keep it too (its own version lives in /etc/version).
const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** /proc/version: `Linux version <release> (<builder>) (<compiler>) <version>`, per kind (representative builds). */
export function procVersion(kind: string): string {
  switch (kind) {
    case 'proxmox':
      return 'Linux version 6.8.12-4-pve (build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)\n';
    case 'truenas':
      return 'Linux version 6.6.44-production+truenas (root@tnsbuilds01.tn.ixsystems.net) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Fri Nov  8 18:30:36 UTC 2024\n';
    default:
      return 'Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)\n';
  }
}

/** /etc/hosts: the Proxmox installer's layout (first address → hostname), else Debian netcfg's. */
function etcHosts(host: LabHost): string {
  const hostname = hostnameOf(host);
  const short = hostname.split('.')[0] as string;
  const names = hostname === short ? hostname : `${hostname} ${short}`;
  const ip = hostAddresses(host).find((a) => a.includes('.') && !a.startsWith('127.'));
  if (host.kind === 'proxmox') {
    // Proxmox VE installer (proxinstall): localhost line, then "<ip> <fqdn> <short>", then the IPv6 block.
    return [
      '127.0.0.1 localhost.localdomain localhost',
      ...(ip ? [`${ip} ${names}`] : []),
      '',
      '# The following lines are desirable for IPv6 capable hosts',
      '',
      '::1     ip6-localhost ip6-loopback',
      'fe00::0 ip6-localnet',
      'ff00::0 ip6-mcastprefix',
      'ff02::1 ip6-allnodes',
      'ff02::2 ip6-allrouters',
      'ff02::3 ip6-allhosts',
      '',
    ].join('\n');
  }
  // Debian installer (netcfg): 127.0.1.1 carries the hostname when there is no static address.
  return [
    '127.0.0.1\tlocalhost',
    ip ? `${ip}\t${names}` : `127.0.1.1\t${names}`,
    '',
    '# The following lines are desirable for IPv6 capable hosts',
    '::1     localhost ip6-localhost ip6-loopback',
    'ff02::1 ip6-allnodes',
    'ff02::2 ip6-allrouters',
    '',
  ].join('\n');
}

/**
 * /etc/passwd (passwd(5)): the lab's users, then `nobody` (Debian base-passwd, uid 65534) —
 * which unmapped IDs show as in containers. Other Debian system accounts are left out
 * rather than invented.
 */
function etcPasswd(host: LabHost): string {
  const flavorShell = shellPath(flavorForKind(host.kind));
  const lines = (host.users ?? []).map((u) => {
    const home = u.home ?? (u.name === 'root' ? '/root' : `/home/${u.name}`);
    const shell = u.shell ?? (u.name === 'root' ? flavorShell : '/bin/bash');
    // adduser(8) on Debian 12 writes ",,," as the GECOS of a user created without details.
    const gecos = u.name === 'root' ? 'root' : ',,,';
    return `${u.name}:x:${u.uid}:${u.gid}:${gecos}:${home}:${shell}`;
  });
  if (!(host.users ?? []).some((u) => u.uid === 65534 || u.name === 'nobody')) {
    lines.push('nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin');
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** /etc/group (group(5)): the lab's groups, then `nogroup` (65534) from base-passwd. */
function etcGroup(host: LabHost): string {
  const lines = (host.groups ?? []).map((g) => `${g.name}:x:${g.gid}:${(g.members ?? []).join(',')}`);
  if (!(host.groups ?? []).some((g) => g.gid === 65534 || g.name === 'nogroup')) lines.push('nogroup:x:65534:');
  return lines.map((l) => `${l}\n`).join('');
}
