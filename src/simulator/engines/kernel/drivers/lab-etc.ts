/**
 * The lab's own /etc files, computed from the model on every read (never stored), shown on
 * top of a host's root filesystem (memfs overlay `lab-etc`): hostname, hosts, os-release,
 * passwd, group, subuid and subgid. They follow the model,
 * so they cannot drift from it; writing one fails with EROFS (change the lab or use the
 * tools). Formats and where they come from are noted on each.
 */
import type { Host } from '../../../model/host';
import { hostAddresses, hostnameOf } from '../../net/resolve';
import { loginShellPath, osRelease } from '../host-kind';
import { registerOverlay } from '../memfs';
import type { SynthTree } from '../synthetic';

/** The files of `host`, relative to its root. */
export function labEtcTree(host: Host): SynthTree {
  const tree: SynthTree = new Map();
  const file = (path: string, render: () => string, mode = 0o644): void => {
    tree.set(path, { type: 'file', mode, render });
  };
  file('/etc/hostname', () => `${hostnameOf(host)}\n`);
  file('/etc/hosts', () => etcHosts(host));
  file('/etc/os-release', () => osRelease(host.kind));
  file('/etc/passwd', () => etcPasswd(host));
  file('/etc/group', () => etcGroup(host));
  file('/etc/subuid', () => (host.subuid ?? []).map((l) => `${l}\n`).join(''));
  file('/etc/subgid', () => (host.subgid ?? []).map((l) => `${l}\n`).join(''));
  // /etc/iscsi/initiatorname.iscsi is an ordinary file: the iSCSI engine's boot step writes it (engines/iscsi/boot.ts).
  return tree;
}

registerOverlay('lab-etc', (env) => {
  const host = env.world.lab.hosts.find((h) => h.name === env.host);
  return host ? labEtcTree(host) : new Map();
});

/** /etc/hosts: the Proxmox installer's layout (first address → hostname), else Debian netcfg's. */
function etcHosts(host: Host): string {
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

// Debian base-passwd 3.6 (Debian 12 and 13): the system accounts every Debian host has, in file order.
const BASE_PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
  'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
  'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];

// base-passwd 3.6 /usr/share/base-passwd/group.master.
const BASE_GROUPS: [string, number][] = [
  ['root', 0], ['daemon', 1], ['bin', 2], ['sys', 3], ['adm', 4], ['tty', 5], ['disk', 6], ['lp', 7], ['mail', 8], ['news', 9], ['uucp', 10], ['man', 12],
  ['proxy', 13], ['kmem', 15], ['dialout', 20], ['fax', 21], ['voice', 22], ['cdrom', 24], ['floppy', 25], ['tape', 26], ['sudo', 27], ['audio', 29],
  ['dip', 30], ['www-data', 33], ['backup', 34], ['operator', 37], ['list', 38], ['irc', 39], ['src', 40], ['shadow', 42], ['utmp', 43], ['video', 44],
  ['sasl', 45], ['plugdev', 46], ['staff', 50], ['games', 60], ['users', 100], ['nogroup', 65534],
];

/**
 * /etc/passwd (passwd(5)): Debian's system accounts (base-passwd) with the lab's users in
 * their place when they share a name or UID (root), and the lab's other users after them,
 * as adduser(8) appends them.
 */
export function etcPasswd(host: Host): string {
  const lines = [...BASE_PASSWD];
  for (const u of host.users ?? []) {
    const home = u.home ?? (u.name === 'root' ? '/root' : `/home/${u.name}`);
    const shell = u.shell ?? (u.name === 'root' ? loginShellPath(host.kind) : '/bin/bash');
    // adduser(8) on Debian writes ",,," as the GECOS of a user created without details.
    const line = `${u.name}:x:${u.uid}:${u.gid}:${u.name === 'root' ? 'root' : ',,,'}:${home}:${shell}`;
    const at = lines.findIndex((l) => l.split(':')[0] === u.name || l.split(':')[2] === String(u.uid));
    if (at >= 0) lines[at] = line;
    else lines.push(line);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** /etc/group (group(5)): base-passwd's groups with the lab's in their place, the lab's others after them. */
export function etcGroup(host: Host): string {
  const lines = BASE_GROUPS.map(([name, gid]) => `${name}:x:${gid}:`);
  for (const g of host.groups ?? []) {
    const line = `${g.name}:x:${g.gid}:${(g.members ?? []).join(',')}`;
    const at = lines.findIndex((l) => l.split(':')[0] === g.name || l.split(':')[2] === String(g.gid));
    if (at >= 0) lines[at] = line;
    else lines.push(line);
  }
  return lines.map((l) => `${l}\n`).join('');
}
