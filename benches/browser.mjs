// Browser benchmark: how long the built app (dist/) takes, in headless Chromium, to filter the
// matrix on a search keystroke and to rebuild it after a status change, from the input event to
// the updated table in the DOM, and to export the workbook in the export worker. Prints figures;
// asserts nothing. Run: node benches/browser.mjs
import { readFile } from 'node:fs/promises';
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
  // Export: the worker the app starts when the matrix opens, driven directly with the same
  // protocol (see src/web/export_worker.rs) on the built-in sample (every question answered,
  // most rows edited): start-up to ready, a request the moment it is ready, the warm-up, the
  // first request after it, then warm requests.
  const sample = JSON.parse(await readFile(new URL('../data/sample-assessment.json', import.meta.url), 'utf8'));
  // A fresh page on the welcome screen, in its own context, so no export worker has run yet
  // (the matrix page above already started and warmed one).
  const { page: freshPage } = await openPage(browser);
  await freshPage.goto(server.url);
  const exportFigures = await freshPage.evaluate(async (assessment) => {
    const request = JSON.stringify({ assessment, date: '2026-11-27', brand: null });
    const created = performance.now();
    const worker = new Worker('./ims-matrix-export-worker_loader.js');
    const next = () => new Promise((resolve) => { worker.onmessage = (event) => resolve(event.data); });
    await next(); // "ready"
    const ready = performance.now() - created;
    // The first request, sent the moment the worker is ready: the code has never run.
    const coldStart = performance.now();
    const coldReply = next();
    worker.postMessage(request);
    const cold = await coldReply;
    if (!cold.ok) throw new Error(cold.error);
    const coldTrip = performance.now() - coldStart;
    const warm = await next(); // "warm N"
    const warmed = performance.now() - created;
    const roundTrips = [];
    const inside = [];
    let size = 0;
    for (let i = 0; i < 31; i += 1) {
      const start = performance.now();
      const reply = next();
      worker.postMessage(request);
      const data = await reply;
      if (!data.ok) throw new Error(data.error);
      roundTrips.push(performance.now() - start);
      inside.push(data.millis);
      size = data.bytes.length;
    }
    worker.terminate();
    const sorted = (xs) => [...xs].sort((a, b) => a - b);
    const warmTrips = sorted(roundTrips.slice(1));
    const warmInside = sorted(inside.slice(1));
    return {
      ready,
      warmed,
      warmUpRuns: Number(warm.split(' ')[1]),
      cold: coldTrip,
      coldInside: cold.millis,
      first: roundTrips[0],
      firstInside: inside[0],
      warmMedian: warmTrips[Math.floor(warmTrips.length / 2)],
      warmP90: warmTrips[Math.floor(warmTrips.length * 0.9)],
      warmInsideMedian: warmInside[Math.floor(warmInside.length / 2)],
      size,
    };
  }, sample);
  console.log(`browser benchmark (headless Chromium, release dist/, ${figures.rows})`);
  console.log(`search keystroke → table updated   median ${figures.keystrokeMedian.toFixed(1)} ms   max ${figures.keystrokeMax.toFixed(1)} ms   (${figures.keystrokes} keystrokes)`);
  console.log(`status change → matrix rebuilt     median ${figures.statusMedian.toFixed(1)} ms   max ${figures.statusMax.toFixed(1)} ms   (${figures.statuses} changes)`);
  const e = exportFigures;
  console.log(`export worker start-up → ready     ${e.ready.toFixed(0)} ms (fetch, compile, one sample export)`);
  console.log(`export, first call after ready    ${e.cold.toFixed(1)} ms round trip (${e.coldInside.toFixed(1)} ms inside the worker; compiled, not yet optimised)`);
  console.log(`export worker warm-up             ${e.warmed.toFixed(0)} ms after start, ${e.warmUpRuns} sample exports in the background`);
  console.log(`export, first call after warm-up  ${e.first.toFixed(1)} ms round trip (${e.firstInside.toFixed(1)} ms inside the worker)`);
  console.log(`export, warm median of 30         ${e.warmMedian.toFixed(1)} ms round trip (${e.warmInsideMedian.toFixed(1)} ms inside the worker), p90 ${e.warmP90.toFixed(1)} ms; workbook ${(e.size / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
  await server.close();
}
