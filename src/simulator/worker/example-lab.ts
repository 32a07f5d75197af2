/**
 * An example lab as the sandbox boots it: its document validated by parseLab, then once more
 * from JSON (as a saved session would read it back), so that what the session logs is a
 * fixpoint of parseLab. The worker gets this done at build time (worker-build.mjs, `?lab-doc`)
 * and boots without running the validation in the reader's browser.
 */
import { parseLabValue } from '../model/lab-value';
import type { Lab } from '../model/lab';

const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The lab booting `doc` uses, or null when it does not validate (booting then says so). */
export function normalisedLab(doc: unknown): Lab | null {
  const first = parseLabValue(doc);
  const again = first.ok ? parseLabValue(cloneJson(first.lab)) : null;
  return again?.ok ? again.lab : null;
}

/**
 * An example lab prepared at build time: its document, and the lab booting it uses (or null).
 * Throws if parseLab would change that lab once more, since the worker then could not skip
 * parsing it (startSession's `normalised` option).
 */
export function prepareExampleLab(doc: unknown): { doc: unknown; lab: Lab | null } {
  const lab = normalisedLab(doc);
  if (lab) {
    const again = parseLabValue(cloneJson(lab));
    if (!again.ok || JSON.stringify(again.lab) !== JSON.stringify(lab)) throw new Error(`example lab ${JSON.stringify(lab.name)}: parseLab does not give the same lab again`);
  }
  return { doc, lab };
}
