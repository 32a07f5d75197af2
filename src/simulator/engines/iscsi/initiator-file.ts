/**
 * `/etc/iscsi/initiatorname.iscsi` as an ordinary file of the root filesystem: written at
 * boot from the model (Debian's open-iscsi creates it once, mode 0600: debian/extra/
 * startup-checks.sh), then the reader's to `cat` and overwrite. iscsid reads it when it
 * starts; before that, Debian's iscsid.service runs startup-checks.sh (ExecStartPre), which
 * refuses a missing file or one without an `InitiatorName=` line.
 */
// @sim initiatorname.iscsi | Debian open-iscsi 2.1.11 debian/extra/startup-checks.sh (missing file, no valid InitiatorName line: exit 1) and usr/iscsid.c cfg_get_string_param(InitiatorName); the file written at boot with mode 0600
import { renderInitiatorName } from '../../exporters/iscsi-initiatorname';
import { rootVfs } from '../kernel/boot';
import type { World } from '../world';

/** open-iscsi's INITIATOR_NAME_FILE. */
export const INITIATOR_NAME_FILE = '/etc/iscsi/initiatorname.iscsi';

/** Writes the file as the package does (five `##` lines, then the name), mode 0600, root-owned. */
export function writeInitiatorFile(world: World, host: string, iqn: string): void {
  const vfs = rootVfs(world, host);
  if (vfs.write(INITIATOR_NAME_FILE, renderInitiatorName(iqn), false).ok) vfs.setattr(INITIATOR_NAME_FILE, { mode: 0o600, uid: 0, gid: 0 });
}

/** What startup-checks.sh and iscsid make of the file: the name, or the check that failed. */
export type InitiatorFileCheck = { ok: true; name: string } | { ok: false; lines: string[] };

const CANNOT_START = 'The iSCSI driver has not been correctly installed and cannot start.';

/**
 * startup-checks.sh, then iscsid's read of the name: `[ ! -f $NAMEFILE ]` → missing;
 * `grep -q "^InitiatorName=[^ \t\n]"` — in a bracket expression grep takes `\t` and `\n`
 * literally, so the first character of the name may not be a space, a backslash, `t` or
 * `n`; then cfg_get_string_param takes the value of the first `InitiatorName=` line.
 */
export function checkInitiatorFile(world: World, host: string): InitiatorFileCheck {
  const vfs = rootVfs(world, host);
  // test -f follows a symlink.
  const st = vfs.stat(INITIATOR_NAME_FILE, true);
  if (!st.ok || st.value.type !== 'file') return { ok: false, lines: ['', `Error: InitiatorName file ${INITIATOR_NAME_FILE} is missing!`, CANNOT_START, ''] };
  const read = vfs.read(INITIATOR_NAME_FILE);
  const lines = read.ok ? read.text.split('\n') : [];
  if (!lines.some((l) => /^InitiatorName=[^ \\tn]/.test(l))) return { ok: false, lines: ['', `Error: ${INITIATOR_NAME_FILE} does not contain a valid InitiatorName.`, CANNOT_START, ''] };
  const line = lines.map((l) => l.trimStart()).find((l) => l.startsWith('InitiatorName=')) as string;
  return { ok: true, name: line.slice('InitiatorName='.length).trim() };
}
