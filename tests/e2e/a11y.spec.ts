// Accessibility of every built page, in both colour themes and at phone width, checked by axe-core against
// WCAG 2.0/2.1 A and AA and WCAG 2.2 AA.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './guarded-test';
import { builtPagePaths } from './built-pages';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A laptop in both themes, and a phone, where wide code blocks and tables scroll sideways
// and must then be reachable by keyboard (axe: scrollable-region-focusable).
const VIEWS = [
  { theme: 'light', width: 1280, height: 800, name: 'the light theme' },
  { theme: 'dark', width: 1280, height: 800, name: 'the dark theme' },
  { theme: 'light', width: 375, height: 667, name: 'a phone-sized screen' },
  { theme: 'dark', width: 375, height: 667, name: 'a phone-sized screen in the dark theme' },
] as const;

for (const path of builtPagePaths()) {
  for (const { theme, width, height, name } of VIEWS) {
    test(`${path} has no WCAG A/AA violations in ${name}`, async ({ page }) => {
      // axe walks every node: a long reference page on a busy two-core machine needs more than 30 s.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height });
      // Starlight reads its theme from localStorage before the first paint.
      await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Check the page as a reader sees it: diagrams drawn (mermaid-render.ts marks each one), not mid-render.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].every((d) => d.dataset.rendered), null, { timeout: 60_000 });

      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
      expect(violations, `axe violations on ${path} (${name})`).toEqual([]);
      // Nothing pushes the page wider than the screen (wide content scrolls or wraps inside).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} is wider than ${width}px`).toBeLessThanOrEqual(width);
    });
  }
}
