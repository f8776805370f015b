// The matrix table as a user works it, on the sample assessment: sorting by a column both ways,
// each filter (kind, PDCA phase, status, applicability, lead standard), a due date kept over a
// reload. Printing is in report.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openPage, ROOT } from './harness.mjs';

const app = servedApp();
const SAMPLE = await readFile(join(ROOT, 'data', 'sample-assessment.json'), 'utf8');
const KEY = 'ims-matrix.assessment';

/** A page with the sample assessment saved, on the matrix. */
async function sampleMatrix(browser) {
  const opened = await openPage(browser);
  const { page } = opened;
  await page.goto(app.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('#matrix-title').waitFor();
  return opened;
}

const shown = async (page) => Number((await page.locator('#matrix-count').textContent()).match(/Showing (\d+)/)[1]);
const total = async (page) => Number((await page.locator('#matrix-count').textContent()).match(/of (\d+) rows/)[1]);
/** A value of every visible row, in table order. */
const visible = (page, read) => page.locator('tr.row:not([hidden])').evaluateAll((rows, read) => rows.map((row) => new Function('row', read)(row)), read);

test('sorting by a column orders the rows, both ways, and says so to assistive technology', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  const rank = { none: 0, low: 1, medium: 2, high: 3 };
  const priorities = async () => (await visible(page, "return row.querySelector('.priority').className.replace('priority', '').trim()")).map((p) => rank[p]);
  const header = page.locator('th.col-priority');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const up = await priorities();
  assert.deepEqual(up, [...up].sort((a, b) => a - b), 'ascending by priority');
  assert.ok(new Set(up).size > 1, 'the sample has several priorities');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const down = await priorities();
  assert.deepEqual(down, [...down].sort((a, b) => b - a), 'descending by priority');
  // Sorting by topic is alphabetical.
  await page.locator('th.col-topic').getByRole('button').click();
  const topics = await visible(page, "return row.querySelector('.row-toggle').textContent.replace(/^[▸▾]/, '').trim()");
  assert.deepEqual(topics, [...topics].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  await context.close();
});

test('each filter narrows the rows to what it names, and Clear filters restores them', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  const all = await total(page);
  assert.equal(await shown(page), all);

  await page.selectOption('#filter-status', 'implemented');
  assert.ok((await shown(page)) > 0 && (await shown(page)) < all);
  for (const status of await visible(page, "return row.querySelector('select.status-select').value")) assert.equal(status, 'implemented');
  await page.selectOption('#filter-status', '');

  await page.selectOption('#filter-applicable', 'no');
  assert.ok((await shown(page)) > 0 && (await shown(page)) < all);
  for (const na of await visible(page, "return row.classList.contains('not-applicable')")) assert.equal(na, true);
  await page.selectOption('#filter-applicable', '');

  await page.selectOption('#filter-lead', 'iso27001');
  assert.ok((await shown(page)) > 0 && (await shown(page)) < all);
  for (const lead of await visible(page, "return row.querySelector('.col-lead').textContent")) assert.equal(lead, 'ISO/IEC 27001');
  await page.selectOption('#filter-lead', '');

  await page.selectOption('#filter-pdca', 'check');
  const checks = await shown(page);
  assert.ok(checks > 0 && checks < all);
  // The phase is in each row's detail.
  const first = page.locator('tr.row:not([hidden])').first();
  await first.locator('.row-toggle').click();
  assert.match(await page.locator('.detail .facts').textContent(), /PDCA phase\s*Check/);
  // Filters combine.
  await page.selectOption('#filter-kind', 'common');
  assert.ok((await shown(page)) <= checks);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  assert.equal(await shown(page), all);
  assert.equal(await page.inputValue('#filter-pdca'), '');
  await context.close();
});

test('a due date set in a row is saved and shown again after a reload', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  await page.fill('#matrix-search', 'A.8.32');
  const row = page.locator('tr.row:not([hidden])').first();
  await row.locator('.row-toggle').click();
  const due = page.locator('input[type=date][id^="due-"]');
  await due.fill('2027-03-31');
  const id = (await due.getAttribute('id')).slice('due-'.length);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  const edited = Object.entries(saved.rows).find(([rowId]) => rowId.replaceAll('.', '-') === id);
  assert.equal(edited?.[1].due, '2027-03-31');
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.fill('#matrix-search', 'A.8.32');
  await page.locator('tr.row:not([hidden])').first().locator('.row-toggle').click();
  assert.equal(await page.inputValue(`#due-${id}`), '2027-03-31');
  await context.close();
});

