// Text as a person meets it: a long description typed key by key on a phone wraps and is all in view,
// the list row shows two lines ending in "…", the keyboard asks for spelling in prose only, paste,
// Esc and a reload keep the text, and the on-screen keyboard never covers the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const FIELD = 'Vad kan hända?';
// 300 characters of what a Swedish team writes about a risk.
const LONG = ('Vid byte till det nya planeringssystemet kan besök hos brukare falla bort under de första ' +
  'veckorna, eftersom scheman flyttas för hand och ingen kontrollerar att alla insatser kom med. Brukare ' +
  'som inte själva kan larma riskerar då att bli utan mat, läkemedel eller tillsyn en hel dag innan någon ' +
  'märker det.').slice(0, 300);
const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const agentFocused = (page, yes) =>
  page.waitForFunction((y) => (document.activeElement?.id === 'kvh-text-agent') === y, yes, { timeout: 10000 });
const agent = (page) => page.evaluate(() => {
  const a = document.getElementById('kvh-text-agent');
  return Object.fromEntries(['spellcheck', 'autocorrect', 'autocapitalize', 'inputmode', 'lang'].map((n) => [n, a.getAttribute(n)]));
});
const description = async (page) =>
  (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys').body.risker[0].beskrivning;
// Waits until the stored description is `want` and durable: ImGui takes queued input one event a
// frame, so 300 typed characters (keydown, text, keyup each) take some 900 frames to arrive.
async function stored(page, want) {
  const deadline = Date.now() + 60000;
  while ((await description(page)) !== want && Date.now() < deadline) await page.waitForTimeout(50);
  await h.saved(page);
  assert.equal(await description(page), want);
}

// The field (the last item of that name: its caption above carries the same name) and the text runs
// drawn inside it, top to bottom.
async function fieldAndRuns(page, label = FIELD) {
  const all = await h.items(page);
  const field = all.filter((i) => i.label === label).at(-1);
  const inside = (i) => i !== field && i.label && i.x >= field.x - 1 && i.x + i.w <= field.x + field.w + 1 &&
    i.y >= field.y - 1 && i.y + i.h <= field.y + field.h + 1;
  return { field, runs: all.filter(inside).sort((a, b) => a.y - b.y) };
}

async function newRisk(page, go) {
  await go(page, go === h.tap ? 'Risker' : 'Riskanalyser');
  await go(page, 'Ny riskanalys');
  await go(page, 'Ny risk');
  await h.find(page, FIELD);
}

test('on a phone, 300 characters typed key by key wrap inside the field, the list shows two lines with …', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await newRisk(page, h.tap);
  const { field } = await fieldAndRuns(page);
  await page.touchscreen.tap(centre(field).x, centre(field).y);
  await agentFocused(page, true);
  assert.deepEqual(await agent(page),
    { spellcheck: 'true', autocorrect: 'on', autocapitalize: 'sentences', inputmode: 'text', lang: 'sv' },
    'prose: Swedish spelling, sentences capitalised');
  for (const ch of LONG) await page.keyboard.type(ch);
  await stored(page, LONG);
  await page.waitForTimeout(300);

  const { field: grown, runs } = await fieldAndRuns(page);
  assert.ok(runs.length >= 5, `wrapped into lines (${runs.length})`);
  for (const r of runs) assert.ok(r.x + r.w <= grown.x + grown.w + 0.5, `"${r.label}" is inside the field`);
  assert.equal(runs.map((r) => r.label).join(' '), LONG.replace(/\s+/g, ' '), 'every word is shown, in order');
  await h.shot(page, 'text-phone-field');

  // Esc leaves the field and keeps the text.
  await page.keyboard.press('Escape');
  await agentFocused(page, false);
  assert.equal(await description(page), LONG);
  assert.equal((await fieldAndRuns(page)).runs.map((r) => r.label).join(' '), LONG.replace(/\s+/g, ' '));

  await h.tap(page, 'Tillbaka till analysen');
  const row = await h.find(page, /^1\. Vid byte/);
  const rowLines = (await h.items(page)).filter((i) => Math.abs(i.x - row.x) < 1 && i.y >= row.y && i.y < row.y + 3 * row.h && i.label !== '');
  const [one, two] = rowLines;
  assert.ok(two && two.y > one.y, 'the row has a second line');
  assert.match(two.label, /…$/, `the second line ends in … (${two.label})`);
  assert.ok(LONG.startsWith((one.label + ' ' + two.label.slice(0, -1)).slice(3).trim()), 'cut after whole words');
  await h.shot(page, 'text-phone-list');

  await page.reload();
  await h.waitReady(page);
  assert.equal(await description(page), LONG, 'kept after a reload');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('dates and numbers get their keyboard; paste of a long text works; the keyboard does not cover the field', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await newRisk(page, h.tap);
  const { field } = await fieldAndRuns(page);
  await page.touchscreen.tap(centre(field).x, centre(field).y);
  await agentFocused(page, true);
  const pasted = LONG + '\n' + LONG;
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  }, pasted);
  await stored(page, pasted);
  const { field: grown, runs } = await fieldAndRuns(page);
  assert.ok(grown.h < 844 * 0.45, `a long text scrolls inside the field (${grown.h} px high)`);
  for (const r of runs) assert.ok(r.x + r.w <= grown.x + grown.w + 0.5, `"${r.label}" is inside the field`);
  await h.shot(page, 'text-phone-pasted');

  // Back to the analysis: its date takes digits, without spelling or capitals.
  await page.keyboard.press('Escape');
  await agentFocused(page, false);
  await h.tap(page, 'Tillbaka till analysen');
  await h.tap(page, 'Om analysen (deltagare, skala, beslut)');
  const date = await h.reveal(page, 'Datum för analysen', { x: 200, y: 500 }, { touch: true, margin: 120 });
  const dateField = (await h.items(page)).filter((i) => i.label === 'Datum för analysen').at(-1);
  assert.ok(dateField.y >= date.y);
  await page.touchscreen.tap(dateField.x + 30, centre(dateField).y);
  await agentFocused(page, true);
  assert.deepEqual(await agent(page),
    { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', inputmode: 'numeric', lang: 'sv' },
    'a date takes digits (20261202 is read as a date), no spelling');

  // The on-screen keyboard takes 340 px: the field stays in view above it.
  await page.setViewportSize({ width: 390, height: 504 });
  await page.waitForTimeout(400);
  const after = (await h.items(page)).filter((i) => i.label === 'Datum för analysen').at(-1);
  assert.ok(after && after.y >= 0 && after.y + after.h <= 504, `the date field is in view (${after && after.y})`);
  await h.shot(page, 'text-phone-keyboard');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Escape');
  await agentFocused(page, false);

  // A year is a number.
  await h.tap(page, 'Åtgärder');
  await h.tap(page, 'Ny åtgärdsplan');
  await h.find(page, 'År');
  const year = (await h.items(page)).filter((i) => i.label === 'År').at(-1);
  await page.touchscreen.tap(year.x + 30, centre(year).y);
  await agentFocused(page, true);
  assert.deepEqual(await agent(page),
    { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', inputmode: 'numeric', lang: 'sv' });
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a laptop the caret goes by the lines as drawn and the field has its own undo; on a projector the text wraps large', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await newRisk(page, h.click);
  const { field } = await fieldAndRuns(page);
  await page.mouse.click(centre(field).x, centre(field).y);
  await agentFocused(page, true);
  await page.keyboard.type(LONG);
  await stored(page, LONG);
  const { field: f, runs } = await fieldAndRuns(page);
  assert.equal(runs.map((r) => r.label).join(' '), LONG.replace(/\s+/g, ' '));
  for (const r of runs) assert.ok(r.x + r.w <= f.x + f.w + 0.5);
  // Up and Home go by the lines as drawn: the caret goes to the start of the line above the last.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  await page.keyboard.type('§');
  const above = runs.at(-2).label, at = LONG.lastIndexOf(above);
  await stored(page, LONG.slice(0, at) + '§' + LONG.slice(at));
  await page.keyboard.press('Control+z');
  await stored(page, LONG);
  await h.shot(page, 'text-laptop');
  await page.keyboard.press('Escape');
  await agentFocused(page, false);

  await context.close();

  const projector = await env.browser.newContext(h.PROJECTOR);
  const big = await h.open(env, projector);
  await newRisk(big, h.click);
  const pf = (await fieldAndRuns(big)).field;
  await big.mouse.click(centre(pf).x, centre(pf).y);
  await agentFocused(big, true);
  // In one piece, as an on-screen keyboard's suggestion or dictation arrives: typed key by key, the
  // 3840×2160 canvas drawn in software takes minutes for what the phone and laptop tests type.
  await big.keyboard.insertText(LONG);
  await stored(big, LONG);
  const p = await fieldAndRuns(big);
  assert.equal(p.runs.map((r) => r.label).join(' '), LONG.replace(/\s+/g, ' '));
  await h.shot(big, 'text-projector');
  assert.deepEqual(env.errors, []);
  await projector.close();
});
