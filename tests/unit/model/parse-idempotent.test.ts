import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../src/simulator/model';
import { readText, root } from './lab-fixtures';

// A session log stores the parsed lab; replaying it parses that JSON again, and the two boots
// must be the same value, key order included (the state is compared as JSON text).
describe('parseLab on its own output', () => {
  const files = [...readdirSync(`${root}src/content/labs`).map((f) => `src/content/labs/${f}`), 'tests/fixtures/labs/every-field.yaml'];
  for (const file of files) {
    it(`gives the same JSON again for ${file}`, () => {
      const first = parseLab(readText(file));
      if (!first.ok) throw new Error(`${file} is invalid`);
      const second = parseLab(JSON.parse(JSON.stringify(first.lab)));
      expect(second.ok && JSON.stringify(second.lab)).toBe(JSON.stringify(first.lab));
    });
  }
});
