/**
 * The prompt the terminal shows before each line.
 * - bash on Debian/Proxmox: Debian 12's /etc/bash.bashrc sets
 *   PS1='${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ' → `root@pve:~# `
 *   (`\h` is the hostname up to the first dot, `\w` the cwd with ~ for $HOME, `\$` is # for root).
 * - zsh on TrueNAS SCALE: `root@truenas[~]# ` (prompt `%n@%m[%~]%# `: %m is the short
 *   hostname, %~ the cwd with ~, %# is # for root).
 */
import { hostnameOf } from '../engines/net/resolve';
import { tildify } from './path';
import { idInNamespace } from '../engines/kernel/namespaces';
import { hostKernel } from '../engines/world';
import { currentHost, currentLogin, currentProcess, cwdOf, type SimState } from './session';
import { sessionVfs } from './vfs';
import { flavorForKind } from './shell-flavor';
import { lookupVariable } from './variables';

/** The prompt for the current host and directory. */
export function promptFor(state: SimState): string {
  const host = currentHost(state);
  const short = hostnameOf(host).split('.')[0] as string;
  const home = lookupVariable(state, host, 'HOME') ?? '/root';
  const where = tildify(cwdOf(state), home);
  // \u and \$: the user name of the shell's UID as its namespace sees it (bash: "I have no name!"
  // without a passwd entry), `#` for UID 0 and `$` for others. Root keeps the fast path.
  const proc = currentProcess(state);
  let user = 'root';
  let sign = '#';
  if (proc.uid !== 0) {
    const uid = idInNamespace(hostKernel(state.world, currentLogin(state).host), proc.ns.user, proc.uid, 'uid');
    const passwd = sessionVfs(state).read('/etc/passwd');
    user = (passwd.ok ? passwd.text.split('\n').find((l) => l.split(':')[2] === String(uid))?.split(':')[0] : undefined) ?? 'I have no name!';
    sign = uid === 0 ? '#' : flavorForKind(host.kind) === 'zsh' ? '%' : '$';
  }
  return flavorForKind(host.kind) === 'zsh' ? `${user}@${short}[${where}]${sign} ` : `${user}@${short}:${where}${sign} `;
}