// Bringing back all 130 rows on a search keystroke took 45–60 ms of style, layout and paint while
// the table was a real table; with each row a box the browser may skip while out of view
// (content-visibility, www/app.css) it styles and lays out only the rows in view.
test('rows out of view are skipped by the browser, and come into view when scrolled to', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  const inView = (which) => page.evaluate((which) => {
    const rows = [...document.querySelectorAll('tr.row:not([hidden])')];
    const row = which === 'first' ? rows[0] : rows[rows.length - 1];
    return row.querySelector('td').checkVisibility({ contentVisibilityAuto: true });
  }, which);
  // For a second after its rows mount the table lays out every row (`use_settling`).
  await page.locator('table.matrix:not(.settling)').waitFor();
  await page.fill('#matrix-search', 'supplier');
  await page.fill('#matrix-search', '');
  await page.waitForFunction(() => /Showing 130 of 130/.test(document.querySelector('#matrix-count').textContent));
  assert.equal(await inView('first'), true, 'the first row is rendered');
  assert.equal(await inView('last'), false, 'the last row is skipped while out of view');
  await page.locator('tr.row').last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll('tr.row');
    return rows[rows.length - 1].querySelector('td').checkVisibility({ contentVisibilityAuto: true });
  });
  // The row keeps the table's columns: its cells side by side, its status under the header.
  const cells = await page.evaluate(() => {
    const rows = document.querySelectorAll('tr.row');
    const box = (element) => element.getBoundingClientRect();
    const last = rows[rows.length - 1];
    return {
      header: Math.round(box(document.querySelector('th.col-status')).left),
      status: Math.round(box(last.querySelector('td.col-status')).left),
      tops: new Set([...last.querySelectorAll('td')].map((td) => Math.round(box(td).top))).size,
    };
  });
  assert.equal(cells.status, cells.header);
  assert.equal(cells.tops, 1, 'the cells are in one line');
  await context.close();
});

// A filtered-out row keeps its layout, hidden by content-visibility and of no height, so that
// bringing it back costs no styling and layout (www/app.css); it must still be gone for the
// reader: no room, nothing drawn, out of the accessibility tree and the tab order.
test('a row filtered out takes no room and is out of the accessibility tree and the tab order', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  await page.fill('#matrix-search', 'supplier');
  await page.waitForFunction(() => !/Showing 130 of/.test(document.querySelector('#matrix-count').textContent));
  // For a second after the rows mount, or the filter first applies, the table lays out every
  // row it holds (`use_settling`): a filtered-out row is then laid out, still of no height and
  // clipped, so nothing shows, but `checkVisibility` says drawn. The reader meets the settled
  // table; a search typed at once met the settling one (a clean run of 6 December 2026).
  await page.locator('table.matrix:not(.settling)').waitFor();
  const count = await shown(page);
  assert.ok(count > 0 && count < 130);
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const rows = nodes.filter((node) => node.role?.value === 'row' && !node.ignored);
  assert.equal(rows.length, count + 1, 'the header row and the rows shown');
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    const hidden = await page.evaluate(() => [...document.querySelectorAll('tr.row[hidden]')].map((row) => {
      const select = row.querySelector('select.status-select');
      select.focus();
      return {
        height: row.getBoundingClientRect().height,
        drawn: row.querySelector('td').checkVisibility(),
        focused: document.activeElement === select,
      };
    }));
    assert.equal(hidden.length, 130 - count);
    for (const row of hidden) assert.deepEqual(row, { height: 0, drawn: false, focused: false }, `at ${width} px`);
  }
  await context.close();
});

