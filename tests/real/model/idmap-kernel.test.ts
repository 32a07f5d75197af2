import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdmap, parseIdmapLine } from '../../../src/simulator/model';
import { freshUserNamespace } from '../support/user-namespace';

// The lab model's idmap rules (src/simulator/model/idmap.ts) against the real kernel:
// a map the model accepts must be accepted by a write to /proc/PID/uid_map, and a map it
// rejects must get EINVAL. (The 0..65535 coverage rule is LXC's, not the kernel's, so the
// model is asked with unprivileged=false here.)
async function kernelAccepts(lines: string[]): Promise<{ accepted: boolean; readBack: string }> {
  const ns = await freshUserNamespace();
  try {
    // The kernel's own format is "first lower count" per line; the model's is "u first lower count".
    const text = lines.map((l) => l.split(/\s+/).slice(1).join(' ')).join('\n') + '\n';
    const error = ns.writeMap('uid_map', text);
    if (error !== null && error !== 'EINVAL') throw new Error(`unexpected ${error} writing uid_map`);
    return { accepted: error === null, readBack: ns.readMap('uid_map') };
  } finally {
    ns.stop();
  }
}

const modelAccepts = (lines: string[]) => checkIdmap(lines, false).length === 0;

describe('idmap rules agree with the Linux kernel', () => {
  const cases: [string, string[]][] = [
    ['Proxmox default', ['u 0 100000 65536']],
    ['passthrough of uid 1000', ['u 0 100000 1000', 'u 1000 1000 1', 'u 1001 101001 64535']],
    ['container side overlap', ['u 0 100000 1000', 'u 500 200000 10']],
    ['host side overlap', ['u 0 100000 1000', 'u 2000 100500 10']],
    ['zero count', ['u 0 100000 0']],
    ['340 short lines (under a page)', Array.from({ length: 340 }, (_, i) => `u ${i} ${i + 10} 1`)],
    ['340 long lines (over a page)', Array.from({ length: 340 }, (_, i) => `u ${i} ${100000 + i} 1`)],
    ['341 lines', Array.from({ length: 341 }, (_, i) => `u ${i} ${100000 + i} 1`)],
    ['range past the last host id', ['u 0 4294967290 10']],
    ['range up to the last host id', ['u 0 4294967285 10']],
  ];
  for (const [name, lines] of cases) {
    it(name, async () => {
      const kernel = await kernelAccepts(lines);
      expect(modelAccepts(lines)).toBe(kernel.accepted);
    });
  }

  it('the kernel prints an accepted map as %10u %10u %10u lines', async () => {
    const kernel = await kernelAccepts(['u 0 100000 65536']);
    expect(kernel.accepted).toBe(true);
    const entry = parseIdmapLine('u 0 100000 65536');
    const expected = [entry!.container, entry!.host, entry!.count].map((n) => String(n).padStart(10)).join(' ');
    expect(kernel.readBack).toBe(`${expected}\n`);
  });

  it('random small maps: model and kernel agree', async () => {
    const entry = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 }))
      .map(([c, h, n]) => `u ${c} ${h} ${n}`);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (lines) => {
        const kernel = await kernelAccepts(lines);
        expect(modelAccepts(lines), lines.join(' | ')).toBe(kernel.accepted);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
