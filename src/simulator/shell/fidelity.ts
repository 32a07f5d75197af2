/**
 * How the shell itself differs from bash 5.2 (Proxmox VE, Debian) and zsh 5.9 (TrueNAS
 * SCALE). Per-command differences live in each command's `spec.simplified`; this list is
 * the part that belongs to the shell, and the "What is simulated" page prints it.
 */
export const SHELL_SIMPLIFICATIONS: readonly string[] = [
  'Command substitution ($(...) and backquotes) is refused with a message, never run; so is arithmetic expansion $((...)).',
  'History expansion (!!, !$, !cmd) is not performed: `!` is an ordinary character except as a pipeline\'s leading `!`.',
  'Subshells, background jobs (&), here-documents, if/for/while/case and functions are refused as not simulated.',
  'Parameter expansion covers $NAME, ${NAME}, $? and ~; forms such as ${NAME:-default} are refused with bash\'s "bad substitution".',
  'Every variable counts as exported; each host keeps its own variables and working directory.',
  'Files derived from the lab (/etc/hostname, /etc/pve/..., /etc/iscsi/..., /proc/...) cannot be overwritten: a redirection into them says "Read-only file system" (or "Permission denied" under /proc). Your own files can be written anywhere else, up to 1 MiB each and 8 MiB per host.',
  '/etc/passwd and /etc/group hold the lab\'s users and groups plus nobody/nogroup, not every Debian system account.',
  'The kernel version in /proc/version is a representative build for the host kind.',
  'On the zsh host (TrueNAS), exit prints no "logout", a glob that matches nothing is an error, and unquoted variables are not split into words, as in zsh.',
  'One history is kept for the whole session, across hosts.',
  'In the hlab REPL, Ctrl-D ends the session rather than only leaving an ssh host.',
];
