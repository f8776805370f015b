// The whole flow a prospect goes through, in headless Chromium on the built dist/: answer the
// questionnaire, see the matrix, filter and search it, change a status and a note, open the
// heat-map and the summary, reload and find everything kept, export and re-import the JSON, and
// run axe on every screen. Also: hostile notes, corrupt saved state, a bad import file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, openPage, foreignRequests, screenshot, axeViolations, ROOT } from './harness.mjs';

const app = servedApp();

const ORGANISATION = {
  'org.name': 'Acme Managed Services',
  'org.sector': 'it-services',
  'org.size': 'medium',
  'org.services': 14,
  'org.sites': 2,
  'org.customers': '11-100',
};
const STARTING_POINT = {
  'start.iso27001': 'certified',
  'start.iso20000': 'implemented',
  'start.separate': 'yes',
  'start.other': ['iso9001'],
  'start.target': 'integrated',
  'start.timeline': '12-months',
};
const CERTIFICATION = {
  'cert.scope': 'same',
  'cert.combined': 'yes',
  'cert.body': 'one',
  'cert.audit-date': '2027-10-29',
};
const SCOPE = {
  'scope.customers': 'external',
  'scope.internet-facing': 'yes',
  'scope.customer-data': 'yes',
  'scope.customer-access': 'privileged',
  'scope.development': 'none',
  'scope.cloud': ['use-saas', 'use-iaas'],
  'scope.premises': ['offices', 'colocation'],
  'scope.remote': 'some',
  'scope.mobile': 'yes',
  'scope.network': 'yes',
  'scope.critical-suppliers': 'yes',
  'scope.removable-media': 'no',
};
const OPERATIONS = {
  'ops.hours': 'round-the-clock',
  'ops.outsourced': ['security-monitoring'],
  'ops.tools': ['ticketing', 'cmdb'],
};
const OBLIGATIONS = {
  'reg.gdpr': 'both',
  'reg.nis2': 'important',
  'reg.dora': 'no',
  'reg.pci': 'no',
  'reg.attestations': ['iso27017'],
};

const domId = (id) => `q-${id.replaceAll('.', '-')}`;

/** Answers the visible section by element ids, then presses Next. */
async function answerSection(page, answers) {
  for (const [id, value] of Object.entries(answers)) {
    const base = domId(id);
    if (typeof value === 'number') {
      await page.fill(`#${base}`, String(value));
    } else if (Array.isArray(value)) {
      for (const option of value) await page.check(`#${base}-${option}`);
    } else if (await page.locator(`#${base}-${value}`).count()) {
      await page.check(`#${base}-${value}`);
    } else {
      await page.fill(`#${base}`, value);
    }
  }
}

/** Answers every maturity question of the current section with `level`. */
async function answerMaturity(page, level) {
  const radios = page.locator(`input[type=radio][value=${level}]`);
  const count = await radios.count();
  for (let i = 0; i < count; i += 1) await radios.nth(i).check();
  return count;
}

async function next(page) {
  await page.getByRole('button', { name: /^(Next|See my matrix)$/ }).click();
}

