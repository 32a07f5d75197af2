/**
 * Labs for the target-side real-tool tests: a Linux target on loopback with five targets
 * that cover the access rules (IQN list, open, CHAP, an IP address that matches nobody, no
 * LUN) and an initiator host that logs in to one of them.
 */
import { formatIssue, parseLab, type Lab } from '../../../src/simulator/model';

/** The initiator the lab allows on target `alpha`. */
export const IQN_A = 'iqn.1993-08.org.debian:01:aaaaaaaaaaaa';
/** The initiator the lab allows on target `secret`, with CHAP. */
export const IQN_B = 'iqn.1993-08.org.debian:01:bbbbbbbbbbbb';
/** An initiator no group lists. */
export const IQN_STRANGER = 'iqn.1993-08.org.debian:01:cccccccccccc';
/** The CHAP account of target `secret`. */
export const CHAP = { user: 'chapuser', secret: 'chapsecret12' };

/** The lab text: target host `nas` on 127.0.0.1:PORT, initiator host `pve` logging in to TARGET there. */
export function loopbackLabText(port: number, sessionTarget = 'alpha', sessionPort = port): string {
  return `version: 1
name: loopback target
hosts:
  - name: pve
    kind: linux
    subuid: ["root:100000:65536"]
    subgid: ["root:100000:65536"]
    iscsi:
      initiator:
        name: ${IQN_A}
        sessions:
          - { portal: "127.0.0.1:${sessionPort}", target: "iqn.2005-10.org.freenas.ctl:${sessionTarget}" }
  - name: nas
    kind: linux
    interfaces:
      - { name: lo, addresses: [127.0.0.1/8] }
    disks:
      - { name: sdb, size: 1G, type: hdd }
    pools:
      - { name: tank, vdevs: [{ type: stripe, disks: [sdb] }] }
    zvols:
      - { name: tank/a, size: 64M }
      - { name: tank/b, size: 32M }
      - { name: tank/c, size: 16M }
      - { name: tank/d, size: 16M }
      - { name: tank/e, size: 16M }
    iscsi:
      target:
        listen_port: ${port}
        portals:
          - { listen: [{ ip: 0.0.0.0 }] }
        initiators:
          - { initiators: ["${IQN_A}"] }
          - { initiators: ["${IQN_B}"] }
          - { initiators: ["127.0.0.1"] }
        auths:
          - { tag: 7, user: ${CHAP.user}, secret: ${CHAP.secret} }
        extents:
          - { name: a, disk: zvol/tank/a }
          - { name: b, disk: zvol/tank/b }
          - { name: c, disk: zvol/tank/c }
          - { name: d, disk: zvol/tank/d }
          - { name: e, disk: zvol/tank/e }
        targets:
          - { name: alpha, groups: [{ portal: 1, initiator: 1 }] }
          - { name: open, groups: [{ portal: 1 }] }
          - { name: secret, groups: [{ portal: 1, initiator: 2, authmethod: CHAP, auth: 7 }] }
          - { name: byip, groups: [{ portal: 1, initiator: 3 }] }
          - { name: nolun, groups: [{ portal: 1 }] }
        targetextents:
          - { target: 1, extent: 1 }
          - { target: 1, extent: 2 }
          - { target: 2, extent: 3 }
          - { target: 3, extent: 4 }
          - { target: 4, extent: 5 }
`;
}

/** Parses a lab text, throwing with every issue when it does not validate. */
export function mustParse(text: string): Lab {
  const result = parseLab(text);
  if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
  return result.lab;
}
