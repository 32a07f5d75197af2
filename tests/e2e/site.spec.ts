// The built handbook in Chromium: home page, sidebar navigation, search, theme, mobile menu.
// Every test runs under the guard in guarded-test.ts (no console errors, no foreign requests).
import { readFileSync } from 'node:fs';
import { test, expect } from './guarded-test';

/** A page's title from its MDX frontmatter, so renaming a page does not break these tests. */
function titleOf(mdx: string): string {
  const text = readFileSync(new URL(`../../src/content/docs/${mdx}`, import.meta.url), 'utf8');
  return (/^title:\s*(.+)$/m.exec(text)?.[1] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
}

const START = { path: '/start-here/what-is-a-homelab/', h1: titleOf('start-here/what-is-a-homelab.mdx') };
const FOUNDATION = {
  path: '/foundation/hypervisor-vms-and-containers/',
  h1: titleOf('foundation/hypervisor-vms-and-containers.mdx'),
};

test('the home page renders its title, hero and links to both chapters', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Homelab Handbook');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homelab Handbook');
  const hero = page.locator('.hero');
  await expect(hero).toContainText('Own every layer');
  await expect(hero.getByRole('link', { name: 'Start here' })).toHaveAttribute('href', START.path);
  await expect(hero.getByRole('link', { name: 'Hypervisor, VMs and containers' })).toHaveAttribute(
    'href',
    FOUNDATION.path,
  );

  await hero.getByRole('link', { name: 'Start here' }).click();
  await expect(page).toHaveURL(START.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(START.h1);
});

test('the sidebar lists every page and navigates between them', async ({ page }) => {
  await page.goto(START.path);
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  // Chapters grow during writing: check the fixed landmarks, in order, rather than the whole list.
  const names = await sidebar.getByRole('link').allTextContents();
  const landmarks = [START.h1, 'Hypervisor, VMs and LXC containers', 'The example labs', 'Threat-modelling a homelab', 'Lab files and the example labs', 'What is simulated'];
  const positions = landmarks.map((name) => names.map((n) => n.trim()).indexOf(name));
  expect(positions.every((p) => p >= 0), `sidebar links: ${names.join(' | ')}`).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  await expect(sidebar.getByRole('link', { name: START.h1 })).toHaveAttribute('aria-current', 'page');

  await sidebar.getByRole('link', { name: 'Hypervisor, VMs and LXC containers' }).click();
  await expect(page).toHaveURL(FOUNDATION.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FOUNDATION.h1);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hypervisor, VMs and LXC containers' }),
  ).toHaveAttribute('aria-current', 'page');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: START.h1 }).click();
  await expect(page).toHaveURL(START.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(START.h1);
});

test('Pagefind search finds "hypervisor" on the Foundation page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  // Several pages mention namespaces now; the Foundation page's own words find it first.
  await dialog.getByRole('textbox', { name: 'Search' }).fill('hypervisor');
  const hit = dialog.locator(`a.pagefind-ui__result-link[href$="${FOUNDATION.path}"]`);
  await expect(hit).toHaveText(FOUNDATION.h1);
  await hit.click();
  await expect(page).toHaveURL(FOUNDATION.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FOUNDATION.h1);
});

test('the theme select switches dark and light, and the choice survives a reload', async ({ page }) => {
  await page.goto(FOUNDATION.path);
  const html = page.locator('html');
  const select = page.locator('starlight-theme-select select').first();

  await select.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(select).toHaveValue('dark');
  expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('dark');

  await select.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(select).toHaveValue('light');
  expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('light');
});

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the menu button opens the sidebar and its links navigate', async ({ page }) => {
    await page.goto(START.path);
    const sidebar = page.locator('#starlight__sidebar');
    await expect(sidebar).toBeHidden();

    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(sidebar).toBeVisible();
    await sidebar.getByRole('link', { name: 'Hypervisor, VMs and LXC containers' }).click();

    await expect(page).toHaveURL(FOUNDATION.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FOUNDATION.h1);
    await expect(sidebar).toBeHidden();
  });
});

test('the lab files reference lists every example lab from src/content/labs', async ({ page }) => {
  const { readdirSync } = await import('node:fs');
  const labs = readdirSync(new URL('../../src/content/labs/', import.meta.url)).filter((f) => f.endsWith('.yaml'));
  await page.goto(START.path);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lab files and the example labs' }).click();
  await expect(page).toHaveURL('/reference/lab-files/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lab files and the example labs');
  for (const file of labs) await expect(page.getByText(`src/content/labs/${file}`)).toBeVisible();
  // The starter lab comes first and names its two hosts with their addresses.
  const starter = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Starter lab' }) });
  await expect(starter.getByRole('row', { name: /pve/ })).toContainText('192.168.5.146/24');
  await expect(starter.getByRole('row', { name: /truenas/ })).toContainText('192.168.5.142/24');
});