async function expectNoAxeViolations(page, screen) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${screen}: ${JSON.stringify(violations, null, 1)}`);
}

test('the whole flow: questionnaire, matrix, edits, heat-map, summary, reload, export, import', async () => {
  const { context, page, problems, requests } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.locator('#wizard-title').waitFor();
  await expectNoAxeViolations(page, 'welcome → wizard (organisation)');

  // Next with nothing answered: messages next to the fields, and the section stays.
  await next(page);
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('#q-org-size-error').isVisible(), true);
  await screenshot(page, 'wizard-errors-1280');
  await expectNoAxeViolations(page, 'wizard with validation messages');

  await answerSection(page, ORGANISATION);
  await next(page);
  assert.equal(await page.locator('#wizard-title').textContent(), 'Your starting point');
  // start.separate appears only once both standards are held.
  assert.equal(await page.locator('#q-start-separate-field').count(), 0);
  await answerSection(page, { 'start.iso27001': 'certified', 'start.iso20000': 'implemented' });
  await page.locator('#q-start-separate-field').waitFor();
  await answerSection(page, STARTING_POINT);
  await screenshot(page, 'wizard-starting-point-1280');
  await next(page);
  assert.equal(await page.locator('#wizard-title').textContent(), 'Certification');
  await answerSection(page, CERTIFICATION);
  await screenshot(page, 'wizard-certification-1280');
  await expectNoAxeViolations(page, 'wizard (certification)');
  await next(page);
  assert.equal(await page.locator('#wizard-title').textContent(), 'Scope facts');
  await answerSection(page, SCOPE);
  await expectNoAxeViolations(page, 'wizard (scope)');
  await next(page);
  assert.equal(await page.locator('#wizard-title').textContent(), 'How you run your services');
  await answerSection(page, OPERATIONS);
  await expectNoAxeViolations(page, 'wizard (operations)');
  await next(page);
  assert.equal(await page.locator('#wizard-title').textContent(), 'Laws, schemes and attestations');
  await answerSection(page, OBLIGATIONS);
  await screenshot(page, 'wizard-obligations-1280');
  await expectNoAxeViolations(page, 'wizard (obligations)');
  await next(page);
  // Three maturity sections.
  assert.ok((await answerMaturity(page, 'documented_one')) >= 10);
  await next(page);
  assert.ok((await answerMaturity(page, 'informal')) >= 10);
  await next(page);
  // Secure development is hidden: the organisation develops no software.
  assert.equal(await page.locator('#q-maturity-development-field').count(), 0);
  assert.ok((await answerMaturity(page, 'not_in_place')) >= 5);
  await expectNoAxeViolations(page, 'wizard (maturity)');
  await next(page);

  // The matrix.
  await page.locator('#matrix-title').waitFor();
  const count = page.locator('#matrix-count');
  const total = Number((await count.textContent()).match(/of (\d+) rows/)[1]);
  assert.ok(total > 100, `matrix has ${total} rows`);
  assert.match(await page.locator('.screen-head .lead').textContent(), /Both in place, run separately/);
  await screenshot(page, 'matrix-1280');
  await expectNoAxeViolations(page, 'matrix');

  // Filter by kind, then search.
  await page.selectOption('#filter-kind', 'integrated');
  const integrated = Number((await count.textContent()).match(/Showing (\d+)/)[1]);
  assert.ok(integrated > 5 && integrated < total);
  await page.selectOption('#filter-kind', '');
  await page.fill('#matrix-search', 'A.8.32');
  await page.waitForFunction(() => /Showing [1-9] of/.test(document.querySelector('#matrix-count').textContent));
  const changeRow = page.locator('tr.row', { hasText: 'A.8.32' }).first();
  assert.ok(await changeRow.isVisible());

  // Change a status and a note (the note carries markup, a formula and RTL text).
  const note = '=SUM(A1:A2) <img src=x onerror=alert(1)> مرحبا 👋 CAB meets on Tuesdays';
  await changeRow.locator('select.status-select').selectOption('implemented');
  await changeRow.locator('.row-toggle').click();
  const notes = page.locator('textarea[id^="notes-"]').first();
  await notes.fill(note);
  await page.locator('input[id^="owner-"]').first().fill('Change manager');
  // The detail states the plan phase with its date and what an auditor asks to see.
  assert.match(await page.locator('.detail .facts').textContent(), /Plan phase\s*3 Controls and processes/);
  assert.match(await page.locator('.detail-text').textContent(), /What an auditor asks to see/);
  await screenshot(page, 'matrix-detail-1280');
  await expectNoAxeViolations(page, 'matrix with an expanded row');
  // Markup in a note is shown as text, never run.
  assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length), 0);

  // No software is developed: outsourced development is not applicable, but the security
  // requirements for what is bought stay in (NIS2, which applies, names them for acquisition
  // and maintenance, Art. 21(2)(e)), and so do source code access and a life cycle, since staff
  // administer customers' systems with scripts of their own (twenty-ninth and thirtieth
  // reviews).
  for (const control of ['A.8.4', 'A.8.25']) {
    await page.fill('#matrix-search', control);
    const codeRow = page.locator('tr.row', { hasText: control }).first();
    await codeRow.waitFor();
    assert.notEqual(await codeRow.locator('select.status-select').inputValue(), 'not_applicable', control);
  }
  await page.fill('#matrix-search', 'A.8.30');
  const devRow = page.locator('tr.row', { hasText: 'A.8.30' }).first();
  await devRow.waitFor();
  assert.equal(await devRow.locator('select.status-select').inputValue(), 'not_applicable');
  await page.fill('#matrix-search', 'A.8.26');
  const requirementsRow = page.locator('tr.row', { hasText: 'A.8.26' }).first();
  await requirementsRow.waitFor();
  assert.notEqual(await requirementsRow.locator('select.status-select').inputValue(), 'not_applicable');
  await page.fill('#matrix-search', '');

  // Edition switch relabels references.
  await page.selectOption('#edition-27001', '2013');
  await page.fill('#matrix-search', 'A.12.1.2');
  await page.locator('tr.row', { hasText: 'A.12.1.2' }).first().waitFor();
  await page.selectOption('#edition-27001', '2022');
  await page.fill('#matrix-search', '');

  // Heat-map: a cell filters the table.
  await page.getByRole('button', { name: 'Heat-map' }).click();
  await page.locator('#heatmap-title').waitFor();
  await screenshot(page, 'heatmap-1280');
  await expectNoAxeViolations(page, 'heat-map');
  const cell = page.locator('.heat-cell').first();
  const cellRows = Number(await cell.textContent());
  await cell.click();
  await page.locator('#matrix-title').waitFor();
  assert.match(await count.textContent(), new RegExp(`Showing ${cellRows} of`));
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Summary.
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.locator('#summary-title').waitFor();
  assert.match(await page.locator('.card.headline').textContent(), /integrated documents: \d+ replace \d+ that the two standards ask for in writing/);
  assert.ok((await page.locator('.top-actions li').count()) > 0);
  // The plan's phases with dates, ending in the audit date given; the laws named; the checks.
  const phases = page.locator('.phases li');
  assert.equal(await phases.count(), 6);
  // ISO/IEC 27001 is certified: it is surveyed while ISO/IEC 20000-1 is certified for the first time.
  assert.match(await phases.last().textContent(), /ISO\/IEC 20000-1 initial certification audit, with the ISO\/IEC 27001 surveillance or recertification audit\s*2027-10-29/);
  assert.match(await page.locator('[aria-labelledby=obligations-title]').textContent(), /NIS2 Directive \(important entity\)/);
  // The critical path leads the top actions: the merge is planned third, after the context and
  // interested parties it starts from, and the scope follows it.
  const top = async (n) => page.locator('.top-actions li').nth(n).textContent();
  assert.match(await top(2), /Plan the merge/);
  assert.match(await top(3), /scope/i);
  await screenshot(page, 'summary-1280');
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, 'summary-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page, 'summary');

  // Reload: everything kept.
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.fill('#matrix-search', 'A.8.32');
  const reloaded = page.locator('tr.row', { hasText: 'A.8.32' }).first();
  await reloaded.waitFor();
  assert.equal(await reloaded.locator('select.status-select').inputValue(), 'implemented');
  await reloaded.locator('.row-toggle').click();
  assert.equal(await page.locator('textarea[id^="notes-"]').first().inputValue(), note);

  // Export the JSON, start over, import it back.
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  await page.locator('#data-title').waitFor();
  await expectNoAxeViolations(page, 'data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export assessment (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ims-matrix-acme-managed-services-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.schema, 3);
  assert.equal(exported.answers['org.name'], 'Acme Managed Services');
  const edited = Object.values(exported.rows).find((r) => r.notes === note);
  assert.equal(edited.status, 'implemented');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Start over…' }).click();
  await page.locator('.notice', { hasText: 'Started over' }).waitFor();
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  await page.setInputFiles('#import-file', await download.path());
  await page.locator('.notice', { hasText: 'Loaded the assessment from' }).waitFor();
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await page.fill('#matrix-search', 'A.8.32');
  assert.equal(await page.locator('tr.row', { hasText: 'A.8.32' }).first().locator('select.status-select').inputValue(), 'implemented');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreignRequests(requests, app.server.origin), []);
  await context.close();
});

test('a bad import file shows what is wrong and leaves the assessment untouched', async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Keep Me Ltd');
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const dir = await mkdtemp(join(tmpdir(), 'ims-'));
  const bad = join(dir, 'bad.json');
  await writeFile(bad, '{"schema": 2, "created": "x", "updated": "x", "editions": {"iso27001": "2022", "iso20000-1": "2018"}, "rows": {"common.policy": {"status": "finished"}}}');
  await page.setInputFiles('#import-file', bad);
  const notice = page.locator('.notice.error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /bad\.json was not imported: field rows\.common\.policy\.status/);
  await page.getByRole('button', { name: 'Questionnaire' }).click();
  assert.equal(await page.inputValue('#q-org-name'), 'Keep Me Ltd');
  await context.close();
});

test('corrupt saved state is kept, offered for download, and not overwritten', async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.evaluate(() => localStorage.setItem('ims-matrix.assessment', '{"schema": 2, "answers": {tru'));
  await page.reload();
  const alert = page.locator('.notice.error', { hasText: 'could not be read' });
  await alert.waitFor();
  await expectNoAxeViolations(page, 'welcome with unreadable saved state');
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Typing does not overwrite');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => localStorage.getItem('ims-matrix.assessment')), '{"schema": 2, "answers": {tru');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the saved text' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), '{"schema": 2, "answers": {tru');
  await context.close();
});

test('a 100,000-character note is stored and shown as typed', async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await page.locator('.row-toggle').first().click();
  const long = 'אבג '.repeat(25_000);
  await page.locator('textarea[id^="notes-"]').first().fill(long);
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('.row-toggle').first().click();
  assert.equal((await page.locator('textarea[id^="notes-"]').first().inputValue()).length, 100_000);
  await context.close();
});

for (const width of [360, 375]) test(`phone width: every screen fits ${width}px without sideways scrolling`, async () => {
  const { context, page } = await openPage(app.browser, { width, height: 812 });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.locator('#wizard-title').waitFor();
  await screenshot(page, `wizard-${width}`);
  for (const screen of ['Matrix', 'Heat-map', 'Summary', 'Data']) {
    await page.getByRole('button', { name: screen }).click();
    await page.waitForTimeout(50);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${screen} is ${overflow}px wider than the viewport`);
    await screenshot(page, `${screen.toLowerCase().replace('-', '')}-${width}`, { fullPage: screen !== 'Matrix' });
  }
  await context.close();
});

