// The download sizes of a build: every file in dist/ with its raw, gzip and brotli size, and
// whether a first visit loads it. The first visit is what a new visitor downloads before the
// welcome screen is theirs to use: what index.html names (stylesheet, icon, start-up script,
// with the static welcome screen inside), what those scripts import in turn, and embed.js, which
// a host page loads. The first-visit page (the welcome screen and questionnaire in wasm), named
// in a <meta>, loads when the visitor acts on that screen, or at once for a visitor the static
// screen does not fit (www/start.js): it is reported apart, with its own ceiling. Everything else
// loads on demand. The service worker's list is not followed: it caches in the background.
// Shared by the size report (scripts/size-report.mjs) and the benchmark (benches/browser.mjs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

// Files the page references: href/src attributes in HTML, './name' strings in scripts. A meta's
// content (the full app's start-up script) is not a reference: nothing fetches it on load.
function firstVisit(dist) {
  const seen = new Set(['index.html', 'embed.js']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = readFileSync(join(dist, file), 'utf8');
    const pattern = file.endsWith('.html')
      ? /\b(?:href|src)="\.?\/?([^"#?]+)"/g
      : /['"]\.\/([^'"]+)['"]/g;
    if (file === 'sw.js') continue;
    for (const [, name] of text.matchAll(pattern)) {
      if (seen.has(name) || !existsSync(join(dist, name))) continue;
      seen.add(name);
      if (/\.(js|html)$/.test(name)) queue.push(name);
    }
  }
  return seen;
}

/** Every file of `dist` as {file, raw, gzip, brotli, later}; `later` when a first visit skips it. */
export function sizes(dist) {
  const first = firstVisit(dist);
  return [...walk(dist)].map((path) => {
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
}

/** Brotli bytes a first visit downloads. */
export const firstVisitBrotli = (rows) => rows.filter((r) => !r.later).reduce((sum, r) => sum + r.brotli, 0);

/** Brotli bytes of the export worker (its wasm and glue). */
export const exportWorkerBrotli = (rows) => rows
  .filter((r) => r.file.startsWith('ims-matrix-export-worker-'))
  .reduce((sum, r) => sum + r.brotli, 0);

/** Brotli bytes of the first-visit page (welcome screen and questionnaire: glue and wasm). */
export const firstVisitPageBrotli = (rows) => rows
  .filter((r) => r.file.startsWith('ims-matrix-start-'))
  .reduce((sum, r) => sum + r.brotli, 0);
