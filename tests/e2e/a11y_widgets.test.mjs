// The semantics layer's widgets as a screen reader and a keyboard meet them: dialogs and open lists
// keep the focus and give it back on Esc; the risk matrix is a grid whose cells say their scores in
// words and whose risks move with the arrow keys, the risks a crowded cell cannot show reached through
// its "+N"; fields carry their text, choices their state, a number's steps their purpose, the
// register its column headers; Esc out of a field leaves the focus on it; the live region says a
// save once; the person's setting for contrast is followed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { makeAnalysis, exchangeFile } from '../data/make_docs.mjs';
import { context, noViolations, axFind, axPress, focused, press, tabTo } from './ax.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');

// A new analysis with one risk from the library, by the accessibility tree and the keyboard.
async function analysisWithRisk(page) {
  await axPress(page, 'button', 'Riskanalyser');
  await axPress(page, 'button', 'Ny riskanalys');
  await axPress(page, 'button', 'Från riskbiblioteket');
  await axPress(page, 'button', 'Lägg till');
  await axPress(page, 'button', 'Klar – till analysen');
  await h.saved(page);
}

test('an open list and a dialog keep the focus inside, are named, and Esc gives the focus back to what opened them', async () => {
  const c = await context(env, h.LAPTOP);
  const page = await h.open(env, c);
  await analysisWithRisk(page);
  // The sort order's list: a listbox of options, the one in use selected.
  await axPress(page, null, /^Sortering/, null);
  const opener = await focused(page);
  await page.keyboard.press('Enter');
  await axFind(page, 'listbox', /^Sortering/);
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'option', null, { timeout: 5000 });
  const options = await page.evaluate(() => Array.from(document.querySelectorAll('[role=listbox] [role=option]'))
    .map((o) => [o.textContent, o.getAttribute('aria-selected')]));
  assert.ok(options.length >= 2, JSON.stringify(options));
  assert.equal(options.filter(([, s]) => s === 'true').length, 1, `one option selected: ${JSON.stringify(options)}`);
  await h.shot(page, 'a11y-widgets-listbox');
  await noViolations(page, 'the open list');
  for (let i = 0; i < options.length + 2; ++i) {
    await press(page, 'Tab');
    assert.ok((await focused(page)).dialog, `Tab ${i + 1} stays in the list`);
  }
  await press(page, 'Shift+Tab', options.length + 2);
  assert.ok((await focused(page)).dialog, 'Shift+Tab stays in the list');
  await press(page, 'Escape');
  await page.waitForFunction(() => !document.querySelector('[role=listbox]'), null, { timeout: 5000 });
  await page.waitForFunction((id) => Number(document.activeElement?.dataset?.kvhId) === id, opener.id, { timeout: 5000 });

  // Deleting asks in a modal dialog: named by its title, the rest inert; Esc answers no.
  await axPress(page, 'button', 'Tillbaka');
  await axPress(page, 'button', 'Ta bort', null);
  const remover = await focused(page);
  await page.keyboard.press('Enter');
  const dialog = await axFind(page, 'dialog', /Ta bort/);
  assert.ok(dialog.properties?.some((p) => p.name === 'modal' && p.value.value === true), 'aria-modal');
  await page.waitForFunction(() => document.activeElement?.closest('[role=dialog]'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.querySelector('#kvh-semantics > [data-kvh-group="0"]').inert), true);
  await h.shot(page, 'a11y-widgets-dialog');
  await noViolations(page, 'the delete dialog');
  for (let i = 0; i < 4; ++i) {
    await press(page, 'Tab');
    assert.ok((await focused(page)).dialog, `Tab ${i + 1} stays in the dialog`);
  }
  await press(page, 'Escape');
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'), null, { timeout: 5000 });
  await page.waitForFunction((id) => Number(document.activeElement?.dataset?.kvhId) === id, remover.id, { timeout: 5000 });
  assert.equal((await h.workspace(page)).documents.filter((d) => d.kind === 'riskanalys').length, 1, 'Esc deleted nothing');
  // The dialog opens on Avbryt: Enter pressed twice (a key held, a double press) deletes nothing.
  await page.keyboard.press('Enter');
  await axFind(page, 'dialog', /Ta bort/);
  await page.waitForFunction(() => document.activeElement?.closest('[role=dialog]'), null, { timeout: 5000 });
  assert.equal((await focused(page)).name, 'Avbryt', 'the safe choice has the focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'), null, { timeout: 5000 });
  assert.equal((await h.workspace(page)).documents.filter((d) => d.kind === 'riskanalys').length, 1, 'Enter on the opened dialog deleted nothing');
  // Deleting takes a deliberate step to the button that says so.
  await page.waitForFunction((id) => Number(document.activeElement?.dataset?.kvhId) === id, remover.id, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await axFind(page, 'dialog', /Ta bort/);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Avbryt', null, { timeout: 5000 });
  await press(page, 'Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ta bort dokumentet');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'), null, { timeout: 5000 });
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.filter((d) => d.kind === 'riskanalys').length, 0, 'deleted on purpose');
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('the risk matrix is a grid whose cells say their scores in words; a risk moves between cells with the arrow keys, one undoable edit each, said aloud', async () => {
  const c = await context(env, h.LAPTOP);
  const page = await h.open(env, c);
  await analysisWithRisk(page);
  await axPress(page, 'button', /^Risk 1: /);
  // The level pickers say which level is chosen.
  await axPress(page, 'button', '3 Stor');
  await tabTo(page, '4 Katastrofal');
  await press(page, 'Enter');
  await h.saved(page);
  const chosen = await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [aria-current=true]')).map((e) => e.textContent));
  assert.ok(chosen.includes('3 Stor') && chosen.includes('4 Katastrofal'), `current levels: ${chosen}`);
  let risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [3, 4]);
  await tabTo(page, 'Tillbaka till analysen', { back: true });
  await press(page, 'Enter');
  await axFind(page, 'grid', /^Risk före åtgärder/);
  await axFind(page, 'gridcell', 'Sannolikhet 3 Stor, konsekvens 4 Katastrofal, riskvärde 12 röd (mycket hög risk), 1 risk');
  await axFind(page, 'gridcell', 'Sannolikhet 4 Mycket stor, konsekvens 4 Katastrofal, riskvärde 16 röd (mycket hög risk), 0 risker');
  // The score in the list is said in words, not as a dash or a bare number.
  await axFind(page, null, 'Riskvärde 12, röd (mycket hög risk)');
  await noViolations(page, 'the analysis with its matrices');

  const marker = await axFind(page, 'button', /^Risk 1 /);
  await axPress(page, 'button', marker.name.value, null);
  const before = await focused(page);
  await h.shot(page, 'a11y-matrix-marker-focused');
  await press(page, 'ArrowUp');
  await h.saved(page);
  risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [4, 4], 'Up: one level more likely');
  await axFind(page, 'gridcell', 'Sannolikhet 4 Mycket stor, konsekvens 4 Katastrofal, riskvärde 16 röd (mycket hög risk), 1 risk');
  assert.equal((await focused(page)).id, before.id, 'the risk keeps the focus in its new cell');
  assert.match(await page.evaluate(() => document.activeElement.closest('[role=gridcell]')?.getAttribute('aria-label') ?? ''), /^Sannolikhet 4 Mycket stor/);
  await page.waitForFunction(() => /Risk 1 flyttad: Sannolikhet 4 Mycket stor, konsekvens 4 Katastrofal, riskvärde 16 röd \(mycket hög risk\), 1 risk/
    .test(document.getElementById('kvh-live').textContent), null, { timeout: 5000 });
  await h.shot(page, 'a11y-matrix-marker-moved');
  await press(page, 'ArrowLeft');
  await press(page, 'ArrowLeft');
  await h.saved(page);
  risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [4, 2], 'Left twice: two levels less severe');
  await press(page, 'ArrowUp'); // already at the top: nothing changes
  await press(page, 'Control+z');
  await h.saved(page);
  risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [4, 3], 'one undo takes back one move');
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('the risks a crowded cell of the matrix cannot show are reached from its "+N" by the keyboard, which shows them in the list', async () => {
  const c = await context(env, h.LAPTOP);
  const page = await h.open(env, c);
  const doc = makeAnalysis(7, 14, 0);
  for (const r of doc.body.risker) Object.assign(r, { sannolikhet: 3, konsekvens: 4, rest_sannolikhet: 1, rest_konsekvens: 1 });
  const file = join(h.SHOTS, 'crowded.json');
  await writeFile(file, exchangeFile([doc]));
  await axPress(page, 'button', 'Importera');
  const chooser = page.waitForEvent('filechooser');
  await axPress(page, 'button', 'Välj fil…');
  await (await chooser).setFiles(file);
  await axPress(page, 'button', 'Importera 1 dokument');
  await h.saved(page);
  await axPress(page, 'button', 'Riskanalyser');
  await axPress(page, 'button', doc.title);
  // The cell shows as many markers as fit; the rest are behind "+N", a button of its own.
  const more = await axFind(page, 'button', /^\d+ risker till i rutan: visa rutans 14 risker i listan$/);
  const hidden = Number(more.name.value.split(' ')[0]);
  assert.ok(hidden > 0 && hidden < 14, `some risks are behind +N (${hidden})`);
  assert.equal(await h.has(page, 'Risk 14'), false, 'risk 14 has no marker of its own in the matrix');
  await h.shot(page, 'a11y-widgets-crowded-cell');
  assert.equal(await h.has(page, 'Visar S3 × K4 – visa alla'), false);
  await axPress(page, 'button', more.name.value);
  await h.find(page, 'Visar S3 × K4 – visa alla');
  // The list now holds the cell's risks, the hidden ones too, each reachable with Tab.
  const reached = await tabTo(page, /^Risk 14: /);
  assert.equal(reached.name, `Risk 14: ${doc.body.risker[13].beskrivning}`);
  await h.shot(page, 'a11y-widgets-crowded-reached');
  await noViolations(page, 'the crowded matrix');
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('a field carries its text and Esc leaves the focus on it (Enter takes it up again); choices say their state; the save is said once', async () => {
  const c = await context(env, h.LAPTOP);
  const page = await h.open(env, c);
  await axPress(page, 'button', 'Riskanalyser');
  await axPress(page, 'button', 'Ny riskanalys');
  await axPress(page, 'textbox', 'Titel', null);
  await h.agentFocused(page, true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Läkemedel i hemtjänsten', { delay: 30 });
  await press(page, 'Escape');
  await h.agentFocused(page, false);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Titel', null, { timeout: 5000 });
  const field = await focused(page);
  assert.equal(field.tag, 'INPUT');
  assert.equal(field.value, 'Läkemedel i hemtjänsten', 'the field carries its text');
  await h.shot(page, 'a11y-widgets-field-left');
  await press(page, 'Enter');
  await h.agentFocused(page, true);
  await press(page, 'End'); // taken up again with its text selected, as Tab into a field does
  await page.keyboard.type(' 2026', { delay: 30 });
  await press(page, 'Escape');
  await h.saved(page);
  assert.equal((await analysis(page)).title, 'Läkemedel i hemtjänsten 2026');
  // The live region: the save state comes to rest once, said once, however many steps it passed.
  await page.waitForFunction(() => /Allt är sparat/.test(document.getElementById('kvh-live').textContent), null, { timeout: 5000 });
  const live = await page.evaluate(() => document.getElementById('kvh-live').textContent);
  assert.equal(live.match(/sparat|Sparar|väntar/gi).length, 1, `the live region: ${live}`);
  // The confirmation that the analysis was made goes when its time is up, and leaves the live region
  // once that has settled (1.2 s): a change, before the frames that change nothing.
  for (let i = 0; i < 200 && (await h.has(page, /skapades/)); ++i) await page.waitForTimeout(100);
  await page.waitForTimeout(1600);
  const mutations = await page.evaluate(() => new Promise((done) => {
    let n = 0;
    new MutationObserver((l) => { n += l.length; }).observe(document.getElementById('kvh-live'), { subtree: true, childList: true, characterData: true });
    window.kvhTest.requestFrames(30);
    setTimeout(() => done(n), 2000);
  }));
  assert.equal(mutations, 0, 'frames that change nothing say nothing');

  // A number's step buttons are named for what they step, not "minus" and "plus", and step it.
  await axPress(page, 'button', 'Åtgärder');
  await axPress(page, 'button', 'Ny åtgärdsplan');
  const plan = async () => (await h.workspace(page)).documents.find((d) => d.kind === 'atgardsplan');
  await h.saved(page);
  const year = (await plan()).year;
  await axPress(page, 'button', 'År: öka');
  await axPress(page, 'button', 'År: öka', ' ');
  await axPress(page, 'button', 'År: minska');
  await h.saved(page);
  assert.equal((await plan()).year, year + 1);

  // The side bar says which screen is shown; a check box its state.
  const current = await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [aria-current=true]')).map((e) => e.textContent));
  assert.deepEqual(current, [], 'no screen is current while a document is open');
  await axPress(page, 'button', 'Inställningar');
  await axFind(page, 'radio', 'Svenska');
  const radios = await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [role=radio]')).map((e) => [e.textContent, e.getAttribute('aria-checked')]));
  assert.deepEqual(radios.filter(([, v]) => v === 'true').map(([n]) => n), ['Svenska', 'Samma som enheten'], JSON.stringify(radios));
  assert.deepEqual(await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [aria-current=true]')).map((e) => e.textContent)), ['Inställningar']);
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('the register is a table with column headers, and the About screen holds the accessibility statement in Swedish and English', async () => {
  const c = await context(env, h.LAPTOP);
  const page = await h.open(env, c);
  await analysisWithRisk(page);
  await axPress(page, 'button', /^Risk 1: /);
  await tabTo(page, 'Lägg till åtgärd');
  await press(page, 'Enter');
  await h.saved(page);
  await axPress(page, 'button', 'Åtgärder');
  await axFind(page, 'columnheader', 'Ansvarig');
  const headers = await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [role=table] [role=columnheader]')).map((e) => e.textContent));
  assert.ok(headers.length >= 6, `column headers: ${headers}`);
  assert.ok(headers.includes('Ansvarig') && headers.includes('Status'), `column headers: ${headers}`);
  const rows = await page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [role=table] [role=row]')).length);
  assert.ok(rows >= 2, `a header row and a row per action: ${rows}`);
  // The header the rows are sorted by says how (aria-sort), the others nothing; a header pressed with
  // Enter sorts by its column, pressed again the other way.
  const sorts = () => page.evaluate(() => Array.from(document.querySelectorAll('#kvh-semantics [role=columnheader][aria-sort]'))
    .map((e) => [e.textContent, e.getAttribute('aria-sort')]));
  assert.deepEqual(await sorts(), [['Källa', 'ascending']]);
  await axPress(page, 'button', 'Klart senast');
  await page.waitForFunction(() => document.querySelector('#kvh-semantics [role=columnheader][aria-sort]')?.textContent === 'Klart senast', null, { timeout: 5000 });
  assert.deepEqual(await sorts(), [['Klart senast', 'ascending']]);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('#kvh-semantics [role=columnheader][aria-sort]')?.getAttribute('aria-sort') === 'descending', null, { timeout: 5000 });
  assert.deepEqual(await sorts(), [['Klart senast', 'descending']]);
  await axFind(page, 'columnheader', 'Klart senast');
  await noViolations(page, 'Åtgärder');

  await axPress(page, 'button', 'Om Kvalitetshjul');
  await axFind(page, 'heading', 'Tillgänglighetsredogörelse');
  for (const h2 of ['Hur tillgänglig är appen?', 'Det här fungerar', 'Innehåll som inte är tillgängligt', 'Hur vi testat appen',
    'Rapportera brister']) await axFind(page, 'heading', h2);
  await axFind(page, null, /lagen \(2018:1937\)/);
  await axFind(page, null, /delvis förenlig med lagen/);
  // The supervision and the statement's date are at its end, below the fold: what is not drawn is
  // not in the tree.
  await page.mouse.move(900, 500);
  for (let i = 0; i < 8; ++i) { await page.mouse.wheel(0, 400); await page.waitForTimeout(60); }
  await axFind(page, 'heading', 'Tillsyn');
  await axFind(page, null, /tdosanmalan/);
  await axFind(page, null, /^Redogörelsen gjordes den \d+ \w+ \d{4} och uppdaterades senast den \d+ \w+ \d{4}/);
  await h.shot(page, 'a11y-about-statement');
  await noViolations(page, 'Om Kvalitetshjul');
  await axPress(page, 'button', 'Inställningar');
  await axPress(page, 'radio', 'English', ' ');
  await axPress(page, 'button', 'About Kvalitetshjul');
  await axFind(page, 'heading', 'Accessibility statement');
  await axFind(page, null, /partially compliant with the law/);
  await h.shot(page, 'a11y-about-statement-en');
  assert.deepEqual(env.errors, []);
  await c.close();
});

// The colour of the screenshot's pixel at (x, y), as 0xRRGGBB.
async function pixel(page, x, y) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ([b64, px, py]) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const [r, gr, b] = g.getImageData(px, py, 1, 1).data;
    return (r << 16) | (gr << 8) | b;
  }, [png, x, y]);
}

test('prefers-contrast: more gives the high-contrast theme, which axe finds no fault in', async () => {
  for (const contrast of ['no-preference', 'more']) {
    const c = await env.browser.newContext({ ...h.LAPTOP, bypassCSP: true, contrast });
    const page = await h.open(env, c);
    await h.find(page, 'Översikt');
    await page.waitForTimeout(300);
    const ground = await pixel(page, 1300, 740);
    if (contrast === 'more') {
      assert.equal(ground, 0x000000, 'the high-contrast ground');
      await h.shot(page, 'a11y-prefers-contrast-more');
      await noViolations(page, 'Översikt in high contrast');
    } else {
      assert.notEqual(ground, 0x000000, 'the light ground');
    }
    await c.close();
  }
});
