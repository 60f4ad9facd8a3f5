// A phone with a finger: a drag scrolls the list instead of opening what it started on, a long
// press opens the row's menu, and the menu button reaches Importera/Exportera/Inställningar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { makeDoc, exchangeFile } from '../data/make_docs.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

test('on a phone, a drag scrolls the list and a long press opens the row menu', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  const file = join(h.SHOTS, 'thirty.json');
  await writeFile(file, exchangeFile(Array.from({ length: 30 }, (_, i) => makeDoc(i + 1))));
  await h.tap(page, 'Meny');
  await h.shot(page, 'phone-menu');
  const chooser = page.waitForEvent('filechooser');
  await h.tap(page, 'Importera');
  await h.tap(page, 'Välj fil…');
  await (await chooser).setFiles(file);
  await h.tap(page, 'Importera 30 dokument');
  await h.saved(page);
  await h.tap(page, 'Åtgärder');

  const first = await h.find(page, 'Åtgärdsplan 1');
  await h.drag(page, { x: 200, y: 600 }, { x: 200, y: 250 });
  await page.waitForTimeout(800); // inertia runs out
  const moved = (await h.items(page)).find((i) => i.label === 'Åtgärdsplan 1');
  assert.ok(!moved || moved.y < first.y - 200, `the list scrolled (${first.y} → ${moved && moved.y})`);
  assert.equal(await h.has(page, 'Tillbaka'), false, 'the drag opened nothing');
  await h.shot(page, 'phone-scrolled');

  const row = (await h.items(page)).find((i) => /^Åtgärdsplan \d+$/.test(i.label) && i.y > 200 && i.y < 600);
  const at = { x: row.x + row.w / 2, y: row.y + row.h / 2 };
  await h.drag(page, at, at, { steps: 1, holdMs: 700 });
  await h.find(page, 'Öppna');
  await h.find(page, 'Skapa kopia');
  assert.equal(await h.has(page, 'Tillbaka'), false, 'a long press does not open the document');
  await h.shot(page, 'phone-long-press');
  await h.tap(page, 'Skapa kopia');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 31);
  assert.deepEqual(env.errors, []);
  await context.close();
});
