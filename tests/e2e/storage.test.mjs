// What is stored and how it is kept: a record the app cannot read stays listed, exportable byte for
// byte and untouched; records of older storage layouts (one record per document; one record per
// item) move to the head-and-pack layout on the first start, with nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { makeDoc, exchangeFile } from '../data/make_docs.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const BROKEN_ID = '0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11';
const RISK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

// The raw records of one object store, key → text.
const records = (page, store) => page.evaluate((store) => new Promise((ok, fail) => {
  const req = indexedDB.open('kvalitetshjul');
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(store, 'readonly');
    const keys = tx.objectStore(store).getAllKeys(), values = tx.objectStore(store).getAll();
    tx.oncomplete = () => { const out = {}; keys.result.forEach((k, i) => { out[k] = values.result[i]; }); db.close(); ok(out); };
    tx.onerror = () => fail(tx.error);
  };
  req.onerror = () => fail(req.error);
}), store);

// Writes records in the database of `version` (creating the stores the app's version has then).
const seed = (page, version, store, entries) => page.evaluate(({ version, store, entries }) => new Promise((ok, fail) => {
  const req = indexedDB.open('kvalitetshjul', version);
  req.onupgradeneeded = () => {
    for (const s of version === 1 ? ['documents', 'meta'] : ['documents', 'items', 'meta'])
      if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
  };
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(store, 'readwrite');
    for (const [key, text] of entries) tx.objectStore(store).put(text, key);
    tx.oncomplete = () => { db.close(); ok(); };
    tx.onerror = () => fail(tx.error);
  };
  req.onerror = () => fail(req.error);
}), { version, store, entries });

function riskanalys(id, title, risks) {
  return makeDoc(0, { id, kind: 'riskanalys', title, body: { risker: risks } });
}

test('a record the app cannot read is listed, exported byte for byte, and never overwritten', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  let page = await h.open(env, context);
  // Written by "another version": a score the scale does not have, and a key order of its own.
  const broken = JSON.stringify(riskanalys(BROKEN_ID, 'Trasig riskanalys', [{ id: RISK_ID, sannolikhet: 9 }]), null, 1);
  await seed(page, 2, 'documents', [[BROKEN_ID, broken]]);
  await page.reload();
  await h.waitReady(page);

  await h.find(page, 'Sparade dokument som inte kan läsas: 1. De lämnas orörda. Öppna ett för att se varför och exportera det.');
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Trasig riskanalys – kan inte läsas');
  await h.find(page, /^• body\.risker\[0\]\.sannolikhet: /);
  await h.shot(page, 'laptop-unreadable');
  const download = page.waitForEvent('download');
  await h.click(page, 'Exportera som det är');
  const path = join(h.SHOTS, 'unreadable.json');
  await (await download).saveAs(path);
  assert.equal(await readFile(path, 'utf8'), broken, 'exported byte for byte');

  // Work goes on around it: a new analysis, and an import of a good document under the same id.
  await h.click(page, 'Tillbaka');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Tillbaka');
  const good = join(h.SHOTS, 'same-id.json');
  await writeFile(good, exchangeFile([riskanalys(BROKEN_ID, 'Hel riskanalys', [])]));
  await h.click(page, 'Importera');
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles(good);
  await h.click(page, 'Importera 1 dokument');
  await h.saved(page);
  const ws = await h.workspace(page);
  assert.equal(ws.documents.length, 2);
  assert.ok(ws.documents.some((d) => d.title === 'Hel riskanalys (importerad kopia)' && d.id !== BROKEN_ID));
  assert.equal((await records(page, 'documents'))[BROKEN_ID], broken, 'never overwritten');

  await page.reload();
  await h.waitReady(page);
  await h.find(page, 'Sparade dokument som inte kan läsas: 1. De lämnas orörda. Öppna ett för att se varför och exportera det.');
  await h.click(page, 'Exportera');
  await h.find(page, 'Dokument som inte kan läsas');
  assert.equal((await records(page, 'documents'))[BROKEN_ID], broken);
  await context.close();
});

test('records of the first storage layout move to a head and a pack of items on the first start, nothing lost', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await context.newPage();
  // A page of the app's origin that does not start the app: the first layout is seeded there.
  await page.goto(env.url + 'icon.svg');
  const risks = [0, 1, 2].map((i) => ({ id: `7c9e6679-7425-40de-944b-e07fc1f90ae${i}`, beskrivning: `Risk ${i} – Åsa`,
                                        sannolikhet: i + 1, konsekvens: 2 }));
  const doc = riskanalys(BROKEN_ID, 'Riskanalys från första versionen', risks);
  await seed(page, 1, 'documents', [[doc.id, JSON.stringify(doc)]]);
  await page.goto(env.url);
  await h.waitReady(page);
  await h.saved(page);

  const shown = (await h.workspace(page)).documents;
  assert.equal(shown.length, 1);
  assert.deepEqual(shown[0].body.risker.map((r) => r.beskrivning), risks.map((r) => r.beskrivning));
  const heads = await records(page, 'documents');
  const items = await records(page, 'items');
  assert.match(heads[doc.id], /"stored_items":"risker"/);
  assert.doesNotMatch(heads[doc.id], /Risk 0/, 'the head no longer holds the risks');
  assert.deepEqual(Object.keys(items), [`${doc.id}/`], 'the risks in one pack record');
  assert.deepEqual(JSON.parse(items[`${doc.id}/`]).pack.map((r) => r.beskrivning), risks.map((r) => r.beskrivning));

  await page.reload();
  await h.waitReady(page);
  const again = (await h.workspace(page)).documents;
  assert.deepEqual(again, shown, 'the same document after the move');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('records of the second storage layout (one per risk) move into one pack on the first start, nothing lost', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await context.newPage();
  await page.goto(env.url + 'icon.svg');
  const risks = Array.from({ length: 20 }, (_, i) => ({
    id: `7c9e6679-7425-40de-944b-e07fc1f9${String(i).padStart(4, '0')}`, beskrivning: `Risk ${i} – Örjan`,
    sannolikhet: 1 + (i % 4), konsekvens: 2 }));
  const doc = riskanalys(BROKEN_ID, 'Riskanalys från andra versionen', []);
  const head = { ...doc, body: { ...doc.body }, stored_items: 'risker' };
  await seed(page, 2, 'documents', [[doc.id, JSON.stringify(head)]]);
  // Stored out of order on purpose: the place in each record decides.
  await seed(page, 2, 'items', risks.map((r, i) => [`${doc.id}/${r.id}`, JSON.stringify({ pos: i, item: r })]).reverse());
  await page.goto(env.url);
  await h.waitReady(page);
  await h.saved(page);

  const shown = (await h.workspace(page)).documents;
  assert.deepEqual(shown[0].body.risker.map((r) => r.beskrivning), risks.map((r) => r.beskrivning));
  const items = await records(page, 'items');
  assert.deepEqual(Object.keys(items), [`${doc.id}/`]);
  await page.reload();
  await h.waitReady(page);
  assert.deepEqual((await h.workspace(page)).documents, shown);
  assert.deepEqual(env.errors, []);
  await context.close();
});
