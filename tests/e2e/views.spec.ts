// The sandbox's SVG views (src/components/views) in Chromium, inside a built handbook page so
// Starlight's real theme properties apply: mountView() draws the three views from models of
// real simulator states; axe finds no WCAG A/AA violation in light and dark at phone width;
// Tab walks into the drawing's nodes, and a redraw after the next line keeps the focused
// node; hostile names stay text. (The /lab/ page itself is tested with the lab component.)
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { buildSync } from 'esbuild';
import type { Page } from '@playwright/test';
import { test, expect } from './guarded-test';
import { LabDriver } from './lab-terminal';
import { iscsiTopologyView } from '../../src/simulator/engines/iscsi';
import { namespacesView } from '../../src/simulator/engines/proxmox';
import { zfsTreeView } from '../../src/simulator/engines/zfs';
import type { NamespacesView, ZfsTreeView } from '../../src/simulator/worker/api-types';
import { containerScenario, iscsiScenario, runAll, zfsScenario } from '../unit/components/views/view-models';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Any handbook page: the views sit in its content column, under Starlight's styles.
const HOST_PAGE = '/start-here/what-is-a-homelab/';

/** mount-views.ts bundled for the page, exposed as window.hlabMountView. */
const bundle = buildSync({
  stdin: { contents: "import { mountView } from './src/components/views/mount-views';\n(window as unknown as { hlabMountView: unknown }).hlabMountView = mountView;", resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'iife',
  write: false,
}).outputFiles[0]?.text as string;

const zfs = zfsScenario();
runAll(zfs, ['lab fault corrupt sdb']);
const zfsModel = zfsTreeView(zfs.world, 'truenas', 'tank/fs') as ZfsTreeView;
const nsModel = namespacesView(containerScenario().world, 'pve', 101) as NamespacesView;
const iscsiModel = iscsiTopologyView(iscsiScenario(['192.168.5.146']).world);

/** Opens the host page in `theme` at `width` and adds an empty `#views` section with the views' code and CSS. */
async function open(page: Page, theme: 'light' | 'dark', width = 375): Promise<void> {
  await page.setViewportSize({ width, height: 740 });
  await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
  await page.goto(HOST_PAGE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await page.addStyleTag({ path: `${root}src/components/views/views.css` });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const section = document.createElement('section');
    section.id = 'views';
    for (const kind of ['zfs', 'namespaces', 'iscsi']) {
      const div = document.createElement('div');
      div.id = `view-${kind}`;
      section.append(div);
    }
    document.querySelector('main .sl-markdown-content')?.prepend(section);
  });
}

/** Calls mountView in the page. */
async function mount(page: Page, kind: string, model: unknown, options: object = {}): Promise<void> {
  await page.evaluate(
    ([k, m, o]) => (window as unknown as { hlabMountView: (c: HTMLElement, k: string, m: unknown, o: object) => void }).hlabMountView(document.getElementById(`view-${k}`) as HTMLElement, k, m, o),
    [kind, model, options] as const,
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`the three views have no WCAG A/AA violations in the ${theme} theme on a phone, and fit it`, async ({ page }) => {
    await open(page, theme);
    await mount(page, 'zfs', zfsModel);
    await mount(page, 'namespaces', nsModel, { host: 'pve' });
    await mount(page, 'iscsi', iscsiModel);
    await expect(page.locator('#view-zfs svg [data-key="uberblock"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#views').withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Damaged blocks are drawn in the theme's red, not only described.
    const stroke = await page.locator('#view-zfs g.block.damaged .box').first().evaluate((e) => getComputedStyle(e).stroke);
    const red = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--sl-color-red)';
      document.body.append(probe);
      return getComputedStyle(probe).color;
    });
    expect(stroke).toBe(red);
  });
}

