// The lab diagrams (src/simulator/exporters/diagram.ts) through the real Mermaid 12 in
// Chromium: every example lab's diagram parses and renders to an SVG that shows each host,
// and a lab full of hostile names still renders without injecting anything.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './guarded-test';
import { diagram } from '../../src/simulator/exporters';
import { parseLab, type Lab } from '../../src/simulator/model';

const root = new URL('../..', import.meta.url).pathname;
const labsDir = join(root, 'src/content/labs');
const labs: [string, Lab][] = readdirSync(labsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseLab(readFileSync(join(labsDir, file), 'utf8'), { filename: file });
    if (!parsed.ok) throw new Error(`${file} does not validate`);
    return [file, parsed.lab];
  });

/** Renders Mermaid text in the page with the real library; returns the SVG or the error text. */
async function render(page: import('@playwright/test').Page, text: string): Promise<{ svg?: string; error?: string }> {
  return page.evaluate(async (source) => {
    const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    try {
      return { svg: (await mermaid.render(`d${Math.floor(performance.now())}`, source)).svg };
    } catch (error) {
      return { error: String(error) };
    }
  }, text);
}

test.beforeEach(async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><head><title>diagrams</title></head><body></body></html>');
  await page.addScriptTag({ path: join(root, 'node_modules/mermaid/dist/mermaid.min.js') });
});

for (const [file, lab] of labs) {
  test(`${file}: Mermaid renders the diagram with every host`, async ({ page }) => {
    const result = await render(page, diagram(lab));
    expect(result.error).toBeUndefined();
    expect(result.svg).toContain('<svg');
    for (const host of lab.hosts) expect(result.svg).toContain(host.hostname);
    expect(result.svg).toContain(`<title`); // accTitle becomes the SVG's accessible title
  });
}

// Every ```mermaid fence of the handbook's pages parses and renders with the real Mermaid.
const docsDir = join(root, 'src/content/docs');
const walkDocs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkDocs(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : []));
const pageDiagrams = walkDocs(docsDir).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```\s*$/gm)].map((m, i) => ({ file: file.slice(root.length), index: i + 1, text: m[1] as string })),
);
for (const { file, index, text } of pageDiagrams) {
  test(`${file}: diagram ${index} renders`, async ({ page }) => {
    const result = await render(page, text);
    expect(result.error, `${file}, diagram ${index}`).toBeUndefined();
    expect(result.svg).toContain('<svg');
  });
}

test('hostile names render as text, never as markup or extra statements', async ({ page }) => {
  const starter = labs.find(([file]) => file === 'starter.yaml')![1];
  const evil = structuredClone(starter);
  evil.name = '<img src=x onerror=alert(1)> "quoted" `tick` direction LR';
  evil.description = 'end\nclick pve call alert(1)\n%%{init: {"securityLevel":"loose"}}%%';
  evil.zones = [{ ...evil.zones![0]!, name: '</title><script>alert(1)</script>' }];
  const result = await render(page, diagram(evil));
  expect(result.error).toBeUndefined();
  // Parse the SVG: the hostile text may appear escaped as text, but never as an element or
  // an event-handler attribute.
  const found = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      elements: all.map((e) => e.localName).filter((n) => ['script', 'img', 'iframe'].includes(n)),
      handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
      text: doc.documentElement.textContent ?? '',
    };
  }, result.svg!);
  expect(found.elements).toEqual([]);
  expect(found.handlers).toEqual([]);
  expect(found.text).toContain('</title><script>alert(1)</script>'); // shown, as text
});
