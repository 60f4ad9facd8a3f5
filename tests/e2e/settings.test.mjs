// Settings a projector and an English-speaking colleague need: zoom to 200 %, language, theme;
// each survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

test('zoom to 200 % on a projector makes everything twice as large and is remembered', async () => {
  const context = await env.browser.newContext(h.PROJECTOR);
  const page = await h.open(env, context);
  const small = await h.find(page, 'Riskanalyser');
  await h.click(page, 'Inställningar');
  await h.find(page, '100 %');
  for (let i = 0; i < 4; ++i) await h.click(page, '+');
  await h.find(page, '200 %');
  const big = await h.find(page, 'Riskanalyser');
  assert.ok(Math.abs(big.h / small.h - 2) < 0.15, `item height ${small.h} → ${big.h}`);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.shot(page, 'projector-200');
  await page.reload();
  await h.waitReady(page);
  const again = await h.find(page, 'Riskanalyser');
  assert.ok(Math.abs(again.h - big.h) < 1, 'the zoom survives a reload');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('English and high contrast are one click away and stay', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Inställningar');
  await h.click(page, 'English');
  await h.find(page, 'Risk analyses');
  await h.click(page, 'High contrast');
  await h.shot(page, 'laptop-settings-en-contrast');
  await page.reload();
  await h.waitReady(page);
  await h.find(page, 'Risk analyses');
  await h.click(page, 'Settings');
  await h.click(page, 'Svenska');
  await h.find(page, 'Riskanalyser');
  await context.close();
});
