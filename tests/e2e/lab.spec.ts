// The sandbox in the page (issue 10): the <Lab> on /lab/ in Chromium, driven like a reader
// would — typing, keys, toolbar — through LabDriver (lab-terminal.ts). Every test runs under
// the guard in guarded-test.ts: no console errors, no request off the site's origin.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './guarded-test';
import { LabDriver } from './lab-terminal';

const LAB_PAGE = '/lab/';
// Each test takes a few seconds on an idle machine; a cold boot compiles the simulator, and on
// a shared 2-core machine under load that alone can take several seconds.
test.describe.configure({ timeout: 60_000 });
const HOSTILE_LAB = fileURLToPath(new URL('./fixtures/hostile-lab.yaml', import.meta.url));

/** Opens /lab/ and waits for a usable prompt. */
async function openLab(page: import('@playwright/test').Page): Promise<LabDriver> {
  await page.goto(LAB_PAGE);
  const lab = new LabDriver(page);
  await lab.ready();
  return lab;
}

test('a typed command shows its output, Tab completes a command and Up recalls the last line', async ({ page }) => {
  const lab = await openLab(page);
  expect(await lab.currentLine()).toBe('root@pve:~#');
  await lab.run('echo hello from the lab');
  await lab.sees(/^hello from the lab$/m);

  await lab.type('hostn');
  await lab.press('Tab');
  await expect.poll(() => lab.currentLine()).toBe('root@pve:~# hostname');
  await lab.press('Enter');
  await lab.ready();
  await lab.sees(/^pve$/m);

  await lab.press('ArrowUp');
  await expect.poll(() => lab.currentLine()).toBe('root@pve:~# hostname');
  await lab.press('Control+u');

  // A paste of several lines runs them one after another, each after its own prompt.
  await lab.paste('echo pasted-one\necho pasted-two\n');
  await lab.ready();
  await lab.sees(/^root@pve:~# echo pasted-one\npasted-one\nroot@pve:~# echo pasted-two\npasted-two\nroot@pve:~#$/m);
});

test('Ctrl-R finds an earlier line and Ctrl-C cancels the line being typed', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('echo first-line');
  await lab.run('echo second-line');
  await lab.press('Control+r');
  await lab.type('first');
  await expect.poll(() => lab.currentLine()).toContain('echo first-line');
  await lab.press('Enter');
  await lab.ready();
  await expect.poll(async () => (await lab.screen()).match(/^first-line$/gm)?.length).toBe(2);

  await lab.type('echo never-run');
  await lab.press('Control+c');
  await lab.ready();
  await lab.sees('echo never-run^C');
  expect(await lab.currentLine()).toBe('root@pve:~#');
  expect(await lab.screen()).not.toMatch(/^never-run$/m);
});

test('ssh truenas changes the prompt, and exit comes back to pve', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('ssh truenas');
  await expect.poll(() => lab.currentLine()).toMatch(/^root@truenas.*[#$]$/);
  await lab.run('hostname');
  await lab.sees(/^truenas$/m);
  await lab.run('exit');
  await expect.poll(() => lab.currentLine()).toBe('root@pve:~#');
});

test('a reload restores the session: the screen, the files and the Up history', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/kept-after-reload');
  await page.reload();
  await lab.ready();
  await lab.sees('mkdir /root/kept-after-reload');
  // The reloaded page takes its own save back (not a second tab's copy).
  await expect(lab.root.getByRole('alert')).toHaveCount(0);
  await lab.press('ArrowUp');
  await expect.poll(() => lab.currentLine()).toBe('root@pve:~# mkdir /root/kept-after-reload');
  await lab.press('Control+c');
  await lab.run('ls /root');
  await lab.sees(/kept-after-reload/);
});

test('a saved session that cannot be restored is set aside with a notice and a download, not dropped', async ({ page }) => {
  const key = 'hlab:v1:session:/lab/:starter';
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"format":"hlab-session","events":[{"kind":"nonsense"}]}');
      sessionStorage.setItem('seeded', '1');
    }
  }, key);
  const lab = await openLab(page);
  const notice = lab.root.getByRole('alert').filter({ hasText: 'could not be restored' });
  await expect(notice).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('link', { name: 'Download the old session' }).click()]);
  expect(download.suggestedFilename()).toBe('hlab-session-starter-set-aside.json');
  const kept = await page.evaluate((k) => Object.keys(localStorage).filter((name) => name.startsWith(`${k}:aside:`)).map((name) => localStorage.getItem(name)), key);
  expect(kept).toEqual(['{"format":"hlab-session","events":[{"kind":"nonsense"}]}']);
  // The lab started afresh and saves normally again.
  await lab.run('echo fresh-start');
  await lab.sees(/^fresh-start$/m);
});

