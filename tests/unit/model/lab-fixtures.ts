// Fixtures for the model tests: the starter and every-field labs as plain objects (fresh
// copies, so a test can break one field), and a helper that returns formatted issues.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatIssue, parseLab } from '../../../src/simulator/model';

/**
 * A lab as a plain, freely editable object: tests break arbitrary fields of it, so it is
 * deliberately untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LabDoc = any;

/** Repository root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Text of a file under the repository root. */
export function readText(path: string): string {
  return readFileSync(root + path, 'utf8');
}

const starterDoc: LabDoc = parse(readText('src/content/labs/starter.yaml'));
const everyFieldDoc: LabDoc = parse(readText('tests/fixtures/labs/every-field.yaml'));

/** The starter lab (src/content/labs/starter.yaml) as a fresh plain object. */
export function starter(): LabDoc {
  return structuredClone(starterDoc);
}

/** The every-field lab (tests/fixtures/labs/every-field.yaml) as a fresh plain object. */
export function everyField(): LabDoc {
  return structuredClone(everyFieldDoc);
}

/** Parse a lab (object or text) and return its issues formatted one per line; [] when valid. */
export function issues(input: unknown): string[] {
  const result = parseLab(input);
  return result.ok ? [] : result.errors.map((e) => formatIssue(e));
}

/** Break a copy of the every-field lab with `change`, and return its issues. */
export function breakEveryField(change: (lab: LabDoc) => void): string[] {
  const lab = everyField();
  change(lab);
  return issues(lab);
}
