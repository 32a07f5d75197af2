// Internal links of the built site (dist/): every link and asset reference to the site's
// own pages resolves to a built file, every #fragment to an id on its page, every page has
// a description, and inline code keeps the spaces around it (Astro drops a line break that
// follows `</code>` in a template, gluing `</code>takes`). Reads the HTML from disk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { builtPagePaths, DIST_DIR } from './built-pages';

/** The HTML file a site path is served from, or undefined. */
function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] as string);
  const candidates = clean.endsWith('/') ? [join(DIST_DIR, clean, 'index.html')] : [join(DIST_DIR, clean), join(DIST_DIR, clean, 'index.html')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

const htmlCache = new Map<string, string>();
function html(file: string): string {
  if (!htmlCache.has(file)) htmlCache.set(file, readFileSync(file, 'utf8'));
  return htmlCache.get(file) as string;
}
const ids = (text: string): Set<string> => new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));

for (const page of builtPagePaths()) {
  test(`${page}: internal links resolve and the page has a description`, () => {
    const file = fileFor(page) as string;
    const text = html(file);
    expect(text, `${page} has no <meta name="description">`).toMatch(/<meta name="description" content="[^"]+"/);
    const broken: string[] = [];
    for (const m of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = (m[1] as string).replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/)/i.test(raw)) continue; // other origins, mailto:, data:
      const url = new URL(raw, `http://site${page}`);
      if (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/pagefind/')) {
        if (!fileFor(url.pathname)) broken.push(raw);
        continue;
      }
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(raw);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !ids(html(target)).has(fragment)) broken.push(`${raw} (no id "${fragment}")`);
    }
    expect(broken, `${page} links to pages or anchors that do not exist`).toEqual([]);
    const prose = text.replace(/<(script|style|pre)\b[\s\S]*?<\/\1>/g, '');
    const glued = [...prose.matchAll(/[A-Za-z]<(code|em|strong)>[^<]{1,40}<\/\1>|<\/(code|em|strong)>[A-Za-z]{2,}/g)].map((m) => m[0]);
    expect(glued, `${page}: inline code or emphasis glued to the next word (put the word on the same line, or {' '})`).toEqual([]);
  });
}
