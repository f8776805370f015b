// End-to-end harness: serves dist/ on 127.0.0.1 with a strict Content-Security-Policy, drives
// Debian's Chromium through playwright-core, and records console errors and every request, so a
// test can assert that nothing leaves the page's origin. Screenshots go to target/screenshots/.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The policy a consultancy should send with the app (README, Embedding). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https:";

/**
 * Serves `dir` at `prefix` (e.g. '/tools/ims-matrix/') on an ephemeral loopback port, under the
 * strict Content-Security-Policy unless `headers` says otherwise.
 */
export async function serve(dir = DIST, { prefix = '/', headers = { 'content-security-policy': STRICT_CSP } } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let path = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Launches headless Debian Chromium with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page that records console errors, page errors and every request URL. */
export async function openPage(browser, { width = 1280, height = 900, serviceWorkers = 'block', locale = 'en-GB' } = {}) {
  // The service worker answers the page's requests, and Playwright's routes do not see those;
  // tests that are not about it run without it (tests/e2e/offline.test.mjs runs with it).
  const context = await browser.newContext({
    viewport: { width, height },
    acceptDownloads: true,
    serviceWorkers,
    // The browser's language picks the app's (src/web/lang.rs); tests are in English unless
    // they ask for another.
    locale,
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  // CSP violations are reported as security policy violation events; collect them too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, problems, requests };
}

/** Requests whose origin differs from `origin` (data: and blob: URLs stay on the page). */
export function foreignRequests(requests, origin) {
  return requests.filter(
    (url) => !url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const AXE_SOURCE = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its violations. The
 * source is evaluated through the driver, so a page's Content-Security-Policy does not block it.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/**
 * Registers before/after hooks that serve dist/ (under the strict policy) and launch Chromium
 * once for a test file; the returned object's `server` and `browser` are set by then.
 */
export function servedApp(options) {
  const app = { server: null, browser: null };
  before(async () => {
    app.server = await serve(undefined, options);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
