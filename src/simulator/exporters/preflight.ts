/**
 * `preflight.sh` for each host: a read-only script, run on the real machine before anything
 * of the bundle is applied, that checks what the bundle takes for granted and prints one
 * line per check (preflight-checks.ts): the disks of pools still to be made are present and
 * blank, pools that exist are the lab's, existing zvols have the lab's size, the
 * /etc/subuid and /etc/subgid ranges fit, the initiator name, the TrueNAS version, and —
 * from an initiator — every portal it logs in to is reachable and its sendtargets
 * discovery returns the lab's target (so run an initiator's preflight once its target is
 * set up). Exit status 1 when any check would make the bundle fail.
 *
 * Simplified: a pool that exists counts as the lab's (its layout is not compared); disks
 * are found by their kernel names (sdb), as the lab writes them.
 */
// @sim export preflight.sh | read-only checks with util-linux lsblk(8) -dnbo SIZE / -nro NAME / FSTYPE / MOUNTPOINT, zpool-list(8) -H, zfs-get(8) -Hp volsize, subuid(5), open-iscsi iscsiadm(8) -m discovery -t sendtargets -o nonpersistent (libiscsi iscsi-ls as fallback), TrueNAS 25.10 system.info version, bash /dev/tcp with coreutils timeout(1)
import { parsePortalAddress } from '../model/iscsi-initiator';
import { parseSubidEntry } from '../model/user';
import { type Host } from '../model/host';
import { type Lab } from '../model/lab';
import type { ExportFile, ExportOptions } from './bundle-types';
import { PREFLIGHT_END, PREFLIGHT_PRELUDE } from './preflight-checks';
import { shellLine, shq } from './shell-quote';
import { truenasPlan } from './truenas-call-plan';

/** `HOST:PORT` as iscsiadm -p and iscsi:// URLs take it (IPv6 in brackets). */
function portalText(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The pool and disk checks. */
function poolLines(host: Host): string[] {
  const needed = new Set(host.kind === 'truenas' ? truenasPlan(host).pools : []);
  const lines: string[] = [];
  for (const pool of host.pools) {
    lines.push(`if pool_exists ${shq(pool.name)}; then`, `  ok pool ${shq(pool.name)} exists`, 'else');
    if (needed.has(pool.name)) lines.push(`  differs pool ${shq(pool.name)} 'does not exist: create it (Storage > Create Pool) before truenas-iscsi.sh'`);
    else lines.push(`  note pool ${shq(pool.name)} 'does not exist yet: zfs-setup.sh creates it on these disks'`);
    for (const disk of pool.vdevs.flatMap((v) => v.disks)) {
      const size = host.disks.find((d) => d.name === disk)?.size ?? 0;
      lines.push(`  ${shellLine('check_free_disk', disk, size)}`);
    }
    lines.push('fi');
  }
  for (const zvol of host.zvols) lines.push(shellLine('check_zvol', zvol.name, zvol.size));
  return lines;
}

/** The subuid/subgid checks. */
function subidLines(host: Host): string[] {
  const lines: string[] = [];
  for (const [file, entries] of [['subuid', host.subuid], ['subgid', host.subgid]] as const) {
    for (const entry of entries ?? []) {
      const range = parseSubidEntry(entry);
      if (range) lines.push(shellLine('check_subid', file, range.user, range.start, range.count));
    }
  }
  return lines;
}

/** The portals and targets an initiator host logs in to: its sessions and its iSCSI storage entries. */
function initiatorTargets(host: Host): { host: string; port: number; target: string }[] {
  const found: { host: string; port: number; target: string }[] = [];
  const add = (portal: string, target: string): void => {
    const parsed = parsePortalAddress(portal);
    if (parsed && !found.some((f) => f.host === parsed.host && f.port === parsed.port && f.target === target)) found.push({ ...parsed, target });
  };
  for (const session of host.iscsi?.initiator?.sessions ?? []) add(session.portal, session.target);
  for (const storage of host.proxmox?.storage ?? []) {
    if (storage.type === 'iscsi' && storage.portal !== undefined && storage.target !== undefined) add(storage.portal, storage.target);
  }
  return found;
}

/** The initiator checks: name, portals, discovery. */
function initiatorLines(host: Host): string[] {
  const initiator = host.iscsi?.initiator;
  if (!initiator) return [];
  const lines = [shellLine('check_initiator', initiator.name)];
  const targets = initiatorTargets(host);
  const portals = [...new Map(targets.map((t) => [portalText(t.host, t.port), t])).values()];
  for (const p of portals) lines.push(shellLine('check_portal', p.host, p.port));
  const chap = initiator.chap ? [initiator.chap.username, initiator.chap.password] : [];
  for (const t of targets) lines.push(shellLine('check_discovery', portalText(t.host, t.port), t.target, initiator.name, ...chap));
  return lines;
}

/** The preflight script of one host, or null when there is nothing to check there. */
export function renderPreflight(host: Host): string | null {
  const sections: [string, string[]][] = [
    ['TrueNAS', host.kind === 'truenas' ? ['check_truenas_version'] : []],
    ['Disks, pools and zvols', poolLines(host)],
    ['Subordinate ids (/etc/subuid, /etc/subgid)', subidLines(host)],
    ['iSCSI initiator', initiatorLines(host)],
  ];
  const body = sections.filter(([, lines]) => lines.length > 0).flatMap(([title, lines]) => ['', `# ${title}`, ...lines]);
  if (body.length === 0) return null;
  return `${PREFLIGHT_PRELUDE}${body.join('\n')}\n${PREFLIGHT_END}`;
}

/** A `<host>/preflight.sh` for every host with something to check. */
export function preflightFiles(lab: Lab, _options: ExportOptions): ExportFile[] {
  return lab.hosts.flatMap((host) => {
    const content = renderPreflight(host);
    if (content === null) return [];
    return [
      {
        path: `${host.name}/preflight.sh`,
        content,
        executable: true,
        summary:
          'Read-only checks of this host before anything is applied: prints `ok`, `DIFF` (would fail: fix first) or `note` per check and exits 1 on any DIFF. On an initiator, run it again once the target is set up: it checks the portal and discovery.',
        order: 0,
        host: host.name,
      },
    ];
  });
}
