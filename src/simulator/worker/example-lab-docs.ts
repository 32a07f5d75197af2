/**
 * The example labs (src/content/labs/*.yaml) as the worker bundles them: each file's YAML
 * document and the lab booting it uses, both worked out at build time
 * (src/integrations/worker-build.mjs, `?lab-doc`), so booting one needs neither the YAML
 * parser nor the validation in the browser. The starter lab (the /lab/ page's, and most
 * pages') comes with the worker; each other lab is a chunk of its own, loaded when a call
 * needs it. Node reads the texts instead (example-labs.ts).
 */
import type { Lab } from '../model/lab';
import { labIdOf } from './example-labs';

/** An example lab prepared at build time (worker/example-lab.ts prepareExampleLab). */
export interface PreparedLab {
  doc: unknown;
  /** The lab booting it uses; null when the document does not validate. */
  lab: Lab | null;
}

/** Loads one example lab. */
export type LabDocLoader = () => Promise<PreparedLab>;

type LabDocModule = { default: unknown; lab: Lab | null };

/** How to load each example lab, by id, in file-name order. */
export function exampleLabLoaders(): Record<string, LabDocLoader> {
  const bundled = import.meta.glob<LabDocModule>('../../content/labs/starter.yaml', { query: '?lab-doc', eager: true });
  const split = import.meta.glob<LabDocModule>(['../../content/labs/*.yaml', '!../../content/labs/starter.yaml'], { query: '?lab-doc' });
  const prepared = (m: LabDocModule): PreparedLab => ({ doc: m.default, lab: m.lab });
  const loaders: [string, LabDocLoader][] = [
    ...Object.entries(bundled).map(([path, m]): [string, LabDocLoader] => [path, () => Promise.resolve(prepared(m))]),
    ...Object.entries(split).map(([path, load]): [string, LabDocLoader] => [path, async () => prepared(await load())]),
  ];
  const out: Record<string, LabDocLoader> = {};
  for (const [path, load] of loaders.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[labIdOf(path)] = load;
  return out;
}
