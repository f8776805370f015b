// Offline: the release build's service worker, scoped to the sub-path the app is served from,
// lets a second visit start with the network off, and the parts of the app used once (the full
// app, the export worker) keep working offline: the matrix, the report and the download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openPage, ROOT } from './harness.mjs';

const PREFIX = '/tools/ims-matrix/';
const app = servedApp({ prefix: PREFIX });
const SAMPLE = await readFile(join(ROOT, 'data', 'sample-assessment.json'), 'utf8');

test('once loaded, the app starts and works with the network off', { timeout: 120000 }, async () => {
  const { context, page, problems } = await openPage(app.browser, { serviceWorkers: 'allow' });
  await page.goto(app.server.url);
  const scope = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((registration) => registration.scope),
    new Promise((resolve) => { setTimeout(() => resolve('no service worker within 15 s'), 15000); }),
  ]));
  assert.equal(scope, app.server.url, 'the service worker is scoped to the app\'s own folder');
  await page.evaluate((text) => localStorage.setItem('ims-matrix.assessment', text), SAMPLE);
  await page.reload();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is under the service worker');

  // Use the app once online: the matrix (the full app) and a download (the export worker).
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('#matrix-title').waitFor();
  const online = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  assert.match(online[0].suggestedFilename(), /\.xlsx$/);

  // The network goes away; a new visit starts anyway.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('#matrix-title').waitFor();
  await page.locator('.app-nav').getByRole('button', { name: 'Summary', exact: true }).click();
  await page.locator('#open-report').click();
  await page.locator('#report-title').waitFor();
  const offline = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  assert.match(offline[0].suggestedFilename(), /\.xlsx$/);
  assert.equal((await page.evaluate(() => caches.keys())).filter((name) => name.startsWith('ims-matrix-')).length, 1, 'one cache, of this build');
  assert.deepEqual(problems, []);
  await context.close();
});
