/**
 * Which login shell a host runs, which decides prompts and error wording: Proxmox VE and
 * Debian give root bash; TrueNAS SCALE gives root zsh (its UI shell and SSH both land in zsh).
 */

/** The two shells the simulator imitates. */
export type ShellFlavor = 'bash' | 'zsh';

/** The login shell for a host kind (`proxmox`, `truenas`, `linux`). */
export function flavorForKind(kind: string): ShellFlavor {
  // TrueNAS SCALE ships zsh as root's shell (/usr/bin/zsh in /etc/passwd); Debian and Proxmox use bash.
  return kind === 'truenas' ? 'zsh' : 'bash';
}

/** The login shell's path, as /etc/passwd and $SHELL show it. */
export function shellPath(flavor: ShellFlavor): string {
  return flavor === 'zsh' ? '/usr/bin/zsh' : '/bin/bash';
}
