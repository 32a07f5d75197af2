#!/usr/bin/env node
// Serves the built site (dist/) on 127.0.0.1 with no dependencies beyond Node itself.
// Used by `npm start` (after `astro build`), `npm run preview` and the Playwright tests.
// Usage: node scripts/serve.mjs [--port N] [--dir PATH]   (PORT env works too; default 4321)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';

/** Content types by file extension; anything unknown is served as bytes. */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Content type of a file served from dist/. Pagefind's index files (`.pf_meta`,
 * `.pf_index`, `.pf_fragment`, `.pf_filter`) are gzip-compressed binary fetched by its
 * script, so they go out as plain bytes.
 * @param {string} filePath
 * @returns {string}
 */
export function contentTypeOf(filePath) {
  const ext = extname(filePath).toLowerCase();
  if (ext.startsWith('.pf_')) return 'application/octet-stream';
  return MIME_TYPES[/** @type {keyof typeof MIME_TYPES} */ (ext)] ?? 'application/octet-stream';
}

/**
 * Reads `--port N` / `--port=N` and `--dir PATH` from argv, falling back to PORT and 4321.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, dir: string }}
 */
export function parseOptions(argv, env) {
  let port = env.PORT ?? '4321';
  let dir = fileURLToPath(new URL('../dist/', import.meta.url));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') port = argv[++i] ?? '';
    else if (arg.startsWith('--port=')) port = arg.slice('--port='.length);
    else if (arg === '--dir') dir = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--dir=')) dir = resolve(arg.slice('--dir='.length));
    else throw new Error(`serve: unknown option '${arg}' (usage: node scripts/serve.mjs [--port N] [--dir PATH])`);
  }
  const portNumber = Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) {
    throw new Error(`serve: invalid port '${port}' (expected a number from 0 to 65535)`);
  }
  return { port: portNumber, dir };
}

/**
 * Maps a request path to a file under `root`, or null when the path is malformed or
 * would leave `root` (e.g. `/../etc/passwd`, `/%2e%2e/`, a NUL byte).
 * @param {string} root absolute directory
 * @param {string} urlPath the request target's path, still percent-encoded
 * @returns {string | null}
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

/**
 * Finds the file to send for a path: the file itself, or `index.html` inside a directory.
 * @param {string} target
 * @returns {Promise<string | null>}
 */
async function findFile(target) {
  const info = await stat(target).catch(() => null);
  if (info?.isFile()) return target;
  if (info?.isDirectory()) {
    const index = join(target, 'index.html');
    const indexInfo = await stat(index).catch(() => null);
    if (indexInfo?.isFile()) return index;
  }
  return null;
}

/**
 * Creates the static file server for `dir` (not yet listening).
 * @param {string} dir
 */
export function createSiteServer(dir) {
  const root = resolve(dir);
  return createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('405 Method Not Allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const target = resolveInside(root, url.pathname);
    if (target === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('400 Bad Request\n');
      return;
    }
    const file = await findFile(target);
    if (file === null) {
      const page = await readFile(join(root, '404.html')).catch(() => Buffer.from('404 Not Found\n'));
      res.writeHead(404, { 'Content-Type': contentTypeOf('404.html'), 'Content-Length': page.length });
      res.end(method === 'HEAD' ? undefined : page);
      return;
    }
    // A directory asked for without its trailing slash: redirect, so relative URLs resolve.
    if (file.endsWith(`${sep}index.html`) && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    const size = (await stat(file)).size;
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}

/** Starts the server from the command line. */
async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const indexInfo = await stat(join(options.dir, 'index.html')).catch(() => null);
  if (!indexInfo?.isFile()) {
    console.error(`serve: no built site in ${options.dir} (run 'npm run build' first)`);
    process.exit(1);
  }
  const server = createSiteServer(options.dir);
  server.on('error', (error) => {
    console.error(`serve: cannot listen on ${HOST}:${options.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    console.log(`Homelab Handbook: http://${HOST}:${port}/`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
