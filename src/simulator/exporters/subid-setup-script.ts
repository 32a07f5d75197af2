/**
 * `subid-setup.sh`: the /etc/subuid and /etc/subgid lines a Proxmox host's containers need,
 * appended only where missing.
 */
// @sim export subid-setup.sh | shadow subuid(5)/subgid(5) NAME:START:COUNT lines; lxc conf.c lxc_map_ids maps through newuidmap/newgidmap when installed, which checks them
import type { Host } from '../model/host';
import type { ExportOptions } from './bundle-types';
import { exportedIdmap, subidLines } from './pve-idmap-export';
import { bashScript } from './script-text';
import { shq } from './shell-quote';

/** The /etc/subuid and /etc/subgid lines a host needs (declared ones first), for `options.pve`. */
export function hostSubids(host: Host, options: ExportOptions): { subuid: string[]; subgid: string[] } {
  const maps = host.containers.filter((ct) => ct.unprivileged).map((ct) => exportedIdmap(ct, options));
  return { subuid: subidLines(host, maps, 'u'), subgid: subidLines(host, maps, 'g') };
}

/**
 * The script for a Proxmox host, or null when it needs no lines. `SUBUID` and `SUBGID` in
 * the environment point it at other files (a trial run on a copy).
 */
export function renderSubidSetup(host: Host, options: ExportOptions): string | null {
  const { subuid, subgid } = hostSubids(host, options);
  if (subuid.length === 0 && subgid.length === 0) return null;
  const body = [
    ': "${SUBUID:=/etc/subuid}" "${SUBGID:=/etc/subgid}"',
    '# add_line FILE LINE: append LINE to FILE unless FILE already has it.',
    'add_line() { touch "$1"; grep -qxF -- "$2" "$1" || printf \'%s\\n\' "$2" >>"$1"; }',
    ...subuid.map((line) => `add_line "$SUBUID" ${shq(line)}`),
    ...subgid.map((line) => `add_line "$SUBGID" ${shq(line)}`),
  ];
  const about = [
    `Gives root the subordinate user and group ids the containers of host ${host.name} map to.`,
    `Run as root on ${host.name} before pct-create.sh. Safe to run again: only missing lines are added.`,
  ];
  return bashScript(about, body);
}
