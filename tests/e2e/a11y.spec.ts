// Accessibility of every built page, in both colour themes, checked by axe-core against
// WCAG 2.0/2.1 A and AA and WCAG 2.2 AA.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './guarded-test';
import { builtPagePaths } from './built-pages';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

for (const path of builtPagePaths()) {
  for (const theme of THEMES) {
    test(`${path} has no WCAG A/AA violations in the ${theme} theme`, async ({ page }) => {
      // Starlight reads its theme from localStorage before the first paint.
      await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
      expect(violations, `axe violations on ${path} (${theme})`).toEqual([]);
    });
  }
}
