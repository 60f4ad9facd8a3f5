// Åtgärdsplan as a kvalitetssamordnare writes one after a lex Sarah investigation: the header and two
// actions typed key by key (a date left half-typed with Esc), beslutad refused until the cause is
// given, a finding acknowledged with a reason that stays in sight after a reload, and a removed
// action brought back by one undo; the same plan on a phone and a projector.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const plan = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'atgardsplan');
const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const CAUSE_REFUSED =
  'Ändringen gjordes inte: ange vilken orsak eller iakttagelse åtgärden riktar sig mot innan den kan få status Beslutad.';

// Scrolls the editor with the wheel until the last item called `label` (a field: its caption above
// carries the same name) is wholly in view; what is out of view is not drawn, so ahead first.
async function inView(page, label, at = { x: 700, y: 420 }, left = Infinity) {
  const last = async () => (await h.items(page)).filter((i) => i.label === label && i.x < left).at(-1);
  for (let i = 0; i < 40; ++i) {
    const seen = await last();
    if (seen && seen.y >= 40 && seen.y + seen.h <= 728) {
      await page.waitForTimeout(150);
      return last();
    }
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, seen && seen.y < 40 ? -150 : 150);
    await page.waitForTimeout(60);
  }
  throw new Error(`"${label}" not brought into view`);
}

const agentFocused = (page, yes) =>
  page.waitForFunction((yes) => (document.activeElement?.id === 'kvh-text-agent') === yes, yes, { timeout: 30000 });

