// The first visit downloads the first-visit page only (welcome screen and questionnaire); the full
// app, with the matrix engine and its screens, loads when the visitor goes further and takes the
// answers over. When it cannot load, the visitor is told and nothing typed is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, openPage } from './harness.mjs';

const app = servedApp();
const fullApp = (url) => /\/(ims-matrix-web-[^/]*|app-[0-9a-f]+\.(js|css))$/.test(new URL(url).pathname);

test('a first visit loads the welcome screen and questionnaire only; the matrix loads when asked for, with the answers', async () => {
  const { context, page, problems, requests } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'First Visit Ltd');
  await page.check('#q-org-size-small');
  await page.waitForTimeout(300);
  assert.ok(requests.some((url) => url.includes('ims-matrix-start-') && url.endsWith('_bg.wasm')), 'the first-visit page ran');
  assert.deepEqual(requests.filter(fullApp), [], 'nothing of the full app on the welcome screen and questionnaire');

  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await page.locator('#matrix-search').waitFor({ timeout: 15000 });
  assert.ok(requests.some((url) => url.includes('ims-matrix-web-') && url.endsWith('_bg.wasm')), 'the full app loaded');
  assert.ok(requests.some((url) => /\/app-[0-9a-f]+\.css$/.test(url)), 'with its styles');
  // The matrix screens are styled by the full app's styles.
  assert.equal(await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).display), 'grid');
  // The answers came over: the questionnaire in the full app shows them, and they are saved.
  await page.getByRole('button', { name: 'Questionnaire', exact: true }).click();
  assert.equal(await page.inputValue('#q-org-name'), 'First Visit Ltd');
  assert.equal(await page.isChecked('#q-org-size-small'), true);
  // One app on the page: the first-visit page left nothing behind.
  assert.equal(await page.locator('.app').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the full app cannot load, the visitor is told and the answers stay saved', async () => {
  const { context, page } = await openPage(app.browser);
  const fullAppUrl = (url) => fullApp(url.href);
  await page.route(fullAppUrl, (route) => route.abort());
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Offline Ltd');
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.getByText(/could not be loaded/).waitFor({ timeout: 10000 });
  // Back online: a reload offers to resume, with the answer as typed.
  await page.unroute(fullAppUrl);
  await page.reload();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  assert.equal(await page.inputValue('#q-org-name'), 'Offline Ltd');
  await context.close();
});
