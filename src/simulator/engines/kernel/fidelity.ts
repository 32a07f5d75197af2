/**
 * Where the simulated kernel (the machine substrate) differs from a real Linux host. The
 * "What is simulated" page prints this list next to the shell's own.
 */
export const KERNEL_SIMPLIFICATIONS: readonly string[] = [
  'Each host boots with the devices, mounts and daemons of its kind (Proxmox VE 9 on Debian 13, TrueNAS 25.10, Debian 13) drawn from the lab file; the daemon list, kernel build and disk models and serials are representative, not read from a real machine.',
  'The root filesystems (rpool/ROOT/pve-1 on Proxmox, the TrueNAS boot pool\'s root) are plain in-memory filesystems that draw on their pool\'s space in 4 KiB blocks; data pools and their datasets are the ZFS engine\'s.',
  'File contents are kept as descriptors: text as text, data from /dev/zero and /dev/urandom as streams that read back the same every time. Text tools read at most 16 MiB of a file into memory and say so for a larger one.',
  'The root filesystem holds the files you create; the lab\'s /etc files, /etc/pve (pmxcfs), /proc, /sys and /dev are computed from the lab and the kernel state on every read.',
  'Your shell runs as root in the host\'s initial namespaces. Containers get their own user, PID, mount, UTS, IPC, network and cgroup namespaces with the ID maps Proxmox writes; there is no real scheduler, so CPU and memory figures are the configured limits and small representative usage, not measurements.',
  'Network reachability follows the lab\'s addresses: an address on a local subnet that no host has is "No route to host" after 3 s, one beyond the gateway times out after 127 s, a host without the service refuses the connection. There is no packet loss and no firewall.',
  'Every typed line moves the virtual clock by one second; commands that wait (sleep, a connection that times out) move it by the time they would take.',
];