test('a second tab on the same page works on its own copy and leaves the work of the first alone', async ({ page, context }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/from-tab-one');
  const second = await context.newPage();
  await second.goto(LAB_PAGE);
  const other = new LabDriver(second);
  await other.ready();
  await expect(other.root.getByRole('alert')).toContainText('open in another tab');
  await other.sees('mkdir /root/from-tab-one');
  await other.run('mkdir /root/only-in-tab-two');
  await page.reload();
  await lab.ready();
  await lab.run('ls /root');
  await lab.sees(/from-tab-one/);
  expect(await lab.screen()).not.toContain('only-in-tab-two');
});

test('a share link opened in a new browser context restores the session', async ({ page, browser, baseURL }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/shared-dir');
  await lab.button('Share').click();
  const link = await lab.root.locator('[data-share-link]').inputValue();
  expect(link).toMatch(/#lab=/);
  expect(link.length).toBeLessThan(2000);

  const fresh = await browser.newContext({ baseURL });
  const away: string[] = [];
  fresh.on('request', (request) => {
    if (!request.url().startsWith(baseURL ?? '')) away.push(request.url());
  });
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = new LabDriver(other);
  await shared.ready();
  await shared.sees('mkdir /root/shared-dir');
  await shared.run('ls /root');
  await shared.sees(/shared-dir/);
  expect(away).toEqual([]);
  await fresh.close();
});

test('undo and redo step back and forth one line at a time', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/step-one');
  await lab.run('echo step-two');
  await lab.button('Undo').click();
  await expect.poll(() => lab.screen()).not.toContain('echo step-two');
  await lab.button('Undo').click();
  await expect.poll(() => lab.screen()).not.toContain('step-one');
  await expect(lab.button('Undo')).toBeDisabled();

  await lab.button('Redo').click();
  await lab.sees('mkdir /root/step-one');
  await lab.button('Redo').click();
  await lab.sees(/^step-two$/m);
  await expect(lab.button('Redo')).toBeDisabled();
  await lab.run('ls /root');
  await lab.sees(/step-one/);
});

test('a worker killed under the page is replaced and the session survives', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/survivor');
  await page.evaluate(() => window.__hlabKillWorker?.());
  await lab.type('ls /root');
  await lab.press('Enter');
  await lab.ready();
  await lab.sees(/survivor/);
  await expect(lab.root.getByRole('status')).toContainText('restarted');
});

test('a hostile lab file stays inert text in the terminal and the views', async ({ page }) => {
  const lab = await openLab(page);
  await lab.root.locator('[data-input="lab-file"]').setInputFiles(HOSTILE_LAB);
  await expect(lab.root.getByRole('status')).toContainText('Opened hostile-lab.yaml');
  await lab.ready();
  await expect(lab.root.getByRole('status')).toContainText('<img src=x onerror=');
  await lab.run('pct config 101');
  await lab.sees('<img src=c onerror=');
  await lab.run("echo -e 'a\\e]0;title\\a\\e[2Jb'");
  await lab.sees('a^[]0;title^G^[[2Jb');
  // The iSCSI view draws the extent's name as text, in the SVG and in its description.
  const iscsi = lab.root.locator('section[data-view="iscsi"]');
  await expect(iscsi.locator('.hlab-view-description')).toContainText('extent <img src=e onerror="window.__hlabPwned=6">');
  await expect(iscsi.locator('svg')).toContainText('<img src=e onerror=');
  expect(await page.evaluate(() => (window as { __hlabPwned?: number }).__hlabPwned)).toBeUndefined();
  await expect(lab.root.locator('img, script, iframe, b, [onerror]')).toHaveCount(0);
  await expect(page).toHaveTitle(/Lab sandbox/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('the key bar types Tab, Ctrl-C and Up, and nothing is wider than the screen', async ({ page }) => {
    const lab = await openLab(page);
    const keys = lab.root.getByRole('group', { name: 'Terminal keys' });
    await expect(keys).toBeVisible();
    await lab.run('echo from-the-phone');
    await lab.type('hostn');
    await keys.getByRole('button', { name: 'Tab' }).tap();
    await expect.poll(() => lab.currentLine()).toBe('root@pve:~# hostname');
    await keys.getByRole('button', { name: 'Ctrl' }).tap();
    await lab.type('c');
    await lab.ready();
    await expect.poll(() => lab.currentLine()).toBe('root@pve:~#');
    await keys.getByRole('button', { name: 'Up arrow' }).tap();
    await expect.poll(() => lab.currentLine()).toBe('root@pve:~# echo from-the-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the running lab has no WCAG A/AA violations in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
    const lab = await openLab(page);
    await lab.run('zpool status');
    await lab.button('Export configs').click();
    await expect(lab.root.locator('[data-export]')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);

    // The terminal follows Starlight's theme, also when the reader switches it.
    const background = () => lab.root.locator('.xterm-scrollable-element').evaluate((el) => getComputedStyle(el).backgroundColor);
    const colours = { light: 'rgb(250, 250, 250)', dark: 'rgb(27, 30, 36)' };
    await expect.poll(background).toBe(colours[theme]);
    const other = theme === 'light' ? 'dark' : 'light';
    await page.locator('starlight-theme-select select').first().selectOption(other);
    await expect.poll(background).toBe(colours[other]);
  });
}

test('save and open progress, download the lab file, export configs, and a lab file that does not validate', async ({ page }) => {
  const lab = await openLab(page);
  await lab.run('mkdir /root/saved-to-a-file');
  const [saved] = await Promise.all([page.waitForEvent('download'), lab.button('Save progress').click()]);
  expect(saved.suggestedFilename()).toBe('hlab-session-starter.json');
  const log = await saved.path();

  await lab.button('Reset').click();
  await lab.ready();
  await expect.poll(() => lab.screen()).not.toContain('saved-to-a-file');
  await lab.root.locator('[data-input="progress-file"]').setInputFiles(log);
  await lab.sees('mkdir /root/saved-to-a-file');

  const [yaml] = await Promise.all([page.waitForEvent('download'), lab.button('Download lab file').click()]);
  expect(yaml.suggestedFilename()).toMatch(/\.yaml$/);

  await lab.button('Export configs').click();
  const panel = lab.root.locator('[data-export]');
  await expect(panel.getByRole('heading')).toContainText('Config files for this lab');
  await panel.locator('summary').first().click();
  await expect(panel.getByRole('button', { name: /^Copy / }).first()).toBeVisible();
  const [zip] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download all as .zip' }).click()]);
  expect(zip.suggestedFilename()).toBe('hlab-export-pve9.zip');

  await lab.root.locator('[data-input="lab-file"]').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('version: 1\nname: Broken\nhosts: 3\n') });
  const notice = lab.root.getByRole('alert').filter({ hasText: 'broken.yaml is not a valid lab file' });
  await expect(notice).toContainText(/broken\.yaml:3:\d+: hosts/);
  await lab.run('ls /root');
  await lab.sees(/saved-to-a-file/);
});

test('a page without a <Lab> loads none of the lab, and the lab page only local files', async ({ page, guard }) => {
  await page.goto('/start-here/what-is-a-homelab/');
  await page.waitForLoadState('networkidle');
  const labFiles = (urls: string[]) => urls.filter((u) => /sim\.worker|terminal\.|xterm|Lab\.astro/i.test(u));
  expect(labFiles(guard.requests)).toEqual([]);
  expect(await page.locator('hlab-lab').count()).toBe(0);

  await openLab(page);
  expect(labFiles(guard.requests).length).toBeGreaterThan(0);
  expect(guard.foreignRequests).toEqual([]);
});

test('without JavaScript the lab says what it would show', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LAB_PAGE);
  const fallback = page.locator('hlab-lab .hlab-fallback');
  await expect(fallback).toBeVisible();
  await expect(fallback).toContainText('It needs JavaScript');
  await expect(fallback).toContainText('Starter lab');
  await expect(page.locator('hlab-lab [role="toolbar"]')).toBeHidden();
  await context.close();
});

