// Rules every handbook page follows (issue 12, h-common.md): a description for search
// results and link previews, a language on every code block (`console`, `sh`, `text`,
// `yaml`…, never a bare fence), a title and description on every Mermaid diagram, and the
// Common mistakes box on every chapter page.
import { describe, expect, it } from 'vitest';
import { docPages, fences, filesUnder, readSource } from './site-files';

/** The frontmatter block of an MDX page, or ''. */
function frontmatter(text: string): string {
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
}

/** Chapter pages: pages inside a chapter folder (not the home page, the 404 or the sandbox page). */
const chapterPages = docPages().filter((p) => /^src\/content\/docs\/[^/]+\//.test(p));

describe('every Markdown page', () => {
  for (const page of docPages()) {
    it(`${page} has a title and a description, and names the language of each code block`, () => {
      const text = readSource(page);
      const fm = frontmatter(text);
      expect(fm, `${page}: no title in the frontmatter`).toMatch(/^title:\s*\S/m);
      expect(fm, `${page}: no description in the frontmatter`).toMatch(/^description:\s*\S/m);
      const bare = fences(text).filter((f) => f.lang === '').map((f) => `line ${f.line}`);
      expect(bare, `${page}: code blocks without a language (write \`\`\`text for plain output)`).toEqual([]);
      // Diagrams are read by screen readers through their accTitle and accDescr (Mermaid accessibility).
      const untitled = fences(text)
        .filter((f) => f.lang === 'mermaid' && !(/^\s*accTitle:\s*\S/m.test(f.body) && /^\s*accDescr(:\s*\S|\s*\{)/m.test(f.body)))
        .map((f) => `line ${f.line}`);
      expect(untitled, `${page}: mermaid diagrams without accTitle and accDescr`).toEqual([]);
    });
  }
  for (const page of chapterPages) {
    it(`${page} has a "Common mistakes" box`, () => {
      expect(readSource(page)).toMatch(/<Aside[^>]*title="Common mistakes"/);
    });
  }
});

describe('every generated page', () => {
  for (const page of filesUnder('src/pages', /\.astro$/)) {
    it(`${page} gives StarlightPage a description and its <Code> blocks a language`, () => {
      const text = readSource(page);
      expect(text).toMatch(/<StarlightPage[\s\S]*?frontmatter=\{\{[\s\S]*?description:/);
      for (const code of text.match(/<Code\b[^>]*>/g) ?? []) expect(code, `${page}: ${code}`).toMatch(/\blang=/);
    });
  }
});
