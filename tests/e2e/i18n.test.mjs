// German and French in a real browser: a German browser gets the app in German from the first
// screen, the prospect goes through the questionnaire to the workbook's download in German, and
// every screen is photographed at 375 and 1280 px with axe at 0 and nothing wider than the
// phone; the header's switch changes the language, is remembered and leaves the answers alone;
// a host page's `lang` option chooses French inside the embed, under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, serve, launch, openPage, screenshot, axeViolations, ROOT } from './harness.mjs';
import { bundle } from '../../scripts/locales.mjs';

const app = servedApp();
const de = bundle('de');
const fr = bundle('fr');
const en = bundle('en');

const EDIT = join(ROOT, 'tests', 'e2e', 'tools', 'edit-workbook.py');

const domId = (id) => `q-${id.replaceAll('.', '-')}`;

/** Answers required questions of the visible section by element ids. */
async function answer(page, answers) {
  for (const [id, value] of Object.entries(answers)) {
    const base = domId(id);
    if (typeof value === 'number') await page.fill(`#${base}`, String(value));
    else if (Array.isArray(value)) for (const option of value) await page.check(`#${base}-${option}`);
    else if (await page.locator(`[id="${base}-${value}"]`).count()) await page.check(`[id="${base}-${value}"]`);
    else await page.fill(`#${base}`, value);
  }
}

const SECTIONS = [
  { 'org.name': 'Müller & Söhne Rechenzentrum GmbH', 'org.sector': 'it-services', 'org.size': 'medium', 'org.services': 8, 'org.sites': 2, 'org.customers': '11-100' },
  { 'start.iso27001': 'certified', 'start.iso20000': 'none', 'start.target': 'integrated', 'start.timeline': '12-months' },
  { 'cert.scope': 'same', 'cert.combined': 'yes', 'cert.body': 'one' },
  { 'scope.customers': 'external', 'scope.internet-facing': 'yes', 'scope.customer-data': 'yes', 'scope.customer-access': 'privileged', 'scope.development': 'none', 'scope.cloud': ['use-saas'], 'scope.premises': ['offices'], 'scope.remote': 'some', 'scope.mobile': 'yes', 'scope.network': 'yes', 'scope.critical-suppliers': 'yes', 'scope.removable-media': 'no' },
  { 'ops.hours': 'business-hours', 'ops.outsourced': ['none'], 'ops.tools': ['ticketing'] },
  { 'reg.gdpr': 'both', 'reg.nis2': 'important', 'reg.dora': 'no', 'reg.pci': 'no', 'reg.attestations': ['none'] },
];

