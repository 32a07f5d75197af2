// Copy buttons of terminal transcripts copy the commands only (src/integrations/copy-commands.mjs,
// wired in ec.config.mjs): checked in the built HTML of a page with a `console` block.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { DIST_DIR } from './built-pages';

test('the lab-files page copies the hlab commands of its transcript, without prompts or output', () => {
  const html = readFileSync(join(DIST_DIR, 'reference/lab-files/index.html'), 'utf8');
  const copies = [...html.matchAll(/data-code="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&quot;/g, '"').split('\u007f'));
  const transcript = copies.find((lines) => lines.some((l) => l.startsWith('npx hlab validate')));
  expect(transcript).toEqual(['npx hlab validate my-lab.yaml', 'npx hlab diagram my-lab.yaml     # Mermaid text of the lab', 'npx hlab sh my-lab.yaml          # a shell on its first host']);
});
