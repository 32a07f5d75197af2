import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdmap } from '../../../src/simulator/model';
import { explainPlannedLine, formatPlannedLine, planIdmap } from '../../../src/simulator/model/idmap-plan';

const lines = (plan: ReturnType<typeof planIdmap>): string[] => (plan.ok ? plan.lines.map(formatPlannedLine) : plan.problems);

describe('the idmap helper', () => {
  it('passes host 1000 through as the reference does, with root:1000:1 for subuid and subgid', () => {
    const plan = planIdmap([{ type: 'u', host: 1000, container: 1000 }, { type: 'g', host: 1000, container: 1000 }]);
    expect(lines(plan)).toEqual(['lxc.idmap: u 0 100000 1000', 'lxc.idmap: u 1000 1000 1', 'lxc.idmap: u 1001 101001 64535', 'lxc.idmap: g 0 100000 1000', 'lxc.idmap: g 1000 1000 1', 'lxc.idmap: g 1001 101001 64535']);
    expect(plan.ok && plan.subuid).toEqual(['root:1000:1', 'root:100000:65536']);
    expect(plan.ok && explainPlannedLine(plan.lines[1]!)).toBe('container uid 1000 → host 1000 (as requested)');
  });

  it('maps UID 0, host IDs above 65535, writes no count-0 line at 65535, merges neighbours', () => {
    // A type nobody asked about keeps the whole default range (an lxc.idmap line replaces the default map).
    expect(lines(planIdmap([{ type: 'u', host: 0, container: 0 }]))).toEqual(['lxc.idmap: u 0 0 1', 'lxc.idmap: u 1 100001 65535', 'lxc.idmap: g 0 100000 65536']);
    expect(lines(planIdmap([{ type: 'u', host: 70000, container: 65535 }])).slice(0, 2)).toEqual(['lxc.idmap: u 0 100000 65535', 'lxc.idmap: u 65535 70000 1']);
    expect(lines(planIdmap([1000, 1001, 1002].map((id) => ({ type: 'u' as const, host: id, container: id }))))).toContain('lxc.idmap: u 1000 1000 3');
  });

  it('moves default IDs out of the way of a requested host ID instead of overlapping', () => {
    const plan = planIdmap([{ type: 'u', host: 100500, container: 5 }]);
    expect(lines(plan)).toContain('lxc.idmap: u 500 165536 1');
    expect(checkIdmap(lines(plan).map((l) => l.replace('lxc.idmap: ', '')), true)).toEqual([]);
  });

  it('refuses duplicates and collisions with a reason', () => {
    expect(planIdmap([{ type: 'u', host: 1000, container: 1 }, { type: 'u', host: 1000, container: 2 }])).toEqual({ ok: false, problems: ['host uid 1000 is asked to be container uid 1 and 2: a host ID can appear once in a map'] });
    expect(planIdmap([{ type: 'g', host: 1, container: 7 }, { type: 'g', host: 2, container: 7 }])).toEqual({ ok: false, problems: ['container gid 7 is asked to be host gid 1 and 2'] });
  });

  it('always gives a map the lab model (and so the kernel) accepts, covering 0-65535, with every request honoured', () => {
    const req = fc.record({ type: fc.constantFrom('u' as const, 'g' as const), host: fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 99990, max: 166000 }), fc.integer({ min: 0, max: 2 ** 32 - 2 })), container: fc.integer({ min: 0, max: 70000 }) });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 12 }), (requests) => {
        const plan = planIdmap(requests);
        if (!plan.ok) return;
        const text = plan.lines.map((l) => `${l.type} ${l.container} ${l.host} ${l.count}`);
        expect(checkIdmap(text, true)).toEqual([]);
        for (const r of requests) expect(plan.lines.some((l) => l.type === r.type && r.container >= l.container && r.container < l.container + l.count && l.host + (r.container - l.container) === r.host)).toBe(true);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
