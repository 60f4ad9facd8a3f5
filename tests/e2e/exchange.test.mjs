// Export through a real download, import that file into a fresh browser profile, and see that a
// bad file is refused with a precise message and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

async function importFile(page, path) {
  await h.click(page, 'Importera');
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles(path);
}

test('export downloads every document; a fresh profile imports it after a preview', async () => {
  const a = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, a);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Tillbaka');
  await h.click(page, 'Åtgärder');
  await h.click(page, 'Ny åtgärdsplan');
  await h.saved(page);
  const original = await h.workspace(page);
  assert.equal(original.documents.length, 2);

  await h.click(page, 'Exportera');
  const download = page.waitForEvent('download');
  await h.click(page, 'Exportera alla (2)');
  const file = await download;
  assert.match(file.suggestedFilename(), /^kvalitetshjul-\d{4}-\d\d-\d\d\.json$/);
  const path = join(h.SHOTS, 'export.json');
  await file.saveAs(path);
  const exported = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(exported.format, 'kvalitetshjul');
  assert.equal(exported.format_version, 4);
  assert.deepEqual(exported.documents.map((d) => d.id).sort(), original.documents.map((d) => d.id).sort());
  await a.close();

  const b = await env.browser.newContext(h.LAPTOP);
  const fresh = await h.open(env, b);
  assert.equal((await h.workspace(fresh)).documents.length, 0);
  await importFile(fresh, path);
  await h.find(fresh, 'Nya: 2 · uppdateras: 0 · oförändrade: 0 · äldre: 0 · i konflikt: 0');
  assert.equal((await h.workspace(fresh)).documents.length, 0, 'nothing changes before confirmation');
  await h.shot(fresh, 'laptop-import-preview');
  await h.click(fresh, 'Importera 2 dokument');
  await h.saved(fresh);
  const imported = await h.workspace(fresh);
  assert.deepEqual(imported.documents.map((d) => [d.id, d.rev]).sort(), exported.documents.map((d) => [d.id, d.rev]).sort());

  // The same file again: nothing new.
  await importFile(fresh, path);
  await h.find(fresh, 'Nya: 0 · uppdateras: 0 · oförändrade: 2 · äldre: 0 · i konflikt: 0');
  await h.find(fresh, 'Filen innehåller inget som är nytt eller ändrat.');
  assert.deepEqual(env.errors, []);
  await b.close();
});

test('a bad file is refused with the place of each error, and nothing changes', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  const bad = join(h.SHOTS, 'bad.json');
  await writeFile(bad, JSON.stringify({
    format: 'kvalitetshjul', format_version: 1, exported_at: '2026-11-23T10:00:00Z',
    documents: [{ id: 'inte-ett-id', kind: 'riskanalys', title: 'X', unit: '', year: 1850, status: 'utkast',
                  rev: '1-0123456789abcdef', revisions: [], created: '2026-11-23T10:00:00Z',
                  updated: '2026-11-23T10:00:00Z', body: {} }],
  }));
  await importFile(page, bad);
  await h.find(page, 'Filen kan inte importeras. Inget har ändrats.');
  await h.find(page, /^documents\[0\]\.id: /);
  await h.find(page, /^documents\[0\]\.year: /);
  assert.equal((await h.workspace(page)).documents.length, 0);
  await h.shot(page, 'laptop-import-error');
  await context.close();
});
