// Seeding: the one place of the benchmark that knows how a workspace gets into storage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exchangeFile } from '../../tests/data/make_docs.mjs';
import { ready, durable, settle, find, click, restart, url } from './browser.mjs';

export const DATA = resolve('build/bench-data'); // generated exchange files (setInputFiles needs a path)
mkdirSync(DATA, { recursive: true });

// The storage layout is the app's business and changes (records of an older layout migrate on the
// first start), so every measured start is a later one: seed, start once, then measure.

// As a user does: Importera → the file input the app uses → "Importera N dokument" → durable. Returns
// when each step happened (ms, page clock): file chosen, preview drawn, confirm released, last write.
export async function importThroughApp(page, path) {
  await click(page, 'Importera');
  await page.evaluate(() => { window.kvhBench.fileChosenAt = null; });
  const mark = await page.evaluate(() => window.kvhBench.mark());
  await page.setInputFiles('input[type=file]', path);
  // The preview, looked for on every animation frame.
  const preview = await page.waitForFunction(() => {
    const hit = window.kvhTest.items().find((i) => /^Importera \d+ dokument$/.test(i.label));
    return hit ? { label: hit.label, at: performance.now() } : null;
  }, null, { timeout: 120000, polling: 'raf' }).then((h) => h.jsonValue()).catch(async (e) => {
    await page.screenshot({ path: join(DATA, 'import-failed.png') });
    throw new Error(`bench: no preview for ${path} (see ${join(DATA, 'import-failed.png')}): ${e.message}`);
  });
  await click(page, preview.label);
  await durable(page);
  await settle(page, 100);
  return page.evaluate(({ mark, preview }) => {
    const txs = window.kvhBench.since(mark);
    return { chosen: window.kvhBench.fileChosenAt, preview: preview.at, confirmed: window.kvhBench.pointerUpAt,
             first_write: txs.length ? Math.min(...txs.map((t) => t.t0)) : null,
             durable: txs.length ? Math.max(...txs.map((t) => t.t1)) : null,
             transactions: txs.length, bytes: txs.reduce((s, t) => s + t.bytes, 0), label: preview.label };
  }, { mark, preview });
}

// A workspace holding `docs`: imported through the app, then started once.
export async function seedWorkspace(page, docs, name) {
  const path = join(DATA, `${name}.json`);
  writeFileSync(path, exchangeFile(docs));
  await page.goto(url);
  await ready(page);
  const timing = await importThroughApp(page, path);
  await restart(page); // the first start after seeding (would migrate an older layout)
  return timing;
}

// `docs` written straight into IndexedDB as layout 1 (database version 1, one JSON text per document
// in "documents"), before the app has opened the database (from a page of the same origin that is not
// the app), then started once. Fast for 10,000 documents; a newer app migrates them on that start.
export async function seedLayout1(page, docs) {
  await page.goto(`${url}bench-seed`);
  await page.evaluate((docs) => new Promise((ok, fail) => {
    const req = indexedDB.open('kvalitetshjul', 1);
    req.onupgradeneeded = () => { req.result.createObjectStore('documents'); req.result.createObjectStore('meta'); };
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('documents', 'readwrite');
      for (const d of docs) tx.objectStore('documents').put(JSON.stringify(d), d.id);
      tx.oncomplete = () => { req.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), docs);
  await page.goto(url);
  await ready(page);
  await restart(page);
}

// Opens the analysis titled `title` from the Riskanalyser screen.
export async function openAnalysis(page, title) {
  await click(page, 'Riskanalyser');
  await click(page, title);
  await find(page, /^Risk 1: /);
  await settle(page);
}
