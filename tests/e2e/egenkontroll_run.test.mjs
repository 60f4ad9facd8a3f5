// Utförd egenkontroll as a medarbetare records Karlshamn's kind of stickprov: on a phone, a
// personnummer typed as a reference flagged and never stored, then 20 genomförandeplaner pasted,
// answered one at a time with the big buttons (one "nej"), the phone reloaded half-way, 19 av 20 =
// 95 % with its uncertainty, and done refused without an analysis, then accepted. On a laptop a random
// draw whose shown seed draws the same references again after a reload, and the answer table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { exchangeFile, makeEgenkontrollPlan, makeEgenkontrollRun } from '../data/make_docs.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const TITLE = 'Genomförd egenkontroll 2026';
const QUESTION = 'Upprättades genomförandeplanen inom 24 timmar?';
const ADD_REFS = 'Nya stickprov';
const PERSONNUMMER = '811218-9876'; // Skatteverket's example: valid date and check digit

const runOf = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'egenkontroll');
const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const PHONE_AT = { touch: true };
// The wheel over the editor's own scroll bar: over a text area it would scroll the text area.
const LAPTOP_AT = { touch: false, pane: { x: 1345, y: 420 } };

// Types one key at a time, as a person does; a line break is the Enter key.
async function typeKeys(page, text) {
  for (const ch of text) {
    if (ch === '\n') await page.keyboard.press('Enter');
    else await page.keyboard.type(ch);
    await page.waitForTimeout(15);
  }
  await h.saved(page, { timeout: 120000 }); // ImGui takes about a key a frame: long texts take a while
}

async function typeInto(page, label, text, where) {
  await h.focus(page, label, where);
  await typeKeys(page, text);
}

// Brings `label` into view and presses it with a finger or the mouse.
async function press(page, label, where) {
  if (await page.evaluate(() => document.activeElement?.id === 'kvh-text-agent')) {
    await page.keyboard.press('Escape'); // the keyboard goes down first, as it does for a person
    await h.agentFocused(page, false);
  }
  const f = await h.field(page, label, where);
  if (where.touch) await page.touchscreen.tap(centre(f).x, centre(f).y);
  else await page.mouse.click(centre(f).x, centre(f).y);
  await page.waitForTimeout(80);
  await h.saved(page, { timeout: 30000 });
}

// Scrolls ahead a little at a time until an item whose label matches `re` rests in view; returns it.
async function seen(page, re, where) {
  const [top, bottom] = where.touch ? [130, 720] : [40, 728];
  for (let i = 0; i < 40; ++i) {
    const hit = (await h.items(page)).find((it) => re.test(it.label) && it.y >= top && it.y + it.h <= bottom);
    if (hit) return hit;
    if (where.touch) await h.drag(page, { x: 200, y: 600 }, { x: 200, y: 450 }, { steps: 10 });
    else {
      await page.mouse.move(where.pane.x, where.pane.y);
      await page.mouse.wheel(0, 100);
    }
    await page.waitForTimeout(where.touch ? 900 : 150);
  }
  throw new Error(`nothing like ${re} came into view`);
}

async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  }, text);
  await h.saved(page);
}

async function openRun(page, where, tab) {
  await (where.touch ? h.tap : h.click)(page, tab);
  const row = await h.find(page, TITLE);
  if (!where.touch) {
    await page.mouse.move(centre(row).x, centre(row).y);
    await page.waitForTimeout(300);
  }
  await (where.touch ? h.tap : h.click)(page, TITLE);
  await h.find(page, 'Tillbaka');
}

