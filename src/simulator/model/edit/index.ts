/**
 * The model's edit API: every change to a Lab made by a command (`zfs create`, `pct set`,
 * `midclt call iscsi.target.create`) goes through here. An edit is applied to a copy, the
 * whole lab is validated with the same rules as a lab file, and only then does it replace
 * the live lab — so a refused edit changes nothing. Names Proxmox and TrueNAS derive
 * (container volumes, later iSCSI ids) are filled in here, not by exporters.
 */
import type { Host } from '../host';
import type { LabIssue } from '../issues';
import type { Lab } from '../lab';
import { validateLab } from '../lab-value';
import { nextContainerVolume, type StorageVolume } from './volume-names';

export { nextContainerVolume, type StorageVolume } from './volume-names';

/** A refused edit: a code for programs, the real tool's message for people, and the lab issues behind it. */
export interface EditError {
  code: string;
  message: string;
  issues?: LabIssue[];
}

/** What an edit returns. */
export type EditResult<T = null> = { ok: true; value: T } | { ok: false; error: EditError };

/**
 * Applies `change` to a copy of the lab; if the result is a valid lab, it replaces `lab`'s
 * contents (in place, so holders of `lab` see it) and `change`'s value is returned. The
 * change may refuse with its own error first (the real tool's message).
 */
export function editLab<T>(lab: Lab, change: (draft: Lab) => EditResult<T>): EditResult<T> {
  const draft = JSON.parse(JSON.stringify(lab)) as Lab;
  const result = change(draft);
  if (!result.ok) return result;
  const checked = validateLab(draft);
  if (!checked.ok) {
    const first = checked.errors[0];
    return { ok: false, error: { code: 'invalid', message: first ? first.message : 'invalid lab', issues: checked.errors } };
  }
  Object.assign(lab, checked.lab);
  return result;
}

/** The host of a draft by name, or an error in the caller's words. */
export function draftHost(lab: Lab, name: string): Host | undefined {
  return lab.hosts.find((h) => h.name === name);
}

/**
 * Names every container volume the lab left unnamed (`rootfs: {storage: local-zfs}` →
 * `subvol-101-disk-0`) as Proxmox's storage plugin would at `pct create`, in container
 * order, each taking the lowest free `disk-N` of its guest on that storage. Runs at boot.
 */
export function fillDerivedNames(lab: Lab): void {
  for (const host of lab.hosts) {
    for (const ct of host.containers ?? []) {
      const taken: StorageVolume[] = [];
      if (ct.rootfs?.volume) taken.push({ storage: ct.rootfs.storage, volume: ct.rootfs.volume });
      for (const m of ct.mounts) if (m.storage && m.volume) taken.push({ storage: m.storage, volume: m.volume });
      if (ct.rootfs && !ct.rootfs.volume) {
        ct.rootfs.volume = nextContainerVolume(host, ct.rootfs.storage, ct.vmid, taken);
        taken.push({ storage: ct.rootfs.storage, volume: ct.rootfs.volume });
      }
      for (const m of ct.mounts) {
        if (m.storage && !m.volume) {
          m.volume = nextContainerVolume(host, m.storage, ct.vmid, taken);
          taken.push({ storage: m.storage, volume: m.volume });
        }
      }
    }
  }
}

/**
 * Sets a host's hostname (`hostnamectl set-hostname`, or TrueNAS network.configuration.update):
 * validated as a DNS name by the lab rules.
 */
export function setHostname(lab: Lab, host: string, hostname: string): EditResult {
  return editLab(lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: `no host "${host}"` } };
    h.hostname = hostname;
    return { ok: true, value: null };
  });
}
