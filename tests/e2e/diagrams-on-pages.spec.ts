// Mermaid on the built pages: a page with a diagram loads Mermaid after its first paint and
// draws an SVG with the diagram's title, redraws it when the theme changes; a page without a
// diagram never downloads Mermaid.
import { test, expect } from './guarded-test';

const WITH_DIAGRAM = '/architecture/seed-002-docker-vm-omv/';
const WITHOUT_DIAGRAM = '/reference/lab-files/';
// Mermaid is large: on a loaded two-core machine its first render can take several seconds.
const RENDERED = { timeout: 20_000 };

test('a generated architecture page renders its topology as an SVG with a title', async ({ page }) => {
  await page.goto(WITH_DIAGRAM);
  const box = page.locator('.mermaid-diagram').first();
  await expect(box.locator('svg')).toBeVisible(RENDERED);
  await expect(box.locator('svg title')).toHaveText('Docker VM, OMV storage and a separate security plane');
  await expect(box.locator('svg desc')).not.toBeEmpty();
  await expect(box).toHaveAttribute('data-rendered', /^(default|dark)$/);
});

test('the diagram follows the light/dark theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
  await page.goto(WITH_DIAGRAM);
  const box = page.locator('.mermaid-diagram').first();
  await expect(box).toHaveAttribute('data-rendered', 'default', RENDERED);
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(box).toHaveAttribute('data-rendered', 'dark', RENDERED);
  await expect(box.locator('svg')).toBeVisible();
});

test('a page without a diagram never loads Mermaid', async ({ page, guard }) => {
  await page.goto(WITHOUT_DIAGRAM);
  await page.waitForLoadState('networkidle');
  expect(guard.requests.filter((url) => /mermaid-render|cytoscape|katex/.test(url))).toEqual([]);
});
