/**
 * The labs the bundle exporters are pinned on: every example lab (example-labs.ts) plus
 * tests/fixtures/labs/export-mount-idmap.yaml, whose mount points carry their own idmap=.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../../src/simulator/model';
import { loadExampleLabs, type ExampleLab } from './example-labs';

/** tests/fixtures/labs/export-mount-idmap.yaml. */
export const MOUNT_IDMAP_LAB = join(import.meta.dirname, '..', '..', 'fixtures', 'labs', 'export-mount-idmap.yaml');

/** Every example lab, then the mount-idmap fixture. */
export function loadExportLabs(): ExampleLab[] {
  const text = readFileSync(MOUNT_IDMAP_LAB, 'utf8');
  const parsed = parseLab(text, { filename: MOUNT_IDMAP_LAB });
  if (!parsed.ok) throw new Error(`${MOUNT_IDMAP_LAB} does not validate: ${JSON.stringify(parsed.errors)}`);
  return [...loadExampleLabs(), { id: 'export-mount-idmap', file: MOUNT_IDMAP_LAB, text, lab: parsed.lab }];
}
