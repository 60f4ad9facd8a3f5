// A second tab is read-only and says so; deleting can be undone from the confirmation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

test('a second tab shows the read-only banner and follows the first one', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const first = await h.open(env, context);
  const second = await h.open(env, context);
  await h.find(second, /^Skrivskyddad: Kvalitetshjul är redan öppet i en annan flik/);
  assert.equal(await h.has(first, /^Skrivskyddad/), false);

  await h.click(first, 'Riskanalyser');
  await h.click(first, 'Ny riskanalys');
  await h.saved(first);
  const title = (await h.workspace(first)).documents[0].title;
  await h.click(second, 'Riskanalyser');
  await h.find(second, title); // the reader picked up the writer's document
  await h.shot(second, 'laptop-read-only');

  await first.close(); // the writer goes away: the reader takes over
  await second.waitForFunction(() => true);
  await h.find(second, 'Ny riskanalys');
  for (let i = 0; i < 50 && (await h.has(second, /^Skrivskyddad/)); ++i) await second.waitForTimeout(100);
  assert.equal(await h.has(second, /^Skrivskyddad/), false);
  await context.close();
});

test('Ta bort asks first, and the deleted document comes back with Ångra in the side bar', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Tillbaka');
  await h.click(page, 'Ta bort');
  await h.find(page, 'Ta bort dokumentet?');
  await h.shot(page, 'laptop-delete-question');
  await h.click(page, 'Avbryt');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 1, 'Avbryt keeps it');
  await h.click(page, 'Ta bort');
  await h.click(page, 'Ta bort dokumentet');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 0);
  await h.find(page, /togs bort\.$/);
  await page.waitForTimeout(8500); // the confirmation and its Ångra are gone; the side bar's stays
  assert.equal(await h.has(page, /togs bort\.$/), false);
  await h.click(page, 'Ångra: borttagning av dokument');
  await h.saved(page);
  const ws = await h.workspace(page);
  assert.equal(ws.documents.length, 1);
  assert.equal(ws.documents[0].kind, 'riskanalys');
  await h.find(page, 'Gör om: borttagning av dokument');
  await page.reload();
  await h.waitReady(page);
  assert.equal((await h.workspace(page)).documents.length, 1);
  await context.close();
});
