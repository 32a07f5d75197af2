/**
 * What a Proxmox system template unpacks to, in brief: the top of a Debian (or Ubuntu)
 * root tree with merged /usr, the accounts of base-passwd and the template's packages
 * (systemd, openssh-server, postfix), /etc/hostname and /etc/hosts written by pct
 * (PVE::LXC::Setup::Debian), and /etc/os-release. Only names and ownership matter to the
 * lessons; program files are not there.
 */
// @sim pveam system templates | Proxmox appliance templates debian-12-standard, debian-13-standard, ubuntu-24.04-standard: merged-/usr tree, base-passwd accounts, /etc/hostname and /etc/hosts as PVE::LXC::Setup::Debian writes them

/** A file or directory of the tree: its path, mode, owner inside the container, and text. */
export interface TemplateNode {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  text?: string;
  target?: string;
}

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin
messagebus:x:100:107::/nonexistent:/usr/sbin/nologin
sshd:x:101:65534::/run/sshd:/usr/sbin/nologin
postfix:x:102:108::/var/spool/postfix:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
cdrom:x:24:
sudo:x:27:
audio:x:29:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
systemd-journal:x:999:
systemd-network:x:998:
messagebus:x:107:
postfix:x:108:
postdrop:x:109:
`;

/** The distribution a template name carries (`debian-12-standard_12.7-1_amd64.tar.zst`). */
export function templateRelease(template: string): { id: string; version: string; codename: string; pretty: string } {
  const name = template.split('/').pop() ?? template;
  if (name.startsWith('debian-13')) return { id: 'debian', version: '13', codename: 'trixie', pretty: 'Debian GNU/Linux 13 (trixie)' };
  if (name.startsWith('ubuntu-24.04')) return { id: 'ubuntu', version: '24.04', codename: 'noble', pretty: 'Ubuntu 24.04 LTS' };
  return { id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' };
}

/** The tree of a template, with the container's host name. */
export function templateTree(template: string, hostname: string): TemplateNode[] {
  const rel = templateRelease(template);
  const dirs: [string, number][] = [
    ['/', 0o755], ['/dev', 0o755], ['/etc', 0o755], ['/home', 0o755], ['/media', 0o755], ['/mnt', 0o755], ['/opt', 0o755], ['/proc', 0o555], ['/root', 0o700],
    ['/run', 0o755], ['/srv', 0o755], ['/sys', 0o555], ['/tmp', 0o1777], ['/usr', 0o755], ['/usr/bin', 0o755], ['/usr/sbin', 0o755], ['/usr/lib', 0o755],
    ['/usr/lib64', 0o755], ['/usr/local', 0o755], ['/usr/share', 0o755], ['/var', 0o755], ['/var/cache', 0o755], ['/var/lib', 0o755], ['/var/log', 0o755],
    ['/var/spool', 0o755], ['/var/tmp', 0o1777], ['/var/www', 0o755],
  ];
  const out: TemplateNode[] = dirs.map(([path, mode]) => ({ path, type: 'dir', mode, uid: 0, gid: 0 }));
  for (const [link, target] of [['/bin', 'usr/bin'], ['/sbin', 'usr/sbin'], ['/lib', 'usr/lib'], ['/lib64', 'usr/lib64']]) out.push({ path: link as string, type: 'symlink', mode: 0o777, uid: 0, gid: 0, target: target as string });
  const file = (path: string, text: string, mode = 0o644, gid = 0): void => void out.push({ path, type: 'file', mode, uid: 0, gid, text });
  file('/etc/passwd', PASSWD);
  file('/etc/group', GROUP);
  file('/etc/shadow', PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '' : '*'}:19500:0:99999:7:::\n`).join(''), 0o640, 42);
  // PVE::LXC::Setup::Base set_hostname / set_etc_hosts.
  file('/etc/hostname', `${hostname}\n`);
  file('/etc/hosts', `127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n# --- BEGIN PVE ---\n127.0.1.1 ${hostname}\n# --- END PVE ---\n`);
  file('/etc/os-release', `PRETTY_NAME="${rel.pretty}"\nNAME="${rel.id === 'debian' ? 'Debian GNU/Linux' : 'Ubuntu'}"\nVERSION_ID="${rel.version}"\nVERSION_CODENAME=${rel.codename}\nID=${rel.id}\n`);
  if (rel.id === 'debian') file('/etc/debian_version', rel.version === '13' ? '13.1\n' : '12.7\n');
  file('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  return out;
}
