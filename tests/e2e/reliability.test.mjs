// Hostile situations a user creates without meaning to: the app open in two tabs, a share link
// pasted into a tab that already shows the app, an assessment file saved with a byte-order mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, openPage, ROOT } from './harness.mjs';

const app = servedApp();
const SAMPLE = await readFile(join(ROOT, 'data', 'sample-assessment.json'), 'utf8');
const KEY = 'ims-matrix.assessment';

async function openMatrix(page) {
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('#matrix-title').waitFor();
}

async function rowBy(page, reference) {
  await page.fill('#matrix-search', reference);
  const row = page.locator('tr.row:not([hidden])').first();
  await row.waitFor();
  return row;
}

test('two tabs: an edit in each survives in both, and a conflict offers a choice', async () => {
  const a = await openPage(app.browser);
  await a.page.goto(app.server.url);
  await a.page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await openMatrix(a.page);
  const b = { page: await a.context.newPage() };
  // Counts tab B's writes to the saved assessment.
  await b.page.addInitScript((key) => {
    window.writes = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function counted(k, v) {
      if (k === key) window.writes += 1;
      return setItem.call(this, k, v);
    };
  }, KEY);
  await openMatrix(b.page);

  // Tab A changes a status, then tab B an owner on another row, each without reloading.
  const statusA = await (await rowBy(a.page, 'A.8.32')).locator('select.status-select');
  const before = await statusA.inputValue();
  const next = before === 'implemented' ? 'in_progress' : 'implemented';
  const writesBefore = await b.page.evaluate(() => window.writes);
  await statusA.selectOption(next);
  await b.page.waitForTimeout(200);
  // Tab B takes A's save in without writing it back: a write of its own could land after A's
  // next save and undo it.
  assert.equal(await b.page.evaluate(() => window.writes), writesBefore, 'tab B wrote back what tab A saved');
  const rowB = await rowBy(b.page, 'A.5.1');
  await rowB.locator('.row-toggle').click();
  await b.page.locator('input[id^="owner-"]').first().fill('Owner from tab B');
  await a.page.waitForTimeout(300);

  // Each tab shows the other's edit, and the saved state holds both.
  assert.equal(await (await rowBy(b.page, 'A.8.32')).locator('select.status-select').inputValue(), next);
  const rowA = await rowBy(a.page, 'A.5.1');
  await rowA.locator('.row-toggle').click();
  assert.equal(await a.page.locator('input[id^="owner-"]').first().inputValue(), 'Owner from tab B');
  const saved = JSON.parse(await a.page.evaluate((key) => localStorage.getItem(key), KEY));
  const owners = Object.values(saved.rows).map((r) => r.owner);
  assert.ok(owners.includes('Owner from tab B'), 'tab B\'s owner is saved');
  assert.ok(Object.values(saved.rows).some((r) => r.status === next), 'tab A\'s status is saved');

  // Both tabs change the same owner at once: simulated by delivering to tab A a save that tab
  // B made from the state before A's own edit. Tab B stays open and writes nothing back (above),
  // so no late write of its own can undo the choice below.
  const baseText = await a.page.evaluate((key) => localStorage.getItem(key), KEY);
  await a.page.locator('input[id^="owner-"]').first().fill('Owner typed in A');
  const theirs = JSON.parse(baseText);
  const policyRow = Object.entries(theirs.rows).find(([, r]) => r.owner === 'Owner from tab B')[0];
  theirs.rows[policyRow].owner = 'Owner typed in B';
  await a.page.evaluate(([key, oldValue, newValue]) => {
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: localStorage }));
  }, [KEY, baseText, JSON.stringify(theirs, null, 2)]);
  const banner = a.page.locator('.notice.warning', { hasText: 'Another tab of this browser changed 1 entry' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /Owner of “.+”: “Owner typed in B” \(this tab had “Owner typed in A”\)/);
  await banner.getByRole('button', { name: "Keep this tab's values" }).click();
  await banner.waitFor({ state: 'detached' });
  // The banner and the row are separate components; the row may render a moment later.
  const owner = a.page.locator('input[id^="owner-"]').first();
  await a.page.waitForFunction(() => document.querySelector('input[id^="owner-"]').value === 'Owner typed in A', null, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await owner.inputValue(), 'Owner typed in A');
  const kept = JSON.parse(await a.page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(kept.rows[policyRow].owner, 'Owner typed in A');
  assert.deepEqual(a.problems, []);
  await a.context.close();
});

test('a share link pasted into a tab that already shows the app is offered, not ignored', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await openMatrix(page);
  const shared = JSON.parse(SAMPLE);
  shared.answers['org.name'] = 'Pasted Link GmbH';
  const fragment = `a=${Buffer.from(JSON.stringify(shared)).toString('base64url')}`;
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, fragment);
  const offer = page.locator('.notice', { hasText: 'This link carries an assessment for Pasted Link GmbH' });
  await offer.waitFor();
  await offer.getByRole('button', { name: 'Open the shared assessment' }).click();
  await page.locator('.notice', { hasText: 'Loaded the assessment from the shared link' }).waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the fragment is removed after reading');
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(saved.answers['org.name'], 'Pasted Link GmbH');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an assessment file saved with a byte-order mark imports', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const dir = await mkdtemp(join(tmpdir(), 'ims-'));
  const file = join(dir, 'notepad.json');
  await writeFile(file, `\uFEFF${SAMPLE}`);
  await page.setInputFiles('#import-file', file);
  await page.locator('.notice', { hasText: 'Loaded the assessment from notepad.json' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