test('on a phone: a personnummer refused, 20 references pasted, 19 av 20 answered with the big buttons, done', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await h.tap(page, 'Kontroller');
  await h.tap(page, 'Dokumentera genomförd egenkontroll');
  await h.find(page, 'Tillbaka');

  await typeInto(page, 'Ny fråga', QUESTION, PHONE_AT);
  await press(page, 'Lägg till frågan', PHONE_AT);
  assert.deepEqual((await runOf(page)).body.fragor.map((q) => q.text), [QUESTION]);

  // A personnummer typed as a reference: flagged as it is typed, refused, and kept in the field.
  await typeInto(page, ADD_REFS, PERSONNUMMER, PHONE_AT);
  await seen(page, /^”811218-9876” ser ut som ett personnummer .*Referensen sparas inte\.$/, PHONE_AT);
  await press(page, 'Lägg till referenserna', PHONE_AT);
  await seen(page, /^Ändringen gjordes inte: ser ut som ett personnummer/, PHONE_AT);
  assert.equal((await runOf(page)).body.urval.length, 0, 'nothing stored');
  assert.ok(!JSON.stringify(await h.workspace(page)).includes('8112189876') &&
            !JSON.stringify(await h.workspace(page)).includes(PERSONNUMMER), 'the number is nowhere in the workspace');
  await h.find(page, PERSONNUMMER); // still in the field, to be corrected
  await h.shot(page, 'ekrun-phone-personnummer');

  // Corrected: the number taken away, the 20 references pasted in its place.
  await h.focus(page, ADD_REFS, PHONE_AT);
  for (let i = 0; i < PERSONNUMMER.length + 2; ++i) await page.keyboard.press('Backspace');
  // A column copied from the case list and pasted, each reference on a line of its own.
  await paste(page, Array.from({ length: 20 }, (_, i) => `Akt ${i + 1}`).join('\r\n'));
  await press(page, 'Lägg till referenserna', PHONE_AT);
  const refs = (await runOf(page)).body.urval.map((s) => s.referens);
  assert.deepEqual(refs, Array.from({ length: 20 }, (_, i) => `Akt ${i + 1}`));

  await press(page, 'Svara för stickproven', PHONE_AT);
  for (let i = 1; i <= 20; ++i) {
    await h.find(page, `Stickprov ${i} av 20`);
    if (i === 1) {
      for (const label of ['Ja', 'Nej', 'Ej aktuellt']) {
        const b = await h.find(page, label);
        assert.ok(b.h >= 44 && b.w >= 44, `"${label}" is a big target (${b.w}×${b.h})`);
        assert.ok(b.y > 844 / 2, `"${label}" is in the bottom half, where a thumb reaches (y ${b.y})`);
      }
    }
    const answer = i === 7 ? 'Nej' : 'Ja';
    await h.tap(page, answer);
    await h.find(page, `Svar: ${answer}`);
    await h.saved(page);
    if (i === 7) await h.shot(page, 'ekrun-phone-answering');
    if (i === 10) {
      // Half-way the phone reloads: the answers stay, and answering goes on where it stopped.
      await page.reload();
      await h.waitReady(page);
      await openRun(page, PHONE_AT, 'Kontroller');
      await h.field(page, 'Helt besvarade: 10 av 20 stickprov', PHONE_AT);
      await press(page, 'Svara för stickproven', PHONE_AT);
      await h.find(page, 'Stickprov 11 av 20');
      continue;
    }
    if (i < 20) await h.tap(page, 'Nästa');
  }
  const answers = (await runOf(page)).body.urval.map((s) => s.svar.map((a) => a.svar).join());
  assert.deepEqual(answers, Array.from({ length: 20 }, (_, i) => (i === 6 ? 'nej' : 'ja')));
  await h.tap(page, 'Alla stickprov är besvarade: tillbaka');

  await h.field(page, 'Alla frågor: 19 av 20 = 95 %', PHONE_AT);
  await h.field(page, 'sannolikt mellan 76 och 99 %', PHONE_AT);
  await h.field(page, `Fråga 1, ${QUESTION}: 19 av 20 = 95 %`, PHONE_AT);
  await h.field(page, 'Under målet 100 %: analysera orsakerna.', PHONE_AT);
  await h.shot(page, 'ekrun-phone-results');
  await press(page, 'Föreslå åtgärd', PHONE_AT);
  const proposed = (await runOf(page)).body.atgarder;
  assert.equal(proposed.length, 1);
  assert.match(proposed[0].varfor, /19 av 20 = 95 %, under målet 100 %/);

  // Done is refused while the shortfall has no analysis, with the reason in words; then accepted.
  await press(page, 'Markera som genomförd', PHONE_AT);
  await seen(page, /^Egenkontrollen kan inte markeras som genomförd än:\n• minst en fråga når inte målet 100 %/, PHONE_AT);
  assert.equal((await runOf(page)).body.klar_datum, '');
  await typeInto(page, 'Analys av orsaker', 'Överlämningen missades vid semesterbyte.', PHONE_AT);
  await press(page, 'Markera som genomförd', PHONE_AT);
  await seen(page, /^Markerad som genomförd \d{4}-\d\d-\d\d\.$/, PHONE_AT);
  assert.match((await runOf(page)).body.klar_datum, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a laptop: a drawn sample with its seed is drawn again the same after a reload; the answer table', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Egenkontroller');
  await h.click(page, 'Dokumentera genomförd egenkontroll');
  await h.find(page, 'Tillbaka');
  // The first question typed key by key, the others as dictation or a suggestion gives them: whole.
  await typeInto(page, 'Ny fråga', QUESTION, LAPTOP_AT);
  await press(page, 'Lägg till frågan', LAPTOP_AT);
  for (const q of ['Är den enskilde delaktig i planen?', 'Följs planen upp inom sex månader?']) {
    await h.focus(page, 'Ny fråga', LAPTOP_AT);
    await page.keyboard.insertText(q);
    await h.saved(page);
    await press(page, 'Lägg till frågan', LAPTOP_AT);
  }
  assert.equal((await runOf(page)).body.fragor.length, 3);

  const population = Array.from({ length: 300 }, (_, i) => `Ärende ${1001 + i}`).join('\n');
  await press(page, 'Dra ett slumpmässigt urval', LAPTOP_AT);
  await h.focus(page, 'Populationens referenser', LAPTOP_AT);
  await paste(page, population);
  await h.field(page, '300 referenser att dra ur · 0 tomma hoppades över · 0 dubbletter hoppades över', LAPTOP_AT);
  await press(page, 'Dra urval', LAPTOP_AT);
  const first = await runOf(page);
  const seed = first.body.dragning.fro;
  assert.match(seed, /^\d{6}$/);
  // The seed is shown above the draw, with the population's size and fingerprint.
  const shown = { label: `Urvalet drogs slumpmässigt med frö ${seed} ur 300 referenser (fingeravtryck ${first.body.dragning.fingeravtryck}).` };
  await h.field(page, shown.label, { ...LAPTOP_AT, back: true });
  const drawn = first.body.urval.map((s) => s.referens);
  assert.equal(drawn.length, 20);
  assert.equal(new Set(drawn).size, 20);

  // Answered from the keyboard: a cell chosen, then J, N and E, each moving on to the next sample.
  const ref1 = await h.field(page, 'Referens 1', LAPTOP_AT);
  const cell = (await h.items(page)).find((i) => i.label === '–' && Math.abs(i.y - ref1.y) < 4); // F1 of sample 1
  await page.mouse.click(centre(cell).x, centre(cell).y);
  await page.waitForTimeout(80);
  for (const key of 'JJJNJEJJ') {
    await page.keyboard.press(key);
    await page.waitForTimeout(40);
  }
  await h.saved(page);
  const keyed = (await runOf(page)).body.urval.slice(0, 8).map((s) => s.svar.find((a) => a.fraga === first.body.fragor[0].id)?.svar);
  assert.deepEqual(keyed, ['ja', 'ja', 'ja', 'nej', 'ja', 'ej_aktuellt', 'ja', 'ja']);
  await h.find(page, 'Nej');
  await h.shot(page, 'ekrun-laptop-table');

  await page.reload();
  await h.waitReady(page);
  await openRun(page, LAPTOP_AT, 'Egenkontroller');
  await h.field(page, shown.label, LAPTOP_AT);
  await press(page, 'Dra ett slumpmässigt urval', LAPTOP_AT);
  await h.focus(page, 'Populationens referenser', LAPTOP_AT);
  await paste(page, population);
  await press(page, 'Dra igen med samma frö', LAPTOP_AT);
  // The samples have answers: the draw asks before it replaces them.
  await seen(page, /^Stickproven har redan svar\./, LAPTOP_AT);
  assert.deepEqual((await runOf(page)).body.urval.map((s) => s.referens), drawn, 'nothing replaced yet');
  await press(page, 'Dra och ersätt stickproven', LAPTOP_AT);
  const again = await runOf(page);
  assert.deepEqual(again.body.urval.map((s) => s.referens), drawn, 'the same seed drew the same references');
  assert.equal(again.body.dragning.fro, seed);
  assert.equal(again.body.dragning.fingeravtryck, first.body.dragning.fingeravtryck);
  assert.ok(again.body.urval.every((s) => s.svar.length === 0), 'the answers went with the old samples');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('a run of a planned check names its plan, opens it, and shows the check\'s results run by run', async () => {
  const plan = makeEgenkontrollPlan(7, 3, 2);
  const done = makeEgenkontrollRun(1, plan, 0, 20);
  Object.assign(done.body, { klar_datum: '2026-04-02', analys: 'Överlämningar missades under semestern.' });
  const open = makeEgenkontrollRun(2, plan, 0, 20, { done: false });
  const answers = done.body.urval.flatMap((s) => s.svar.map((a) => a.svar));
  const yes = answers.filter((a) => a === 'ja').length, no = answers.filter((a) => a === 'nej').length;
  const file = join(h.SHOTS, 'egenkontroll-plan-runs.json');
  await writeFile(file, exchangeFile([plan, done, open]));

  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Importera');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles(file);
  await h.click(page, 'Importera 3 dokument');
  await h.saved(page);
  await h.click(page, 'Egenkontroller');
  const row = await h.find(page, open.title);
  await page.mouse.move(centre(row).x, centre(row).y);
  await page.waitForTimeout(300);
  await h.click(page, open.title);
  await h.find(page, `Genomförande av ”${plan.body.kontroller[0].vad}” i ${plan.title}.`);
  const share = `${yes} av ${yes + no} = ${Math.round((100 * yes) / (yes + no))} %`;
  await seen(page, new RegExp(`^2026, ${done.body.period_till}: ${share}$`), LAPTOP_AT);
  assert.equal(await h.has(page, /\(den här\)$/), false, 'the open run is not in its check\'s history until it is done');
  await h.shot(page, 'ekrun-laptop-history');
  for (let i = 0; i < 15; ++i) { // back to the top of the run, where its plan is named
    await page.mouse.move(LAPTOP_AT.pane.x, LAPTOP_AT.pane.y);
    await page.mouse.wheel(0, -500);
    await page.waitForTimeout(60);
  }
  await h.click(page, 'Öppna egenkontrollplanen');
  await h.find(page, plan.title);
  assert.equal(await h.has(page, open.title), false, 'the plan is open instead of the run');
  assert.deepEqual(env.errors, []);
  await context.close();
});
