// A chosen file reaches the app as its bytes: a title that is not UTF-8 and a valid file followed by
// a NUL byte and junk are refused with their own messages and change nothing, and the app and
// `kvh validate` (build/native/kvh) give the same verdict on every file in tests/data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as h from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'tests', 'data');
const KVH = join(ROOT, 'build', 'native', 'kvh');
const REFUSED = 'Filen kan inte importeras. Inget har ändrats.';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

// Chooses `path` on the import screen (already open) and waits until the app has judged it.
async function choose(page, path) {
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles(path);
  await h.find(page, `Fil: ${path.split('/').pop()}`);
}

// `kvh validate FILE`: its exit status and the lines it wrote.
function validate(path) {
  return new Promise((done) => {
    execFile(KVH, ['validate', path], (error, stdout, stderr) => {
      const lines = (s) => s.split('\n').filter(Boolean);
      done({ status: error ? error.code : 0, out: lines(stdout), err: lines(stderr) });
    });
  });
}

test('a title that is not UTF-8 and a NUL with junk after the file are refused; nothing changes', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Åtgärder');
  await h.click(page, 'Ny åtgärdsplan');
  await h.saved(page);
  const before = await h.workspace(page);
  assert.equal(before.documents.length, 1);
  await h.click(page, 'Importera');

  await choose(page, join(DATA, 'invalid_utf8_latin1_title.json'));
  await h.find(page, REFUSED);
  await h.find(page, 'filen är inte giltig UTF-8-text: ogiltig byte på rad 9 (byteposition 215, räknat från 0). ' +
                     'En export från Kvalitetshjul är alltid UTF-8; filen har sparats med en annan ' +
                     'teckenkodning eller är skadad.');
  await h.shot(page, 'laptop-import-not-utf8');

  await choose(page, join(DATA, 'invalid_nul_junk.json'));
  await h.find(page, REFUSED);
  await h.find(page, 'filen är inte giltig JSON: fel på rad 25, kolumn 1');
  assert.equal(await h.has(page, /^Nya: /), false, 'no preview of what the file would import');

  await h.saved(page);
  assert.deepEqual((await h.workspace(page)).documents, before.documents);

  // The same file with a BOM and nothing after it is a valid export.
  await choose(page, join(DATA, 'valid_bom.json'));
  await h.find(page, 'Nya: 1 · uppdateras: 0 · oförändrade: 0 · äldre: 0 · i konflikt: 0');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('the app and kvh validate agree on every file in tests/data', async () => {
  assert.ok(existsSync(KVH), `${KVH} is missing: run tools/build native first`);
  const names = (await readdir(DATA)).filter((n) => !n.startsWith('.') && !n.endsWith('.mjs')).sort();
  assert.ok(names.length >= 16, `only ${names.length} files in ${DATA}`);
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Importera');
  for (const name of names) {
    const path = join(DATA, name);
    const cli = await validate(path);
    assert.ok(cli.status === 0 || cli.status === 1, `kvh validate ${name}: status ${cli.status}`);
    await choose(page, path);
    if (cli.status === 0) {
      // "<file>: giltig, N dokument": the app would add the same N documents.
      const n = cli.out.at(-1).match(/: giltig, (\d+) dokument$/)[1];
      await h.find(page, `Nya: ${n} · uppdateras: 0 · oförändrade: 0 · äldre: 0 · i konflikt: 0`);
      assert.equal(await h.has(page, REFUSED), false, `${name}: kvh accepts it, the app refuses it`);
    } else {
      assert.equal(await h.has(page, /^Nya: /), false, `${name}: kvh refuses it, the app accepts it`);
      await h.find(page, REFUSED);
      await h.find(page, cli.err[0]); // the first error, in the same words
    }
  }
  assert.deepEqual((await h.workspace(page)).documents, [], 'nothing was imported without confirmation');
  assert.deepEqual(env.errors, []);
  await context.close();
});
