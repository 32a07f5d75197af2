import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planIdmap, type IdmapRequest } from '../../../src/simulator/model/idmap-plan';
import { kernelMapBatch } from '../support/idmap-batch';

// The idmap helper's output for 300 generated requests, written as uid_map of a fresh
// `unshare -U` child: the kernel must accept every map, and files owned by the requested
// host IDs must show as the requested container IDs from inside (the rest as planned).
const POOL = [0, 1, 33, 999, 1000, 1001, 1002, 1005, 1500, 65533, 65534, 65535, 65536, 70000, 100000, 100001, 100005, 100500, 101000, 165535, 165536, 200000, 1000000, 4294967294];

describe('idmap helper output against Linux', () => {
  it('300 generated requests: accepted, and each requested host ID is the requested container ID inside', () => {
    const request = fc.record({ type: fc.constant('u' as const), host: fc.constantFrom(...POOL), container: fc.oneof(fc.constantFrom(0, 1, 5, 33, 500, 1000, 1001, 65534, 65535), fc.integer({ min: 0, max: 65535 })) });
    const all = fc.sample(fc.uniqueArray(request, { minLength: 1, maxLength: 6, selector: (r) => r.host }), { numRuns: 400, seed: 300 });
    const plans: { requests: IdmapRequest[]; text: string; lines: { container: number; host: number; count: number }[] }[] = [];
    for (const requests of all) {
      const plan = planIdmap(requests);
      if (!plan.ok || plans.length >= 300) continue;
      const lines = plan.lines.filter((l) => l.type === 'u');
      plans.push({ requests, lines, text: lines.map((l) => `${l.container} ${l.host} ${l.count}\n`).join('') });
    }
    expect(plans.length).toBe(300);
    const kernel = kernelMapBatch(plans.map((p) => p.text), POOL);
    plans.forEach((p, i) => {
      const real = kernel[i]!;
      expect(real.errno, p.text).toBeNull();
      for (const r of p.requests) expect(real.owners[POOL.indexOf(r.host)], `${JSON.stringify(r)}\n${p.text}`).toBe(r.container);
      // Every other sampled host ID shows as the plan says (65534 when the plan does not map it).
      POOL.forEach((h, j) => {
        const line = p.lines.find((l) => h >= l.host && h < l.host + l.count);
        expect(real.owners[j]).toBe(line ? line.container + (h - line.host) : 65534);
      });
    });
  }, 300_000);
});
