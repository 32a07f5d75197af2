/**
 * `iscsi-setup.sh`: the open-iscsi side of a Proxmox host, as a script: the initiator name,
 * then for every target the lab logs in to (its sessions and its `iscsi:` storages)
 * discovery, CHAP, `node.startup = automatic` and login.
 */
// @sim export iscsi-setup.sh | open-iscsi 2.1.11 iscsiadm(8): -m discovery -t sendtargets, -m node -o update -n node.startup/node.session.auth.*, --login, -m session
import { parsePortalAddress } from '../model/iscsi-initiator';
import { type Host } from '../model/host';
import { bashScript } from './script-text';
import { shq } from './shell-quote';

/** One target to log in to. */
export interface IscsiLogin {
  /** `IP:PORT` (`[IPv6]:PORT`), the form iscsiadm prints in node records. */
  readonly portal: string;
  /** Full target IQN. */
  readonly target: string;
}

/** `192.168.5.142` → `192.168.5.142:3260`; `[fd00::1]` → `[fd00::1]:3260` (iscsiadm's default port). */
export function normalPortal(text: string): string {
  const parsed = parsePortalAddress(text);
  if (!parsed) return text;
  const host = parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host;
  return `${host}:${parsed.port}`;
}

/**
 * The targets a host logs in to: its initiator's sessions, then its `iscsi:` storage
 * entries (Proxmox's ISCSIPlugin logs in to those itself, but only while the storage is
 * active; a node record with `node.startup = automatic` survives reboots), without repeats.
 */
export function iscsiLogins(host: Host): IscsiLogin[] {
  const seen = new Set<string>();
  const out: IscsiLogin[] = [];
  const add = (portal: string, target: string): void => {
    const login = { portal: normalPortal(portal), target };
    const key = `${login.portal} ${login.target}`;
    if (!seen.has(key)) out.push(login);
    seen.add(key);
  };
  for (const session of host.iscsi?.initiator?.sessions ?? []) add(session.portal, session.target);
  for (const storage of host.proxmox?.storage ?? []) if (storage.type === 'iscsi') add(storage.portal, storage.target);
  return out;
}

/**
 * The script for `host`, or null when it has no initiator. It installs the bundle's
 * `etc/iscsi/initiatorname.iscsi` (mode 600, as Debian's package writes it) when the name
 * differs and restarts iscsid; then per target: discovery must list it (else it stops and
 * says what discovery found), CHAP settings when the initiator declares them
 * (`node.session.auth.authmethod CHAP`, `username`, `password`, and `username_in`/
 * `password_in` for mutual CHAP, iscsid.conf's names), `node.startup automatic`, and login
 * unless a session to that target exists. Every lab value goes through shq().
 */
export function renderIscsiSetup(host: Host): string | null {
  const initiator = host.iscsi?.initiator;
  if (!initiator) return null;
  const body: string[] = [
    '# discover PORTAL TARGET: sendtargets discovery at PORTAL must list TARGET.',
    'discover() {',
    '  local found',
    '  found=$(iscsiadm -m discovery -t sendtargets -p "$1")',
    "  if ! awk -v t=\"$2\" '$2 == t { f = 1 } END { exit !f }' <<<\"$found\"; then",
    '    echo "iscsi-setup: discovery at $1 does not list $2; it found: ${found:-nothing}" >&2',
    '    exit 1',
    '  fi',
    '}',
    '',
    '# logged_in TARGET: true when a session to TARGET exists (iscsiadm -m session exits 21 when there is none).',
    'logged_in() {',
    '  local sessions',
    '  sessions=$(iscsiadm -m session 2>/dev/null || true)',
    "  awk -v t=\"$1\" '$4 == t { f = 1 } END { exit !f }' <<<\"$sessions\"",
    '}',
    '',
    'here=$(dirname "$(readlink -f "$0")")',
    `if ! grep -qxF ${shq(`InitiatorName=${initiator.name}`)} /etc/iscsi/initiatorname.iscsi 2>/dev/null; then`,
    '  install -m 600 "$here/etc/iscsi/initiatorname.iscsi" /etc/iscsi/initiatorname.iscsi',
    '  systemctl restart iscsid',
    'fi',
  ];
  const logins = iscsiLogins(host);
  for (const { portal, target } of logins) {
    const node = `iscsiadm -m node -T ${shq(target)} -p ${shq(portal)} -o update -n`;
    body.push('', `# ${target} at ${portal}`, `discover ${shq(portal)} ${shq(target)}`);
    const chap = initiator.chap;
    if (chap) {
      body.push(`${node} node.session.auth.authmethod -v CHAP`);
      body.push(`${node} node.session.auth.username -v ${shq(chap.username)}`);
      body.push(`${node} node.session.auth.password -v ${shq(chap.password)}`);
      if (chap.username_in !== undefined) body.push(`${node} node.session.auth.username_in -v ${shq(chap.username_in)}`);
      if (chap.password_in !== undefined) body.push(`${node} node.session.auth.password_in -v ${shq(chap.password_in)}`);
    }
    body.push(`${node} node.startup -v automatic`);
    body.push(`logged_in ${shq(target)} || iscsiadm -m node -T ${shq(target)} -p ${shq(portal)} --login`);
  }
  if (logins.length === 0) body.push('', '# The lab lists no sessions or iscsi storages for this host: nothing to log in to.');
  const about = [
    `iSCSI initiator setup for host ${host.name} (open-iscsi): the initiator name, then for each`,
    'target: discovery, CHAP if the lab declares it, node.startup = automatic, login.',
    `Run as root on ${host.name} from the bundle's ${host.name}/ folder. Safe to run again.`,
  ];
  return bashScript(about, body);
}
