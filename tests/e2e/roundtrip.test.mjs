// The spreadsheet round trip in the browser: download the workbook, edit it outside the browser
// as a spreadsheet program saves it, open it in the app, review, apply, and the summary recounts;
// undo restores. Files that are not our workbook each show one message and leave the saved
// assessment as it was. The welcome screen opens a workbook too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, openPage, screenshot, axeViolations, ROOT } from './harness.mjs';

const app = servedApp();
const SAMPLE = readFileSync(join(ROOT, 'data', 'sample-assessment.json'), 'utf8');
const EDIT = join(ROOT, 'tests', 'e2e', 'tools', 'edit-workbook.py');

async function withSample(page) {
  await page.addInitScript((sample) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ims-matrix.assessment', sample);
      sessionStorage.setItem('seeded', '1');
    }
  }, SAMPLE);
}

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('ims-matrix.assessment')));
const implementedCount = async (page) => {
  const label = await page.locator('figure.chart', { hasText: 'Rows by status' }).locator('svg').getAttribute('aria-label');
  return Number(/Implemented: (\d+)/.exec(label)[1]);
};

test('an edited workbook opens for review, applies, recounts the summary, and undoes once', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await withSample(page);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.locator('#summary-title').waitFor();
  const implementedBefore = await implementedCount(page);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'ims-roundtrip-'));
  const exported = join(dir, 'exported.xlsx');
  const edited = join(dir, 'edited by the team.xlsx');
  await copyFile(await download.path(), exported);
  execFileSync('python3', [EDIT, exported, edited, 'common.policy', 'Status=implemented ', 'Owner=Head of IT', 'Due=#46447', 'Notes==SUM(A1:A9) as typed']);

  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const before = await saved(page);
  await page.setInputFiles('#open-workbook', edited);
  await page.locator('#review-title').waitFor({ timeout: 30000 });
  const lead = await page.locator('.review-screen .lead').textContent();
  assert.match(lead, /4 changes, 0 conflicts, 0 values that do not fit, 0 lines ignored/);
  const changes = await page.locator('.review-change').allTextContents();
  assert.ok(changes.some((c) => /Status.*In progress.*Implemented.*Matrix \(ISO 27001 view\)/.test(c)), changes.join('\n'));
  assert.ok(changes.some((c) => /Due.*2027-03-01/.test(c)), changes.join('\n'));
  assert.ok(changes.some((c) => c.includes('=SUM(A1:A9) as typed')), changes.join('\n'));
  assert.deepEqual(await saved(page), before, 'nothing changes before Apply');
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `review-${width}`);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Leave the owner out, apply the rest.
  await page.locator('.review-change', { hasText: 'Head of IT' }).locator('input').uncheck();
  await page.getByRole('button', { name: 'Apply 3 changes' }).click();
  await page.locator('#summary-title').waitFor();
  assert.equal(await implementedCount(page), implementedBefore + 1, 'the summary recounts');
  const after = await saved(page);
  assert.equal(after.rows['common.policy'].status, 'implemented');
  assert.equal(after.rows['common.policy'].due, '2027-03-01');
  assert.equal(after.rows['common.policy'].notes, '=SUM(A1:A9) as typed');
  assert.equal(after.rows['common.policy'].owner ?? '', before.rows['common.policy']?.owner ?? '');

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.notice', { hasText: 'Restored the assessment' }).waitFor();
  assert.deepEqual((await saved(page)).rows, before.rows, 'undo restores the rows');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0, 'undo once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('files that are not our workbook each show one message and change nothing', async () => {
  const { context, page } = await openPage(app.browser);
  await withSample(page);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const before = await saved(page);
  const dir = await mkdtemp(join(tmpdir(), 'ims-hostile-'));
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  const files = [
    ['rows.csv', 'Row ID,Status\ncommon.policy,Implemented\n', /text file/],
    ['old.xls', ole, /password-protected/],
    ['broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), /damaged/],
  ];
  for (const [name, content, message] of files) {
    const path = join(dir, name);
    await writeFile(path, content);
    await page.setInputFiles('#open-workbook', path);
    const notice = page.locator('.notice.error', { hasText: name });
    await notice.waitFor({ timeout: 30000 });
    assert.match(await notice.textContent(), message);
    assert.match(await notice.textContent(), /unchanged/);
    assert.deepEqual(await saved(page), before, `${name} changed nothing`);
  }
  await context.close();
});

test('the welcome screen opens an edited workbook, on a first visit too', async () => {
  const { context, page } = await openPage(app.browser, { width: 375, height: 812 });
  // The workbook of the sample, exported by the command line's twin: the app's own download.
  await withSample(page);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Download Excel workbook' }).first().click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'ims-welcome-'));
  const book = join(dir, 'team.xlsx');
  execFileSync('python3', [EDIT, await download.path(), book, 'common.scope', 'Status=Not applicable']);
  await context.close();

  // Another browser, nothing saved: the first-visit page hands the file to the full app.
  const fresh = await openPage(app.browser, { width: 375, height: 812 });
  await fresh.page.goto(app.server.url);
  await fresh.page.setInputFiles('#welcome-open', book);
  await fresh.page.locator('#review-title').waitFor({ timeout: 30000 });
  assert.match(await fresh.page.locator('.review-screen .lead').textContent(), /“team\.xlsx”: 1 change/);
  await fresh.page.getByRole('button', { name: 'Apply 1 change' }).click();
  await fresh.page.locator('#summary-title').waitFor();
  const after = await saved(fresh.page);
  assert.equal(after.rows['common.scope'].status, 'not_applicable');
  assert.equal(after.answers['org.name'], JSON.parse(SAMPLE).answers['org.name'], 'the workbook brought its assessment');
  await fresh.context.close();
});
