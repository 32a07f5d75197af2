// Content collections of the Homelab Handbook (Starlight docs conventions).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { formatIssue, parseLab } from './simulator/model';

/** Where lab files live; Astro runs from the project root. */
const labsDir = join(process.cwd(), 'src/content/labs');

/**
 * Lab files (src/content/labs/*.yaml), validated by the simulator's own parseLab — the
 * same rules and messages as `hlab validate` — so a broken example lab fails the build
 * with `file:line:col: path: message (fix)` lines instead of reaching a page.
 */
async function loadLabs() {
  const entries = [];
  const problems: string[] = [];
  for (const file of readdirSync(labsDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    const result = parseLab(readFileSync(join(labsDir, file), 'utf8'), { filename: file });
    if (result.ok) entries.push({ id: file.replace(/\.(ya?ml|json)$/, ''), file, ...result.lab });
    else problems.push(...result.errors.map((issue) => `src/content/labs/${formatIssue(issue, { filename: file })}`));
  }
  if (problems.length) throw new Error(`lab files do not validate:\n${problems.join('\n')}`);
  return entries;
}

/** Collections the site reads: handbook pages (`docs`) and example lab files (`labs`). */
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  labs: defineCollection({ loader: loadLabs }),
};