test('a share link opens the same assessment in another browser, and only on request over existing answers', async () => {
  const first = await openPage(app.browser);
  await first.page.goto(app.server.url);
  await first.page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await first.page.fill('#q-org-name', 'Linked Ltd');
  await first.page.getByRole('button', { name: 'Data', exact: true }).click();
  await first.page.getByRole('button', { name: 'Create link' }).click();
  const link = await first.page.inputValue('#share-link');
  assert.ok(link.startsWith(app.server.url) && link.includes('#z1='), link);
  await first.context.close();

  // A fresh browser opens it directly.
  const second = await openPage(app.browser);
  await second.page.goto(link);
  await second.page.locator('.notice', { hasText: 'Loaded the assessment from the shared link' }).waitFor();
  assert.equal(new URL(second.page.url()).hash, '', 'the fragment is removed after reading');
  await second.page.getByRole('button', { name: 'Resume where you left off' }).click();
  assert.equal(await second.page.inputValue('#q-org-name'), 'Linked Ltd');
  // Someone with answers of their own is asked first, and "Keep mine" keeps them.
  await second.page.fill('#q-org-name', 'Mine Ltd');
  await second.page.goto('about:blank');
  await second.page.goto(link);
  await second.page.getByRole('button', { name: 'Keep mine' }).click();
  await second.page.getByRole('button', { name: 'Resume where you left off' }).click();
  assert.equal(await second.page.inputValue('#q-org-name'), 'Mine Ltd');
  // A damaged link says so and changes nothing, in either format.
  for (const damaged of ['#a=%%%', '#z1=AAAA']) {
    await second.page.goto('about:blank');
    await second.page.goto(`${app.server.url}${damaged}`);
    await second.page.locator('.notice.error', { hasText: 'could not be opened' }).waitFor();
  }
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('links made by earlier versions still open: uncompressed, and the sample compressed elsewhere', async () => {
  const old = { schema: 3, created: '2026-10-01T09:00:00Z', updated: '2026-10-01T09:00:00Z', editions: { iso27001: '2022', 'iso20000-1': '2018' }, answers: { 'org.name': 'Old Link Ltd' }, rows: {} };
  const sampleLink = (await readFile(join(ROOT, 'tests', 'fixtures', 'share', 'sample-z1.txt'), 'utf8')).trim();
  const links = [
    [`#a=${Buffer.from(JSON.stringify(old)).toString('base64url')}`, 'Old Link Ltd'],
    [sampleLink.slice(sampleLink.indexOf('#')), 'Northwind Managed Services Ltd'],
  ];
  for (const [fragment, organisation] of links) {
    const { context, page, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}${fragment}`);
    await page.locator('.notice', { hasText: 'Loaded the assessment from the shared link' }).waitFor();
    await page.getByRole('button', { name: 'Resume where you left off' }).click();
    assert.equal(await page.inputValue('#q-org-name'), organisation);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('starting over clears the saved assessment, so a reload does not bring it back', async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.fill('#q-org-name', 'Gone Ltd');
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Start over…' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Start the questionnaire' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('ims-matrix.assessment')), null);
  await context.close();
});
