// Writes each language other than English as one file with a content-hashed name in a staged
// dist/ (locale-<lang>-<hash>.json), the same merge of locales/<lang>/*.json that build.rs makes
// for the native build, and returns the <meta> tags that name them; the page fetches a language's
// file only when it is chosen (src/web/lang.rs). English is built into the page.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/** The merged texts of one language: its files in name order, `_*.json` left out. */
export function bundle(lang) {
  const folder = join(LOCALES, lang);
  const merged = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort()) {
    const texts = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    for (const [key, text] of Object.entries(texts)) {
      if (typeof text !== 'string') throw new Error(`locales/${lang}/${file}: ${key} is not a text`);
      if (key in merged) throw new Error(`locales/${lang}/${file}: ${key} is given twice`);
      merged[key] = text;
    }
  }
  return merged;
}

/** Writes every other language's file into `dir`; returns their <meta> tags. */
export function writeLocales(dir) {
  return readdirSync(LOCALES)
    .filter((lang) => lang !== 'en' && statSync(join(LOCALES, lang)).isDirectory())
    .sort()
    .map((lang) => {
      const text = JSON.stringify(bundle(lang));
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      const name = `locale-${lang}-${hash}.json`;
      writeFileSync(join(dir, name), text);
      return `<meta name="ims-matrix-locale-${lang}" content="./${name}">`;
    });
}
