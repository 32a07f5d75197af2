/** Test helpers: boot the starter or every-field lab and run lines. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { createSimulator, runLine, type LineResult, type SimState, type SimulatorOptions } from '../../../src/simulator/shell';

function load(path: string): Lab {
  const file = fileURLToPath(new URL(path, import.meta.url));
  const parsed = parseLab(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`fixture lab ${path} is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.lab;
}

/** The starter lab (pve + truenas). */
export const starterLab = load('../../../src/content/labs/starter.yaml');
/** The lab that uses every field once (pve, truenas, vps). */
export const everyFieldLab = load('../../fixtures/labs/every-field.yaml');

/** A fresh simulator on the starter lab (or `lab`). */
export function boot(opts: SimulatorOptions = {}, lab: Lab = starterLab): SimState {
  return createSimulator(structuredClone(lab), opts);
}

/** Runs one line. */
export function run(state: SimState, line: string): LineResult {
  return runLine(state, line);
}

/** Runs lines in a fresh simulator and returns the last result. */
export function sh(line: string, opts: SimulatorOptions = {}, lab: Lab = starterLab): LineResult {
  return runLine(boot(opts, lab), line);
}
