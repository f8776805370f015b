// The page's start-up script, its only script (the build hook names it start-<hash>.js and adds
// the service worker's registration, scripts/externalize-start-script.mjs).
//
// A new visitor (nothing saved but a language, no link or host's options, not in a frame) is
// shown index.html's own copy of the welcome screen at once, in the language the app would pick
// (the one they chose before, else their browser's): the templates #first-visit-welcome-<lang>,
// which tests/ssr.rs keeps equal to the app's first screen. The first-visit page's wasm (welcome
// and questionnaire) loads only when they act on it: start, open or drop a file, choose a
// language. What they did is left on window.imsMatrixIntent for the page to carry out as it
// mounts (src/web/intent.rs). Signs that they are about to act (a press, a touch, the keyboard on
// the screen) fetch and compile it ahead.
//
// Anyone else gets the page at once, as before: the copy cannot show what they should see (saved
// answers to resume, a brand, a host's language, a shared matrix).

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
const glueUrl = new URL(meta('ims-matrix-start'), document.baseURI);
const wasmUrl = new URL(glueUrl.href.replace(/\.js$/, '_bg.wasm'));

// The wasm compiled, once; a failed attempt is forgotten so that the next action tries again.
let compiled = null;
function compile() {
  compiled ??= Promise.all([
    import(glueUrl.href),
    fetch(wasmUrl).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // As wasm-bindgen's own loader: streaming when the server names the type, else from bytes.
      return WebAssembly.compileStreaming(response.clone())
        .catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
    }),
  ]).catch((error) => {
    compiled = null;
    throw error;
  });
  return compiled;
}

/** Starts the first-visit page; it mounts over whatever #app shows. */
async function startPage() {
  const [bindings, module] = await compile();
  await bindings.default({ module_or_path: module });
}

const LANGUAGE_KEY = 'ims-matrix.lang';

/** The language the app picks without a host's option: src/web/lang.rs `preferred`, with
 *  src/i18n/mod.rs `best_match` (the first tag whose primary subtag the app has, else English). */
function language(remembered) {
  const languages = ['en', ...[...document.querySelectorAll('meta[name^="ims-matrix-locale-"]')]
    .map((m) => m.name.slice('ims-matrix-locale-'.length))];
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  const tags = remembered ? [remembered, ...browser] : browser;
  return tags.map((tag) => tag.split(/[-_]/)[0].trim().toLowerCase()).find((p) => languages.includes(p)) ?? 'en';
}

/** The static welcome screen in the visitor's language, or null when it would not be theirs. */
function staticWelcome() {
  if (location.search || location.hash || window.self !== window.top) return null;
  let remembered = null;
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key === LANGUAGE_KEY) remembered = localStorage.getItem(key);
      else if (key?.startsWith('ims-matrix.')) return null;
    }
  } catch {
    return null;
  }
  return document.getElementById(`first-visit-welcome-${language(remembered)}`);
}

function showStaticWelcome(template) {
  const app = document.getElementById('app');
  document.documentElement.lang = template.lang;
  app.replaceChildren(template.content.cloneNode(true));
  const failed = document.getElementById('first-visit-failed');
  const loading = document.getElementById('first-visit-loading');
  let acting = false;

  const act = async (intent) => {
    if (acting) return;
    acting = true;
    window.imsMatrixIntent = intent;
    failed.hidden = true;
    app.setAttribute('aria-busy', 'true');
    // Said only when it takes long enough to notice (a slow network), not as a flash.
    const slow = setTimeout(() => { loading.hidden = false; }, 300);
    try {
      await startPage();
      // The page listens for itself now.
      document.removeEventListener('dragover', dragOver);
      document.removeEventListener('drop', drop);
      removeEventListener('storage', saved);
    } catch (error) {
      // The screen stays as it is, with the reason; the next action tries again.
      console.warn('ims-matrix: the questionnaire could not be loaded', error);
      delete window.imsMatrixIntent;
      clearTimeout(slow);
      loading.hidden = true;
      app.removeAttribute('aria-busy');
      select.value = template.lang;
      failed.hidden = false;
      acting = false;
    }
  };

  const ahead = () => compile().catch(() => {});
  for (const type of ['pointerdown', 'touchstart', 'keydown', 'focusin', 'dragenter']) {
    app.addEventListener(type, ahead, { once: true, passive: true });
  }
  app.querySelector('.welcome-actions .button.primary').addEventListener('click', () => act({ action: 'start' }));
  const open = app.querySelector('#welcome-open');
  open.addEventListener('change', () => {
    const file = open.files?.[0];
    open.value = '';
    if (file) act({ action: 'open', file });
  });
  const select = app.querySelector('.language-switch select');
  select.addEventListener('change', () => act({ lang: select.value }));

  // A file dropped anywhere opens as the page would open it; the browser would otherwise show
  // the file in place of the app.
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const dragOver = (event) => {
    if (carriesFiles(event)) event.preventDefault();
  };
  const drop = (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (!carriesFiles(event) || !file) return;
    event.preventDefault();
    act({ action: 'open', file });
  };
  // Another tab saved answers: the page shows them to resume.
  const saved = (event) => {
    if (event.key?.startsWith('ims-matrix.') && event.key !== LANGUAGE_KEY) act({});
  };
  document.addEventListener('dragover', dragOver);
  document.addEventListener('drop', drop);
  addEventListener('storage', saved);
}

// The service worker caches the first-visit page too (scripts/service-worker.mjs), so that Start
// and a second visit work offline; registered once nothing the visitor waits for is loading.
const template = staticWelcome();
if (template) {
  showStaticWelcome(template);
  registerServiceWorker();
} else {
  startPage().then(registerServiceWorker, (error) => console.error('ims-matrix could not start', error));
}
