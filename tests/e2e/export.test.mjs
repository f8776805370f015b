// Export in the browser: the page lays the workbook out and the export worker writes the file (never part of the first
// page load; it loads in the background as the visitor goes on to the matrix screens), downloaded as
// ims-matrix-<organisation>-<date>.xlsx, and LibreOffice reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, copyFile, readdir } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, openPage, foreignRequests } from './harness.mjs';

const app = servedApp();

/** One file of a zip archive (an .xlsx), found through the central directory. */
function zipEntry(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(data, data + size);
      return (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the workbook`);
}

/**
 * An init script: records each worker the page makes (`window.workersMade`: its address, when,
 * and the stack that made it) and, in order, what each export worker says
 * (`window.exportWorkerSaid`): which script made it, "prepared <ms>" for each workbook built
 * ahead of time, "ready", each export's reply, and errors.
 */
function watchWorkers() {
  const made = [];
  const said = [];
  window.workersMade = made;
  window.exportWorkerSaid = said;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      const stack = new Error().stack;
      made.push({ url: String(url), at: performance.now(), by: stack });
      if (!String(url).includes('export-worker')) return;
      said.push(`made by ${stack.match(/ims-matrix-(start|web)-/)?.[1]}`);
      this.addEventListener('error', (event) => said.push(`error: ${event.message}`));
      this.addEventListener('message', ({ data }) => {
        said.push(typeof data === 'string' ? data : { ok: data.ok, prepared: data.prepared });
      });
    }
  };
}

test('Download Excel builds the workbook in a worker loaded on demand, and it opens in LibreOffice', async () => {
  const { context, page, problems, requests } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Export Test GmbH');
  await page.check('#q-org-size-small');
  await page.waitForTimeout(200);
  // Welcome and questionnaire: nothing of the exporter has been fetched.
  assert.equal(requests.filter((url) => url.includes('export-worker')).length, 0, 'worker not loaded on first load');
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await page.fill('#matrix-search', 'A.8.32');
  const row = page.locator('tr.row', { hasText: 'A.8.32' }).first();
  await row.locator('select.status-select').selectOption('implemented');
  await row.locator('.row-toggle').click();
  await page.locator('textarea[id^="notes-"]').first().fill('=1+2 stays text');

  const button = page.getByRole('button', { name: 'Download Excel workbook' }).first();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  assert.match(download.suggestedFilename(), /^ims-matrix-export-test-gmbh-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.locator('.notice', { hasText: /Downloaded ims-matrix-export-test-gmbh-.*\.xlsx/ }).waitFor();
  assert.ok(requests.some((url) => /ims-matrix-export-worker-[0-9a-f]{1,16}_bg\.wasm$/.test(url)), 'the worker was loaded for the export');

  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const dir = await mkdtemp(join(tmpdir(), 'ims-xlsx-'));
  const file = join(dir, 'book.xlsx');
  await copyFile(await download.path(), file);
  execFileSync('soffice', [
    '--headless',
    `-env:UserInstallation=file://${join(dir, 'profile')}`,
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    '--outdir',
    dir,
    file,
  ], { stdio: 'ignore', timeout: 120000 });
  const files = await readdir(dir);
  assert.ok(files.includes('book-Summary.csv'), files.join(', '));
  const matrix = await readFile(join(dir, 'book-Matrix (ISO 27001 view).csv'), 'utf8');
  const changeLine = matrix.split('\n').find((line) => line.startsWith('process.change-policy,'));
  assert.ok(changeLine.includes('Implemented'), changeLine);
  assert.ok(changeLine.includes('=1+2 stays text'), changeLine);
  const summary = await readFile(join(dir, 'book-Summary.csv'), 'utf8');
  assert.match(summary, /Organisation,Export Test GmbH/);
  assert.match(summary, /Implemented,1\b/);

  // A second export reuses the running worker; nothing changed, so it is the same workbook.
  const [again] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  assert.deepEqual(await readFile(await again.path()), bytes);
  assert.equal(requests.filter((url) => /ims-matrix-export-worker-[0-9a-f]{1,16}_bg\.wasm$/.test(url)).length, 1);

  // An edit, then a pause: the worker builds the workbook ahead of time, and the click gets
  // that one, with the edit in it (never the workbook from before the edit).
  await page.locator('textarea[id^="notes-"]').first().fill('Edited before the third export');
  await page.waitForTimeout(1500);
  const [third] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  const thirdBytes = await readFile(await third.path());
  assert.match(zipEntry(thirdBytes, 'xl/sharedStrings.xml'), /Edited before the third export/);
  assert.doesNotMatch(zipEntry(thirdBytes, 'xl/sharedStrings.xml'), /=1\+2 stays text/);
  assert.match(zipEntry(bytes, 'xl/sharedStrings.xml'), /=1\+2 stays text/);
  // Edit and click at once: built on the click, with the edit.
  await page.locator('textarea[id^="notes-"]').first().fill('Edited just before the fourth export');
  const [fourth] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  assert.match(zipEntry(await readFile(await fourth.path()), 'xl/sharedStrings.xml'), /Edited just before the fourth export/);
  await page.locator('.notice', { hasText: /Built in your browser in \d+ ms; nothing was uploaded/ }).waitFor();

  assert.deepEqual(problems, []);
  assert.deepEqual(foreignRequests(requests, app.server.origin), []);
  await context.close();
});

