import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../../../src/simulator/engines';
import { initiatorState, loginNode, logoutSession, sendTargets, startIscsid, stopIscsid, stopTargetService, defaultNodeRecord, writeInitiatorFile } from '../../../../src/simulator/engines/iscsi';
import { parseLab, type Lab } from '../../../../src/simulator/model';
import { starterLab } from '../../../unit/shell/sim-fixture';
import { Tgtd, type RealTarget } from './tgtd';

// The simulator's SendTargets and login answers against a real target: each generated
// TrueNAS configuration (initiator groups holding IQNs, an IP address, or nothing; several
// targets; LUNs or none) is booted in the simulator and given to tgtd with name-only ACLs;
// for several initiator names, the targets each sees and the disks behind each must match
// what libiscsi's iscsi-ls sees through tgtd.

const BASENAME = 'iqn.2005-10.org.freenas.ctl';
const ENTRIES = ['iqn.1993-08.org.debian:01:e7dd6e7909d', 'iqn.1993-08.org.debian:01:5d3c9a1b2f4', '192.168.5.146', 'iqn.2024-01.lan.home:backup'];
const PROBES = ['iqn.1993-08.org.debian:01:e7dd6e7909d', 'iqn.1993-08.org.debian:01:5d3c9a1b2f4', 'iqn.2024-01.lan.home:nobody'];
const RUNS = 300;

interface Config {
  groups: string[][];
  targets: { group: number | null; luns: number }[];
}

const config: fc.Arbitrary<Config> = fc.record({
  groups: fc.array(fc.subarray(ENTRIES), { minLength: 1, maxLength: 2 }),
  targets: fc.array(fc.record({ group: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), luns: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 3 }),
});

/** The starter lab with six 64 MiB zvols and the TrueNAS objects of `c`. */
function labFor(c: Config): Lab {
  const raw = structuredClone(starterLab) as unknown as { hosts: Record<string, unknown>[] };
  const truenas = raw.hosts.find((h) => h['name'] === 'truenas') as Record<string, unknown>;
  truenas['pools'] = [...(truenas['pools'] as unknown[]), { name: 'tank', vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }] }];
  truenas['zvols'] = Array.from({ length: 6 }, (_, i) => ({ name: `tank/z${i}`, size: 64 * 2 ** 20, sparse: true }));
  const groups = c.groups.map((initiators, i) => ({ id: i + 1, initiators }));
  let extent = 0;
  const extents: unknown[] = [];
  const targetextents: unknown[] = [];
  const targets = c.targets.map((t, i) => {
    for (let l = 0; l < t.luns; l++) {
      extents.push({ id: extent + 1, name: `e${extent}`, disk: `zvol/tank/z${extent}` });
      targetextents.push({ target: i + 1, extent: extent + 1, lunid: l });
      extent++;
    }
    const group = t.group === null || t.group >= groups.length ? null : t.group + 1;
    return { id: i + 1, name: `t${i}`, groups: [{ portal: 1, initiator: group }] };
  });
  (truenas['iscsi'] as Record<string, unknown>)['target'] = { basename: BASENAME, portals: [{ listen: [{ ip: '0.0.0.0' }] }], initiators: groups, targets, extents, targetextents };
  const parsed = parseLab(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.lab;
}

/** tgtd's translation of `c`: name-only ACLs, `-I ALL` where TrueNAS lets everyone in. */
function realTargets(c: Config): RealTarget[] {
  return c.targets.map((t, i) => {
    const group = t.group === null || t.group >= c.groups.length ? null : (c.groups[t.group] as string[]);
    return { iqn: `${BASENAME}:t${i}`, disks: t.luns, names: group === null || group.length === 0 ? null : group };
  });
}

/** What the simulator's pve sees under each name: the targets discovery offers, and the disks a login brings. */
function simulated(c: Config, names: string[]): Map<string, number>[] {
  const world = boot(labFor(c), 1);
  return names.map((name) => {
    // The name is in /etc/iscsi/initiatorname.iscsi; a changed one counts after iscsid restarts.
    writeInitiatorFile(world, 'pve', name);
    stopIscsid(world, 'pve');
    startIscsid(world, 'pve');
    const seen = new Map<string, number>();
    const found = sendTargets(world, 'pve', '192.168.5.142', 3260);
    if (!found.ok) throw new Error(`discovery failed: ${found.errno}`);
    for (const t of found.targets) {
      const res = loginNode(world, 'pve', defaultNodeRecord(world, 'pve', t));
      if (!res.ok) continue;
      seen.set(t.target, res.session.disks.length);
      logoutSession(world, 'pve', res.session.sid);
    }
    expect(initiatorState(world, 'pve').sessions).toEqual([]);
    return seen;
  });
}

