/**
 * One `it` per case: the simulator and the real shell run the same lines over the same
 * files, and stdout, stderr and the final exit status must be identical. The real runs of
 * a describe block happen together in beforeAll (one spawned driver).
 */
import { beforeAll, expect, it } from 'vitest';
import { HOST_OF, runRealBatch, type BatchOptions, type RealShell } from './real-shell';
import { runSim, type ShellRun } from './sim-tree';

/** A case: one line, or several lines typed one after another. */
export type ShellCase = string | string[];

function linesOf(c: ShellCase): string[] {
  return typeof c === 'string' ? [c] : c;
}

/** Options of a comparison; functions, because they are read when the batch runs (in beforeAll). */
export interface CompareOptions {
  /** The batch options, e.g. a network namespace to run in, made by an earlier beforeAll. */
  batch?: () => BatchOptions;
  /** Removes from a real run what the simulator cannot show (each use says why). */
  normalise?: (run: ShellRun) => ShellRun;
  /** Masks, on both sides, what neither can reproduce of the other (each use says why: ctime, inode numbers). */
  mask?: (run: ShellRun) => ShellRun;
}

/** Declares one test per case comparing the simulator with `shell`. Call inside a describe. */
export function compareWithReal(shell: RealShell, cases: ShellCase[], options: CompareOptions = {}): void {
  let real: ShellRun[] = [];
  beforeAll(() => {
    const runs = runRealBatch(shell, cases.map(linesOf), options.batch?.());
    const normalised = options.normalise ? runs.map(options.normalise) : runs;
    real = options.mask ? normalised.map(options.mask) : normalised;
  });
  cases.forEach((c, i) => {
    const lines = linesOf(c);
    it(lines.join(' ⏎ '), () => {
      const run = runSim(HOST_OF[shell], lines);
      const sim = options.mask ? options.mask(run) : run;
      expect(sim).toEqual(real[i]);
    });
  });
}
