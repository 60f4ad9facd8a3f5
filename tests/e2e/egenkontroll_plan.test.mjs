// Egenkontrollplan as a unit chief makes one: checks from the library, a sample size typed key by key
// (a wrong one refused in words and kept on screen, Esc), a month added, the checks in the årshjul by
// their spoken names, last year's months försenad, the plan copied into this year in one step with
// Ångra offered and shown on Översikt as a small årshjul, and everything still there after a reload; on a phone a tap on a mark opens its check,
// and the årshjul fits a phone and a projector.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const plans = async (page) =>
  (await h.workspace(page)).documents.filter((d) => d.kind === 'egenkontrollplan').sort((a, b) => a.year - b.year);
const agentFocused = (page, yes) =>
  page.waitForFunction((yes) => (document.activeElement?.id === 'kvh-text-agent') === yes, yes, { timeout: 30000 });
const thisYear = async (page) => Number(await page.evaluate(() => new Date().getFullYear()));
const GENOMFORANDEPLANER = /^Lägg till Social dokumentation: Att varje brukare har en aktuell genomförandeplan/;
const AVVIKELSER = /^Lägg till Avvikelser: /;

// Scrolls the pane under `at` with the wheel until the last item called `label` is wholly in view.
async function inView(page, label, at = { x: 900, y: 420 }) {
  const last = async () =>
    (await h.items(page)).filter((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label)).at(-1);
  for (let i = 0; i < 40; ++i) {
    const seen = await last();
    if (seen && seen.y >= 40 && seen.y + seen.h <= page.viewportSize().height - 40) {
      await page.waitForTimeout(150);
      return last();
    }
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, seen && seen.y < 40 ? -150 : 150);
    await page.waitForTimeout(60);
  }
  throw new Error(`"${label}" not brought into view`);
}

// Clicks the field and types one key at a time; `select` first selects what it holds.
async function type(page, label, text, { leave = 'Enter', select = false, at } = {}) {
  const f = await inView(page, label, at);
  await page.mouse.click(f.x + Math.min(30, f.w / 2), centre(f).y); // a number's field has its buttons at the end

  await agentFocused(page, true);
  if (select) await page.keyboard.press('Control+a');
  for (const ch of text) {
    await page.keyboard.type(ch, { delay: 20 });
    await page.waitForTimeout(20);
  }
  if (leave) {
    await page.keyboard.press(leave);
    await agentFocused(page, false);
  }
  await h.saved(page);
}