describe('SendTargets and login against tgtd', () => {
  const tgtd = new Tgtd(3271, 11);
  beforeAll(() => tgtd.start());
  afterAll(() => tgtd.stop());

  it('the classic mistake: an IP address in the group lets no initiator see the target, in both', () => {
    const c: Config = { groups: [['192.168.5.146']], targets: [{ group: 0, luns: 1 }] };
    tgtd.configure(realTargets(c));
    const real = tgtd.list(PROBES[0] as string);
    expect(real).toMatchObject({ status: 0, stdout: '' });
    expect(simulated(c, [PROBES[0] as string])[0]).toEqual(new Map());
    const fixed: Config = { groups: [[PROBES[0] as string]], targets: [{ group: 0, luns: 1 }] };
    tgtd.configure(realTargets(fixed));
    expect(tgtd.list(PROBES[0] as string).stdout).toBe(`Target:${BASENAME}:t0 Portal:127.0.0.1:3271,1\nLun:0    Type:STORAGE_ARRAY_CONTROLLER\nLun:1    Type:DIRECT_ACCESS (Size:63M)\n`);
    expect(simulated(fixed, [PROBES[0] as string])[0]).toEqual(new Map([[`${BASENAME}:t0`, 1]]));
  });

  it(`agrees on ${RUNS} generated configurations, for three initiator names each`, () => {
    fc.assert(
      fc.property(config, (c) => {
        tgtd.configure(realTargets(c));
        const sim = simulated(c, PROBES);
        PROBES.forEach((name, i) => {
          const real = tgtd.list(name);
          expect(real.status).toBe(0);
          expect([...(sim[i] as Map<string, number>)].sort()).toEqual([...real.seen].sort());
        });
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
  }, 300_000);

  it('CHAP: a target that requires it is still discovered; the login fails without the right secret (60 cases)', () => {
    const SECRET = 's3cretpassw0rd';
    fc.assert(
      fc.property(fc.subarray(ENTRIES), fc.boolean(), fc.constantFrom<'none' | 'right' | 'wrong'>('none', 'right', 'wrong'), fc.constantFrom(...PROBES), (names, chap, offered, probe) => {
        const c: Config = { groups: [names], targets: [{ group: 0, luns: 1 }] };
        tgtd.configure(realTargets(c).map((t) => (chap ? { ...t, chap: { user: 'pve', secret: SECRET } } : t)));
        const creds = offered === 'none' ? undefined : { user: 'pve', secret: offered === 'right' ? SECRET : 'wrongpassword1' };
        const real = tgtd.list(probe, creds);
        const realAnswer = real.stdout.includes('Authentication failure') || real.stderr.includes('Authentication failure') ? 'auth' : real.seen.size === 0 ? 'hidden' : `disks:${[...real.seen.values()].join(',')}`;
        // The simulator: the same target with a CHAP group, and the node record holding the offered credentials.
        const lab = labFor(c);
        const cfg = lab.hosts.find((h) => h.name === 'truenas')?.iscsi?.target;
        if (cfg && chap) {
          cfg.auths = [{ id: 1, tag: 1, user: 'pve', secret: SECRET, peeruser: '', peersecret: '' }];
          for (const t of cfg.targets) t.groups = t.groups.map((g) => ({ ...g, authmethod: 'CHAP', auth: 1 }));
        }
        const world = boot(lab, 1);
        writeInitiatorFile(world, 'pve', probe);
        stopIscsid(world, 'pve');
        startIscsid(world, 'pve');
        const found = sendTargets(world, 'pve', '192.168.5.142', 3260);
        let simAnswer = 'hidden';
        if (found.ok && found.targets[0]) {
          const rec = { ...defaultNodeRecord(world, 'pve', found.targets[0]), ...(creds ? { authmethod: 'CHAP' as const, username: creds.user, password: creds.secret } : {}) };
          const res = loginNode(world, 'pve', rec);
          simAnswer = res.ok ? `disks:${res.session.disks.length}` : res.err === 24 ? 'auth' : `err${res.err}`;
        }
        expect(simAnswer).toBe(realAnswer);
      }),
      { numRuns: 60, seed: 1201 },
    );
  }, 120_000);

  it('a stopped service: the real initiator gets connection refused, the simulated discovery ECONNREFUSED', () => {
    const world = boot(labFor({ groups: [[]], targets: [{ group: null, luns: 1 }] }), 1);
    stopTargetService(world, 'truenas');
    expect(sendTargets(world, 'pve', '192.168.5.142', 3260)).toMatchObject({ ok: false, errno: 'ECONNREFUSED' });
    const ls = tgtd.list(PROBES[0] as string);
    expect(ls.status).toBe(0);
    const closed = new Tgtd(3279, 12);
    const refused = closed.list(PROBES[0] as string);
    expect(refused.status).toBe(10);
    expect(refused.stderr).toContain('Connection refused(111)');
  });
});
