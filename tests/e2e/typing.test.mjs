// Typing as people do: dates key by key, other spellings, wrong dates, I dag and the calendar, and Esc
// in analysdag; the analysis stays readable and keeps what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');
const UNREADABLE = /kan inte läsas/;
const HEADER = 'Om analysen (deltagare, skala, beslut)';
const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });

async function newAnalysis(page, touch) {
  const go = touch ? h.tap : h.click;
  await go(page, touch ? 'Risker' : 'Riskanalyser');
  await go(page, 'Ny riskanalys');
  await h.find(page, 'Från riskbiblioteket');
}

const { field, focus, leave } = h;

// Every date stored in the analysis is "" or a whole YYYY-MM-DD, never a half-typed one.
function datesOf(doc) {
  const b = doc.body; // a new analysis' body is empty until its first edit
  const actions = (b.risker ?? []).flatMap((r) => r.atgarder);
  return [b.datum ?? '', b.beslutsdatum ?? '', b.uppfoljningsdatum ?? '',
          ...actions.flatMap((a) => [a.klart_senast, a.klart_datum, a.uppfoljningsdatum])];
}
async function assertReadable(page, typed) {
  assert.equal(await h.has(page, UNREADABLE), false, `readable after "${typed}"`);
  const doc = await analysis(page);
  for (const d of datesOf(doc)) assert.match(d, /^(|\d{4}-\d{2}-\d{2})$/, `stored "${d}" after "${typed}"`);
}

// Types `text` one key at a time, checking after every few that the analysis is still whole.
async function typeSlowly(page, text) {
  for (let i = 0; i < text.length; ++i) {
    await page.keyboard.type(text[i], { delay: 30 });
    await page.waitForTimeout(40);
    if (i % 3 === 2 || i === text.length - 1) await assertReadable(page, text.slice(0, i + 1));
  }
}

