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
import { currentHost, cwdOf, type SimState } from './session';
import { flavorForKind } from './shell-flavor';
import { lookupVariable } from './variables';

/** The prompt for the current host and directory. */
export function promptFor(state: SimState): string {
  const host = currentHost(state);
  const short = hostnameOf(host).split('.')[0] as string;
  const home = lookupVariable(state, host, 'HOME') ?? '/root';
  const where = tildify(cwdOf(state), home);
  return flavorForKind(host.kind) === 'zsh' ? `root@${short}[${where}]# ` : `root@${short}:${where}# `;
}
