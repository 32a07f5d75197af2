/**
 * A host's iSCSI target (TrueNAS middleware shape in the lab) translated into what a plain
 * Linux target needs — targets, LUNs with their backing stores, the initiator names allowed,
 * CHAP accounts — with the same access meaning as the TrueNAS objects, for the tgtadm and
 * targetcli scripts. The rules (../shared/reference/iscsi.md):
 * - initiator groups list initiator *names*; SCST matches names only, so an IP address in a
 *   group matches nobody and is left out here too (never turned into an address ACL);
 * - a group with no initiator group, or an initiator group with an empty list, lets every
 *   initiator in; a target without groups lets nobody in;
 * - CHAP comes from the auth entries whose tag a group names; CHAP_MUTUAL adds the peer
 *   (outgoing) account;
 * - a disabled extent is not served; a target without LUNs still answers discovery.
 * A Linux target has one ACL per target, not one per portal group: the groups are merged
 * (any open group opens the target; CHAP applies when any group asks for it).
 */
import type { Host } from '../model/host';
import { fullTargetIqn } from '../model/iscsi-target';

/** A CHAP account. */
export interface ChapAccount {
  readonly user: string;
  readonly secret: string;
}

/** What a LUN serves. */
export type LunBacking = { readonly kind: 'zvol'; readonly name: string; readonly size: number } | { readonly kind: 'file'; readonly path: string; readonly size: number | null };

/** One LUN of a Linux target. */
export interface LinuxLun {
  /** The LUN number TrueNAS gives it (lunid). */
  readonly lunid: number;
  /** The extent's name (backstore names for targetcli). */
  readonly extent: string;
  readonly backing: LunBacking;
  readonly blocksize: number;
  readonly readonly: boolean;
  readonly serial: string | null;
}

/** One target of a Linux target. */
export interface LinuxTarget {
  /** 1.. in the lab's order (tgt's tid). */
  readonly tid: number;
  readonly iqn: string;
  readonly luns: readonly LinuxLun[];
  /** `all` or the initiator names allowed (possibly none). */
  readonly allowed: 'all' | readonly string[];
  /** Entries of the initiator groups that are not names (IP addresses): they match nobody. */
  readonly ignored: readonly string[];
  /** Incoming CHAP accounts (the initiator proves itself); empty: no CHAP. */
  readonly incoming: readonly ChapAccount[];
  /** Outgoing accounts for mutual CHAP (the target proves itself). */
  readonly outgoing: readonly ChapAccount[];
}

const isAddress = (entry: string): boolean => /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/.test(entry);

/** The Linux-target view of `host`'s iSCSI target (no targets when it has none). */
export function linuxTargets(host: Host): LinuxTarget[] {
  const cfg = host.iscsi?.target;
  if (!cfg) return [];
  return cfg.targets.map((target, index) => {
    let open = false;
    const names: string[] = [];
    const ignored: string[] = [];
    const incoming: ChapAccount[] = [];
    const outgoing: ChapAccount[] = [];
    const addAccount = (list: ChapAccount[], account: ChapAccount): void => {
      if (!list.some((a) => a.user === account.user)) list.push(account);
    };
    for (const group of target.groups) {
      const initiators = group.initiator === null ? null : cfg.initiators.find((i) => i.id === group.initiator);
      if (initiators === null || initiators === undefined || initiators.initiators.length === 0) open = true;
      else {
        for (const entry of initiators.initiators) {
          if (isAddress(entry)) {
            if (!ignored.includes(entry)) ignored.push(entry);
          } else if (!names.includes(entry)) names.push(entry);
        }
      }
      if (group.authmethod === 'NONE') continue;
      for (const auth of cfg.auths.filter((a) => a.tag === group.auth)) {
        addAccount(incoming, { user: auth.user, secret: auth.secret });
        if (group.authmethod === 'CHAP_MUTUAL' && auth.peeruser) addAccount(outgoing, { user: auth.peeruser, secret: auth.peersecret });
      }
    }
    const luns: LinuxLun[] = [];
    for (const te of [...cfg.targetextents].filter((t) => t.target === target.id).sort((a, b) => a.lunid - b.lunid)) {
      const extent = cfg.extents.find((e) => e.id === te.extent);
      if (!extent || !extent.enabled) continue;
      let backing: LunBacking | null = null;
      if (extent.type === 'DISK' && extent.disk?.startsWith('zvol/')) {
        const name = extent.disk.slice('zvol/'.length);
        backing = { kind: 'zvol', name, size: host.zvols.find((z) => z.name === name)?.size ?? 0 };
      } else if (extent.type === 'FILE' && extent.path !== undefined) backing = { kind: 'file', path: extent.path, size: extent.filesize ?? null };
      if (!backing) continue;
      luns.push({ lunid: te.lunid, extent: extent.name, backing, blocksize: extent.blocksize, readonly: extent.ro, serial: extent.serial ?? null });
    }
    return { tid: index + 1, iqn: fullTargetIqn(target, cfg.basename), luns, allowed: open ? 'all' : names, ignored, incoming, outgoing };
  });
}
