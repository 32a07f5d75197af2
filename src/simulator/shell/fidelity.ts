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
  'Every variable counts as exported. Variables and the working directory belong to the login shell: a new `ssh` login starts fresh, as a real one does.',
  'Files derived from the lab (/etc/hostname, /etc/passwd, /etc/pve/...) cannot be changed by hand: writing one says "Read-only file system" (under /proc and /sys, "Permission denied"). Change the lab or use the tools. Your own files can be written anywhere else, up to the size of the filesystem they are on.',
  '/etc/passwd and /etc/group hold Debian\'s base-passwd accounts and the lab\'s users and groups; accounts that packages add (systemd\'s, postfix\'s...) are left out.',
  'Every shell has the umask 022 (there is no umask builtin); file times are shown in UTC, and files keep no birth time.',
  'The kernel version in /proc/version is a representative build for the host kind.',
  'On the zsh host (TrueNAS), exit prints no "logout", a glob that matches nothing is an error, and unquoted variables are not split into words, as in zsh.',
  'One history is kept for the whole session, across hosts.',
  'In the hlab REPL, Ctrl-D ends the session rather than only leaving an ssh host.',
];
