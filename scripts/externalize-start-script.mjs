// Trunk post-build hook: moves the inline start-up <script type="module"> that Trunk writes into
// index.html out into its own file, so the page runs under a Content-Security-Policy without
// 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval'). Trunk sets TRUNK_STAGING_DIR.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
const out = html.replace(inline, (_, body) => {
  count += 1;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `start-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  return `<script type="module" src="./${name}"></script>`;
});
if (count === 0) throw new Error('no inline start-up script found in index.html: has Trunk changed its output?');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script is left in index.html');
if (/\sstyle=/.test(out)) throw new Error('an inline style attribute is in index.html');
writeFileSync(indexPath, out);
