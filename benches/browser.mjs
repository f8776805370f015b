// Browser benchmark: how long the built app (dist/) takes, in headless Chromium, to filter the
// matrix on a search keystroke and to rebuild it after a status change, from the input event to
// the updated table in the DOM. Prints figures; asserts nothing. Run: node benches/browser.mjs
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser);
try {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Matrix' }).click();
  await page.locator('#matrix-search').waitFor();

  const figures = await page.evaluate(async () => {
    const input = document.querySelector('#matrix-search');
    const count = document.querySelector('#matrix-count');
    // Resolves on the next task, once pending work (Yew's render) has run. A MessageChannel
    // task, unlike setTimeout, is not clamped to 4 ms when calls nest.
    const channel = new MessageChannel();
    const settle = () => new Promise((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const max = (xs) => Math.max(...xs);
    const queries = ['s', 'su', 'sup', 'supp', 'suppl', 'supplier', '', 'a.8', 'a.8.3', 'a.8.32', '', 'change', ''];
    const keystrokes = [];
    for (let round = 0; round < 8; round += 1) {
      for (const q of queries) {
        const start = performance.now();
        input.value = q;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await settle();
        keystrokes.push(performance.now() - start);
      }
    }
    const statuses = [];
    for (let i = 0; i < 30; i += 1) {
      const select = document.querySelectorAll('select.status-select')[i % 20];
      const start = performance.now();
      select.value = i % 2 ? 'implemented' : 'in_progress';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      statuses.push(performance.now() - start);
    }
    return {
      rows: count.textContent,
      keystrokeMedian: median(keystrokes),
      keystrokeMax: max(keystrokes),
      keystrokes: keystrokes.length,
      statusMedian: median(statuses),
      statusMax: max(statuses),
      statuses: statuses.length,
    };
  });
  console.log(`browser benchmark (headless Chromium, release dist/, ${figures.rows})`);
  console.log(`search keystroke → table updated   median ${figures.keystrokeMedian.toFixed(1)} ms   max ${figures.keystrokeMax.toFixed(1)} ms   (${figures.keystrokes} keystrokes)`);
  console.log(`status change → matrix rebuilt     median ${figures.statusMedian.toFixed(1)} ms   max ${figures.statusMax.toFixed(1)} ms   (${figures.statuses} changes)`);
} finally {
  await browser.close();
  await server.close();
}
