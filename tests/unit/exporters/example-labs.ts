/**
 * The labs the exporter tests render: every lab under src/content/labs/ (the starter and the
 * seed labs) and the every-field fixture, parsed with the real model.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatIssue, parseLab, type Lab } from '../../../src/simulator/model';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** src/content/labs/, where the handbook's labs live. */
export const CONTENT_LABS_DIR = join(ROOT, 'src', 'content', 'labs');

/** One lab file and its parsed lab. */
export interface ExampleLab {
  /** File name without extension: `starter`, `seed-000-r630-truenas-iscsi`, `every-field`. */
  id: string;
  /** Path of the lab file. */
  file: string;
  /** The lab text. */
  text: string;
  /** The parsed lab. */
  lab: Lab;
}

/** Lab files under src/content/labs/ plus tests/fixtures/labs/every-field.yaml, sorted by id. */
export function exampleLabFiles(): string[] {
  const content = readdirSync(CONTENT_LABS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(CONTENT_LABS_DIR, f));
  return [...content, join(ROOT, 'tests', 'fixtures', 'labs', 'every-field.yaml')].sort((a, b) =>
    labId(a).localeCompare(labId(b)),
  );
}

/** `src/content/labs/starter.yaml` → `starter`. */
export function labId(file: string): string {
  return basename(file).replace(/\.(ya?ml|json)$/, '');
}

/** Parse every example lab; a lab that does not validate throws with every issue listed. */
export function loadExampleLabs(): ExampleLab[] {
  return exampleLabFiles().map((file) => {
    const text = readFileSync(file, 'utf8');
    const result = parseLab(text, { filename: file });
    if (!result.ok) {
      throw new Error(`${file} does not validate:\n${result.errors.map((e) => formatIssue(e)).join('\n')}`);
    }
    return { id: labId(file), file, text, lab: result.lab };
  });
}