/** No element wider than the viewport: long German words wrap instead of overflowing. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
      .filter((el) => !el.closest('.table-scroll, .heatmap-scroll, .report-scroll, [data-scrolls]'))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${el.textContent.trim().slice(0, 40)}`);
    return { scroll: document.scrollingElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
}

/** Axe, screenshots at both widths and the phone's width check for the screen on show. */
async function look(page, name) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    await screenshot(page, `de-${name}-${width}`);
    if (width === 375) {
      const { scroll, wide } = await overflow(page);
      assert.ok(scroll <= 0, `${name} scrolls sideways at 375 px by ${scroll} px: ${wide.join('; ')}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a German browser gets every screen in German, through the questionnaire to the workbook', async () => {
  const { context, page, problems } = await openPage(app.browser, { locale: 'de-DE' });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: de['welcome.start'] }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.ok((await page.textContent('body')).includes(de['welcome.title']));
  assert.ok(!(await page.textContent('body')).includes(en['welcome.title']), 'the English welcome is gone');
  await look(page, 'welcome');

  await page.getByRole('button', { name: de['welcome.start'] }).click();
  // Next with nothing answered: the messages are German.
  await page.getByRole('button', { name: de['wizard.next'] }).click();
  const messages = await page.locator('.field-error, .error-summary').allTextContents();
  assert.ok(messages.length > 0, 'validation messages show');
  assert.ok(messages.join(' ').includes(de['answer.required']), `messages are German: ${messages.join(' | ')}`);
  assert.ok(!messages.join(' ').includes(en['answer.required']), 'and not English');
  await look(page, 'questionnaire-errors');
  for (const [index, section] of SECTIONS.entries()) {
    await answer(page, section);
    if (index === 0) await look(page, 'questionnaire');
    await page.getByRole('button', { name: new RegExp(`^(${de['wizard.next']}|${de['wizard.see-matrix']})$`) }).click();
  }
  // The maturity sections are optional.
  while (await page.getByRole('button', { name: de['wizard.next'] }).count()) {
    await page.getByRole('button', { name: de['wizard.next'] }).click();
  }
  await page.getByRole('button', { name: de['wizard.see-matrix'] }).click();

  await page.getByRole('searchbox', { name: de['matrix.search.label'] }).waitFor();
  const matrixText = await page.textContent('main');
  assert.ok(matrixText.includes(de['Status.not_started']) || matrixText.includes(de['Status.in_progress']), 'statuses in German');
  await page.locator('table.matrix tbody tr').first().locator('button').first().click();
  await look(page, 'matrix');
  for (const [nav, name] of [['frame.nav.heatmap', 'heatmap'], ['frame.nav.summary', 'summary'], ['frame.nav.data', 'data']]) {
    await page.getByRole('button', { name: de[nav], exact: true }).click();
    await page.waitForTimeout(150);
    await look(page, name);
  }
  await page.getByRole('button', { name: de['frame.nav.summary'], exact: true }).click();
  await page.locator('#open-report').click();
  await page.getByRole('button', { name: de['report.toolbar.print'] }).waitFor();
  await look(page, 'report');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: de['export-button.download'] }).first().click(),
  ]);
  const path = await download.path();
  const workbook = execFileSync('python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())', path], { encoding: 'utf8' });
  const sheets = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  const germanSheets = Object.entries(de).filter(([k]) => k.startsWith('workbook.sheet.')).map(([, v]) => v);
  assert.ok(sheets.length >= 7, `sheets: ${sheets}`);
  for (const sheet of sheets.filter((s) => s !== 'ims-matrix data')) {
    assert.ok(germanSheets.includes(sheet.replaceAll('&amp;', '&')), `sheet ${sheet} is German (${germanSheets.join(', ')})`);
  }

  // The German workbook, edited as a spreadsheet program saves it, comes back as a review in
  // German: the row's topic, the statuses before and after, a word that is no status; and a file
  // that is no workbook is refused in German.
  const dir = await mkdtemp(join(tmpdir(), 'ims-de-'));
  const halfway = join(dir, 'halb.xlsx');
  const edited = join(dir, 'bearbeitet.xlsx');
  const status = de['workbook.header.status'];
  execFileSync('python3', [EDIT, path, halfway, 'common.policy', `${status}=${de['Status.implemented']}`]);
  execFileSync('python3', [EDIT, halfway, edited, 'common.scope', `${status}=Erledigt`]);
  await page.getByRole('button', { name: de['frame.nav.data'], exact: true }).click();
  await page.setInputFiles('#open-workbook', edited);
  await page.locator('#review-title').waitFor({ timeout: 30000 });
  const change = (await page.locator('.review-change').allTextContents()).join('\n');
  assert.ok(change.includes(de['crosswalk.common.policy.topic']), change);
  assert.ok(change.includes(de['Status.implemented']), change);
  assert.doesNotMatch(change, /Not started|In progress|Implemented|Planned/);
  const review = await page.locator('.review-screen').textContent();
  assert.match(review, /„Erledigt“ ist kein Status; verwenden Sie einen der folgenden: Nicht begonnen/);
  await look(page, 'review');
  await page.getByRole('button', { name: de['review.cancel'] }).click();
  const csv = join(dir, 'zeilen.csv');
  await writeFile(csv, 'Zeilen-ID;Status\ncommon.policy;Umgesetzt\n');
  await page.setInputFiles('#open-workbook', csv);
  const refusal = page.locator('.notice.error', { hasText: 'zeilen.csv' });
  await refusal.waitFor({ timeout: 30000 });
  assert.match(await refusal.textContent(), /Textdatei/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the header switch changes the language, is remembered, and keeps the answers', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: en['welcome.start'] }).click();
  await page.fill('#q-org-name', 'Acme Services');
  await page.selectOption('.language-switch select', 'fr');
  await page.getByRole('button', { name: fr['wizard.next'] }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.inputValue('#q-org-name'), 'Acme Services', 'the answer is kept');
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await page.getByRole('button', { name: fr['welcome.resume'] }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the choice is remembered');
  assert.equal(await page.inputValue('.language-switch select'), 'fr');
  await page.getByRole('button', { name: fr['welcome.open-matrix'] }).click();
  await page.getByRole('searchbox', { name: fr['matrix.search.label'] }).waitFor();
  // Every screen of the full app in French: axe at 0, nothing wider than a phone.
  for (const [nav, name] of [['frame.nav.heatmap', 'heatmap'], ['frame.nav.summary', 'summary'], ['frame.nav.data', 'data'], ['frame.report', 'report'], ['frame.nav.matrix', 'matrix']]) {
    await page.getByRole('button', { name: fr[nav], exact: true }).first().click();
    await page.waitForTimeout(150);
    assert.deepEqual(await axeViolations(page), [], `axe on the French ${name}`);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.waitForTimeout(100);
    const { scroll, wide } = await overflow(page);
    assert.ok(scroll <= 0, `French ${name} scrolls sideways at 375 px by ${scroll} px: ${wide.join('; ')}`);
    await screenshot(page, `fr-${name}-375`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await screenshot(page, 'fr-matrix-1280');
  await page.selectOption('.language-switch select', 'en');
  await page.getByRole('searchbox', { name: en['matrix.search.label'] }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(problems, []);
  await context.close();
});

test("a host page's lang option opens the embed in French, under a sub-path", async () => {
  const prefix = '/tools/ims-matrix/';
  const served = await serve(undefined, { prefix });
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cabinet</title></head><body>
<div id="embed" data-ims-matrix data-brand="Cabinet Exemple" data-lang="fr"></div>
<script src="${served.url}embed.js" async></script></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`http://localhost:${host.address().port}/`);
    const frame = page.frameLocator('#embed iframe');
    await frame.getByRole('button', { name: fr['welcome.start'] }).waitFor();
    assert.equal(await frame.locator('html').getAttribute('lang'), 'fr');
    await screenshot(page, 'fr-embed-1280');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await served.close();
    await new Promise((ok) => host.close(ok));
  }
});
