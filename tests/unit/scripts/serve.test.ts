import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, createSiteServer, parseOptions, resolveInside } from '../../../scripts/serve.mjs';

// scripts/serve.mjs serves dist/ for `npm start` and the browser tests: it must never
// serve a file outside the folder it was given.
describe('resolveInside', () => {
  const root = '/srv/site';
  it('maps paths inside the root', () => {
    expect(resolveInside(root, '/')).toBe('/srv/site');
    expect(resolveInside(root, '/foundation/index.html')).toBe('/srv/site/foundation/index.html');
    expect(resolveInside(root, '/a%20b.html')).toBe('/srv/site/a b.html');
  });
  it('refuses paths that leave the root or are malformed', () => {
    for (const path of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/a/../../etc', '/%00', '/%E0%A4%A', '/..%5c..%5cetc', '/site-other/../../site2'])
      expect(resolveInside(root, path), path).toBeNull();
  });
});

describe('options and types', () => {
  it('reads --port and refuses junk', () => {
    expect(parseOptions(['--port', '8080'], {}).port).toBe(8080);
    expect(parseOptions([], { PORT: '5000' }).port).toBe(5000);
    expect(() => parseOptions(['--port', 'x'], {})).toThrow("serve: invalid port 'x' (expected a number from 0 to 65535)");
    expect(() => parseOptions(['--bogus'], {})).toThrow("serve: unknown option '--bogus'");
  });
  it('serves Pagefind index files as bytes and pages as UTF-8 HTML', () => {
    expect(contentTypeOf('pagefind/index/en_1.pf_index')).toBe('application/octet-stream');
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
  });
});

describe('the server', () => {
  let dir: string;
  let base: { port: number };
  let server: ReturnType<typeof createSiteServer>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hlab-serve-'));
    mkdirSync(join(dir, 'site', 'page'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), 'home');
    writeFileSync(join(dir, 'site', 'page', 'index.html'), 'page');
    writeFileSync(join(dir, 'site', '404.html'), 'not here');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    server = createSiteServer(join(dir, 'site'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = { port: (server.address() as AddressInfo).port };
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: base.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves pages and directories', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: 'home' });
    expect(await get('/page/')).toMatchObject({ status: 200, body: 'page' });
  });
  it('answers 404 with the site 404 page', async () => {
    expect(await get('/nope')).toMatchObject({ status: 404, body: 'not here' });
  });
  it('never serves a file outside the folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/page/../../secret.txt']) {
      const r = await get(path);
      expect(r.body, path).not.toContain('secret');
      expect([400, 404], path).toContain(r.status);
    }
  });
});
