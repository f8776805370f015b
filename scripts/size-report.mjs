// Prints what a first visit downloads and what loads on demand, every file with its raw, gzip
// and brotli size (scripts/sizes.mjs says which is which), then the budgets. Fails the build
// when the first visit passes its ceiling or carries the catalog's advice, or the first-visit page
// carries the questionnaire's Annex A applicability rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sizes, firstVisitBrotli, firstVisitPageBrotli, exportWorkerBrotli } from './sizes.mjs';

const dist = process.argv[2] ?? 'dist';
const rows = sizes(dist);

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
function table(title, list) {
  if (list.length === 0) return;
  console.log(`${title}\n${'file'.padEnd(48)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of list) {
    console.log(`${r.file.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  console.log(`${'total'.padEnd(48)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}\n`);
}

table('First visit', rows.filter((r) => !r.later));
table('Loaded on demand', rows.filter((r) => r.later));

// Budgets, in KiB brotli. The goals are issue 18's; the build fails above a ceiling. The
// first-visit page is what a new visitor's Start loads, and what a returning visitor, another
// language, an embed or a shared link loads at once (www/start.js): it keeps its old ceiling.
// The export worker only writes (the page lays the workbook out): past 250 KiB it has taken in
// the engine, the catalog or the texts again.
const BUDGETS = [
  { what: 'first visit', bytes: firstVisitBrotli(rows), goal: 150, ceiling: 150 },
  { what: 'first-visit page', bytes: firstVisitPageBrotli(rows), goal: 150, ceiling: 210 },
  { what: 'export worker', bytes: exportWorkerBrotli(rows), goal: 250, ceiling: 250 },
];
console.log(`Budgets (KiB brotli)\n${'what'.padEnd(20)}${'now'.padStart(10)}${'goal'.padStart(10)}${'ceiling'.padStart(10)}`);
let failed = false;
for (const { what, bytes, goal, ceiling } of BUDGETS) {
  const now = bytes / 1024;
  const state = ceiling && now > ceiling ? 'OVER THE CEILING' : now > goal ? `${(now - goal).toFixed(1)} over the goal` : 'within the goal';
  console.log(`${what.padEnd(20)}${now.toFixed(1).padStart(10)}${String(goal).padStart(10)}${String(ceiling ?? '-').padStart(10)}   ${state}`);
  if (ceiling && now > ceiling) failed = true;
}
if (failed) {
  console.error('A download passed its ceiling (above).');
  process.exit(1);
}

// The first visit validates against the catalog's index (src/catalog/index.rs), never the
// catalog itself: a crosswalk row's advice in a first-visit file means something on the welcome
// screen or the questionnaire reached `catalog::builtin()` again, about 30 KB brotli.
const advice = ['"rationale":', '"guidance":'];
const carrying = rows
  .filter((r) => !r.later)
  .filter((r) => {
    const text = readFileSync(join(dist, r.file)).toString('latin1');
    return advice.some((marker) => text.includes(marker));
  });
if (carrying.length > 0) {
  console.error(`The first visit carries the catalog's advice: ${carrying.map((r) => r.file).join(', ')}`);
  process.exit(1);
}

// The first-visit page asks the questions and drafts no Statement of Applicability: the
// questionnaire's Annex A applicability rules live apart (build.rs, `questionnaire::RULES_FILE`)
// and only the engine reads them. A rule's "each" texts in the page's wasm mean something it
// runs reached `questionnaire::builtin()` again, about 5 KiB brotli.
const rules = ['"applicability":[{'];
const pageFiles = rows.filter((r) => /^ims-matrix-start-[0-9a-f]+_bg\.wasm$/.test(r.file));
if (pageFiles.length !== 1) {
  console.error(`Expected one first-visit page wasm, found ${pageFiles.length}.`);
  process.exit(1);
}
const pageText = readFileSync(join(dist, pageFiles[0].file)).toString('latin1');
if (rules.some((marker) => pageText.includes(marker))) {
  console.error(`The first-visit page carries the questionnaire's applicability rules: ${pageFiles[0].file}`);
  process.exit(1);
}