test('the worker starts with the shell and engines; commands, YAML and the exporters come after the prompt', async ({ page, guard }) => {
  await openLab(page);
  const scripts = () => guard.requests.filter((u) => /\/_astro\/.*\.js$/.test(new URL(u).pathname));
  const text = async (urls: string[]) => (await Promise.all(urls.map(async (u) => (await page.request.get(u)).text()))).join('\n');
  // Right at the prompt: the worker fetches the rest a second after its first boot (lazy-api.ts).
  const atStart = scripts();
  // One worker, its entry module fetched once: the chunks import it by the very URL it was started with.
  expect(guard.requests.filter((u) => /\/sim\.worker-[^/]*\.js/.test(u))).toHaveLength(1);
  const first = await text(atStart);
  // Markers of what may wait: the YAML library's node tags, the exporters' script header, zpool create's usage.
  const markers = ['yaml.alias', 'set -euo pipefail', '[-O file-system-property=value]'];
  for (const marker of markers) expect(first, marker).not.toContain(marker);

  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  const later = await text(scripts().filter((u) => !atStart.includes(u)));
  for (const marker of markers) expect(later, marker).toContain(marker);
});

test('once the page is loaded the lab needs no network: offline, every command, the exporters and the lab file still work', async ({ page, context }) => {
  const lab = await openLab(page);
  // The worker fetches the rest of the simulator a second after its first boot (lazy-api.ts).
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await lab.run('zfs list -o name');
  await lab.sees(/^rpool\/data$/m);
  await lab.run('ssh truenas');
  await lab.run('midclt call pool.query | head -c 1');
  await lab.sees(/^\[$/m);
  await lab.run('exit');
  await lab.run('pvesm status | head -1; iscsiadm -m session; echo status=$?');
  await lab.sees(/^Name\s+Type\s+Status/m);
  await lab.sees(/^status=21$/m);
  await lab.button('Export configs').click();
  const panel = lab.root.locator('[data-export]');
  await expect(panel.getByRole('heading')).toContainText('Config files for this lab');
  const [yaml] = await Promise.all([page.waitForEvent('download'), lab.button('Download lab file').click()]);
  expect(yaml.suggestedFilename()).toMatch(/\.yaml$/);
  expect(await lab.screen()).not.toContain('could not be loaded');
});
