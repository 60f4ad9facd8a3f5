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

test('a deleted document comes back with Ångra', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Årlig genomgång');
  await h.click(page, 'Ny årlig genomgång');
  await h.click(page, 'Ta bort');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 0);
  await h.find(page, /togs bort\.$/);
  await h.click(page, 'Ångra');
  await h.saved(page);
  const ws = await h.workspace(page);
  assert.equal(ws.documents.length, 1);
  assert.equal(ws.documents[0].kind, 'arlig_genomgang');
  await page.reload();
  await h.waitReady(page);
  assert.equal((await h.workspace(page)).documents.length, 1);
  await context.close();
});