test('Tab reaches the drawing (one stop), arrows move between nodes; a redraw keeps the focused node; the text alternative is there', async ({ page }) => {
  await open(page, 'light', 1280);
  await mount(page, 'zfs', zfsModel, { idPrefix: 'lab-zfs' });
  await page.locator('#view-zfs .hlab-view-frame').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-key', 'uberblock');
  // One Tab stop per view: the arrow keys move between its nodes, Tab leaves it.
  await expect(page.locator('#view-zfs [data-key][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Dataset tank\/fs: used /);
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAttribute('data-key', /^block:3:0$/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  // The next line's models arrive (the damage healed): the same node keeps the focus.
  const healed = structuredClone(zfsModel);
  for (const f of healed.files) for (const b of f.blocks) if (b) b.damaged = false;
  await mount(page, 'zfs', healed, { idPrefix: 'lab-zfs' });
  await expect(page.locator(':focus')).toHaveAttribute('data-key', 'dataset');
  await expect(page.locator('#view-zfs g.block.damaged')).toHaveCount(0);
  await expect(page.locator('#view-zfs g.block.healed')).toHaveCount(5);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('ZFS block tree: text description');
  await page.locator('#view-zfs summary').click();
  await expect(page.locator('#view-zfs .hlab-view-description')).toContainText('No damaged blocks.');
  // No model (the dataset was destroyed): said in words.
  await mount(page, 'zfs', null);
  await expect(page.locator('#view-zfs .hlab-view-empty')).toContainText('No dataset to draw');
});

test('hostile names in the models stay text in the page', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await open(page, 'dark', 1280);
  const evil = '<img src=x onerror=alert(1)>$(reboot)\u001b[31m';
  const hostileNs: NamespacesView = { ...nsModel, hostname: evil, users: [{ name: evil, containerUid: 1000, hostUid: 101000 }] };
  const hostileZfs: ZfsTreeView = { ...zfsModel, dataset: `tank/${evil}`, files: zfsModel.files.map((f) => ({ ...f, path: `/${evil}` })) };
  await mount(page, 'namespaces', hostileNs, { host: '<svg onload=alert(2)>' });
  await mount(page, 'zfs', hostileZfs);
  await expect(page.locator('#views img, #views script, #views foreignObject, #views [onload], #views [onerror]')).toHaveCount(0);
  await expect(page.locator('#view-namespaces [data-key="container"]')).toHaveAttribute('aria-label', /^Container 101 \(<img src=x onerror=alert\(1\)>\$\(reboot\)␛\[31m\) on <svg onload=alert\(2\)>/);
  await expect(page.locator('#view-zfs .hlab-view-description')).toContainText('/<img src=x onerror=alert(1)>$(reboot)␛[31m:');
  expect(dialogs).toBe(0);
});

test('on /lab/: the ZFS view follows the typed lines — damaged, then healed — and Tab reaches its nodes', async ({ page }) => {
  // Seven lines through the worker, each redrawing the views, then axe: slow on a loaded 2-core machine.
  test.setTimeout(90_000);
  await page.goto('/lab/');
  const lab = new LabDriver(page);
  await lab.ready();
  for (const line of ['ssh truenas', 'zpool create tank mirror sda sdb', 'zfs create tank/fs', 'dd if=/dev/urandom of=/mnt/tank/fs/f bs=128K count=4 status=none', 'lab fault corrupt sdb']) await lab.run(line);
  const section = page.locator('section[data-view="zfs"]');
  await section.getByRole('combobox').selectOption({ label: 'truenas: tank/fs' });
  await expect(section.locator('svg g.block.damaged')).toHaveCount(4);
  await lab.run('zpool scrub -w tank');
  await expect(section.locator('svg g.block.healed')).toHaveCount(4);
  await expect(section.locator('svg g.block.damaged')).toHaveCount(0);
  await section.locator('.hlab-view-frame').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-key', 'uberblock');
  const results = await new AxeBuilder({ page }).include('section[data-view]').withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
});
