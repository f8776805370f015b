// The report for paper and PDF: opened from the summary and the header, printed by Chromium's
// print-to-PDF on A4 and US Letter for the sample and for an empty assessment, and read back with
// poppler (page count, every matrix row's references and status, page numbers); nothing wider
// than the page; the same report printed from any other screen; the consultancy's brand on the
// cover of an embedded app; axe on the report view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openPage, screenshot, axeViolations, foreignRequests, ROOT } from './harness.mjs';

const app = servedApp();
const SAMPLE_PATH = join(ROOT, 'data', 'sample-assessment.json');
const SAMPLE = await readFile(SAMPLE_PATH, 'utf8');
const KEY = 'ims-matrix.assessment';
const OUT = join(ROOT, 'target', 'report');

/** The matrix the command line builds for an assessment file: what the report must list. */
function matrixOf(answers) {
  const args = answers ? ['matrix', '--answers', answers] : ['matrix'];
  return JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'ims-matrix'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

const STATUS = { not_started: '○ Not started', in_progress: '◐ In progress', implemented: '● Implemented', not_applicable: '– Not applicable' };
const PAPER = {
  // The page's width less the report's 12 mm side margins, in CSS pixels (96 per inch).
  A4: { width: Math.floor(((210 - 24) / 25.4) * 96) },
  Letter: { width: Math.floor(((215.9 - 24) / 25.4) * 96) },
};

/** Prints the page to PDF on `format` and returns its text (poppler) and page count. */
async function printed(page, format, name) {
  await mkdir(OUT, { recursive: true });
  const path = join(OUT, `${name}-${format}.pdf`);
  await writeFile(path, await page.pdf({ format, printBackground: true }));
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { path, pages, text };
}

/** Elements of the report wider than the printable width, with print styles applied. */
async function overflowing(page, width) {
  const viewport = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width, height: 1000 });
  const wide = await page.evaluate((limit) => {
    const found = [];
    for (const el of document.querySelectorAll('.report, .report *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > limit + 1 || box.left < -1) found.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}-${Math.round(box.right)}`);
    }
    return found;
  }, width);
  await page.emulateMedia({ media: null });
  await page.setViewportSize(viewport);
  return wide;
}

/** Checks one printed report against the matrix it shows. */
function checkPrinted({ pages, text }, matrix, { minPages, maxPages }, label) {
  assert.ok(pages >= minPages && pages <= maxPages, `${label}: ${pages} pages, expected ${minPages}-${maxPages}`);
  for (let n = 1; n <= pages; n += 1) assert.ok(text.includes(`Page ${n} of ${pages}`), `${label}: page number ${n} printed`);
  for (const heading of ['Results at a glance', 'The biggest risks in the gap', 'What to do next', 'Where the standards overlap', 'The action plan by phase', 'The Statement of Applicability in brief', 'Appendix: every row of the matrix', 'Disclaimer']) {
    assert.ok(text.includes(heading), `${label}: ${heading}`);
  }
  // Every row: its id (in row order), each reference, and its status, in the appendix, where
  // each row's heading line with its id comes before its cells.
  const appendix = text.slice(text.indexOf('Appendix: every row of the matrix'));
  const at = [];
  for (const row of matrix.rows) {
    const found = appendix.indexOf(`${row.id} ·`, at.length ? at[at.length - 1] + 1 : 0);
    assert.ok(found >= 0, `${label}: row ${row.id} printed in order`);
    at.push(found);
  }
  matrix.rows.forEach((row, i) => {
    const cells = appendix.slice(at[i], at[i + 1] ?? appendix.length);
    for (const ref of [...row.iso27001, ...row.iso20000]) {
      assert.ok(cells.includes(ref.ref), `${label}: ${row.id} reference ${ref.ref}`);
    }
    assert.ok(cells.includes(STATUS[row.status]), `${label}: ${row.id} status ${row.status}`);
  });
}

async function withSample(browser, size) {
  const opened = await openPage(browser, size);
  await opened.page.goto(app.server.url);
  await opened.page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await opened.page.reload();
  await opened.page.getByRole('button', { name: 'Open my matrix' }).click();
  await opened.page.locator('#matrix-title').waitFor();
  return opened;
}

