/**
 * The usage lines `zfs` prints after a usage error (zfs_main.c get_usage, OpenZFS 2.3),
 * to stderr with status 2. Simplified: the property table that follows for list, get, set
 * and inherit is left out.
 */
// @sim zfs | OpenZFS 2.3 zfs_main.c get_usage: usage lines of the simulated subcommands
import type { CommandResult } from '../command-spec';

/** zfs_main.c get_usage help lines by subcommand. */
export const ZFS_HELP: Record<string, string> = {
  create: '\tcreate [-Pnpuv] [-o property=value] ... <filesystem>\n\tcreate [-Pnpsv] [-b blocksize] [-o property=value] ... -V <size> <volume>\n',
  destroy: '\tdestroy [-fnpRrv] <filesystem|volume>\n\tdestroy [-dnpRrv] <filesystem|volume>@<snap>[%<snap>][,...]\n\tdestroy <filesystem|volume>#<bookmark>\n',
  snapshot: '\tsnapshot [-r] [-o property=value] ... <filesystem|volume>@<snap> ...\n',
  rollback: '\trollback [-rRf] <snapshot>\n',
  diff: '\tdiff [-FHth] <snapshot> [snapshot|filesystem]\n',
  clone: '\tclone [-p] [-o property=value] ... <snapshot> <filesystem|volume>\n',
  promote: '\tpromote <clone-filesystem>\n',
  rename: '\trename [-f] <filesystem|volume|snapshot> <filesystem|volume|snapshot>\n\trename -p [-f] <filesystem|volume> <filesystem|volume>\n\trename -u [-f] <filesystem> <filesystem>\n\trename -r <snapshot> <snapshot>\n',
  mount: '\tmount [-j [--json-int]]\n\tmount [-flvO] [-o opts] <-a|-R filesystem|filesystem>\n',
  unmount: '\tunmount [-fu] <-a | filesystem|mountpoint>\n',
  list: '\tlist [-Hp] [-j [--json-int]] [-r|-d max] [-o property[,...]] [-s property]...\n\t    [-S property]... [-t type[,...]] [filesystem|volume|snapshot] ...\n',
  set: '\tset [-u] <property=value> ... <filesystem|volume|snapshot> ...\n',
  inherit: '\tinherit [-rS] <property> <filesystem|volume|snapshot> ...\n',
  get: '\tget [-rHp] [-j [--json-int]] [-d max] [-o "all" | field[,...]]\n\t    [-t type[,...]] [-s source[,...]]\n\t    <"all" | property[,...]> [filesystem|volume|snapshot|bookmark] ...\n',
};

/** A usage error: `message` (if any), then "usage:" and the subcommand's lines, status 2. */
export function zfsUsage(sub: string, message?: string): CommandResult {
  return { stdout: '', stderr: `${message ? `${message}\n` : ''}usage:\n${ZFS_HELP[sub] ?? ''}`, exitCode: 2 };
}
