/**
 * Golden files for exporter tests: the exact text an exporter must produce, kept under
 * tests/golden/. `UPDATE_GOLDEN=1 npx vitest run tests/unit/exporters` rewrites them; read
 * the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** tests/golden/, where every golden file lives. */
export const GOLDEN_DIR = join(import.meta.dirname, '..', '..', 'golden');

/**
 * Compare `actual` with the golden file at `relativePath` (under tests/golden/), exactly.
 * With `UPDATE_GOLDEN=1` in the environment, write `actual` there instead. A missing golden
 * file fails with a message that says how to create it.
 */
export function expectGolden(relativePath: string, actual: string): void {
  const file = join(GOLDEN_DIR, relativePath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file tests/golden/${relativePath} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/unit/exporters`);
  }
  expect(actual, `tests/golden/${relativePath}`).toBe(readFileSync(file, 'utf8'));
}