test('the sample report: from the summary, fits A4 and Letter, every row with its status, page numbers', async () => {
  const { context, page, problems, requests } = await withSample(app.browser);
  await page.locator('.app-nav').getByRole('button', { name: 'Summary', exact: true }).click();
  await page.locator('#open-report').click();
  await page.locator('#report-title').waitFor();
  assert.equal(await page.locator('#report-title').textContent(), 'Northwind Managed Services Ltd');
  assert.deepEqual(await axeViolations(page), [], 'axe on the report');
  await screenshot(page, 'report-sample-1280');

  const matrix = matrixOf(SAMPLE_PATH);
  for (const format of ['A4', 'Letter']) {
    assert.deepEqual(await overflowing(page, PAPER[format].width), [], `${format}: nothing wider than the page`);
    const pdf = await printed(page, format, 'report-sample');
    checkPrinted(pdf, matrix, { minPages: 8, maxPages: 40 }, `sample ${format}`);
    // The three risks and the phases with their dates are on the results page.
    const results = pdf.text.slice(pdf.text.indexOf('Results at a glance'), pdf.text.indexOf('Where the standards overlap'));
    for (const phase of matrix.schedule.phases) assert.ok(results.includes(phase.ends), `${format}: phase ends ${phase.ends}`);
    assert.equal((results.slice(results.indexOf('The biggest risks in the gap'), results.indexOf('What to do next')).match(/^\s*\d\. /gm) ?? []).length, 3, `${format}: three risks`);
    // The toolbar and the app's frame are not printed.
    assert.ok(!pdf.text.includes('Print or save as PDF') && !pdf.text.includes('Skip to content'), `${format}: only the report prints`);
  }
  assert.deepEqual(foreignRequests(requests, app.server.origin), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the report on a phone reads without sideways scrolling', async () => {
  const { context, page } = await withSample(app.browser, { width: 375, height: 800 });
  await page.locator('.app-nav').getByRole('button', { name: 'Summary', exact: true }).click();
  await page.locator('#open-report').click();
  await page.locator('#report-title').waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `page width ${wide}`);
  // A table shown as blocks on a phone keeps its caption a line across, not a letter a line.
  const captions = await page.$$eval('.report-table caption', (list) =>
    list.map((c) => ({ text: c.textContent, width: c.getBoundingClientRect().width })));
  assert.ok(captions.some((c) => c.text.includes('Excluded controls')), JSON.stringify(captions));
  for (const caption of captions) assert.ok(caption.width > 200, JSON.stringify(caption));
  assert.deepEqual(await axeViolations(page), [], 'axe on the report at phone width');
  await screenshot(page, 'report-sample-375');
  await context.close();
});

test('an empty assessment prints its report too, opened from the header of the questionnaire', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.locator('#wizard-title').waitFor();
  await page.locator('.header-report').click();
  await page.locator('#report-title').waitFor();
  assert.equal(await page.locator('#report-title').textContent(), 'Your organisation');
  const matrix = matrixOf(null);
  for (const format of ['A4', 'Letter']) {
    assert.deepEqual(await overflowing(page, PAPER[format].width), [], `${format}: nothing wider than the page`);
    const pdf = await printed(page, format, 'report-empty');
    checkPrinted(pdf, matrix, { minPages: 8, maxPages: 40 }, `empty ${format}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('printing any other screen prints the report, not a cut-off copy of the screen', async () => {
  const { context, page, problems } = await withSample(app.browser);
  assert.equal(await page.locator('.print-report').count(), 0, 'not rendered until the browser prints');
  // What the browser does on Ctrl+P or from its menu: beforeprint, print, afterprint.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.print-report #report-title').waitFor({ state: 'attached' });
  assert.equal(await page.locator('.print-report').evaluate((el) => getComputedStyle(el).display), 'none', 'hidden on screen');
  const pdf = await printed(page, 'A4', 'report-from-matrix');
  checkPrinted(pdf, matrixOf(SAMPLE_PATH), { minPages: 8, maxPages: 40 }, 'from the matrix');
  assert.ok(!pdf.text.includes('Showing'), 'the matrix screen itself is not printed');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.locator('.print-report').waitFor({ state: 'detached' });
  assert.ok(await page.locator('#matrix-title').isVisible(), 'the screen is as it was');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a branded app prints the consultancy on the cover, with its call to action and contact', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await context.route('https://acme.example/logo.svg', (route) => route.fulfill({
    contentType: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#5b21b6"/></svg>',
  }));
  const query = new URLSearchParams({
    brand: 'Acme Consulting', logo: 'https://acme.example/logo.svg', primary: '#5b21b6',
    'cta-label': 'Book a scoping call', 'cta-url': 'https://acme.example/call', contact: 'iso@acme.example · +44 20 7946 0000',
  });
  await page.goto(`${app.server.url}?${query}`);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('.header-report').click();
  const cover = page.locator('.report-cover');
  await cover.waitFor();
  assert.equal(await cover.locator('.report-brand-name').textContent(), 'Acme Consulting');
  assert.equal(await cover.locator('img.report-logo').getAttribute('src'), 'https://acme.example/logo.svg');
  assert.match(await cover.textContent(), /Contact: iso@acme\.example · \+44 20 7946 0000/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the branded report');
  await screenshot(page, 'report-branded-1280', { fullPage: false });
  const pdf = await printed(page, 'A4', 'report-branded');
  const first = pdf.text.slice(0, pdf.text.indexOf('Page 1 of'));
  for (const expected of ['Acme Consulting', 'Book a scoping call (https://acme.example/call)', 'iso@acme.example']) {
    assert.ok(first.includes(expected), `cover: ${expected}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