test('Download on the questionnaire hands over to the full app, which lays the workbook out and downloads it', async () => {
  const { context, page, problems, requests } = await openPage(app.browser, { width: 375, height: 812 });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Questionnaire Download AG');
  await page.waitForTimeout(200);
  // The first-visit page has no engine to lay a workbook out: nothing of the full app or the
  // exporter yet.
  assert.equal(requests.filter((url) => /ims-matrix-(web|export-worker)-/.test(url)).length, 0);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /^ims-matrix-questionnaire-download-ag-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = await readFile(await download.path());
  assert.match(zipEntry(workbook, 'xl/sharedStrings.xml'), /Questionnaire Download AG/);
  // Once: the full app took the request over and did not download again on a later render.
  await page.locator('.notice', { hasText: /Downloaded ims-matrix-questionnaire-download-ag-/ }).waitFor();
  assert.ok(requests.some((url) => /ims-matrix-web-[0-9a-f]{1,16}_bg\.wasm$/.test(url)), 'the full app loaded');
  // The visitor stays on the questionnaire, with what they typed.
  assert.equal(await page.inputValue('#q-org-name'), 'Questionnaire Download AG');
  let again = false;
  page.on('download', () => { again = true; });
  await page.waitForTimeout(1000);
  assert.equal(again, false, 'one download for one click');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the export worker starts as the page hands over to the full app, once, at low priority', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await context.addInitScript(watchWorkers);
  await context.addInitScript(() => {
    // When the matrix showed.
    new MutationObserver((_, observer) => {
      if (document.querySelector('#matrix-search')) {
        window.matrixAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await page.locator('#matrix-search').waitFor();
  const seen = await page.evaluate(() => ({ made: window.workersMade, matrixAt: window.matrixAt }));
  const exporters = seen.made.filter((worker) => worker.url.includes('export-worker'));
  assert.equal(exporters.length, 1, 'one export worker');
  const [exporter] = exporters;
  assert.match(exporter.by, /ims-matrix-start-[0-9a-f]{1,16}\.js/, 'started by the first-visit page, as it hands over');
  assert.ok(exporter.at < seen.matrixAt, `before the matrix showed (${exporter.at} < ${seen.matrixAt})`);
  // It fetches its wasm at low priority, after the full app's own download on a slow network.
  const loader = await page.evaluate((url) => fetch(url).then((response) => response.text()), exporter.url);
  assert.match(loader, /priority:\s*["']low["']/, loader);
  // The full app took it over: a download works.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  assert.equal((await page.evaluate(() => window.workersMade)).filter((worker) => worker.url.includes('export-worker')).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page lays the visitor's workbook out in their language, the worker writes it ahead, and a click takes it", async () => {
  const { context, page, problems } = await openPage(app.browser);
  const sample = await readFile(new URL('../../data/sample-assessment.json', import.meta.url), 'utf8');
  await context.addInitScript(watchWorkers);
  await context.addInitScript((saved) => {
    localStorage.setItem('ims-matrix.assessment', saved);
    localStorage.setItem('ims-matrix.lang', 'de');
  }, sample);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Meine Matrix öffnen' }).click();
  await page.locator('#matrix-search').waitFor();
  // Let the full app ask for its own workbook ahead of time (300 ms after the matrix shows).
  await page.waitForFunction(() => window.exportWorkerSaid.includes('ready'));
  await page.waitForTimeout(1000);
  // A click without the pointer first on the button, which would also ask for the workbook.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.evaluate(() => document.querySelector('.export-button').click()),
  ]);
  const said = await page.evaluate(() => window.exportWorkerSaid);
  const prepared = said.filter((message) => typeof message === 'string' && message.startsWith('prepared'));
  assert.deepEqual(said.filter((message) => typeof message === 'string' && message.startsWith('made')), ['made by start'], JSON.stringify(said));
  // The worker warmed up on its own workbook and said ready; then the full app sent the
  // visitor's, laid out on the page, and the worker wrote it ahead of time, once.
  assert.equal(prepared.length, 1, JSON.stringify(said));
  assert.ok(said.indexOf('ready') < said.indexOf(prepared[0]), JSON.stringify(said));
  // The click sent the same bytes, so the kept file was handed over.
  assert.deepEqual(said.at(-1), { ok: true, prepared: true });
  const workbook = await readFile(await download.path());
  // In German, the page's language: the worker has no texts of its own.
  assert.match(zipEntry(workbook, 'xl/workbook.xml'), /Maßnahmenplan/);
  assert.match(zipEntry(workbook, 'xl/sharedStrings.xml'), /Northwind Managed Services/);
  assert.deepEqual(problems, []);
  await context.close();
});