test('on a phone, every date typed one character at a time is stored whole and survives a reload', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  const where = { touch: true };
  await newAnalysis(page, true);
  await h.tap(page, 'Ny risk');
  await h.find(page, 'Risk 1 av 1');
  const add = await field(page, 'Lägg till åtgärd', where);
  await page.touchscreen.tap(centre(add).x, centre(add).y);
  await h.find(page, 'Åtgärd 1: (inte beskriven)');
  for (const label of ['Klart senast', 'Genomförd den', 'Uppföljningsdatum']) {
    await focus(page, label, where);
    await typeSlowly(page, '2026-12-02');
    await leave(page);
  }
  await h.saved(page);
  await h.shot(page, 'phone-action-dates');
  const back = await field(page, 'Tillbaka till analysen', where);
  await page.touchscreen.tap(centre(back).x, centre(back).y);
  await h.find(page, 'Risk 1: (händelsen är inte beskriven)');
  const header = await field(page, HEADER, { ...where, back: true }); // the analysis kept its scroll
  if (!(await h.has(page, 'Titel'))) await page.touchscreen.tap(centre(header).x, centre(header).y);
  for (const label of ['Datum för analysen', 'Beslutsdatum', 'Uppföljning av analysen senast']) {
    await focus(page, label, where);
    await typeSlowly(page, '2026-12-02');
    await leave(page);
  }
  await h.saved(page);

  await page.reload();
  await h.waitReady(page);
  const doc = await analysis(page);
  assert.deepEqual(datesOf(doc), Array(6).fill('2026-12-02'));
  await h.tap(page, 'Risker');
  await h.tap(page, doc.title);
  await h.find(page, 'Från riskbiblioteket');
  assert.equal(await h.has(page, UNREADABLE), false);
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('other spellings are read when the field is left; a wrong date stays with a message and changes nothing', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  const pane = centre(await h.find(page, 'Titel'));
  const where = { touch: false, pane };
  await focus(page, 'Datum för analysen', where);
  await typeSlowly(page, '20261202');
  assert.equal((await analysis(page)).body.datum ?? '', '', 'nothing stored while it is not YYYY-MM-DD');
  await page.keyboard.press('Tab');
  await h.saved(page);
  assert.equal((await analysis(page)).body.datum, '2026-12-02');

  await focus(page, 'Beslutsdatum', where);
  await typeSlowly(page, '2/12 2026');
  await leave(page);
  await h.saved(page);
  assert.equal((await analysis(page)).body.beslutsdatum, '2026-12-02');

  // Over a stored date: the wrong one stays on screen, marked in words, and the stored one is kept.
  await focus(page, 'Beslutsdatum', where);
  await page.keyboard.press('Control+a');
  await typeSlowly(page, '2026-13-45');
  await h.find(page, 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.'); // already while typing: no month 13
  await leave(page);
  await h.find(page, 'Datumet är inte sparat. Sparat datum: 2026-12-02.');
  await h.shot(page, 'laptop-date-message');
  await h.saved(page);
  assert.equal((await analysis(page)).body.beslutsdatum, '2026-12-02');
  // …and it can be put right: the message goes and the new date is stored.
  await focus(page, 'Beslutsdatum', where);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2 dec 2027');
  await leave(page);
  await h.saved(page);
  assert.equal((await analysis(page)).body.beslutsdatum, '2027-12-02');
  assert.equal(await h.has(page, /^Datumet är inte sparat/), false);

  // I dag, and the calendar with the mouse and with the keyboard.
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  const follow = await field(page, 'Uppföljning av analysen senast', where);
  const buttons = (await h.items(page)).filter((i) => Math.abs(i.y - follow.y) < 4 && i.x > follow.x);
  const idag = buttons.find((i) => i.label === 'I dag');
  await page.mouse.click(centre(idag).x, centre(idag).y);
  await h.saved(page);
  assert.equal((await analysis(page)).body.uppfoljningsdatum, today);
  const date = await field(page, 'Datum för analysen', where);
  const calendar = (await h.items(page)).find((i) => i.label === 'Kalender' && Math.abs(i.y - date.y) < 4);
  await page.mouse.click(centre(calendar).x, centre(calendar).y);
  await h.find(page, 'december 2026');
  await h.shot(page, 'laptop-date-picker');
  await h.click(page, 'Nästa månad');
  await h.find(page, 'januari 2027');
  await h.click(page, '15');
  await h.saved(page);
  assert.equal((await analysis(page)).body.datum, '2027-01-15');
  await focus(page, 'Datum för analysen', where);
  await page.keyboard.press('ArrowDown'); // opens the calendar on the field's date
  await h.find(page, 'januari 2027');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await h.saved(page);
  assert.equal((await analysis(page)).body.datum, '2027-01-23');
  assert.equal(await h.has(page, 'januari 2027'), false, 'the calendar closed');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone, a wrong date is marked under its field and the calendar fits the screen', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  const where = { touch: true };
  await newAnalysis(page, true);
  await focus(page, 'Datum för analysen', where);
  await typeSlowly(page, '20261202');
  await leave(page);
  await h.saved(page);
  assert.equal((await analysis(page)).body.datum, '2026-12-02');
  await focus(page, 'Beslutsdatum', where);
  await typeSlowly(page, '2026-13-45');
  await leave(page);
  await h.find(page, 'Datumet är inte sparat.');
  await h.shot(page, 'phone-date-message');
  await h.saved(page);
  assert.equal((await analysis(page)).body.beslutsdatum ?? '', '');

  const date = await field(page, 'Datum för analysen', where);
  const calendar = (await h.items(page)).find((i) => i.label === 'Kalender' && Math.abs(i.y - date.y) < 4);
  assert.ok(calendar.h >= 44, `Kalender is ${calendar.h} px high`);
  await page.touchscreen.tap(centre(calendar).x, centre(calendar).y);
  await h.find(page, 'december 2026');
  await page.waitForTimeout(200);
  await h.shot(page, 'phone-date-picker');
  const days = (await h.items(page)).filter((i) => /^\d{1,2}$/.test(i.label));
  assert.equal(days.length, 31);
  for (const d of days) {
    assert.ok(d.w >= 44 && d.h >= 44, `day ${d.label} is ${d.w}×${d.h}`);
    assert.ok(d.x >= 0 && d.x + d.w <= 390 && d.y >= 0 && d.y + d.h <= 844, `day ${d.label} on screen`);
  }
  await h.tap(page, '24');
  await h.saved(page);
  assert.equal((await analysis(page)).body.datum, '2026-12-24');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('in analysdag, Esc after typing a risk keeps the text; a second Esc leaves', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  await h.click(page, 'Ny risk');
  await h.find(page, 'Risk 1 av 1');
  await h.click(page, 'Analysdag');
  await h.find(page, 'Avsluta analysdag');
  const text = 'Brukaren faller vid förflyttning nattetid';
  const f = (await h.items(page)).filter((i) => i.label === 'Vad kan hända?').at(-1);
  await page.mouse.click(centre(f).x, centre(f).y);
  await page.waitForTimeout(100);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  assert.ok(await h.has(page, 'Avsluta analysdag'), 'the first Esc leaves the field, not analysdag');
  await h.saved(page);
  assert.equal((await analysis(page)).body.risker[0].beskrivning, text);
  await h.shot(page, 'laptop-analysdag-after-esc');
  await page.keyboard.press('Escape');
  await h.find(page, 'Analysdag');
  assert.equal(await h.has(page, 'Avsluta analysdag'), false);

  await page.reload();
  await h.waitReady(page);
  assert.equal((await analysis(page)).body.risker[0].beskrivning, text);
  assert.deepEqual(env.errors, []);
  await context.close();
});

// Far east of UTC (UTC+14) the person's date is not the UTC date for most of the UTC day: I dag and
// everything that counts days must use the person's own calendar.
test('I dag is the date on the person\'s own calendar, not the UTC date', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, timezoneId: 'Pacific/Kiritimati' });
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  const pane = centre(await h.find(page, 'Titel'));
  const follow = await field(page, 'Uppföljning av analysen senast', { touch: false, pane });
  const idag = (await h.items(page)).find((i) => i.label === 'I dag' && Math.abs(i.y - follow.y) < 4 && i.x > follow.x);
  await page.mouse.click(centre(idag).x, centre(idag).y);
  await h.saved(page);
  const local = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  assert.equal((await analysis(page)).body.uppfoljningsdatum, local);
  assert.deepEqual(env.errors, []);
  await context.close();
});