test('on a laptop, a plan built from the library shows its checks in the årshjul and is copied into the next year', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  const year = await thisYear(page);
  await h.click(page, 'Egenkontroller');
  await h.click(page, 'Ny egenkontrollplan');
  await h.find(page, 'Fastställd av');
  // Last year's plan: every month of it has passed.
  await type(page, 'Titel', `Egenkontrollplan ${year - 1}`, { select: true });
  await type(page, 'År', String(year - 1), { select: true });
  await type(page, 'Fastställd av', 'Enhetschef');
  let [doc] = await plans(page);
  assert.equal(doc.year, year - 1);
  assert.equal(doc.body.faststalld_av, 'Enhetschef');

  await h.click(page, 'Lägg till från biblioteket');
  await h.find(page, 'Egenkontrollbiblioteket');
  await type(page, 'Sök i biblioteket', 'genomförandeplan', { leave: null });
  assert.equal(await h.has(page, AVVIKELSER), false, 'the search leaves the others out');
  await h.click(page, GENOMFORANDEPLANER);
  await h.find(page, '”Social dokumentation” lades till i planen.');
  await type(page, 'Sök i biblioteket', '', { select: true, leave: null });
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await agentFocused(page, false);
  await h.click(page, AVVIKELSER);
  await h.saved(page);
  await h.click(page, 'Klar');
  [doc] = await plans(page);
  assert.deepEqual(doc.body.kontroller.map((c) => [c.omrade, c.fragor.length]), [['Social dokumentation', 6], ['Avvikelser', 6]]);

  // A sample size: what is typed stays, a wrong one is refused in words and nothing changes.
  await h.click(page, 'Kontroll 1: Social dokumentation');
  await h.find(page, 'Kontroll 1 av 2: Social dokumentation');
  const SAMPLE = 'Urval (antal akter, observationer eller svar)';
  await type(page, SAMPLE, '25', { select: true, leave: null });
  await h.saved(page);
  assert.equal((await plans(page))[0].body.kontroller[0].urval, 25);
  await page.keyboard.type('x', { delay: 20 });
  const REFUSED = 'Skriv ett heltal från 1 till 100000. ”25x” är inte sparat.';
  await h.find(page, REFUSED);
  await page.keyboard.press('Escape');
  await agentFocused(page, false);
  await h.find(page, REFUSED); // Esc keeps what was typed, and says so
  assert.equal((await plans(page))[0].body.kontroller[0].urval, 25);
  await type(page, SAMPLE, '30', { select: true });
  assert.equal(await h.has(page, REFUSED), false);
  assert.equal((await plans(page))[0].body.kontroller[0].urval, 30);

  // March added to the half-yearly months: the months become the check's own.
  const march = await inView(page, 'mars');
  await page.mouse.click(centre(march).x, centre(march).y);
  await h.saved(page);
  let check = (await plans(page))[0].body.kontroller[0];
  assert.deepEqual(check.manader, [3, 6, 12]);
  await h.shot(page, 'laptop-egenkontrollplan');

  // The årshjul: each mark by its spoken name; last year's months are all försenad. (The wheel over
  // the short list of checks scrolls the page; over the check, the check.)
  await page.mouse.move(300, 420);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -400);
  await h.click(page, 'Årshjul');
  for (const name of ['Social dokumentation, mars: försenad', 'Social dokumentation, december: försenad',
                      'Avvikelser, september: försenad'])
    await inView(page, name);
  assert.equal(await h.has(page, 'Social dokumentation, april: försenad'), false, 'April is not planned');
  await inView(page, 'Social dokumentation – försenad: mars, juni, december');
  await inView(page, 'Avvikelser – försenad: mars, juni, september, december');
  await h.shot(page, 'laptop-arshjul');

  // Into this year in one step: the copy opens, and Ångra is offered.
  await page.mouse.move(300, 420);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -400);
  await h.click(page, `Kopiera till ${year}`);
  await h.find(page, `Planen kopierades till ${year}. Utförda kontroller och åtgärder stannar i årets plan.`);
  await h.find(page, 'Ångra');
  await h.saved(page);
  let [old, copy] = await plans(page);
  assert.equal(copy.year, year);
  assert.equal(copy.title, `Egenkontrollplan ${year}`);
  assert.deepEqual(copy.body.kontroller.map((c) => c.foregaende), old.body.kontroller.map((c) => c.id));
  assert.deepEqual(copy.body.kontroller[0].manader, [3, 6, 12]);
  assert.equal(copy.body.kontroller[0].urval, 30);

  // Översikt shows this year's plan as a small årshjul; a click on a mark opens the plan at its check.
  await h.click(page, 'Översikt');
  const mark = await inView(page, /^Avvikelser, september: /);
  await page.mouse.move(centre(mark).x, centre(mark).y);
  await page.waitForTimeout(100);
  await page.mouse.click(centre(mark).x, centre(mark).y);
  await h.find(page, 'Kontroll 2 av 2: Avvikelser');
  await h.find(page, `Egenkontrollplan ${year}`);

  await page.reload();
  await h.waitReady(page);
  [old, copy] = await plans(page);
  assert.equal(old.body.kontroller[0].urval, 30);
  assert.equal(old.body.faststalld_av, 'Enhetschef');
  assert.equal(copy.body.kontroller.length, 2);
  await h.click(page, 'Egenkontroller');
  const row = await h.find(page, old.title);
  await page.mouse.move(centre(row).x, centre(row).y);
  await page.waitForTimeout(300);
  await page.mouse.click(centre(row).x, centre(row).y);
  await h.find(page, 'Kontroll 2: Avvikelser');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone a tap on a mark of the årshjul opens its check; the årshjul fits a phone and a projector at 200 %', async () => {
  for (const [name, device] of [['phone', h.PHONE], ['projector', h.PROJECTOR]]) {
    const context = await env.browser.newContext(device);
    const page = await h.open(env, context);
    const touch = name === 'phone';
    const go = touch ? h.tap : h.click;
    const at = { x: page.viewportSize().width * 0.6, y: page.viewportSize().height * 0.6 }; // over the content
    if (!touch) {
      await h.click(page, 'Inställningar');
      for (let z = 100; z < 200; z += 25) await h.click(page, '+');
      await h.find(page, '200 %');
    }
    await go(page, touch ? 'Kontroller' : 'Egenkontroller');
    await go(page, 'Ny egenkontrollplan');
    const lib = await h.reveal(page, 'Lägg till från biblioteket', at, { touch });
    if (touch) await page.touchscreen.tap(centre(lib).x, centre(lib).y);
    else await page.mouse.click(centre(lib).x, centre(lib).y);
    await go(page, GENOMFORANDEPLANER);
    await h.saved(page);
    await go(page, 'Klar');
    const tab = await h.reveal(page, 'Årshjul', at, { touch });
    if (touch) await page.touchscreen.tap(centre(tab).x, centre(tab).y);
    else await page.mouse.click(centre(tab).x, centre(tab).y);
    await h.reveal(page, /^Social dokumentation, juni: /, at, { touch });
    // The legend under the wheel in view too: the whole wheel is on the screen.
    await h.reveal(page, 'Genomförd med avvikelser', at, { touch });
    const mark = await h.find(page, /^Social dokumentation, juni: /);
    const top = (await h.find(page, /^jan(uari)?$/)).y;
    assert.ok(top >= 0, `the wheel's top is on the screen (${top})`);
    const width = page.viewportSize().width;
    for (const i of (await h.items(page)).filter((it) => it.label && it.y >= 0 && it.y < page.viewportSize().height))
      assert.ok(i.x + i.w <= width + 1, `"${i.label}" within the screen (${i.x}+${i.w} > ${width})`);
    if (touch) assert.ok(mark.w >= 44 && mark.h >= 44, `a mark is a 44 px target (${mark.w}×${mark.h})`);
    await h.shot(page, `${name}-arshjul`);
    if (touch) {
      await page.touchscreen.tap(centre(mark).x, centre(mark).y);
      await h.find(page, 'Kontroll 1 av 1: Social dokumentation');
      await h.find(page, 'Tillbaka till planen');
      await h.shot(page, 'phone-egenkontrollplan-check');
    }
    assert.deepEqual(env.errors, []);
    await context.close();
  }
});

