// Trunk post-build hook, the jobs on the staged dist/ that Trunk does not do:
// 1. Replaces the inline start-up <script type="module"> Trunk writes into index.html with
//    www/start.js in its own file, so the page runs under a Content-Security-Policy without
//    'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval'). That script shows a new visitor
//    the static welcome screen this hook puts into index.html (www/first-visit.html) and loads
//    the first-visit page (named in <meta name="ims-matrix-start">) when they act, or at once
//    for anyone else; Trunk's preload of it is removed.
// 2. Names the full app for loading on demand. Trunk allows one main binary per page, so the
//    full app (ims-matrix-web) is built as data-type="worker" with the `web` bindgen target: its
//    glue and wasm land unhashed and nothing in index.html loads them. This hook gives them
//    content-hashed names (a new version is never mixed with a cached old one), writes their
//    start-up script app-<hash>.js, and names it in <meta name="ims-matrix-app">, which the
//    first-visit page reads when it hands over (src/web/handover.rs). The full app's own styles
//    (www/app.css, copied by Trunk) get the same hash, and its start-up script applies them
//    before the app renders, so a first visit downloads only styles.css.
// 3. Gives the workers' files hashed names and names their loaders in <meta> tags
//    (scripts/hash-workers.mjs).
//    Writes each language but English as a file with a hashed name, named in a <meta> tag
//    (scripts/locales.mjs).
// 4. Minifies the JavaScript glue and the style sheets (scripts/minify-dist.mjs).
// 5. In release builds, writes the service worker (scripts/service-worker.mjs) and has the
//    start-up script register it; debug builds unregister it.
// Trunk sets TRUNK_STAGING_DIR and TRUNK_PROFILE.
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minifyDist } from './minify-dist.mjs';
import { hashWorkers } from './hash-workers.mjs';
import { writeLocales } from './locales.mjs';
import { writeServiceWorker, REGISTER, UNREGISTER } from './service-worker.mjs';

const FULL_APP = 'ims-matrix-web';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const release = process.env.TRUNK_PROFILE === 'release';
const hashOf = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
let startGlue = null;
let out = html.replace(inline, (_, body) => {
  count += 1;
  // Trunk's script imports the first-visit page's glue; www/start.js loads it instead, at once or
  // when a new visitor acts on the static welcome screen.
  startGlue = body.match(/from\s*['"]\.?\/?(ims-matrix-start-[0-9a-f]+\.js)['"]/)?.[1];
  const script = `${readFileSync(new URL('../www/start.js', import.meta.url), 'utf8')}\nfunction registerServiceWorker() {\n  ${release ? REGISTER : UNREGISTER}\n}\n`;
  const name = `start-${hashOf(script)}.js`;
  writeFileSync(join(dir, name), script);
  return `<script type="module" src="./${name}"></script>`;
});
if (count !== 1) throw new Error(`expected one inline start-up script in index.html, found ${count}: has Trunk changed its output?`);
if (!startGlue || !existsSync(join(dir, startGlue))) throw new Error('the start-up script does not name the first-visit page\'s glue: has Trunk changed its output?');
const startWasm = startGlue.replace(/\.js$/, '_bg.wasm');
if (!existsSync(join(dir, startWasm))) throw new Error(`${startWasm} is not in the build`);
// Trunk preloads the main binary; the static welcome screen must not wait for it.
out = out.replace(/<link rel="(?:modulepreload|preload)" href="\.\/ims-matrix-start-[^"]*"[^>]*>/g, '');
// The static welcome screens, one per language, as the app renders them (written by tests/ssr.rs).
const welcome = readFileSync(new URL('../www/first-visit.html', import.meta.url), 'utf8').trim();
const slot = '<template id="first-visit-welcome"></template>';
if (!out.includes(slot)) throw new Error(`index.html has no ${slot} for the static welcome screens`);
out = out.replace(slot, welcome);

const glue = join(dir, `${FULL_APP}.js`);
const wasm = join(dir, `${FULL_APP}_bg.wasm`);
const styles = join(dir, 'app.css');
if (!existsSync(glue) || !existsSync(wasm)) throw new Error(`the full app (${FULL_APP}.js and _bg.wasm) is not in the build`);
if (!existsSync(styles)) throw new Error('the full app\'s styles (app.css) are not in the build');
const hash = hashOf(readFileSync(glue), readFileSync(wasm), readFileSync(styles));
const hashedStyles = `app-${hash}.css`;
renameSync(styles, join(dir, hashedStyles));
const hashedGlue = `${FULL_APP}-${hash}.js`;
const hashedWasm = `${FULL_APP}-${hash}_bg.wasm`;
renameSync(glue, join(dir, hashedGlue));
renameSync(wasm, join(dir, hashedWasm));
const appStart = `app-${hash}.js`;
writeFileSync(
  join(dir, appStart),
  [
    `import init from './${hashedGlue}';`,
    // The wasm downloads while the styles load; the app renders once both are in.
    `const wasm = fetch(new URL('./${hashedWasm}', import.meta.url));`,
    `const styles = document.createElement('link');`,
    `styles.rel = 'stylesheet';`,
    `styles.href = new URL('./${hashedStyles}', import.meta.url).href;`,
    `const applied = new Promise((done) => { styles.onload = done; styles.onerror = done; });`,
    `document.head.append(styles);`,
    `await applied;`,
    `await init({ module_or_path: wasm });`,
    '',
  ].join('\n'),
);
out = out.replace('</head>', `<meta name="ims-matrix-start" content="./${startGlue}">\n<meta name="ims-matrix-app" content="./${appStart}">\n${hashWorkers(dir).join('\n')}\n${writeLocales(dir).join('\n')}\n</head>`);

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script is left in index.html');
if (/\sstyle=/.test(out)) throw new Error('an inline style attribute is in index.html');
if (out.includes(`${FULL_APP}-`)) throw new Error('index.html names the full app: it would load on the first visit');
out = minifyDist(dir, out);
writeFileSync(indexPath, out);
if (release) writeServiceWorker(dir, out, [startGlue, startWasm]);
