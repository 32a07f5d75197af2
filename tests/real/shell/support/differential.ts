/**
 * One `it` per case: the simulator and the real shell run the same lines over the same
 * files, and stdout, stderr and the final exit status must be identical. The real runs of
 * a describe block happen together in beforeAll (one spawned driver).
 */
import { beforeAll, expect, it } from 'vitest';
import { HOST_OF, runRealBatch, type RealShell } from './real-shell';
import { runSim, type ShellRun } from './sim-tree';

/** A case: one line, or several lines typed one after another. */
export type ShellCase = string | string[];

function linesOf(c: ShellCase): string[] {
  return typeof c === 'string' ? [c] : c;
}

/** Declares one test per case comparing the simulator with `shell`. Call inside a describe. */
export function compareWithReal(shell: RealShell, cases: ShellCase[]): void {
  let real: ShellRun[] = [];
  beforeAll(() => {
    real = runRealBatch(shell, cases.map(linesOf));
  });
  cases.forEach((c, i) => {
    const lines = linesOf(c);
    it(lines.join(' ⏎ '), () => {
      const sim = runSim(HOST_OF[shell], lines);
      expect(sim).toEqual(real[i]);
    });
  });
}
