/** Test helpers: boot the starter or every-field lab and run lines. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { createSimulator, runLine, type LineResult, type SimState, type SimulatorOptions } from '../../../src/simulator/shell';
import { sessionVfs } from '../../../src/simulator/shell/vfs';

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

/** Writes files into the current host (absolute paths), as a reader's redirections would. */
export function seed(state: SimState, files: Record<string, string>): SimState {
  const vfs = sessionVfs(state);
  for (const [path, text] of Object.entries(files)) {
    const w = vfs.write(path, text, false);
    if (!w.ok) throw new Error(`cannot seed ${path}: ${w.errno}`);
  }
  return state;
}

/** The lab's passwd and group files as they were before the base-passwd accounts: small fixtures for text tools. */
export const SMALL_FILES = {
  starter: {
    '/root/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/root/group': 'root:x:0:\nnogroup:x:65534:\n',
  },
  everyField: {
    '/root/passwd': 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:,,,:/home/alice:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/root/group': 'root:x:0:\nalice:x:1000:alice\nnogroup:x:65534:\n',
  },
};

/** Runs one line and gives stdout, stderr and the status as one string (`...[0]`), for compact expectations. */
export function out(state: SimState, line: string): string {
  const r = runLine(state, line);
  return `${r.stdout}${r.stderr}[${r.exitCode}]`;
}
