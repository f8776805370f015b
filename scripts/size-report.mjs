// Prints what a first visit downloads: every file in dist/ with its raw, gzip and brotli size,
// and the totals. The first visit is what index.html names (stylesheet, icon, start-up script),
// what those scripts import in turn (the first-visit page's glue and wasm), and embed.js, which a
// host page loads. Everything else loads on demand: the full app when the visitor goes past the
// questionnaire, the export worker when the matrix screens open.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

// Files the page references: href/src attributes in HTML, './name' strings in scripts. A meta's
// content (the full app's start-up script) is not a reference: nothing fetches it on load.
function firstVisit() {
  const seen = new Set(['index.html', 'embed.js']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = readFileSync(join(dist, file), 'utf8');
    const pattern = file.endsWith('.html')
      ? /\b(?:href|src)="\.?\/?([^"#?]+)"/g
      : /['"]\.\/([^'"]+)['"]/g;
    for (const [, name] of text.matchAll(pattern)) {
      if (seen.has(name) || !existsSync(join(dist, name))) continue;
      seen.add(name);
      if (/\.(js|html)$/.test(name)) queue.push(name);
    }
  }
  return seen;
}
const first = firstVisit();

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const rows = [...walk(dist)].map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
    later: !first.has(relative(dist, path)),
  };
});

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
