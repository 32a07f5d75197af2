/**
 * `/etc/iscsi/initiatorname.iscsi`: the file that names an open-iscsi initiator.
 */
// @sim export initiatorname.iscsi | open-iscsi 2.1 as packaged by Debian 12 (Proxmox VE 8): debian/extra/startup-checks.sh writes five `##` lines, then `InitiatorName=` (mode 600)

/** The header Debian's open-iscsi writes above the name when it generates one. */
const DEBIAN_HEADER = [
  '## DO NOT EDIT OR REMOVE THIS FILE!',
  '## If you remove this file, the iSCSI daemon will not start.',
  '## If you change the InitiatorName, existing access control lists',
  '## may reject this initiator.  The InitiatorName must be unique',
  '## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames.',
] as const;

/**
 * Render `/etc/iscsi/initiatorname.iscsi` for an initiator IQN, byte for byte as Debian's
 * open-iscsi package writes it on first start (`iscsi-iname -p iqn.1993-08.org.debian:01`
 * generates the name; the lab supplies it instead). The file ends with a newline.
 *
 * The IQN is written as given: the lab model has already checked it against RFC 3720.
 * @example renderInitiatorName('iqn.1993-08.org.debian:01:e7dd6e7909d')
 *   // '## DO NOT EDIT OR REMOVE THIS FILE!\n…\nInitiatorName=iqn.1993-08.org.debian:01:e7dd6e7909d\n'
 */
export function renderInitiatorName(iqn: string): string {
  return `${DEBIAN_HEADER.join('\n')}\nInitiatorName=${iqn}\n`;
}
