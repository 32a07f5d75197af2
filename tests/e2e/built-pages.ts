// Lists the pages of the built site by walking dist/, so every page Astro emits is
// checked without keeping a list by hand.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built site the e2e tests run against. */
export const DIST_DIR = process.env.HLAB_DIST ? resolve(process.env.HLAB_DIST) : fileURLToPath(new URL('../../dist/', import.meta.url));

/** Top-level directories of dist/ that hold assets, not pages. */
const ASSET_DIRS = new Set(['_astro', 'pagefind']);

/**
 * URL paths of every built page, sorted: each `index.html` as its directory (`/a/b/`),
 * plus `/404.html` at the top. Throws with a clear message when the site is not built.
 */
export function builtPagePaths(distDir: string = DIST_DIR): string[] {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built site in ${root}: run 'npx astro build' before the e2e tests.`);
  }
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (dir === root && ASSET_DIRS.has(entry.name)) continue;
        walk(join(dir, entry.name));
      } else if (entry.name === 'index.html') {
        const rel = relative(root, dir).split(sep).join('/');
        paths.push(rel === '' ? '/' : `/${rel}/`);
      } else if (entry.name === '404.html' && dir === root) {
        paths.push('/404.html');
      }
    }
  };
  walk(root);
  return paths.sort();
}
