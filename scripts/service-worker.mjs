// Writes dist/sw.js, the service worker that lets a second visit start without the network and
// the app run offline once loaded (DESIGN.md). Scoped to the folder the app is served from, so it
// works under any sub-path and inside a host's iframe.
// - One cache per build, named after a hash of every file: a new build is a new sw.js, which the
//   browser installs in the background and starts using on the next visit, when no tab of the
//   old build is left; the old build's cache is deleted then.
// - Installing caches what a first visit loads (index.html and the files it names) and the
//   first-visit page a new visitor's static welcome screen loads when they act (www/start.js),
//   so Start works offline too. Everything else of the app's folder is cached the first time it
//   loads (the full app, the workers). The first install takes over the page that installed it
//   (clients.claim), so that page's Start is answered from the cache, not downloaded twice; a
//   new version still waits for the next visit.
// - Every request of the app's folder is answered from the build's cache first, so a visit runs
//   one build from start to end, never a new page with an old worker.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The registration the first-visit page's start-up script runs (release builds). */
export const REGISTER = `if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => {});`;
/** Debug builds remove a release build's worker, so a developer sees every rebuild. */
export const UNREGISTER = `if ('serviceWorker' in navigator) navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()));`;

/** `alsoFirst`: files a first visit may load after its start (the first-visit page's wasm). */
export function writeServiceWorker(dir, indexHtml, alsoFirst = []) {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    if (name === 'sw.js' || name.startsWith('.')) continue;
    hash.update(name).update(readFileSync(join(dir, name)));
  }
  const version = hash.digest('hex').slice(0, 16);
  const named = [...indexHtml.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => `./${m[1]}`);
  const firstVisit = ['./', ...new Set([...named, ...alsoFirst.map((name) => `./${name}`)])];
  writeFileSync(join(dir, 'sw.js'), `// ims-matrix service worker, written by scripts/service-worker.mjs.
const CACHE = 'ims-matrix-${version}';
const FIRST_VISIT = ${JSON.stringify(firstVisit)};
const SCOPE = new URL('./', self.location).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FIRST_VISIT)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => name.startsWith('ims-matrix-') && name !== CACHE).map((name) => caches.delete(name)),
  )).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  // The page's address may carry the embed options; the page itself is the same.
  const key = request.mode === 'navigate' ? new URL('./', self.location).href : request;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  }));
});
`);
  return version;
}
