// Gives the workers' files content-hashed names in a staged dist/. Trunk names a worker's glue,
// wasm and loader after the binary alone, so a browser (or the service worker's cache) could
// pair a new page with an old worker. The loader is rewritten to load the renamed glue and wasm,
// and index.html names each loader in <meta name="<binary>">, where the page reads it
// (src/web/export.rs, src/web/read.rs).
import { readFileSync, writeFileSync, renameSync, existsSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const EXPORT_WORKER = 'ims-matrix-export-worker';
export const WORKERS = [EXPORT_WORKER, 'ims-matrix-read-worker'];

/** Renames each worker's files; returns the <meta> tags that name the loaders. */
export function hashWorkers(dir) {
  return WORKERS.map((worker) => {
    const files = [`${worker}.js`, `${worker}_bg.wasm`, `${worker}_loader.js`].map((name) => join(dir, name));
    for (const file of files) if (!existsSync(file)) throw new Error(`${file} is not in the build`);
    const [glue, wasm, loader] = files;
    const hash = createHash('sha256').update(readFileSync(glue)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
    const named = (suffix) => `${worker}-${hash}${suffix}`;
    renameSync(glue, join(dir, named('.js')));
    renameSync(wasm, join(dir, named('_bg.wasm')));
    const text = readFileSync(loader, 'utf8');
    // The export worker starts ahead of need, as the page hands over to the full app: its wasm
    // is fetched at low priority, so it never slows the full app's own download.
    const wasmSource = worker === EXPORT_WORKER
      ? `{ module_or_path: fetch('./${named('_bg.wasm')}', { priority: 'low' }) }`
      : `'./${named('_bg.wasm')}'`;
    const rewritten = text
      .replace(`./${worker}.js`, `./${named('.js')}`)
      .replace(/(["'])\.\/[\w-]+_bg\.wasm\1/, wasmSource);
    if (!rewritten.includes(named('.js')) || !rewritten.includes(named('_bg.wasm'))) {
      throw new Error(`${worker}_loader.js does not load its glue and wasm the way this hook expects: has Trunk changed its loader?`);
    }
    writeFileSync(join(dir, named('_loader.js')), rewritten);
    unlinkSync(loader);
    return `<meta name="${worker}" content="./${named('_loader.js')}">`;
  });
}
