/**
 * What each host kind runs, for the files and processes the kernel shows: Proxmox VE 9
 * (Debian 13 "trixie", Proxmox's 6.17 kernel), TrueNAS 25.10 "Goldeye" (its own Debian-based
 * build, 6.12 kernel), and plain Debian 13 for `linux` hosts. Representative builds: the
 * exact package revisions move with each update.
 */

/** Memory of every simulated host, KiB (the lab has no memory field yet): 16 GiB, representative of a homelab node. */
export const HOST_MEMORY_KIB = 16 * 1024 * 1024;

/** The login shell's path for root: zsh on TrueNAS (its /etc/passwd says /usr/bin/zsh), bash elsewhere. */
export function loginShellPath(kind: string): string {
  return kind === 'truenas' ? '/usr/bin/zsh' : '/bin/bash';
}

/** /proc/version per kind: `Linux version <release> (<builder>) (<compiler>) <version>`. */
export function procVersion(kind: string): string {
  switch (kind) {
    case 'proxmox':
      return 'Linux version 6.17.2-1-pve (build@proxmox) (gcc (Debian 14.2.0-19) 14.2.0, GNU ld (GNU Binutils for Debian) 2.44) #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-10-21T11:55Z)\n';
    case 'truenas':
      return 'Linux version 6.12.33-production+truenas (root@tnsbuilds01.tn.ixsystems.net) (gcc (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Mon Oct 20 18:03:11 UTC 2025\n';
    default:
      return 'Linux version 6.12.57+deb13-amd64 (debian-kernel@lists.debian.org) (x86_64-linux-gnu-gcc-14 (Debian 14.2.0-19) 14.2.0, GNU ld (GNU Binutils for Debian) 2.44) #1 SMP PREEMPT_DYNAMIC Debian 6.12.57-1 (2025-11-05)\n';
  }
}

/** The kernel release (`uname -r`) per kind, from procVersion. */
export function kernelRelease(kind: string): string {
  return procVersion(kind).split(' ')[2] as string;
}

/** /etc/os-release (base-files 13.8 on Debian 13; Proxmox VE keeps Debian's file). TrueNAS 25.10 is built on Debian 12. */
export function osRelease(kind: string): string {
  if (kind === 'truenas') {
    return `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
  }
  return `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.2
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
}
