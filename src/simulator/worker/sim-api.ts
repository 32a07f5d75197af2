/**
 * `createSimApi()`: the simulator as the page sees it (api-types.ts SimApi), with everything
 * loaded — the form Node uses (unit tests, the simulator bench). The behaviour is in
 * sim-api-core.ts; the worker builds the same API with its services and commands loaded on
 * demand (lazy-api.ts).
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseLab } from '../model/parse-lab';
import type { SimApi } from './api-types';
import { exampleLabs, type LabTexts } from './example-labs';
import { bundleFiles, bundleZip } from './export-adapter';
import { decodeShare, encodeShare, labFingerprint } from './share-fragment';
import { createSimApiWith, labDocsOf, type SimServices } from './sim-api-core';

export { defaultHost, quoteCompleted, TRANSCRIPT_EVENTS, type SimServices } from './sim-api-core';

/** Options for {@link createSimApi}. */
export interface SimApiOptions {
  /** The example labs by id (default: src/content/labs/*.yaml bundled by Vite). */
  labs?: LabTexts;
}

/** Every service, loaded. */
export const STATIC_SERVICES: SimServices = {
  parseLabText: (text, filename) => parseLab(text, { filename }),
  stringifyYaml: (value) => stringifyYaml(value),
  bundleFiles,
  bundleZip,
  encodeShare,
  decodeShare,
  labFingerprint,
};

/** The lab texts as YAML documents; a text that does not parse stays a string, which booting reports as invalid. */
export function labDocuments(texts: LabTexts): Record<string, unknown> {
  const docs: Record<string, unknown> = {};
  for (const [id, text] of Object.entries(texts)) {
    try {
      docs[id] = parseYaml(text) as unknown;
    } catch {
      docs[id] = text;
    }
  }
  return docs;
}

/** The simulator behind the sandbox, every part loaded. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
  return createSimApiWith(STATIC_SERVICES, { labs: labDocsOf(labDocuments(options.labs ?? exampleLabs())) });
}
