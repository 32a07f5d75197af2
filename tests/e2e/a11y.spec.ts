// Accessibility of every built page, in both colour themes and at phone width, checked by axe-core against
// WCAG 2.0/2.1 A and AA and WCAG 2.2 AA. One page load per page: the four views are reached by
// switching Starlight's theme in place (as its own theme picker does: data-theme on <html> and
// the stored choice) and resizing the viewport, which keeps the suite inside its time budget.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './guarded-test';
import { builtPagePaths } from './built-pages';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A laptop in both themes, and a phone, where wide code blocks and tables scroll sideways
// and must then be reachable by keyboard (axe: scrollable-region-focusable).
const VIEWS = [
  { theme: 'light', width: 1280, height: 800, name: 'the light theme' },
  { theme: 'dark', width: 1280, height: 800, name: 'the dark theme' },
  { theme: 'dark', width: 375, height: 667, name: 'a phone-sized screen in the dark theme' },
  { theme: 'light', width: 375, height: 667, name: 'a phone-sized screen' },
] as const;

/** The rendered mark of every Mermaid diagram (mermaid-render.ts sets it to the theme it drew with). */
const diagramMarks = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].map((d) => d.dataset.rendered ?? ''));

for (const path of builtPagePaths()) {
  test(`${path} has no WCAG A/AA violations in either theme, on a laptop or a phone`, async ({ page }) => {
    // axe walks every node four times: a long reference page on a busy two-core machine needs time.
    test.setTimeout(240_000);
    await page.setViewportSize({ width: VIEWS[0].width, height: VIEWS[0].height });
    // Starlight reads its theme from localStorage before the first paint.
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('a11y-theme-set')) {
        localStorage.setItem('starlight-theme', value);
        sessionStorage.setItem('a11y-theme-set', '1');
      }
    }, VIEWS[0].theme);
    await page.goto(path);
    let theme: string = VIEWS[0].theme;
    for (const { theme: want, width, height, name } of VIEWS) {
      if (want !== theme) {
        const before = await diagramMarks(page);
        await page.evaluate((value) => {
          localStorage.setItem('starlight-theme', value);
          document.documentElement.dataset.theme = value;
        }, want);
        // Diagrams follow the theme: wait until each is drawn again in the new one (a diagram that
        // failed to draw stays 'error'; tests/e2e/mermaid-diagrams.spec.ts is the one to fail for that).
        await page.waitForFunction((old) => [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].every((d, i) => d.dataset.rendered && (d.dataset.rendered !== old[i] || d.dataset.rendered === 'error')), before, { timeout: 60_000 });
        theme = want;
      }
      await page.setViewportSize({ width, height });
      await expect(page.locator('html')).toHaveAttribute('data-theme', want);
      // Expressive Code makes a code block focusable when a resize makes it scroll (a
      // ResizeObserver, 250 ms debounced): wait for it, as a reader's screen settles.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')), null, { timeout: 10_000 });
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
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} is wider than ${width}px (${name})`).toBeLessThanOrEqual(width);
    }
  });
}
