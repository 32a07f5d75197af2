/**
 * The example labs (src/content/labs/*.yaml) as the worker bundles them: each file's YAML
 * document, parsed at build time (src/integrations/worker-build.mjs, `?lab-doc`), so booting
 * one needs no YAML parser in the browser, and each in a chunk of its own, loaded when a call
 * needs it (a page boots one lab; the others are ~5 KB it would not use). Node reads the texts
 * instead (example-labs.ts).
 */
import { labIdOf } from './example-labs';

/** Loads one example lab's document. */
export type LabDocLoader = () => Promise<unknown>;

/** How to load each example lab's document, by id, in file-name order. */
export function exampleLabLoaders(): Record<string, LabDocLoader> {
  const loaders = import.meta.glob('../../content/labs/*.yaml', { query: '?lab-doc', import: 'default' });
  const out: Record<string, LabDocLoader> = {};
  for (const [path, load] of Object.entries(loaders).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[labIdOf(path)] = load;
  return out;
}
