import { describe, expect, it } from 'vitest';
import { iscsiLogins, normalPortal, renderIscsiSetup } from '../../../src/simulator/exporters/iscsi-setup-script';
import { HostSchema } from '../../../src/simulator/model';

const IQN = 'iqn.2005-10.org.freenas.ctl:nc';
const host = (initiator: Record<string, unknown> | undefined, storage: unknown[] = []) =>
  HostSchema.parse({ name: 'pve', kind: 'proxmox', ...(initiator ? { iscsi: { initiator } } : {}), proxmox: { storage } });

describe('iscsi-setup.sh', () => {
  it('writes iscsiadm portals as IP:PORT, [IPv6]:PORT for IPv6, with 3260 when the lab leaves the port out', () => {
    expect(normalPortal('192.168.5.142')).toBe('192.168.5.142:3260');
    expect(normalPortal('192.168.5.142:3261')).toBe('192.168.5.142:3261');
    expect(normalPortal('[fd00::5]')).toBe('[fd00::5]:3260');
  });

  it('logs in once per target, from the sessions and the iscsi storages', () => {
    const h = host({ name: 'iqn.1993-08.org.debian:01:abc', sessions: [{ portal: '192.168.5.142:3260', target: IQN }] }, [{ id: 'tn', type: 'iscsi', portal: '192.168.5.142', target: IQN, content: ['none'] }]);
    expect(iscsiLogins(h)).toEqual([{ portal: '192.168.5.142:3260', target: IQN }]);
  });

  it('sets mutual CHAP with iscsid.conf\'s names, quoting the secrets, then node.startup and login', () => {
    const h = host({ name: 'iqn.1993-08.org.debian:01:abc', sessions: [{ portal: '192.168.5.142', target: IQN }], chap: { username: 'pve', password: "it's $ecret", username_in: 'nas', password_in: 'back`at`you' } });
    const node = `iscsiadm -m node -T ${IQN} -p 192.168.5.142:3260 -o update -n`;
    expect(renderIscsiSetup(h)).toContain(
      [
        `discover 192.168.5.142:3260 ${IQN}`,
        `${node} node.session.auth.authmethod -v CHAP`,
        `${node} node.session.auth.username -v pve`,
        `${node} node.session.auth.password -v 'it'\\''s $ecret'`,
        `${node} node.session.auth.username_in -v nas`,
        `${node} node.session.auth.password_in -v 'back\`at\`you'`,
        `${node} node.startup -v automatic`,
        `logged_in ${IQN} || iscsiadm -m node -T ${IQN} -p 192.168.5.142:3260 --login`,
      ].join('\n'),
    );
  });

  it('is left out for a host without an initiator, and says so when there is nothing to log in to', () => {
    expect(renderIscsiSetup(host(undefined))).toBeNull();
    expect(renderIscsiSetup(host({ name: 'iqn.1993-08.org.debian:01:abc' }))).toContain('nothing to log in to');
  });
});