// Clicks the field and types into it one key at a time, as a person does.
async function type(page, label, text, { leave = 'Enter' } = {}) {
  const f = await inView(page, label);
  await page.mouse.click(centre(f).x, centre(f).y);
  await agentFocused(page, true);
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

// A choice is the box right under its caption, named by it.
async function choose(page, caption, value) {
  const c = await inView(page, caption);
  const box = (await h.items(page)).find((i) => i.label === caption && i.interactive && i.y >= c.y - 60);
  assert.ok(box, `the choice under "${caption}"`);
  await page.mouse.click(centre(box).x, centre(box).y);
  await h.click(page, value);
  await h.saved(page);
}

// The first item called `label` below `above` (a button under its finding).
async function below(page, above, label) {
  const a = await h.find(page, above);
  const hit = (await h.items(page)).filter((i) => i.label === label && i.y > a.y).sort((p, q) => p.y - q.y)[0];
  assert.ok(hit, `"${label}" under "${above}"`);
  return hit;
}

// After a reload a quick click on a list row can come before the frame that sees the pointer over
// it: the pointer rests on the row first, as a person's does.
async function openPlan(page, title) {
  await h.click(page, 'Åtgärder');
  const row = await h.find(page, title);
  await page.mouse.move(centre(row).x, centre(row).y);
  await page.waitForTimeout(300);
  await page.mouse.click(centre(row).x, centre(row).y);
  await h.find(page, 'Vad planen svarar mot');
}

test('on a laptop, a plan with two actions is written key by key and keeps everything', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Åtgärder');
  await h.click(page, 'Ny åtgärdsplan');
  await h.find(page, 'Vad planen svarar mot');
  await choose(page, 'Vad planen svarar mot', 'Lex Sarah-utredning');
  await type(page, 'Diarienummer', 'SN 2026/123');
  await type(page, 'Ägare av planen', 'Verksamhetschef');
  await type(page, 'Bakgrund: vad hände och vad ska planen rätta till?', 'Insatser uteblev vid sena ändringar.',
             { leave: 'Escape' });
  let doc = await plan(page);
  assert.equal(doc.body.ursprung, 'lex_sarah');
  assert.equal(doc.body.diarienummer, 'SN 2026/123');
  assert.equal(doc.body.agare, 'Verksamhetschef');
  assert.equal(doc.body.bakgrund, 'Insatser uteblev vid sena ändringar.');

  await h.click(page, 'Lägg till åtgärd');
  await h.find(page, 'Åtgärd 1: (inte beskriven)');
  await h.find(page, 'Åtgärder: 1 · genomförda: 0 · uppföljda: 0 · anmärkningar att se över: 2');
  await type(page, 'Vad ska göras?', 'Sena ändringar bekräftas av samordnaren');
  await type(page, 'Ansvarig', 'Samordnare');
  // A date left half-typed with Esc: nothing is stored, the text stays with a message.
  await type(page, 'Klart senast', '2026-12', { leave: 'Escape' });
  await h.find(page, 'Datumet är inte sparat.');
  doc = await plan(page);
  assert.equal(doc.body.atgarder[0].klart_senast, '');
  assert.equal(doc.body.atgarder[0].vad, 'Sena ändringar bekräftas av samordnaren');
  const date = await inView(page, 'Klart senast');
  await page.mouse.click(centre(date).x, centre(date).y);
  await agentFocused(page, true);
  await page.keyboard.press('End');
  for (const ch of '-15') await page.keyboard.type(ch, { delay: 20 });
  await page.keyboard.press('Enter');
  await h.saved(page);
  assert.equal((await plan(page)).body.atgarder[0].klart_senast, '2026-12-15');

  // Beslutad without a cause: refused in words, nothing changes.
  const before = (await plan(page)).rev;
  await choose(page, 'Status', 'Beslutad');
  await h.find(page, CAUSE_REFUSED);
  await h.shot(page, 'laptop-plan-cause-refused');
  doc = await plan(page);
  assert.equal(doc.body.atgarder[0].status, 'foreslagen');
  assert.equal(doc.rev, before);
  await type(page, 'Vilken orsak riktar sig åtgärden mot?', 'Sena ändringar nådde inte personalen');
  await choose(page, 'Status', 'Beslutad');
  assert.equal((await plan(page)).body.atgarder[0].status, 'beslutad');
  assert.equal(await h.has(page, CAUSE_REFUSED), false);

  await page.reload();
  await h.waitReady(page);
  doc = await plan(page);
  await openPlan(page, doc.title);
  await h.find(page, 'Åtgärd 1: Sena ändringar bekräftas av samordnaren');
  assert.deepEqual(
    [doc.body.atgarder[0].vad, doc.body.atgarder[0].varfor, doc.body.atgarder[0].ansvarig,
     doc.body.atgarder[0].klart_senast, doc.body.atgarder[0].status],
    ['Sena ändringar bekräftas av samordnaren', 'Sena ändringar nådde inte personalen', 'Samordnare',
     '2026-12-15', 'beslutad']);
  assert.equal(doc.body.diarienummer, 'SN 2026/123');

  // The first closed, the second added: one open action, its findings at its top.
  await h.click(page, 'Åtgärd 1: Sena ändringar bekräftas av samordnaren');
  await h.find(page, 'Beslutad · Samordnare · klart senast 2026-12-15');
  await h.click(page, 'Lägg till åtgärd');
  await h.find(page, 'Åtgärd 2: (inte beskriven)');
  // Nothing written yet: what to do, in a neutral tone, not warnings.
  await inView(page, 'Skriv vad som ska göras, vem som ansvarar och när det ska vara klart.');
  assert.equal(await h.has(page, 'Varning: Ansvarig saknas'), false);
  await type(page, 'Vad ska göras?', 'Checklista vid överlämning');
  await inView(page, 'Varning: Ansvarig saknas');
  // A blank reason is refused and says so; then one with a reason is kept.
  const dueAck = await below(page, 'Varning: Datum för klart senast saknas', 'Kvittera…');
  await page.mouse.click(centre(dueAck).x, centre(dueAck).y);
  await inView(page, 'Kvittera');
  await h.click(page, 'Kvittera');
  await h.find(page, 'Ändringen gjordes inte: en kvittering behöver en motivering.');
  await h.click(page, 'Avbryt');
  const ack = await below(page, 'Varning: Ansvarig saknas', 'Kvittera…');
  await page.mouse.click(centre(ack).x, centre(ack).y);
  await type(page, 'Motivering till kvitteringen', 'Ansvarig utses på APT i januari');
  await h.click(page, 'Kvittera');
  const ACKED = 'Kvitterad: Ansvarig saknas (Ansvarig utses på APT i januari)';
  await h.find(page, ACKED);
  await h.saved(page);
  doc = await plan(page);
  assert.equal(doc.body.atgarder[1].kvitterade[0].regel, 'atgard_utan_ansvarig');
  assert.equal(doc.body.atgarder[1].kvitterade[0].motivering, 'Ansvarig utses på APT i januari');
  await h.find(page, 'Åtgärder: 2 · genomförda: 0 · uppföljda: 0 · anmärkningar att se över: 1');
  await h.shot(page, 'laptop-plan-acknowledged');

  await page.reload();
  await h.waitReady(page);
  await openPlan(page, doc.title);
  await inView(page, ACKED);
  await h.find(page, 'Återta kvitteringen');

  // Removed, and back with one undo, acknowledgement and all.
  await page.mouse.move(700, 420);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -400); // back to the top
  await h.click(page, 'Åtgärd 1: Sena ändringar bekräftas av samordnaren'); // closes the first
  const remove = await inView(page, 'Ta bort åtgärden');
  await page.mouse.click(centre(remove).x, centre(remove).y);
  await h.find(page, 'Åtgärd 2 togs bort.');
  await h.saved(page);
  assert.equal((await plan(page)).body.atgarder.length, 1);
  await h.click(page, 'Ångra');
  await h.saved(page);
  const back = await plan(page);
  assert.equal(back.body.atgarder.length, 2);
  assert.deepEqual(back.body.atgarder[1], doc.body.atgarder[1]);

  // The responsible already used in the workspace is offered.
  await inView(page, 'Välj bland tidigare ansvariga');
  await h.click(page, 'Välj bland tidigare ansvariga');
  await h.click(page, 'Samordnare');
  await h.saved(page);
  assert.equal((await plan(page)).body.atgarder[1].ansvarig, 'Samordnare');
  await h.shot(page, 'laptop-plan');

  // The plan's actions are in the register with every other action.
  await h.click(page, 'Åtgärder');
  await h.find(page, 'Visar 2 av 2 åtgärder · Alla åtgärder');
  await h.find(page, 'Checklista vid överlämning');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone and a projector, the plan and its action fit the screen', async () => {
  for (const [name, device] of [['phone', h.PHONE], ['projector', h.PROJECTOR]]) {
    const context = await env.browser.newContext(device);
    const page = await h.open(env, context);
    const touch = name === 'phone';
    const go = touch ? h.tap : h.click;
    await go(page, 'Åtgärder');
    await go(page, 'Ny åtgärdsplan');
    await h.find(page, 'Vad planen svarar mot');
    const add = await h.reveal(page, 'Lägg till åtgärd', { x: 200, y: 500 }, { touch });
    if (touch) await page.touchscreen.tap(centre(add).x, centre(add).y);
    else await page.mouse.click(centre(add).x, centre(add).y);
    await h.find(page, 'Åtgärd 1: (inte beskriven)');
    await h.reveal(page, 'Vad ska göras?', { x: 200, y: 500 }, { touch });
    const what = (await h.items(page)).filter((i) => i.label === 'Vad ska göras?').at(-1); // the field
    const width = page.viewportSize().width;
    for (const i of (await h.items(page)).filter((it) => it.label && it.y >= 0 && it.y < page.viewportSize().height))
      assert.ok(i.x + i.w <= width + 1, `"${i.label}" within the screen (${i.x}+${i.w} > ${width})`);
    assert.ok(what.w > width * (touch ? 0.8 : 0.3), 'the field takes the width of the column');
    await h.shot(page, `${name}-plan-action`);
    assert.deepEqual(env.errors, []);
    await context.close();
  }
});

