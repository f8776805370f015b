// The first visit downloads the first-visit page only (welcome screen and questionnaire); the full
// app, with the matrix engine and its screens, loads when the visitor goes further and takes the
// answers over. When it cannot load, the visitor is told and nothing typed is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { servedApp, openPage, screenshot } from './harness.mjs';

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

// A new visitor (English, nothing saved, no link, not embedded) gets index.html's own copy of the
// welcome screen (www/start.js): usable before any wasm loads, which waits for their first act.
const wasm = (requests) => requests.filter((url) => url.endsWith('.wasm'));

test("a new visitor's welcome screen works before any wasm loads; Start loads the questionnaire", async () => {
  const { context, page, problems, requests } = await openPage(app.browser, { width: 375, height: 812 });
  await page.goto(app.server.url);
  await page.locator('#welcome-title').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(wasm(requests), [], 'nothing but the page, its styles and its start-up script');
  assert.equal(await page.locator('#first-visit-failed').isVisible(), false);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.locator('#q-org-name').waitFor();
  assert.ok(wasm(requests).some((url) => url.includes('ims-matrix-start-')), 'the first-visit page loaded on Start');
  // Every text the first-visit page shows is in its own texts: a key shown in place of its
  // text (the header's download button once read "export-button.download") is missing there.
  const keys = (await page.locator('body').innerText()).match(/\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9.-]*[a-z0-9]\b/g) ?? [];
  assert.deepEqual(keys.filter((k) => !/^(ims-matrix|iso|\d)/i.test(k) && !k.includes('.xlsx')), [], 'texts missing from the first-visit page');
  // The page took the screen over: one frame, and the questionnaire works.
  assert.equal(await page.locator('.app').count(), 1);
  await page.fill('#q-org-name', 'Static Start Ltd');
  await page.reload();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  assert.equal(await page.inputValue('#q-org-name'), 'Static Start Ltd');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the static welcome screen says when the questionnaire cannot load, and the next try works', async () => {
  const { context, page } = await openPage(app.browser);
  const startPage = (url) => /ims-matrix-start-[0-9a-f]+_bg\.wasm$/.test(url.pathname);
  await page.route(startPage, (route) => route.abort());
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  const failed = page.locator('#first-visit-failed');
  await failed.waitFor({ state: 'visible' });
  assert.match(await failed.textContent(), /could not be loaded/);
  assert.equal(await page.locator('#welcome-title').isVisible(), true, 'the screen stays as it was');
  await page.unroute(startPage);
  // A slow network: the screen says that the questionnaire is on its way.
  await page.route(startPage, async (route) => {
    await new Promise((later) => setTimeout(later, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  const loading = page.locator('#first-visit-loading');
  await loading.waitFor({ state: 'visible' });
  assert.match(await loading.textContent(), /Loading the questionnaire/);
  assert.equal(await failed.isVisible(), false, 'the failure is not said again');
  await screenshot(page, 'first-visit-loading-1280');
  await page.locator('#q-org-name').waitFor();
  await context.close();
});

test('a file dropped on the static welcome screen opens, as one chosen there does', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.locator('#welcome-title').waitFor();
  const sample = readFileSync(new URL('../../data/sample-assessment.json', import.meta.url), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'sample.json', { type: 'application/json' }));
    return data;
  }, sample);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(() => localStorage.getItem('ims-matrix.assessment')?.includes('"org.name"'), null, { timeout: 30000 });
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('ims-matrix.assessment')));
  assert.equal(saved.answers['org.name'], JSON.parse(sample).answers['org.name']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a visitor the static welcome screen does not fit gets the page at once', async () => {
  // Saved answers: the welcome offers to resume them, which only the page knows.
  const { context, page, requests } = await openPage(app.browser);
  await page.addInitScript((saved) => localStorage.setItem('ims-matrix.assessment', saved), readFileSync(new URL('../../data/sample-assessment.json', import.meta.url), 'utf8'));
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Resume where you left off' }).waitFor();
  assert.ok(wasm(requests).some((url) => url.includes('ims-matrix-start-')), 'loaded without any act');
  await context.close();
});

test('the static welcome screen is in the language the app would pick: the browser\'s, or the one chosen before', async () => {
  const german = await openPage(app.browser, { locale: 'de-DE' });
  await german.page.goto(app.server.url);
  await german.page.locator('#welcome-title').waitFor();
  assert.match(await german.page.locator('#welcome-title').textContent(), /Ein Managementsystem/);
  assert.equal(await german.page.getAttribute('html', 'lang'), 'de');
  assert.deepEqual(wasm(german.requests), []);
  await german.page.locator('.welcome-actions .button.primary').click();
  await german.page.locator('#q-org-name').waitFor();
  assert.equal(await german.page.getAttribute('html', 'lang'), 'de', 'the questionnaire in German too');
  assert.deepEqual(german.problems, []);
  await german.context.close();

  const chosen = await openPage(app.browser, { locale: 'de-DE' });
  await chosen.page.addInitScript(() => localStorage.setItem('ims-matrix.lang', 'fr'));
  await chosen.page.goto(app.server.url);
  await chosen.page.locator('#welcome-title').waitFor();
  assert.match(await chosen.page.locator('#welcome-title').textContent(), /Un seul système/);
  assert.deepEqual(wasm(chosen.requests), []);
  await chosen.context.close();
});
