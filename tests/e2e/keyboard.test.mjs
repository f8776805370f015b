// The questionnaire by keyboard alone: Start, answer every required question of a section with
// Tab, Space and typing, Next, then Back; focus lands on each section's heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, openPage } from './harness.mjs';

const app = servedApp();

/** What has focus: its tag, type, id and text. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, type: el?.type ?? '', id: el?.id ?? '', name: el?.name ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** Answers the visible section by keyboard until focus reaches `button`, then presses Enter. */
async function answerByKeyboard(page, button) {
  const answered = new Set();
  for (let i = 0; i < 200; i += 1) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el.tag === 'BUTTON' && el.text === button) {
      await page.keyboard.press('Enter');
      return;
    }
    if (el.tag !== 'INPUT' || answered.has(el.name || el.id)) continue;
    if (el.type === 'radio' || el.type === 'checkbox') await page.keyboard.press('Space');
    else if (el.type === 'number') await page.keyboard.type('3');
    else if (el.type === 'text') await page.keyboard.type('Keyboard Ltd');
    answered.add(el.name || el.id);
  }
  throw new Error(`focus never reached ${button}`);
}

test('the questionnaire works by keyboard alone past Start: answer, Next and Back', async () => {
  const { context, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await page.locator('#welcome-title').waitFor();
  for (let i = 0; i < 10 && (await focused(page)).text !== 'Start the questionnaire'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const title = page.locator('#wizard-title');
  await title.waitFor();
  const first = await title.textContent();
  assert.equal((await focused(page)).id, 'wizard-title', 'focus moves to the section heading');
  await answerByKeyboard(page, 'Next');
  await page.waitForFunction((t) => document.querySelector('#wizard-title')?.textContent !== t, first);
  assert.match(await page.locator('.progress-label').textContent(), /Step 2 of/);
  assert.equal((await focused(page)).id, 'wizard-title');
  // Back by keyboard returns to the first section with its answers kept.
  for (let i = 0; i < 200 && (await focused(page)).text !== 'Back'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#wizard-title')?.textContent === t, first);
  assert.equal(await page.inputValue('#q-org-name'), 'Keyboard Ltd');
  assert.equal(await page.locator('input[type=radio]:checked').count() >= 1, true);
  assert.deepEqual(problems, []);
  await context.close();
});