test('on a laptop, avbruten asks for its reason first, a verdict closes the action; print and CSV hold it', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, context);
  await h.click(page, 'Åtgärder');
  await h.click(page, 'Ny åtgärdsplan');
  await h.click(page, 'Lägg till åtgärd');
  await type(page, 'Vad ska göras?', 'Nattens larm följs upp varje vecka');
  // Aimed at one person: the personakt hint shows where the level was chosen.
  await choose(page, 'Nivå', 'Individ');
  const hint = await inView(page, 'Tips: Riktad mot en enskild person: sådana åtgärder dokumenteras i personakten');
  assert.ok(hint.y > (await h.find(page, 'Nivå')).y && hint.y < (await h.find(page, 'Typ av åtgärd')).y,
            'the hint is under the level');
  await choose(page, 'Nivå', 'Verksamhet');
  assert.equal(await h.has(page, /^Tips: Riktad mot en enskild person/), false);
  await inView(page, 'Genomförd den'); // the action's Status, not the document's above it
  await choose(page, 'Status', 'Avbruten');
  await h.find(page, 'Skäl till att åtgärden avbryts');
  await h.click(page, 'Avbryt åtgärden'); // without a reason: refused in words
  await h.find(page, 'Ändringen gjordes inte: ange varför åtgärden avbryts.');
  assert.equal((await plan(page)).body.atgarder[0].status, 'foreslagen');
  await type(page, 'Skäl till att åtgärden avbryts', 'Ersätts av ny larmrutin', { leave: 'Escape' });
  await h.click(page, 'Avbryt åtgärden');
  await h.saved(page);
  let a = (await plan(page)).body.atgarder[0];
  assert.deepEqual([a.status, a.avbrytandeorsak], ['avbruten', 'Ersätts av ny larmrutin']);
  assert.equal(await h.has(page, 'Skäl till att åtgärden avbryts'), false);
  await h.find(page, 'Varför avbröts åtgärden?'); // the reason stays editable

  // A verdict on an action without a cause is refused (it would make it uppföljd); with one, it closes it.
  await choose(page, 'Effekt vid uppföljning', 'Ja, önskad effekt uppnådd');
  await h.find(page, /^Ändringen gjordes inte: ange vilken orsak eller iakttagelse/);
  await type(page, 'Vilken orsak riktar sig åtgärden mot?', 'Larm besvarades sent');
  await choose(page, 'Effekt vid uppföljning', 'Ja, önskad effekt uppnådd');
  a = (await plan(page)).body.atgarder[0];
  assert.deepEqual([a.status, a.effekt], ['uppfoljd', 'ja']);
  await page.mouse.move(700, 420);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -400);
  await h.find(page, 'Åtgärder: 1 · genomförda: 1 · uppföljda: 1 · anmärkningar att se över: 0');
  await h.shot(page, 'laptop-plan-closed');
  const popup = context.waitForEvent('page');
  await h.click(page, 'Skriv ut / PDF');
  const report = await popup;
  await report.waitForLoadState();
  const html = await report.content();
  for (const text of ['Nattens larm följs upp varje vecka', 'Larm besvarades sent', 'Uppföljd',
                      'Ja, önskad effekt uppnådd', 'Åtgärder: 1 · genomförda: 1 · uppföljda: 1 · anmärkningar att se över: 0'])
    assert.ok(html.includes(text), `the printed plan holds "${text}"`);
  await report.screenshot({ path: join(h.SHOTS, 'plan-report.png'), fullPage: true });
  await report.close();
  const download = page.waitForEvent('download');
  await h.click(page, 'Exportera till Excel (CSV)');
  const path = join(h.SHOTS, 'atgardsplan.csv');
  await (await download).saveAs(path);
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const rows = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(rows[0].split(';')[0], 'Nr');
  // The verdict was given today: the follow-up was made today.
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  assert.equal(rows[1], '1;Nattens larm följs upp varje vecka;Larm besvarades sent;Verksamhet;Ej angiven;;;' +
                        `Uppföljd;Ersätts av ny larmrutin;;${today};Ja, önskad effekt uppnådd;;`);
  assert.equal(rows[2], '');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a laptop, a red risk\'s finding is acknowledged with a reason in the risk editor and stays', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Ny risk');
  // The wheel over the risk editor's own pane, wherever the layout puts it.
  // Only the editor's own pickers: the matrix beside it names its levels too.
  const at = { x: centre(await h.find(page, 'Risk 1 av 1')).x, y: 420 };
  const matrix = (await h.items(page)).find((i) => /##right_/.test(i.label));
  for (const level of ['3 Stor', '4 Katastrofal']) {
    const b = await inView(page, level, at, matrix ? matrix.x : Infinity);
    await page.mouse.click(centre(b).x, centre(b).y);
    await h.saved(page);
  }
  const RED = 'Allvarlig: Röd risk utan åtgärd';
  await inView(page, RED, at);
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -400);
  const ack = await below(page, RED, 'Kvittera…');
  await page.mouse.click(centre(ack).x, centre(ack).y);
  await type(page, 'Motivering till kvitteringen', 'Åtgärdas i nämndens plan för bemanning');
  await h.click(page, 'Kvittera');
  const ACKED = 'Kvitterad: Röd risk utan åtgärd (Åtgärdas i nämndens plan för bemanning)';
  await h.find(page, ACKED);
  await h.saved(page);
  const doc = (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');
  assert.equal(doc.body.risker[0].kvitterade[0].regel, 'risk_rod_utan_atgard');
  await h.find(page, /^Allvarlig: Högsta konsekvensnivån/); // the other finding is still open
  await h.shot(page, 'laptop-risk-acknowledged');

  await page.reload();
  await h.waitReady(page);
  await h.click(page, 'Riskanalyser');
  const row = await h.find(page, doc.title);
  await page.mouse.move(centre(row).x, centre(row).y);
  await page.waitForTimeout(300);
  await page.mouse.click(centre(row).x, centre(row).y);
  await h.click(page, 'Risk 1: (händelsen är inte beskriven)');
  await h.find(page, ACKED);
  await h.click(page, 'Återta kvitteringen');
  await h.find(page, RED);
  await h.saved(page);
  const after = (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');
  assert.deepEqual(after.body.risker[0].kvitterade, []);
  assert.deepEqual(env.errors, []);
  await context.close();
});
