/**
 * The usage lines `zpool` prints after a usage error (zpool_main.c get_usage, OpenZFS 2.3),
 * on stderr with status 2.
 */
// @sim zpool | OpenZFS 2.3 zpool_main.c get_usage: usage lines of the simulated subcommands
import type { CommandResult } from '../command-spec';

/** zpool_main.c get_usage help lines by subcommand. */
export const ZPOOL_HELP: Record<string, string> = {
  add: '\tadd [-afgLnP] [-o property=value] <pool> <vdev> ...\n',
  attach: '\tattach [-fsw] [-o property=value] <pool> <vdev> <new-device>\n',
  detach: '\tdetach <pool> <device>\n',
  offline: '\toffline [--power]|[[-f][-t]] <pool> <device> ...\n',
  online: '\tonline [--power][-e] <pool> <device> ...\n',
  remove: '\tremove [-npsw] <pool> <device> ...\n',
  replace: '\treplace [-fsw] [-o property=value] <pool> <device> [new-device]\n',
  clear: '\tclear [[--power]|[-nF]|-X] <pool> [device]\n',
  create: '\tcreate [-fnd] [-o property=value] ... \n\t    [-O file-system-property=value] ... \n\t    [-m mountpoint] [-R root] <pool> <vdev> ...\n',
  destroy: '\tdestroy [-f] <pool>\n',
  export: '\texport [-f] <pool> ...\n',
  import: '\timport [-d dir] [-D]\n\timport [-o mntopts] [-o property=value] ... \n\t    [-d dir | -c cachefile] [-D] [-l] [-f] [-m] [-N] [-R root] [-F [-n]] -a\n\timport [-o mntopts] [-o property=value] ... \n\t    [-d dir | -c cachefile] [-D] [-l] [-f] [-m] [-N] [-R root] [-F [-n]]\n\t    [--rewind-to-checkpoint] <pool | id> [newpool]\n',
  get: '\tget [-Hp] [-j [--json-int, --json-pool-key-guid]]\n\t    [-o "all" | field[,...]] <"all" | property[,...]> <pool> ...\n',
  set: '\tset <property=value> <pool>\n',
  history: '\thistory [-il] [<pool>] ...\n',
  iostat: '\tiostat [[[-c [script1,script2,...][-lq]]|[-rw]] [-T d | u] [-ghHLpPvy]\n\t    [[pool ...]|[pool vdev ...]|[vdev ...]] [[-n] interval [count]]\n',
  list: '\tlist [-gHLpPv] [-o property[,...]] [-j [--json-int, --json-pool-key-guid]]\n\t    [-T d|u] [pool] ... [interval [count]]\n',
  scrub: '\tscrub [-e | -s | -p | -C] [-w] <pool> ...\n',
  wait: '\twait [-Hp] [-T d|u] [-t <activity>[,...]] <pool> [interval]\n',
  status: '\tstatus [-DdegiLPpstvx] [-c script1[,script2,...]] ...\n\t    [-j|--json [--json-flat-vdevs] [--json-int] [--json-pool-key-guid]]\n\t    [-T d|u] [--power] [pool] ... [interval [count]]\n',
};

/** A usage error: `message` (if any), then "usage:" and the subcommand's lines, status 2. */
export function zpoolUsage(sub: string, message?: string): CommandResult {
  return { stdout: '', stderr: `${message ? `${message}\n` : ''}usage:\n${ZPOOL_HELP[sub] ?? ''}`, exitCode: 2 };
}