test('the matrix shows with its first rows, and the rest follow once it is painted', async () => {
  const { context, page } = await openPage(app.browser);
  await context.addInitScript(() => {
    // The rows in the page the moment the matrix's search box arrives, before any paint.
    new MutationObserver((_, observer) => {
      if (document.querySelector('#matrix-search')) {
        window.rowsAtFirst = document.querySelectorAll('tr.row').length;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(app.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await page.reload();
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.locator('#matrix-title').waitFor();
  assert.equal(await page.evaluate(() => window.rowsAtFirst), 24, 'the first frame mounts 24 rows');
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  assert.equal(await total(page), 130);
  // In table order: the table ends with the last row of the default order.
  const topics = await visible(page, 'return row.querySelector(".col-topic .row-toggle").textContent.trim()');
  assert.equal(topics.length, 130);
  assert.match(topics.at(-1), /Service reporting$/);
  await context.close();
});

// Clearing the search brings back every row. Its keystroke shows a screenful in its own frame
// and the rest once that is painted, so the frame styles and paints a screenful, not the table.
test('a keystroke that brings back every row shows the top of the table at once and the rest once painted', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  await page.fill('#matrix-search', 'supplier');
  await page.waitForFunction(() => !/Showing 130 of/.test(document.querySelector('#matrix-count').textContent));
  const matching = await shown(page);
  const renders = await page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector('#matrix-search');
    const rows = () => [...document.querySelectorAll('tr.row')];
    const seen = [];
    // Called once per render that shows or hides rows, before the browser paints it.
    const observer = new MutationObserver(() => {
      const shownNow = rows().filter((row) => !row.hidden);
      seen.push({
        shown: shownNow.length,
        topShown: rows().slice(0, 24).every((row) => !row.hidden),
        count: document.querySelector('#matrix-count').textContent,
      });
      if (shownNow.length === 130) {
        observer.disconnect();
        resolve(seen);
      }
    });
    observer.observe(document.querySelector('table.matrix'), { attributes: true, subtree: true, attributeFilter: ['hidden'] });
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }));
  assert.equal(renders.length, 2, 'two renders: the keystroke\'s and the one after its paint');
  const [first] = renders;
  assert.ok(first.shown < 130, `the keystroke's frame holds rows back (${first.shown} shown)`);
  assert.ok(first.shown <= matching + 24, 'at most a screenful comes back in that frame');
  assert.equal(first.topShown, true, 'the top of the table is there at once');
  assert.match(first.count, /Showing 130 of 130/, 'the count states every match at once');
  await context.close();
});

test('every control of the matrix is in a small form of its own, and Enter in the search keeps the page', async () => {
  const { context, page, problems } = await sampleMatrix(app.browser);
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  // A browser's autofill reads every control outside a form as one form: changing one status
  // made Chromium re-read all 130 selects and lay the page out for each.
  const forms = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('.matrix-screen select, .matrix-screen input, .matrix-screen textarea')];
    return {
      controls: controls.length,
      formless: controls.filter((control) => !control.form).map((control) => control.id),
      largest: Math.max(...[...document.querySelectorAll('.matrix-screen form')].map((form) => form.elements.length)),
    };
  });
  assert.ok(forms.controls > 130, JSON.stringify(forms));
  assert.deepEqual(forms.formless, []);
  assert.ok(forms.largest <= 10, JSON.stringify(forms));
  // The toolbar is a form now: Enter in the search box must not submit it and reload.
  await page.locator('#matrix-search').fill('supplier');
  await page.locator('#matrix-search').press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#matrix-search').inputValue(), 'supplier');
  assert.ok(await shown(page) < await total(page));
  assert.deepEqual(problems, []);
  await context.close();
});

