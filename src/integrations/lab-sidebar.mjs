// @ts-check
// Sidebar links to the pages generated per example lab (src/pages/architecture/[lab].astro,
// src/pages/threat-model/[lab].astro). They are Astro routes, not docs entries, so
// Starlight's `autogenerate` cannot see them; this lists the same lab files the routes do.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const labsDir = join(process.cwd(), 'src/content/labs');

/**
 * One `{ label, link }` per lab file, starter first, then by file name: the label is the
 * lab's `name`, the link `/<chapter>/<lab id>/`.
 * @param {string} chapter `architecture` or `threat-model`
 * @returns {{ label: string, link: string }[]}
 */
export function labPageLinks(chapter) {
  const ids = readdirSync(labsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort((a, b) => (a === 'starter' ? -1 : b === 'starter' ? 1 : a.localeCompare(b)));
  return ids.map((id) => {
    const file = readdirSync(labsDir).find((f) => f.replace(/\.ya?ml$/, '') === id) ?? '';
    const name = String(parse(readFileSync(join(labsDir, file), 'utf8'))?.name ?? id);
    return { label: name, link: `/${chapter}/${id}/` };
  });
}
