// The app shell as people use it: create by clicking on a laptop, type on a phone with touch,
// find it again after a reload, stay idle without drawing, never touch the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

test('a document is created by clicking, on a laptop', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.find(page, 'Översikt');
  await h.click(page, 'Riskanalyser');
  await h.find(page, /^Här samlas verksamhetens riskanalyser/); // the empty state guides a first-time user
  await h.click(page, 'Ny riskanalys');
  await h.find(page, 'Titel');
  const ws = await h.workspace(page);
  assert.equal(ws.format, 'kvalitetshjul');
  assert.equal(ws.documents.length, 1);
  assert.equal(ws.documents[0].kind, 'riskanalys');
  assert.match(ws.documents[0].title, /^Riskanalys 20\d\d$/);
  await h.saved(page);
  await h.shot(page, 'laptop-editor');
  await h.click(page, 'Tillbaka');
  await h.find(page, ws.documents[0].title);
  await h.shot(page, 'laptop-list');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone, a title typed with the on-screen keyboard is stored once and survives a reload', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await h.shot(page, 'phone-overview');
  await h.tap(page, 'Risker');
  await h.tap(page, 'Ny riskanalys');
  const field = await h.find(page, 'Titel', { exact: true });
  const input = (await h.items(page)).find((i) => i.label === 'Titel' && i.y > field.y && i.h >= 44);
  assert.ok(input, 'the title field is at least 44 CSS px high on a phone');
  await page.touchscreen.tap(input.x + input.w / 2, input.y + input.h / 2);
  await page.waitForTimeout(100);
  // Select what is there and replace it, as a person would with the on-screen keyboard.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Plan för Åsa Öbergs enhet – kök');
  await page.keyboard.press('Enter');
  await h.saved(page);
  let ws = await h.workspace(page);
  assert.equal(ws.documents.length, 1);
  assert.equal(ws.documents[0].title, 'Plan för Åsa Öbergs enhet – kök');
  assert.equal(ws.documents[0].kind, 'riskanalys');
  await h.shot(page, 'phone-editor');

  await page.reload();
  await h.waitReady(page);
  await h.tap(page, 'Risker');
  await h.find(page, 'Plan för Åsa Öbergs enhet – kök');
  ws = await h.workspace(page);
  assert.equal(ws.documents[0].title, 'Plan för Åsa Öbergs enhet – kök');
  await h.shot(page, 'phone-list');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('nothing is drawn while nothing happens, and no request leaves the machine', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await page.waitForTimeout(500); // let the frames after loading settle
  const before = await h.frames(page);
  await page.waitForTimeout(2000);
  const after = await h.frames(page);
  assert.equal(after - before, 0, `frames drawn while idle: ${after - before}`);
  const foreign = env.requests.filter((u) => !u.startsWith(env.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  await context.close();
});
