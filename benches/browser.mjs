// Browser benchmark: how long the built app (dist/) takes, in headless Chromium, to show the
// welcome screen, to filter the matrix on a search keystroke and to rebuild it after a status
// change (from the input event to the updated table in the DOM), to export the workbook in the
// export worker and to read it back; with the download sizes and the share link's length. Ends
// with every figure issue 18 sets a goal for, the goal beside it. Prints figures; asserts
// nothing. Run: node benches/browser.mjs
import { readFile } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { serve, launch, openPage, DIST, STRICT_CSP } from '../tests/e2e/harness.mjs';
import { sizes, firstVisitBrotli, firstVisitPageBrotli, exportWorkerBrotli } from '../scripts/sizes.mjs';

/** The ratios to ExcelJS of the app's writer (benches/peer-writer) in the last peer run, if any;
 * of rust_xlsxwriter, the writer until 5 December 2026, in a run from before it was measured. */
function peerRatios(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const rows = text.split('\n').filter((line) => line.startsWith('|')).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const header = rows.find((row) => row[0] === 'Library');
  const row = (name) => rows.find((r) => r[0].startsWith(name));
  const rust = row('ims-matrix') || row('rust_xlsxwriter');
  const exceljs = row('ExcelJS');
  if (!header || !rust || !exceljs) return null;
  const column = (name) => header.findIndex((cell) => cell.startsWith(name));
  const number = (r, name) => parseFloat(r[column(name)]);
  return {
    warm: number(rust, 'Generate ms') / number(exceljs, 'Generate ms'),
    first: number(rust, 'First call ms') / number(exceljs, 'First call ms'),
    writer: rust[0],
    when: statSync(file).mtime.toISOString().slice(0, 16).replace('T', ' '),
  };
}

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // The welcome screen, from navigation to its button in the page. A new visitor gets the static
  // copy in index.html, whose listeners www/start.js attaches as it shows it (a visitor it does
  // not fit gets the first-visit page, interactive as Yew mounts it). Cold: a fresh profile each
  // time, on localhost. Warm: reloads in one profile from a server that lets the browser cache
  // the files.
  const welcomeAt = async (tab, url) => {
    await tab.goto(url);
    await tab.locator('#welcome-title').waitFor();
    return tab.evaluate(() => window.welcomeAt);
  };
  const observeWelcome = (context) => context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#welcome-title')) {
        window.welcomeAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cold = [];
  for (let i = 0; i < 5; i += 1) {
    const { context, page: tab } = await openPage(browser);
    await observeWelcome(context);
    cold.push(await welcomeAt(tab, server.url));
    await context.close();
  }
  const caching = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP, 'cache-control': 'max-age=3600' } });
  const warm = [];
  {
    const { context, page: tab } = await openPage(browser);
    await observeWelcome(context);
    await welcomeAt(tab, caching.url);
    for (let i = 0; i < 5; i += 1) warm.push(await welcomeAt(tab, caching.url));
    await context.close();
  }
  await caching.close();
  const welcome = { cold: median(cold), warm: median(warm) };

  // A new visitor's Start, from the click to the first question on screen: the first-visit page
  // loads then (www/start.js). Clicked the moment the welcome shows, in a fresh profile (cold),
  // and in one that has it in its HTTP cache (warm).
  const startToQuestion = async (tab, url) => {
    await tab.goto(url);
    await tab.locator('#welcome-title').waitFor();
    const start = tab.getByRole('button', { name: 'Start the questionnaire' });
    await tab.evaluate(() => {
      window.questionAt = new Promise((shown) => new MutationObserver((_, observer) => {
        if (document.querySelector('#q-org-name')) {
          observer.disconnect();
          shown(performance.now());
        }
      }).observe(document, { childList: true, subtree: true }));
      addEventListener('pointerdown', () => { window.pressedAt = performance.now(); }, { capture: true, once: true });
    });
    await start.click();
    return tab.evaluate(async () => (await window.questionAt) - window.pressedAt);
  };
  const startCold = [];
  for (let i = 0; i < 5; i += 1) {
    const { context, page: tab } = await openPage(browser);
    startCold.push(await startToQuestion(tab, server.url));
    await context.close();
  }
  const startWarm = [];
  {
    const cachingAgain = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP, 'cache-control': 'max-age=3600' } });
    const { context, page: tab } = await openPage(browser);
    await startToQuestion(tab, cachingAgain.url);
    for (let i = 0; i < 5; i += 1) {
      await tab.evaluate(() => localStorage.clear());
      startWarm.push(await startToQuestion(tab, cachingAgain.url));
    }
    await context.close();
    await cachingAgain.close();
  }
  const started = { cold: median(startCold), warm: median(startWarm) };

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start the questionnaire' }).click();
  await page.getByRole('button', { name: 'Matrix' }).click();
  await page.locator('#matrix-search').waitFor();
  // The matrix shows with its first rows and mounts the rest once painted (a frame later);
  // typing starts on the whole table, laid out and painted, as a person's first keystroke
  // would (the mount's own time is in the hand-over and first-click figures).
  await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 130);
  await page.evaluate(() => new Promise((painted) => {
    requestAnimationFrame(() => requestAnimationFrame(() => painted()));
  }));

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
    // 104 keystrokes, each timed to the table's update; kept on the page for the second round
    // below.
    window.typeSearches = async () => {
      const queries = ['s', 'su', 'sup', 'supp', 'suppl', 'supplier', '', 'a.8', 'a.8.3', 'a.8.32', '', 'change', ''];
      const times = [];
      for (let round = 0; round < 8; round += 1) {
        for (const q of queries) {
          const start = performance.now();
          input.value = q;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await settle();
          times.push(performance.now() - start);
        }
      }
      return times;
    };
    const keystrokes = await window.typeSearches();
    const statuses = [];
    for (let i = 0; i < 30; i += 1) {
      const select = document.querySelectorAll('select.status-select')[i % 20];
      const start = performance.now();
      // Always a change: the sample has rows in progress, and choosing the status a row already
      // has changes nothing and renders nothing.
      select.value = select.value === 'implemented' ? 'in_progress' : 'implemented';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      statuses.push(performance.now() - start);
    }
    return {
      rows: count.textContent,
      keystrokeFirst: keystrokes[0],
      keystrokeMedian: median(keystrokes),
      keystrokeMax: max(keystrokes),
      // The slowest is often a garbage collection that lands in the window; p90 shows the rest.
      keystrokeP90: [...keystrokes].sort((a, b) => a - b)[Math.floor(keystrokes.length * 0.9)],
      keystrokes: keystrokes.length,
      statusMedian: median(statuses),
      statusMax: max(statuses),
      statuses: statuses.length,
    };
  });
  // The same keystrokes once the page has settled: the matrix's 130 status selects make
  // Chromium's autofill read every form 0.1 s after they mount (133-150 ms in a trace, README:
  // "Chromium's autofill and the slowest keystroke"), and typing that starts within it waits.
  // After a second that read is over, so these show the page's own keystrokes apart from it.
  await page.locator('#matrix-search').fill('');
  await page.waitForTimeout(1000);
  const settled = await page.evaluate(async () => {
    const sorted = (await window.typeSearches()).sort((a, b) => a - b);
    return { p90: sorted[Math.floor(sorted.length * 0.9)], max: sorted.at(-1), count: sorted.length };
  });
  // Export as the user meets it: click "Download Excel workbook" in the app, on the built-in
  // sample (every question answered, most rows edited), and time the click until the download
  // starts (the app clicks a download link; the hook below sees it).
  const sample = await readFile(new URL('../data/sample-assessment.json', import.meta.url), 'utf8');
  const appExport = async (waitBeforeFirstClick, { firstOnly = false } = {}) => {
    // A fresh context: no export worker has run yet in it, and V8 has no code for it.
    const { context, page: app } = await openPage(browser);
    await app.addInitScript((saved) => {
      localStorage.setItem('ims-matrix.assessment', saved);
      // The workbooks the page laid out, as it sends them to the export worker (a copy: the
      // page moves the buffer), for the worker-alone figures below.
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function postHooked(message, transfer) {
        if (message?.workbook instanceof Uint8Array) window.laidOut = new Uint8Array(message.workbook);
        return post.call(this, message, transfer);
      };
      const click = HTMLElement.prototype.click;
      HTMLAnchorElement.prototype.click = function clickHooked() {
        if (this.hasAttribute('download')) window.downloadStarted?.(performance.now());
        return click.call(this);
      };
      // The hand-over: from the click on "Open my matrix" to the matrix's search box in the page.
      document.addEventListener('click', (event) => {
        if (event.target.closest?.('button')?.textContent.includes('Open my matrix')) window.openClickedAt = performance.now();
      }, true);
      new MutationObserver((_, observer) => {
        if (document.querySelector('#matrix-search')) {
          window.matrixAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, sample);
    await app.goto(server.url);
    await app.getByRole('button', { name: 'Open my matrix' }).click();
    await app.locator('#matrix-search').waitFor();
    const opened = await app.evaluate(() => window.matrixAt - window.openClickedAt);
    const figures = await app.evaluate(async ({ wait, firstOnly }) => {
      const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const download = () => new Promise((resolve) => {
        const start = performance.now();
        window.downloadStarted = (at) => { window.downloadStarted = null; resolve(at - start); };
        document.querySelector('.export-button').click();
      });
      const idle = async () => {
        // The button is busy until the download has started; wait until it is free again.
        while (document.querySelector('.export-button').disabled) await pause(5);
      };
      const edit = (i) => {
        const select = document.querySelectorAll('select.status-select')[i % 20];
        select.value = select.value === 'implemented' ? 'in_progress' : 'implemented';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      // The page's part of each export: laying the workbook out (ui/laid_out.rs measures it).
      const layouts = () => performance.getEntriesByName('ims-matrix:workbook-layout').map((entry) => entry.duration);
      await pause(wait);
      const first = await download();
      if (firstOnly) return { first, firstLayout: layouts()[0] };
      await idle();
      // Edit, let the workbook be built ahead of time (the app waits 300 ms for the
      // assessment to settle), then click.
      const settled = [];
      for (let i = 0; i < 15; i += 1) {
        edit(i);
        await pause(800);
        settled.push(await download());
        await idle();
      }
      // Edit and click at once: nothing is built ahead, the click builds the workbook.
      const hurried = [];
      for (let i = 0; i < 15; i += 1) {
        edit(i);
        await pause(20);
        hurried.push(await download());
        await idle();
        await pause(100);
      }
      // Edit, then press the button as a hand does: the pointer goes down about 0.1 s before
      // the click, and the app has the workbook built from that moment.
      const pressed = [];
      for (let i = 0; i < 15; i += 1) {
        edit(i);
        await pause(20);
        document.querySelector('.export-button')
          .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        await pause(100);
        pressed.push(await download());
        await idle();
        await pause(100);
      }
      const laidOut = layouts();
      let binary = '';
      for (const byte of window.laidOut) binary += String.fromCharCode(byte);
      return {
        first,
        firstLayout: laidOut[0],
        layoutMedian: median(laidOut.slice(1)),
        layouts: laidOut.length,
        laidOut: btoa(binary),
        settled: median(settled),
        settledMax: Math.max(...settled),
        hurried: median(hurried),
        hurriedMax: Math.max(...hurried),
        pressed: median(pressed),
        pressedMax: Math.max(...pressed),
      };
    }, { wait: waitBeforeFirstClick, firstOnly });
    await context.close();
    return { ...figures, opened };
  };
  const atOnce = await appExport(0);
  // The first click as the matrix opens meets whatever the page's main thread is doing then,
  // which varies from page to page (README: Chromium's autofill reading the table's selects once
  // they are all mounted): more fresh pages, the first click only.
  const firstClicks = [atOnce.first];
  const firstLayouts = [atOnce.firstLayout];
  for (let i = 0; i < 6; i += 1) {
    const { first, firstLayout } = await appExport(0, { firstOnly: true });
    firstClicks.push(first);
    firstLayouts.push(firstLayout);
  }
  const firstClick = { median: median(firstClicks), slowest: Math.max(...firstClicks), count: firstClicks.length };
  const afterLook = await appExport(1500);

  // The export worker alone, driven with its protocol (see src/protocol.rs): start-up
  // to ready, a request the moment it is ready, a warm-up of 40 requests, the first request
  // after it, then warm requests. The requests are the sample's workbook as the page laid it
  // out (captured above), and a copy with one letter of the organisation's name changed, in
  // turn: the worker hands over a kept file only for the same bytes, so each one is written.
  const laidOut = Buffer.from(afterLook.laidOut, 'base64');
  const name = laidOut.indexOf('Northwind');
  if (name < 0) throw new Error('the laid-out sample does not hold its organisation\'s name');
  const other = Buffer.from(laidOut);
  other[name] = 'S'.charCodeAt(0);
  const { page: freshPage } = await openPage(browser);
  await freshPage.goto(server.url);
  const exportFigures = await freshPage.evaluate(async ([one, two]) => {
    const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const workbooks = [bytes(one), bytes(two)];
    let turn = 0;
    const request = () => {
      turn += 1;
      return { kind: 'export', workbook: workbooks[turn % 2] };
    };
    const created = performance.now();
    const worker = new Worker(document.querySelector('meta[name="ims-matrix-export-worker"]').content);
    const next = () => new Promise((resolve) => { worker.onmessage = (event) => resolve(event.data); });
    await next(); // "ready"
    const ready = performance.now() - created;
    // The first request, sent the moment the worker is ready: only the warm-up ran before.
    const coldStart = performance.now();
    const coldReply = next();
    worker.postMessage(request());
    const cold = await coldReply;
    if (!cold.ok) throw new Error(cold.error);
    const coldTrip = performance.now() - coldStart;
    // Warm-up: V8 swaps in optimised code for the hot functions only after they have run a
    // while (in the app, the workbooks written ahead of time on each edit do this).
    const warmUpStart = performance.now();
    const warmUpRuns = 40;
    for (let i = 0; i < warmUpRuns; i += 1) {
      const reply = next();
      worker.postMessage(request());
      if (!(await reply).ok) throw new Error('warm-up failed');
    }
    const warmedIn = performance.now() - warmUpStart;
    const roundTrips = [];
    const inside = [];
    let size = 0;
    for (let i = 0; i < 31; i += 1) {
      const message = request();
      const start = performance.now();
      const reply = next();
      worker.postMessage(message);
      const data = await reply;
      if (!data.ok) throw new Error(data.error);
      if (data.prepared) throw new Error('a warm request was handed over, not written');
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
      warmedIn,
      warmUpRuns,
      cold: coldTrip,
      coldInside: cold.millis,
      first: roundTrips[0],
      firstInside: inside[0],
      warmMedian: warmTrips[Math.floor(warmTrips.length / 2)],
      warmP90: warmTrips[Math.floor(warmTrips.length * 0.9)],
      warmInsideMedian: warmInside[Math.floor(warmInside.length / 2)],
      size,
    };
  }, [laidOut.toString('base64'), other.toString('base64')]);
  // Reading the sample workbook back in the reader worker (the round trip): the workbook comes
  // from the export worker; the first read is timed the moment the reader is ready, then 20 more.
  const readFigures = await freshPage.evaluate(async (laidOutBase64) => {
    const exporter = new Worker(document.querySelector('meta[name="ims-matrix-export-worker"]').content);
    const fromExporter = () => new Promise((resolve) => { exporter.onmessage = (event) => resolve(event.data); });
    await fromExporter();
    const built = fromExporter();
    const workbook = Uint8Array.from(atob(laidOutBase64), (c) => c.charCodeAt(0));
    exporter.postMessage({ kind: 'export', workbook });
    const { bytes } = await built;
    exporter.terminate();
    const created = performance.now();
    const reader = new Worker(document.querySelector('meta[name="ims-matrix-read-worker"]').content);
    const next = () => new Promise((resolve) => { reader.onmessage = (event) => resolve(event.data); });
    await next(); // "ready"
    const ready = performance.now() - created;
    const trips = [];
    const inside = [];
    for (let i = 0; i < 21; i += 1) {
      const start = performance.now();
      const reply = next();
      reader.postMessage({ request: '', bytes });
      const data = await reply;
      if (!data.ok) throw new Error(data.error);
      trips.push(performance.now() - start);
      inside.push(data.millis);
    }
    reader.terminate();
    const warm = trips.slice(1).sort((a, b) => a - b);
    const warmInside = inside.slice(1).sort((a, b) => a - b);
    return {
      ready,
      first: trips[0],
      firstInside: inside[0],
      median: warm[Math.floor(warm.length / 2)],
      insideMedian: warmInside[Math.floor(warmInside.length / 2)],
      size: bytes.length,
    };
  }, laidOut.toString('base64'));
  // The sample's share link, as the Data screen makes it.
  const shareLength = await (async () => {
    const { context, page: app } = await openPage(browser);
    await app.addInitScript((saved) => localStorage.setItem('ims-matrix.assessment', saved), sample);
    await app.goto(server.url);
    await app.getByRole('button', { name: 'Open my matrix' }).click();
    await app.locator('.app-nav').getByRole('button', { name: 'Data', exact: true }).click();
    await app.getByRole('button', { name: 'Create link' }).click();
    const link = await app.inputValue('#share-link');
    await context.close();
    return link.length;
  })();
  console.log(`browser benchmark (headless Chromium, release dist/, ${figures.rows})`);
  console.log(`welcome screen interactive         cold median ${welcome.cold.toFixed(0)} ms, warm HTTP cache median ${welcome.warm.toFixed(0)} ms (5 loads each)`);
  console.log(`new visitor's Start → 1st question  cold median ${started.cold.toFixed(0)} ms, warm HTTP cache median ${started.warm.toFixed(0)} ms (5 each; the first-visit page, ${(firstVisitPageBrotli(sizes(DIST)) / 1024).toFixed(1)} KiB brotli, loads on the press)`);
  console.log(`search keystroke → table updated   first ${figures.keystrokeFirst.toFixed(1)} ms   median ${figures.keystrokeMedian.toFixed(1)} ms   p90 ${figures.keystrokeP90.toFixed(1)} ms   max ${figures.keystrokeMax.toFixed(1)} ms   (${figures.keystrokes} keystrokes)`);
  console.log(`  the same, 1 s after the page settled  p90 ${settled.p90.toFixed(1)} ms   max ${settled.max.toFixed(1)} ms   (${settled.count} keystrokes; Chromium's autofill read of the new selects is over)`);
  console.log(`status change → matrix rebuilt     median ${figures.statusMedian.toFixed(1)} ms   max ${figures.statusMax.toFixed(1)} ms   (${figures.statuses} changes)`);
  const e = exportFigures;
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`"Open my matrix" → matrix on screen  ${ms(atOnce.opened)}, ${ms(afterLook.opened)} (fresh pages, sample assessment; the full app loads, the export worker starts)`);
  console.log('export as the user meets it: click on Download → download starts (sample assessment, fresh page)');
  console.log(`  first click, the moment the matrix opens   median ${ms(firstClick.median)}   slowest ${ms(firstClick.slowest)}   (${firstClick.count} fresh pages; the worker is still loading)`);
  console.log(`  first click, 1.5 s after the matrix opens  ${ms(afterLook.first)}`);
  console.log(`  edit, wait 0.8 s, click                    median ${ms(afterLook.settled)}   max ${ms(afterLook.settledMax)}   (15 clicks; built ahead of time)`);
  console.log(`  edit and click at once                     median ${ms(afterLook.hurried)}   max ${ms(afterLook.hurriedMax)}   (15 clicks; built on the click)`);
  console.log(`  edit, press (pointer down 0.1 s), release  median ${ms(afterLook.pressed)}   max ${ms(afterLook.pressedMax)}   (15 clicks; built from the pointer down)`);
  console.log(`the page's part: the workbook laid out on the main thread (matrix, sheets, bytes for the worker; ${(laidOut.length / 1024).toFixed(0)} KB)`);
  console.log(`  first layout in a fresh page             median ${ms(median(firstLayouts))}   slowest ${ms(Math.max(...firstLayouts))}   (${firstLayouts.length} fresh pages)`);
  console.log(`  later layouts, after each edit            median ${ms(afterLook.layoutMedian)}   (${afterLook.layouts - 1} layouts)`);
  console.log('the export worker alone: every request is written (fresh page, the sample as the page laid it out)');
  console.log(`export worker start-up → ready     ${e.ready.toFixed(0)} ms (fetch, compile, one warm-up workbook)`);
  console.log(`export, first call after ready    ${e.cold.toFixed(1)} ms round trip (${e.coldInside.toFixed(1)} ms inside the worker; compiled, not yet optimised)`);
  console.log(`export worker warm-up             ${e.warmUpRuns} exports in ${e.warmedIn.toFixed(0)} ms`);
  console.log(`export, first call after warm-up  ${e.first.toFixed(1)} ms round trip (${e.firstInside.toFixed(1)} ms inside the worker)`);
  console.log(`export, warm median of 30         ${e.warmMedian.toFixed(1)} ms round trip (${e.warmInsideMedian.toFixed(1)} ms inside the worker), p90 ${e.warmP90.toFixed(1)} ms; workbook ${(e.size / 1024).toFixed(0)} KB`);
  const r = readFigures;
  console.log(`share link of the sample           ${shareLength} characters (goal: 4,000 at most)`);
  console.log(`reading the sample workbook back (${(r.size / 1024).toFixed(0)} KB) in the reader worker; goal under 100 ms once loaded`);
  console.log(`reader worker start-up → ready     ${r.ready.toFixed(0)} ms (fetch, compile)`);
  console.log(`read, first call after ready       ${r.first.toFixed(1)} ms round trip (${r.firstInside.toFixed(1)} ms inside the worker)`);
  console.log(`read, median of 20 more            ${r.median.toFixed(1)} ms round trip (${r.insideMedian.toFixed(1)} ms inside the worker)`);

  // Issue 18's goals, each beside its figure from this run.
  const files = sizes(DIST);
  const kib = (bytes) => bytes / 1024;
  const goals = [
    ['first visit, brotli', kib(firstVisitBrotli(files)), 150, 'KiB'],
    ['welcome screen interactive, warm HTTP cache', welcome.warm, 300, 'ms'],
    ['welcome screen interactive, cold (localhost)', welcome.cold, 500, 'ms'],
    ['export worker, brotli', kib(exportWorkerBrotli(files)), 250, 'KiB'],
    ['export worker ready after it is requested', e.ready, 250, 'ms'],
    ['first click as the matrix opens → download, median', firstClick.median, 100, 'ms'],
    [`  the same, slowest of ${firstClick.count} fresh pages`, firstClick.slowest, 100, 'ms'],
    ['export inside the worker, warm median', e.warmInsideMedian, 8, 'ms'],
    ['export inside the worker, first call', e.coldInside, 30, 'ms'],
    ['  with the layout on the page, warm median', afterLook.layoutMedian + e.warmInsideMedian, 8, 'ms'],
    ['search keystroke, first', figures.keystrokeFirst, 16, 'ms'],
    ['search keystroke, slowest', figures.keystrokeMax, 16, 'ms'],
    ['status change, median', figures.statusMedian, 16, 'ms'],
    ['share link of the sample', shareLength, 4000, 'characters'],
  ];
  console.log('\ngoals (issue 18)                                          now          goal');
  for (const [what, now, goal, unit] of goals) {
    const shown = unit === 'characters' ? String(now) : now.toFixed(1);
    console.log(`${what.padEnd(52)}${shown.padStart(9)} ${unit.padEnd(10)} ≤ ${String(goal).padStart(4)} ${unit.padEnd(10)} ${now <= goal ? 'met' : 'not met'}`);
  }
  // The peer comparison needs the workspace's peer benchmark and takes minutes, so it runs on
  // its own (benches/peers.sh); its last run's ratios are printed here.
  const peers = peerRatios(new URL('../target/peers/results.md', import.meta.url));
  if (peers) {
    for (const [what, now, goal] of [['peer workload warm, × ExcelJS (benches/peers.sh)', peers.warm, 0.4], ['peer workload first call, × ExcelJS', peers.first, 1]]) {
      console.log(`${what.padEnd(52)}${now.toFixed(2).padStart(9)} ${'×'.padEnd(10)} ≤ ${String(goal).padStart(4)} ${'×'.padEnd(10)} ${now <= goal ? 'met' : 'not met'}`);
    }
    console.log(`  (${peers.writer}; from target/peers/results.md, ${peers.when})`);
  } else {
    console.log('the peer comparison (our writer against ExcelJS): run benches/peers.sh, then this prints its ratios');
  }
} finally {
  await browser.close();
  await server.close();
}
