// A phone with a finger: a drag scrolls the list instead of opening what it started on, a long
// press opens the row's menu, and the menu button reaches Importera/Exportera/Inställningar; a fling
// coasts on, except for a person who asked for less motion (prefers-reduced-motion).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { makeDoc, exchangeFile } from '../data/make_docs.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

// `n` action plans imported through the menu with a finger, and the Åtgärder tab open on them;
// `menuOpen` runs while the menu is shown.
async function importPlans(page, n, menuOpen = async () => {}) {
  const file = join(h.SHOTS, `plans-${n}.json`);
  await writeFile(file, exchangeFile(Array.from({ length: n }, (_, i) => makeDoc(i + 1))));
  await h.tap(page, 'Meny');
  await menuOpen();
  const chooser = page.waitForEvent('filechooser');
  await h.tap(page, 'Importera');
  await h.tap(page, 'Välj fil…');
  await (await chooser).setFiles(file);
  await h.tap(page, `Importera ${n} dokument`);
  await h.saved(page);
  await h.tap(page, 'Åtgärder');
}

test('on a phone, a drag scrolls the list and a long press opens the row menu', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await importPlans(page, 30, () => h.shot(page, 'phone-menu'));

  const first = await h.find(page, 'Åtgärdsplan 1');
  // Titles in the order a reader counts: 2 before 10.
  const shown = [...new Set((await h.items(page)).filter((i) => /^Åtgärdsplan \d+$/.test(i.label))
    .sort((a, b) => a.y - b.y).map((i) => i.label))];
  assert.deepEqual(shown.slice(0, 3), ['Åtgärdsplan 1', 'Åtgärdsplan 2', 'Åtgärdsplan 3']);
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

// How far the list coasted after a flick of `dy` px (negative: upwards) beyond what the finger carried
// it: a row in the middle, followed until the page has come to rest (Infinity: it coasted out of
// sight). The moves go out back to back, as a quick flick does, and the finger lifts while moving.
async function coastAfterFling(page, rows, dy) {
  const drawn = async () => (await h.items(page)).filter((i) => rows.test(i.label));
  const mark = (await drawn()).find((i) => i.y > 380 && i.y < 480);
  const top = (all) => Math.min(...all.filter((i) => i.label === mark.label).map((i) => i.y)); // a row's items share its title
  const y0 = top(await drawn());
  const cdp = await page.context().newCDPSession(page);
  const at = (y) => [{ x: 200, y, id: 1 }];
  const from = dy < 0 ? 560 : 300;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
  const sent = [1, 2, 3, 4, 5].map((i) => cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(from + (dy * i) / 5) }));
  await Promise.all([...sent, cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })]);
  await cdp.detach();
  for (let last = null, now = await h.frames(page); last !== now; last = now, now = await h.frames(page))
    await page.waitForTimeout(400);
  const rest = top(await drawn());
  return Number.isFinite(rest) ? Math.abs(rest - y0) - Math.abs(dy) : Infinity;
}

test('on a phone, a fling coasts on; for a person who asked for less motion the list stops where the finger lifts', async () => {
  // At a device pixel ratio of 1: SwiftShader draws a DPR 3 frame too slowly for a flick to be quick.
  const context = await env.browser.newContext({ ...h.PHONE, deviceScaleFactor: 1 });
  const page = await h.open(env, context);
  await importPlans(page, 40);
  await h.find(page, 'Åtgärdsplan 1');
  const rows = /^Åtgärdsplan \d+$/;
  const coasted = await coastAfterFling(page, rows, -160);
  assert.ok(coasted > 40, `the list coasted on after the fling (${coasted} px)`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const still = await coastAfterFling(page, rows, 160);
  assert.ok(Math.abs(still) <= 2, `with reduced motion the list stopped where the finger lifted (${still} px)`);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.ok((await coastAfterFling(page, rows, 160)) > 40, 'the fling is back when the setting is');
  assert.deepEqual(env.errors, []);
  await context.close();
});
