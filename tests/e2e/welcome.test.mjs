// The built app loads from dist/, shows the welcome screen without console
// errors, and requests nothing from any other origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, openPage, foreignRequests, screenshot } from './harness.mjs';

const app = servedApp();

for (const [width, height] of [
  [1280, 900],
  [375, 812],
]) {
  test(`welcome screen renders at ${width}px with no errors and no foreign requests`, async () => {
    const { context, page, problems, requests } = await openPage(app.browser, { width, height });
    await page.goto(app.server.url);
    const title = page.locator('#welcome-title');
    await title.waitFor({ timeout: 15000 });
    assert.match(await title.textContent(), /ISO\/IEC 27001 and ISO\/IEC 20000-1/);
    assert.match(await page.locator('.duration').textContent(), /10 minutes/);
    assert.match(await page.locator('.privacy').textContent(), /Nothing leaves your browser/);
    const start = page.getByRole('button', { name: 'Start the questionnaire' });
    assert.equal(await start.isVisible(), true);
    // Nothing wider than the viewport: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await screenshot(page, `welcome-${width}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreignRequests(requests, app.server.origin), []);
    await context.close();
  });
}

test('the start button is reachable and operable by keyboard alone', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.locator('#welcome-title').waitFor({ timeout: 15000 });
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'Start the questionnaire'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  }
  assert.equal(focused, 'Start the questionnaire');
  await page.keyboard.press('Enter');
  await page.locator('#welcome-title').waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the shipped HTML has no inline script or style, so the strict policy needs no exceptions', async () => {
  const response = await fetch(app.server.url);
  assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.match(tag, /\bsrc="\.\//, `inline or absolute script: ${tag}`);
  assert.doesNotMatch(html, /\sstyle=/);
  // Every asset path is relative, so dist/ works under any sub-path (the static welcome screen's
  // skip link is a link within the page).
  for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(url.startsWith('./') || url === '#main', url);
});