test('the plan\'s year goes to Excel and into a calendar; a plan without planned months says so and gives no file', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, context);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await h.click(page, 'Egenkontroller');
  await h.click(page, 'Ny egenkontrollplan');
  await h.find(page, 'Fastställd av');
  await type(page, 'Titel', 'Plan för Tallen', { select: true });
  // No check yet: nothing to put in a calendar, and no file is made.
  await h.click(page, await inView(page, 'Kalender (.ics)').then((i) => i.label));
  await h.find(page, 'Planen har inga planerade månader att lägga i en kalender.');
  await page.waitForTimeout(500);
  assert.equal(downloads, 0, 'no calendar without months');

  await h.click(page, 'Lägg till från biblioteket');
  await h.click(page, GENOMFORANDEPLANER);
  await h.saved(page);
  await h.click(page, 'Klar');
  const fetch = async (label) => {
    const download = page.waitForEvent('download');
    await h.click(page, (await inView(page, label)).label);
    const file = await download;
    await h.find(page, `Filen ”${file.suggestedFilename()}” har laddats ned.`);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const csv = await fetch('Exportera till Excel (CSV)');
  assert.equal(csv.name, 'Plan för Tallen.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
  assert.match(csv.bytes.toString('utf8'), /Social dokumentation/);
  const ics = await fetch('Kalender (.ics)');
  assert.equal(ics.name, 'Plan för Tallen.ics');
  const text = ics.bytes.toString('utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.ok((text.match(/BEGIN:VEVENT/g) ?? []).length >= 2, 'one event per planned month');
  assert.match(text, /SUMMARY:[^\r\n]*Social dokumentation/);
  assert.equal(downloads, 2);
  assert.deepEqual(env.errors, []);
  await context.close();
});
