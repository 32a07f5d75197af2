import { describe, expect, it } from 'vitest';
import { describeNamespacesView, renderNamespacesView } from '../../../../src/components/views/namespaces-view';
import { namespacesView } from '../../../../src/simulator/engines/proxmox';
import type { NamespacesView } from '../../../../src/simulator/worker/api-types';
import { boot } from '../../shell/sim-fixture';
import { all, byClass, classes, focusable, parseXml, textOf, type XmlElement } from './xml-tree';
import { containerScenario, runAll, TEMPLATE } from './view-models';

const model = (s: ReturnType<typeof boot>, vmid = 101) => namespacesView(s.world, 'pve', vmid) as NamespacesView;
const byKey = (svg: XmlElement, key: string) => all(svg).find((e) => e.attrs['data-key'] === key) as XmlElement;
const mapLine = (row: XmlElement) => all(row).find((e) => e.name === 'path' && classes(e).includes('map'));

describe('the namespaces view', () => {
  it('draws the default map as mapping lines: uid 0–65535 inside are 100000–165535 on the host', () => {
    const svg = parseXml(renderNamespacesView(model(containerScenario()), { host: 'pve' }));
    const uid = byKey(svg, 'map:0');
    expect(uid.attrs['aria-label']).toBe('uid 0–65535 in the container are uid 100000–165535 on the host (lxc.idmap u 0 100000 65536)');
    expect(textOf(uid)).toBe('uid 0–65535 uid 100000–165535');
    expect(mapLine(uid)?.attrs['marker-end']).toBe('url(#ns-arrow)');
    expect(textOf(byKey(svg, 'map:1'))).toBe('gid 0–65535 gid 100000–165535');
    expect(textOf(byKey(svg, 'container'))).toBe('CT 101 (web) running · unprivileged');
    expect(byClass(svg, 'heading').map(textOf).slice(0, 2)).toEqual(['inside CT 101', 'on pve']);
  });

  it('shows the same processes with both PIDs and UIDs, and root as 100000 on the host', () => {
    const m = model(containerScenario());
    const svg = parseXml(renderNamespacesView(m, { host: 'pve' }));
    const init = m.processes[0] as NamespacesView['processes'][number];
    const row = byKey(svg, `proc:${init.hostPid}`);
    expect(row.attrs['aria-label']).toBe(`Process /sbin/init: PID 1 uid 0 in the container is PID ${init.hostPid} uid 100000 on the host`);
    expect(mapLine(row)).toBeDefined();
    expect(textOf(row)).toContain(`PID 1 · uid 0 /sbin/init PID ${init.hostPid} · uid 100000`);
    const root = byKey(svg, 'user:0:root');
    expect(root.attrs['aria-label']).toBe('User root: uid 0 in the container is uid 100000 on the host');
    expect(byClass(svg, 'more').map(textOf)).toEqual(['and 1 more processes', 'and 14 more users']);
    expect(textOf(byKey(svg, 'mount:/'))).toBe('/ rootfs local-zfs:subvol-101- disk-0 storage volume');
    expect(describeNamespacesView(m, 'pve')).toContain('root (uid 0) is uid 100000 on the host');
  });

  it('says when a map entry passes IDs through unchanged (the family-share map)', () => {
    const m = model(containerScenario());
    const passthrough: NamespacesView = { ...m, idmap: [{ type: 'u', container: 0, host: 100000, count: 1000 }, { type: 'u', container: 1000, host: 1000, count: 3 }] };
    const row = byKey(parseXml(renderNamespacesView(passthrough)), 'map:1');
    expect(textOf(row)).toBe('uid 1000–1002 uid 1000–1002 (same)');
    expect(classes(row)).toContain('passthrough');
    expect(row.attrs['aria-label']).toBe('uid 1000–1002 in the container are uid 1000–1002 on the host (passthrough: the same IDs) (lxc.idmap u 1000 1000 3)');
  });

  it('marks users outside a custom map as unmapped (nobody on the host), not by colour alone', () => {
    const m = model(containerScenario());
    const narrowed: NamespacesView = {
      ...m,
      idmap: [{ type: 'u', container: 0, host: 100000, count: 1000 }, { type: 'g', container: 0, host: 100000, count: 1000 }],
      users: [...m.users.filter((u) => u.containerUid < 1000), { name: 'anna', containerUid: 1000, hostUid: 65534 }],
    };
    const svg = parseXml(renderNamespacesView(narrowed));
    const anna = byKey(svg, 'user:1000:anna');
    expect(classes(anna)).toContain('unmapped');
    expect(textOf(anna)).toBe('anna · uid 1000 uid 65534 (nobody) not in the map');
    expect(classes(mapLine(anna) as XmlElement)).toContain('unmapped');
    expect(describeNamespacesView(narrowed)).toContain('not in the map, shown as nobody (65534): anna (1000)');
  });

  it('a privileged, stopped container: no map, no processes, said in words', () => {
    const s = runAll(boot(), [`pct create 102 ${TEMPLATE} --storage local-zfs --unprivileged 0`]);
    const m = model(s, 102);
    const svg = parseXml(renderNamespacesView(m));
    expect(textOf(svg)).toContain('ID map: none (privileged)');
    expect(textOf(svg)).toContain('not running: no processes');
    expect(byKey(svg, 'user:0:root').attrs['aria-label']).toBe('User root: uid 0 in the container is uid 0 on the host');
    expect(describeNamespacesView(m)).toContain('No ID map: every user and group ID inside is the same ID on the host.');
  });

  it('keeps hostile user names, commands and mount paths inert, and is deterministic', () => {
    const m = model(containerScenario());
    const hostile: NamespacesView = {
      ...m,
      hostname: '<script>alert(1)</script>',
      users: [{ name: '<img src=x onerror=alert(1)>', containerUid: 1000, hostUid: 101000 }],
      processes: [{ hostPid: 9, containerPid: 1, hostUid: 100000, containerUid: 0, command: 'sh -c "$(reboot)" \u001b]0;owned\u0007' }],
      mounts: [{ path: '/mnt/"><svg onload=alert(1)>', source: '/tank/\u202etxt.exe', kind: 'bind', readOnly: true }],
    };
    const markup = renderNamespacesView(hostile);
    expect(markup).toBe(renderNamespacesView(structuredClone(hostile)));
    const svg = parseXml(markup);
    expect(new Set(all(svg).map((e) => e.name))).toEqual(new Set(['svg', 'title', 'defs', 'marker', 'path', 'g', 'rect', 'text']));
    expect(all(svg).flatMap((e) => Object.keys(e.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(markup).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(focusable(svg).map((e) => e.attrs['aria-label'])).toContain('User <img src=x onerror=alert(1)>: uid 1000 in the container is uid 101000 on the host');
    expect(textOf(svg)).toContain('PID 1 · uid 0 sh -c "$(reboot)" ␛]…');
    expect(byKey(svg, 'proc:9').attrs['aria-label']).toBe('Process sh -c "$(reboot)" ␛]0;owned␇: PID 1 uid 0 in the container is PID 9 uid 100000 on the host');
    expect(textOf(byKey(svg, 'mount:/mnt/"><svg onload=alert(1)>'))).toBe('/mnt/ "><svg onload=alert(… bind · read-only /tank/\\u202etxt.exe host directory');
    expect(describeNamespacesView(hostile)).toContain('/mnt/"><svg onload=alert(1)> ← /tank/\\u202etxt.exe (bind, read-only)');
  });
});
