// Riskanalys as people use it: a medarbetare adds risks from the library on a phone and scores one;
// on a laptop a risk is dragged to another cell and stays there after a reload; the facilitator runs
// an analysdag on a projector with the keyboard; the report and the CSV hold what they should.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const agentFocused = (page) =>
  page.waitForFunction(() => document.activeElement?.id === 'kvh-text-agent', null, { timeout: 10000 });
const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');

async function newAnalysis(page, touch) {
  const go = touch ? h.tap : h.click;
  await go(page, touch ? 'Risker' : 'Riskanalyser');
  await go(page, 'Ny riskanalys');
  await h.find(page, 'Från riskbiblioteket');
}

test('on a phone, three risks from the library are added with a thumb and one is scored', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await newAnalysis(page, true);
  await h.tap(page, 'Från riskbiblioteket');
  await h.find(page, 'Riskbiblioteket');
  await h.find(page, 'Lägg till'); // the library file has been read
  // The first risk on screen, then the first of two other categories, as a person would look; none
  // of their suggested actions ticked.
  // Its button is scrolled clear of the tab bar and the confirmation before the thumb goes there.
  const add = async () => {
    const button = await h.reveal(page, 'Lägg till', { x: 200, y: 600 }, { touch: true });
    await page.touchscreen.tap(button.x + button.w / 2, button.y + button.h / 2);
    await page.waitForTimeout(100);
  };
  await add();
  for (const category of ['Processer, rutiner och IT', 'Ledning och organisation']) {
    for (let i = 0; i < 10 && !(await h.has(page, 'Kategori')); ++i) {
      await h.drag(page, { x: 200, y: 250 }, { x: 200, y: 750 }, { steps: 20 });
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(900);
    const label = await h.find(page, 'Kategori'); // the category chooser sits right under its label
    await page.touchscreen.tap(label.x + 150, label.y + label.h + 32);
    await h.tap(page, category);
    await page.waitForTimeout(200);
    await add();
  }
  await h.shot(page, 'phone-risk-library');
  await h.tap(page, 'Klar – till analysen');
  await h.saved(page);
  let doc = await analysis(page);
  assert.equal(doc.body.risker.length, 3);
  assert.equal(new Set(doc.body.risker.map((r) => r.beskrivning)).size, 3, 'three different risks');
  for (const r of doc.body.risker) {
    assert.ok(r.beskrivning.length > 10, 'the library text came along');
    assert.equal(r.atgarder.length, 0, 'no suggestion was ticked, so no action came along');
    assert.equal(r.sannolikhet, 0);
  }

  await h.tap(page, /^Risk 1: /);
  await h.find(page, 'Risk 1 av 3');
  // One thumb: scroll down to the pickers with a finger, then tap the level words.
  const stor = await h.reveal(page, '3 Stor', { x: 200, y: 600 }, { touch: true });
  await page.touchscreen.tap(stor.x + stor.w / 2, stor.y + stor.h / 2);
  await page.waitForTimeout(100);
  const kat = await h.reveal(page, '4 Katastrofal', { x: 200, y: 600 }, { touch: true });
  await page.touchscreen.tap(kat.x + kat.w / 2, kat.y + kat.h / 2);
  await h.find(page, 'Riskvärde 12 – röd (mycket hög risk)');
  await h.saved(page);
  doc = await analysis(page);
  assert.equal(doc.body.risker[0].sannolikhet, 3);
  assert.equal(doc.body.risker[0].konsekvens, 4);
  await h.shot(page, 'phone-risk-editor');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a laptop, a risk dragged to another cell is rescored, can be undone, and survives a reload', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  await h.click(page, 'Ny risk');
  await h.find(page, 'Risk 1 av 1');
  await h.click(page, '1 Mycket liten');
  const pane = await h.find(page, 'Vad kan hända?');
  // The level's button in the editor on the left (the matrix on the right names its levels too).
  const picker = async () => (await h.items(page)).find((i) => i.label === '1 Mindre' && i.x < 683 && i.y + i.h <= 768);
  for (let i = 0; i < 20 && !(await picker()); ++i) {
    await page.mouse.move(pane.x + 100, pane.y + 100);
    await page.mouse.wheel(0, 150);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(200);
  const mindre = await picker();
  await page.mouse.click(mindre.x + mindre.w / 2, mindre.y + mindre.h / 2);
  await h.reveal(page, 'Riskvärde 1 – grön (låg risk)', { x: pane.x + 100, y: pane.y + 100 });
  const marker = await h.find(page, 'Risk 1');
  const target = await h.find(page, 'Ruta S3 K4');
  await page.mouse.move(marker.x + marker.w / 2, marker.y + marker.h / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) {
    await page.mouse.move(marker.x + marker.w / 2 + ((target.x + target.w / 2 - marker.x - marker.w / 2) * i) / 10,
                          marker.y + marker.h / 2 + ((target.y + target.h / 2 - marker.y - marker.h / 2) * i) / 10);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await h.reveal(page, 'Riskvärde 12 – röd (mycket hög risk)', { x: pane.x + 100, y: pane.y + 100 });
  await h.saved(page);
  let doc = await analysis(page);
  assert.equal(doc.body.risker[0].sannolikhet, 3);
  assert.equal(doc.body.risker[0].konsekvens, 4);
  await h.shot(page, 'laptop-risk-dragged');

  await page.keyboard.press('Control+z');
  await h.reveal(page, 'Riskvärde 1 – grön (låg risk)', { x: pane.x + 100, y: pane.y + 100 });
  await page.keyboard.press('Control+Shift+z');
  await h.reveal(page, 'Riskvärde 12 – röd (mycket hög risk)', { x: pane.x + 100, y: pane.y + 100 });
  await h.saved(page);

  await page.reload();
  await h.waitReady(page);
  doc = await analysis(page);
  assert.equal(doc.body.risker[0].sannolikhet, 3);
  assert.equal(doc.body.risker[0].konsekvens, 4);
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('an analysdag on a projector at 200 %: keys add and score risks, the room can read it', async () => {
  const context = await env.browser.newContext({ ...h.PROJECTOR, acceptDownloads: true });
  const page = await h.open(env, context);
  await h.click(page, 'Inställningar');
  for (let i = 0; i < 4; ++i) await h.click(page, '+');
  await h.find(page, '200 %');
  await newAnalysis(page, false);
  await h.click(page, 'Analysdag');
  await h.find(page, /^Analysen har inga risker än/);
  await page.keyboard.press('n');
  await h.find(page, 'Risk 1 av 1');
  await agentFocused(page); // N puts the keyboard in the new risk's text; Esc leaves it for the keys
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await page.keyboard.press('3');
  await h.find(page, 'Riskvärde 6 – gul (måttlig risk)');
  await page.keyboard.press('n');
  await h.find(page, 'Risk 2 av 2');
  await agentFocused(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await page.keyboard.press('4');
  await h.find(page, 'Riskvärde 16 – röd (mycket hög risk)');
  await page.keyboard.press('ArrowLeft');
  await h.find(page, 'Risk 1 av 2');
  await h.saved(page);
  await h.shot(page, 'projector-analysdag');
  const doc = await analysis(page);
  assert.deepEqual(doc.body.risker.map((r) => [r.sannolikhet, r.konsekvens]), [[2, 3], [4, 4]]);
  // Text is large enough to read from the back of a room: at least 30 CSS px per line at 200 %.
  const heading = await h.find(page, 'Risk 1 av 2');
  assert.ok(heading.h >= 30, `heading height ${heading.h}`);
  await page.keyboard.press('Escape');
  await h.find(page, 'Analysdag'); // back where the facilitator started it
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('the printable report holds the matrix and every risk; the CSV is what Swedish Excel expects', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  await h.click(page, 'Från riskbiblioteket');
  const adds = (await h.items(page)).filter((it) => it.label === 'Lägg till');
  for (const b of adds.slice(0, 2)) await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await h.click(page, 'Klar – till analysen');
  await h.click(page, 'Ny risk');
  const field = (await h.items(page)).filter((i) => i.label === 'Vad kan hända?').pop();
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await page.keyboard.type('Brukare får fel läkemedel; ”dubbelkontroll” saknas – åäö & <test>');
  await h.saved(page);
  const doc = await analysis(page);
  assert.equal(doc.body.risker.length, 3);

  const popup = context.waitForEvent('page');
  await h.click(page, 'Skriv ut / PDF');
  const report = await popup;
  await report.waitForLoadState();
  const html = await report.content();
  assert.match(html, /<svg/);
  for (const r of doc.body.risker) {
    const escaped = r.beskrivning.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    assert.ok(html.includes(escaped), `the report holds "${r.beskrivning}"`);
  }
  await report.screenshot({ path: join(h.SHOTS, 'report.png'), fullPage: true });
  await report.close();

  const download = page.waitForEvent('download');
  await h.click(page, 'Exportera till Excel (CSV)');
  const file = await download;
  const path = join(h.SHOTS, 'risker.csv');
  await file.saveAs(path);
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const csv = bytes.subarray(3).toString('utf8');
  assert.ok(csv.split('\r\n')[0].includes(';'), 'semicolons between columns');
  assert.ok(csv.includes('Händelse'), 'Swedish headings with å ä ö intact');
  assert.ok(csv.includes('åäö & <test>'), 'the risk text with å ä ö intact');
  assert.ok(bytes.indexOf(Buffer.from('åäö & <test>', 'utf8')) > 3, 'å ä ö are stored as UTF-8 bytes');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('a custom scale: one more level of sannolikhet, the colours follow, scored risks are mapped as asked', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  await h.click(page, 'Ny risk');
  await h.click(page, '4 Mycket stor');
  await h.click(page, 'Tillbaka till analysen');
  await h.click(page, 'Om analysen (deltagare, skala, beslut)');
  const pane = await h.find(page, 'Titel');
  const change = await h.reveal(page, 'Byt skala', { x: pane.x + 100, y: pane.y + 100 });
  await page.mouse.click(change.x + change.w / 2, change.y + change.h / 2);
  await h.click(page, 'Egen skala (nivåer, ord och färggränser)');
  const plus = (await h.items(page)).filter((i) => i.label === '+');
  await page.mouse.click(plus[0].x + plus[0].w / 2, plus[0].y + plus[0].h / 2); // sannolikhet: 5 levels
  await h.find(page, '5 nivåer');
  await h.click(page, 'Samma nivå, men högst den nya skalans översta nivå');
  await h.shot(page, 'laptop-custom-scale');
  const apply = (await h.items(page)).filter((i) => i.label === 'Byt skala').pop();
  await page.mouse.click(apply.x + apply.w / 2, apply.y + apply.h / 2);
  await h.saved(page);
  const doc = await analysis(page);
  assert.equal(doc.body.skala.sannolikhet.length, 5);
  assert.equal(doc.body.skala.konsekvens.length, 4);
  assert.equal(doc.body.skala.band.at(-1).till, 20, 'röd reaches the new top value 5 × 4');
  assert.equal(doc.body.risker[0].sannolikhet, 4, 'the score kept its level, as chosen');
  assert.deepEqual(env.errors, []);
  await context.close();
});
