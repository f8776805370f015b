// Export in the browser: the workbook is built in the export worker (never part of the first
// page load; it loads in the background once the matrix screens open), downloaded as
// ims-matrix-<organisation>-<date>.xlsx, and LibreOffice reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, copyFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, openPage, foreignRequests } from './harness.mjs';

const app = servedApp();

test('Download Excel builds the workbook in a worker loaded on demand, and it opens in LibreOffice', async () => {
  const { context, page, problems, requests } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Export Test GmbH');
  await page.check('#q-org-size-small');
  await page.waitForTimeout(200);
  // Welcome and questionnaire: nothing of the exporter has been fetched.
  assert.equal(requests.filter((url) => url.includes('export-worker')).length, 0, 'worker not loaded on first load');
  await page.getByRole('button', { name: 'Matrix' }).click();
  await page.fill('#matrix-search', 'A.8.32');
  const row = page.locator('tr.row', { hasText: 'A.8.32' }).first();
  await row.locator('select.status-select').selectOption('implemented');
  await row.locator('.row-toggle').click();
  await page.locator('textarea[id^="notes-"]').first().fill('=1+2 stays text');

  const button = page.getByRole('button', { name: 'Download Excel workbook' }).first();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  assert.match(download.suggestedFilename(), /^ims-matrix-export-test-gmbh-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.locator('.notice', { hasText: /Downloaded ims-matrix-export-test-gmbh-.*\.xlsx/ }).waitFor();
  assert.ok(requests.some((url) => url.endsWith('ims-matrix-export-worker_bg.wasm')), 'the worker was loaded for the export');

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

  // A second export reuses the running worker.
  const [again] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), button.click()]);
  assert.ok((await readFile(await again.path())).length > 10000);
  assert.equal(requests.filter((url) => url.endsWith('ims-matrix-export-worker_bg.wasm')).length, 1);

  assert.deepEqual(problems, []);
  assert.deepEqual(foreignRequests(requests, app.server.origin), []);
  await context.close();
});
