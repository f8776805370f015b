// Minifies the JavaScript glue and the style sheets of a staged dist/ with esbuild, and renews the
// integrity hashes index.html gives for them. Trunk's own minifier fails on wasm-bindgen's glue,
// and a first visit downloads the first-visit page's glue and styles.css. Names keep their
// content hashes: those were taken before minifying, which is deterministic. Top-level names are
// left as they are (no output format is given), because the workers' glue is a classic script
// whose globals the loader calls.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** Minifies every .js and .css file in `dir`; returns the index.html text with renewed hashes. */
export function minifyDist(dir, indexHtml) {
  let html = indexHtml;
  for (const name of readdirSync(dir)) {
    const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!loader) continue;
    const path = join(dir, name);
    const { code } = transformSync(readFileSync(path, 'utf8'), { loader, minify: true, legalComments: 'none' });
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    html = html.replace(
      new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`),
      `$1${integrity}"`,
    );
  }
  return html;
}