// Chromium's autofill reads every form of the page again 0.1 s after a form control is added or
// removed (50-60 ms for the 130 status selects, in a trace), so the everyday edits must patch
// the controls they show, never re-create them: a status change (its badges come and go beside
// the select) and typing or clearing a search (the Clear filters button shows and hides).
test('a status change and a search keep every form control in place', async () => {
  const { context, page } = await sampleMatrix(app.browser);
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  await page.evaluate(() => {
    window.controlsMoved = [];
    const controls = (node) => (node.nodeType === 1 ? [node, ...node.querySelectorAll('*')] : [])
      .filter((el) => ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'FORM'].includes(el.tagName));
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of [...record.addedNodes, ...record.removedNodes]) {
          for (const el of controls(node)) window.controlsMoved.push(`${el.tagName}.${el.className}`);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const moved = () => page.evaluate(() => window.controlsMoved.splice(0));
  // A row whose status the sample leaves derived: overriding it shows the "edited" badge after
  // the select, and choosing the derived status again takes it away.
  const id = await page.locator('tr.row:not(.not-applicable):not(:has(.badge.edited)) select.status-select').first().getAttribute('id');
  const select = page.locator(`#${id}`);
  const row = page.locator('tr.row', { has: select });
  const derived = await select.inputValue();
  await select.selectOption(derived === 'implemented' ? 'in_progress' : 'implemented');
  await row.locator('.badge.edited').waitFor();
  assert.deepEqual(await moved(), [], 'the status change re-created no control');
  await select.selectOption(derived);
  await row.locator('.badge.edited').waitFor({ state: 'detached' });
  assert.deepEqual(await moved(), [], 'changing it back re-created no control');
  const search = page.locator('#matrix-search');
  await search.fill('supplier');
  await page.getByRole('button', { name: 'Clear filters' }).waitFor();
  await search.fill('');
  await page.getByRole('button', { name: 'Clear filters' }).waitFor({ state: 'hidden' });
  assert.deepEqual(await moved(), [], 'the search showed and hid Clear filters without adding or removing it');
  await context.close();
});

// Chromium's autofill reads every form 0.1 s after form controls are added and needs each status
// select laid out; a select in a row the browser skips (content-visibility) made it lay out that
// row alone, all skipped rows in one task (109 layouts, 133-150 ms, when the matrix opened). The
// table now lays out its rows together while it settles and the skipped ones a few per task
// after (`use_settling`, `web::lay_out_ahead`). Counted in a trace, not timed: the layouts per
// task while the matrix opens and settles, a row further down is expanded (new form controls),
// the table is regrouped (rows created anew) and a heat-map cell opens it on a few rows (rows
// created filtered out).
test('no task lays the page out more than a few times: opening, expanding, regrouping the matrix, a heat-map cell', async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, SAMPLE]);
  await page.reload();
  await app.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.getByRole('button', { name: 'Open my matrix' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  // The table settles for a second, then lays out the skipped rows ten per task (about half a
  // second): the expand comes after both, however slow the machine.
  await page.locator('table.matrix:not(.settling)').waitFor();
  await page.waitForTimeout(1500);
  await page.locator('tr.row .row-toggle').nth(40).click();
  await page.locator('tr.detail-row').waitFor();
  await page.waitForTimeout(600);
  await page.selectOption('#group-by', { index: 1 });
  await page.locator('tr.group-row').first().waitFor();
  await page.waitForTimeout(2000);
  // A heat-map cell opens the matrix on its few rows, every other row created filtered out
  // (ungrouped: a group with no row shown is not displayed at all, and costs the read nothing).
  await page.selectOption('#group-by', { index: 0 });
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Heat-map' }).click();
  await page.locator('button.heat-cell').first().click();
  await page.locator('#matrix-title').waitFor();
  await page.waitForTimeout(2000);
  assert.ok(await shown(page) < 20, 'the heat-map cell shows a few rows');
  const events = JSON.parse(await app.browser.stopTracing()).traceEvents;
  const layouts = events.filter((e) => e.ph === 'X' && e.name === 'Layout');
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const perTask = new Map();
  for (const layout of layouts) {
    const task = tasks.find((t) => t.tid === layout.tid && t.ts <= layout.ts && layout.ts <= t.ts + t.dur);
    perTask.set(task, (perTask.get(task) ?? 0) + 1);
  }
  const most = Math.max(...perTask.values());
  assert.ok(layouts.length > 20, `the trace shows the page's layouts (${layouts.length})`);
  // A batch of `lay_out_ahead` is 10 rows; the read after the expand lays out again the rows
  // the click scrolled past (about 30 here, 15 ms), which a settling table would not help.
  assert.ok(most <= 40, `no more than 40 layouts in one task, found ${most} (${layouts.length} in all)`);
  await context.close();
});
