import { describe, expect, it } from 'vitest';
import { describeIscsiView, renderIscsiView } from '../../../../src/components/views/iscsi-view';
import { iscsiTopologyView } from '../../../../src/simulator/engines/iscsi';
import type { IscsiTopologyView } from '../../../../src/simulator/worker/api-types';
import { boot } from '../../shell/sim-fixture';
import { all, byClass, classes, focusable, parseXml, textOf, type XmlElement } from './xml-tree';
import { iscsiScenario, runAll } from './view-models';

const byKey = (svg: XmlElement, key: string) => all(svg).find((e) => e.attrs['data-key'] === key) as XmlElement;
const lanes = (svg: XmlElement) => byClass(svg, 'lane');

describe('the iSCSI view', () => {
  it('draws both hosts\' objects: service, portal, group, target, LUN → extent → zvol; the initiator name', () => {
    const model = iscsiTopologyView(iscsiScenario().world);
    const svg = parseXml(renderIscsiView(model));
    expect(focusable(svg).map((e) => e.attrs['data-key'])).toEqual(['thost:truenas', 'portal:truenas:1', 'igroup:truenas:1', 'target:truenas:1', 'lun:truenas:1:0', 'ihost:pve', 'link:0']);
    expect(textOf(byKey(svg, 'lun:truenas:1:0'))).toBe('LUN 0 → extent nextcloud zvol tank/nextcloud (zd0) · 1G');
    expect(textOf(byKey(svg, 'link:0'))).toBe('pve → nextcloud reachable: discovery and login would work');
    expect(lanes(svg).every((l) => classes(l).includes('reachable'))).toBe(true);
  });

  it('marks the failing link with its stage and reason, ending at the initiator group that hides the target', () => {
    const model = iscsiTopologyView(iscsiScenario(['192.168.5.146']).world);
    const svg = parseXml(renderIscsiView(model));
    const link = byKey(svg, 'link:0');
    expect(classes(link)).toContain('failing');
    expect(textOf(link)).toContain('✗ fails at acl: initiator group (SendTargets discovery)');
    expect(link.attrs['aria-label']).toContain('Why: initiator group 1 lists 192.168.5.146: an IP address matches no initiator name');
    const group = byKey(svg, 'igroup:truenas:1');
    expect(classes(group)).toEqual(expect.arrayContaining(['warning', 'fails-here']));
    expect(textOf(group)).toContain('⚠ IP entry matches no name ✗ link from pve stops here');
    expect(lanes(svg).length).toBeGreaterThan(0);
    expect(lanes(svg).every((l) => classes(l).includes('failing'))).toBe(true);
    expect(byClass(svg, 'fail-mark')).toHaveLength(1);
    expect(describeIscsiView(model)).toContain('fails at acl: initiator group (SendTargets discovery). initiator group 1 lists 192.168.5.146');
  });

  it('a stopped service stops the link at the host; after login the link is connected and the session shows its disk', () => {
    const s = iscsiScenario();
    runAll(s, ['ssh truenas', 'midclt call service.stop iscsitarget', 'exit']);
    const stopped = parseXml(renderIscsiView(iscsiTopologyView(s.world)));
    expect(classes(byKey(stopped, 'thost:truenas'))).toEqual(expect.arrayContaining(['stopped', 'fails-here']));
    expect(textOf(byKey(stopped, 'link:0'))).toContain('✗ fails at connect');
    runAll(s, ['ssh truenas', 'midclt call service.start iscsitarget', 'exit', 'iscsiadm -m discovery -t st -p 192.168.5.142', 'iscsiadm -m node -l']);
    const up = parseXml(renderIscsiView(iscsiTopologyView(s.world)));
    expect(textOf(byKey(up, 'session:pve:1'))).toBe('session 1 → nextcloud 192.168.5.142:3260 · sdb (LUN 0)');
    expect(textOf(byKey(up, 'link:0'))).toBe('pve → nextcloud ✓ connected: a session is up');
    expect(lanes(up).every((l) => classes(l).includes('connected'))).toBe(true);
    expect(byClass(up, 'fail-mark')).toEqual([]);
  });

  it('CHAP required but not offered: the link stops at the auth entry', () => {
    const model = iscsiTopologyView(iscsiScenario(undefined, true).world);
    const svg = parseXml(renderIscsiView(model));
    const auth = byKey(svg, 'auth:truenas:1');
    expect(textOf(auth)).toBe('auth 1 (tag 1) CHAP user pve ✗ link from pve stops here');
    expect(classes(auth)).toContain('fails-here');
    expect(textOf(byKey(svg, 'link:0'))).toContain('✗ fails at chap: CHAP authentication (login)');
    expect(byKey(svg, 'link:0').attrs['aria-label']).toContain('error 24');
  });

  it('an initiator name changed in the file but not yet loaded by iscsid says to restart it', () => {
    const model = structuredClone(iscsiTopologyView(iscsiScenario().world));
    const ih = model.initiatorHosts[0] as IscsiTopologyView['initiatorHosts'][number];
    ih.name = 'iqn.1993-08.org.debian:01:newname';
    const node = byKey(parseXml(renderIscsiView(model)), 'ihost:pve');
    expect(classes(node)).toContain('warning');
    expect(textOf(node)).toBe('pve · iscsid running iqn.1993-08.org.debian:01:newname loaded: iqn.1993-08.org.debian:01:e7dd6e7909d restart iscsid to use the new name');
    expect(describeIscsiView(model)).toContain('(iscsid still uses iqn.1993-08.org.debian:01:e7dd6e7909d)');
  });

  it('says so when there is nothing: no objects, no links', () => {
    const model = iscsiTopologyView(boot().world);
    const svg = parseXml(renderIscsiView(model));
    expect(textOf(svg)).toContain('no portal or target yet');
    expect(textOf(svg)).toContain('no node records yet');
    expect(renderIscsiView({ targetHosts: [], initiatorHosts: [], links: [] })).toContain('No iSCSI target or initiator in this lab.');
  });

  it('keeps hostile names inert and caps many links', () => {
    const model = iscsiTopologyView(iscsiScenario(['192.168.5.146']).world);
    const evil = '<img src=x onerror=alert(1)>$(reboot)\u001b[2J';
    const hostile: IscsiTopologyView = structuredClone(model);
    const t = hostile.targetHosts[0] as IscsiTopologyView['targetHosts'][number];
    t.host = evil;
    (t.targets[0] as (typeof t.targets)[number]).luns[0]!.extent = evil;
    hostile.links = Array.from({ length: 12 }, (_, i) => ({ ...(model.links[0] as IscsiTopologyView['links'][number]), targetHost: evil, initiator: `${evil}${i}`, reason: evil, state: i === 11 ? 'failing' : 'reachable' }));
    const markup = renderIscsiView(hostile);
    const svg = parseXml(markup);
    expect(new Set(all(svg).map((e) => e.name))).toEqual(new Set(['svg', 'title', 'g', 'path', 'rect', 'text', 'circle']));
    expect(all(svg).flatMap((e) => Object.keys(e.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(markup).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(focusable(svg).some((e) => e.attrs['aria-label']?.startsWith('Target host <img src=x onerror=alert(1)>$(reboot)␛[2J'))).toBe(true);
    // 8 links listed, the failing one among them; 4 lanes.
    expect(focusable(svg).filter((e) => e.attrs['data-key']?.startsWith('link:')).map((e) => e.attrs['data-key'])).toEqual(['link:0', 'link:1', 'link:2', 'link:3', 'link:4', 'link:5', 'link:6', 'link:11']);
    expect(byClass(svg, 'more').map(textOf)).toContain('and 4 more links');
    expect(markup).toBe(renderIscsiView(structuredClone(hostile)));
  });
});
