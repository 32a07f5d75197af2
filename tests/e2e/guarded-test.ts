// A Playwright `test` whose every page is watched: a console error, an uncaught page
// error, or a request to any origin other than the site's own fails the test.
// The built site must work offline and leak nothing (see the site brief and DESIGN.md).
import { test as base, expect } from '@playwright/test';

/** What the guard saw during one test. */
export interface PageGuardRecord {
  /** Console messages of type `error`, and uncaught exceptions, as text with their URL. */
  consoleErrors: string[];
  /** Every request URL the browser context made, in order. */
  requests: string[];
  /** Requests to an origin other than the site's (they are aborted, and fail the test). */
  foreignRequests: string[];
}

/**
 * True when a request stays on the site's origin. `data:` and `blob:` URLs never leave
 * the browser, so they are local too.
 */
export function isLocalRequest(url: string, siteOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === siteOrigin;
  } catch {
    return false;
  }
}

/**
 * The guarded test. Use it like Playwright's own: `test('…', async ({ page, guard }) => …)`.
 * The `guard` fixture is automatic; ask for it only to inspect what it recorded.
 */
export const test = base.extend<{ guard: PageGuardRecord }>({
  guard: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) throw new Error('guarded-test: no baseURL in playwright.config.ts');
      const siteOrigin = new URL(baseURL).origin;
      const record: PageGuardRecord = { consoleErrors: [], requests: [], foreignRequests: [] };

      // Abort anything leaving the origin, so a stray fetch fails fast instead of hanging.
      await context.route(
        (url) => !isLocalRequest(url.href, siteOrigin),
        (route) => route.abort('blockedbyclient'),
      );
      context.on('request', (request) => {
        const url = request.url();
        record.requests.push(url);
        if (!isLocalRequest(url, siteOrigin)) record.foreignRequests.push(url);
      });
      const watchPage = (page: import('@playwright/test').Page) => {
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const where = message.location().url;
          record.consoleErrors.push(`${message.text()}${where ? ` (at ${where})` : ''}`);
        });
        page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`));
      };
      context.pages().forEach(watchPage);
      context.on('page', watchPage);

      await use(record);

      expect(record.foreignRequests, 'requests that left the site origin').toEqual([]);
      expect(record.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
