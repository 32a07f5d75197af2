/** The `--help` texts of `hlab` and its subcommands. */

/** `hlab --help`. */
export const MAIN_HELP = `Usage: hlab COMMAND [ARGUMENTS]

The Homelab Handbook's lab simulator on the command line.

Commands:
  validate LAB      check a lab file; print every problem as path: message (fix)
  diagram LAB       print the lab as a Mermaid flowchart
  sh [LAB]          boot the lab and run commands in its simulated shell
                    (an interactive shell when stdin is a terminal)
  replay FILE       replay a session log written by \`hlab sh --record FILE\`
  idmap --map HOST[:CT]  lxc.idmap and /etc/subuid lines for a container ID mapping
  export LAB --out DIR   write the lab as scripts and config files to deploy on real hosts

Options:
  -h, --help        show this help; \`hlab COMMAND --help\` shows a command's

LAB is a lab file in YAML or JSON (see lab.schema.json). Exit status: 0 success,
1 an invalid lab or a failed command, 2 a usage error, 70 an internal error.
`;

/** `hlab validate --help`. */
export const VALIDATE_HELP = `Usage: hlab validate LAB

Check LAB (YAML or JSON) against the lab format and its rules (names, references,
iSCSI, idmaps...). Prints "LAB: valid" and exits 0, or prints every problem as
FILE:LINE:COLUMN: path: message (fix) on stderr and exits 1.
`;

/** \`hlab diagram --help\`. */
export const DIAGRAM_HELP = `Usage: hlab diagram LAB

Print LAB as a Mermaid flowchart (zones, hosts, guests, storage links, exposed
ports) on stdout. Exits 1 if LAB is invalid.
`;

/** \`hlab sh --help\`. */
export const SH_HELP = `Usage: hlab sh [LAB] [--host NAME] [-c COMMANDS | --script FILE] [--seed N] [--record FILE]

Boot LAB (default: the starter lab) into the simulator, logged in as root.

  --host NAME       start on this host (name, hostname or address; default: the
                    first Proxmox host)
  -c COMMANDS       run COMMANDS (lines separated by newlines or ';') and print a
                    transcript: the prompt and each line, then its output
  --script FILE     the same, reading the lines from FILE
  --seed N          seed for generated values such as MAC addresses (default 1)
  --record FILE     write the session log to FILE (JSON: the lab, the seed and
                    every line typed); \`hlab replay FILE\` prints it again

\`ssh HOST\` moves the following lines to HOST until \`exit\`, as in a real session.
Without -c or --script, an interactive shell starts when stdin is a terminal;
piped stdin is run like a script. The exit status is that of the last command.
`;

/** \`hlab replay --help\`. */
export const REPLAY_HELP = `Usage: hlab replay FILE

Replay the session log FILE (written by \`hlab sh --record FILE\`, or saved by the
sandbox): boot its lab with its seed, run its lines again and print the same
transcript \`hlab sh -c\` printed, byte for byte (prompt and line on stdout, output
on stdout and stderr). Exits with the last line's status; 1 if FILE is not a
valid session log (every problem is printed as FILE:LINE:COLUMN: path: message),
2 for a usage error or a file that cannot be read.
`;

/** \`hlab idmap --help\`. */
export const IDMAP_HELP = `Usage: hlab idmap --map HOST[:CT] [--map ...] [--uid-map HOST[:CT]] [--gid-map HOST[:CT]]

Plan the ID map of an unprivileged Proxmox container where host user/group HOST is
container user/group CT (CT defaults to HOST: a passthrough). --map applies to both the
user and the group ID, --uid-map and --gid-map to one; each takes a comma-separated list
and may be repeated. Everything else of the container's 0-65535 keeps Proxmox's offset
(container N = host 100000+N).

Prints the lxc.idmap lines for /etc/pve/lxc/VMID.conf, the /etc/subuid and /etc/subgid
lines root needs, and why each map line is there. Exit status: 0, 1 when the requests
cannot be mapped (a host or container ID asked for twice), 2 a usage error.
`;

/** \`hlab export --help\`. */
export const EXPORT_HELP = `Usage: hlab export LAB --out DIR [--only PART] [--pve 8|9] [--force]

Write LAB as a bundle to deploy on the real machines: one folder per host with its
scripts (ZFS pools and datasets, the iSCSI target, the initiator's logins, Proxmox
storages, subuid/subgid lines, pct create) and config files, and DIR/README.md, which
says in order what to run where. Every script is bash, safe to run again, and written
with mode 0755.

  -o, --out DIR     the folder to write (created if missing; it must be empty)
  --only PART       only one part: truenas, proxmox, zfs, tgt or targetcli
  --pve 8|9         the Proxmox VE version the files are for (default 9; 8 has no
                    per-mount-point idmap=, so those maps go into lxc.idmap)
  -f, --force       write into a non-empty DIR: files with the bundle's names are
                    replaced, other files are left alone

Exit status: 0 written, 1 an invalid lab or a folder that cannot be written, 2 a
usage error.
`;
