// Årlig genomgång as a kvalitetssamordnare makes one: a year of real documents imported, a review
// created for a year and a scope, requirements assessed with mixed verdicts and evidence typed key by
// key beside the numbers the workspace gives, a number followed to the documents behind it, a reload
// half-way that loses nothing, the nämnd's summary with a focus area made an action, the
// kvalitetsberättelse printed to PDF by Chromium and read back page by page (every verdict and table
// there, a title of markup printed as text), and next year's review started from this one. Then the
// review and the berättelse at phone and projector size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';
import { exchangeFile, makeReviewYear, REVIEW_MARKUP_TITLE } from '../data/make_docs.mjs';

let env, dataFile;
before(async () => {
  env = await h.start();
  dataFile = join(h.SHOTS, 'review-year.json');
  await writeFile(dataFile, exchangeFile(makeReviewYear()));
});
after(async () => { await env.stop(); });

const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const reviews = async (page) => (await h.workspace(page)).documents.filter((d) => d.kind === 'arlig_genomgang')
  .sort((a, b) => a.year - b.year);
const item = (review, ref, start = '') =>
  review.body.krav.find((k) => k.hanvisning === ref && k.text.startsWith(start));
const agentFocused = (page, yes) =>
  page.waitForFunction((yes) => (document.activeElement?.id === 'kvh-text-agent') === yes, yes, { timeout: 30000 });

// On a laptop the requirements and the open one are panes of their own under the review's header:
// the wheel over a pane scrolls the pane, over the page's scroll bar the page.
const LIST = { x: 300, y: 500 }, EDITOR = { x: 1000, y: 420 }, PAGE = { x: 1366 - 21, y: 400 };

// Scrolls the pane under `at` with the wheel until the last item called `label` is wholly in view;
// when the pane can go no further, the page.
async function inView(page, label, at = EDITOR) {
  const match = (i) => (label instanceof RegExp ? label.test(i.label) : i.label === label);
  const last = async () => (await h.items(page)).filter(match).at(-1);
  let before;
  const trace = [];
  for (let i = 0; i < 60; ++i) {
    const seen = await last();
    trace.push(seen ? Math.round(seen.y) : '-');
    if (seen && seen.y >= 40 && seen.y + seen.h <= page.viewportSize().height - 40) {
      await page.waitForTimeout(150);
      return last();
    }
    // The page too, now and then: a pane's far end may lie below the screen.
    const stuck = (seen && before && seen.y === before.y) || (!seen && i % 4 === 3);
    const where = stuck ? PAGE : at;
    // Moved a little each time: ImGui keeps sending the wheel to the pane it last scrolled while the
    // pointer rests.
    await page.mouse.move(where.x, where.y + (i % 2 ? 10 : -10));
    // What is out of view is not drawn: ahead first, then back.
    const up = seen ? seen.y < 40 : i >= 30;
    await page.mouse.wheel(0, up ? -150 : 150);
    await page.waitForTimeout(60);
    before = seen;
  }
  await h.shot(page, 'annual-review-not-in-view');
  throw new Error(`"${label}" not brought into view (${trace.join(' ')})`);
}

async function toTop(page, at = PAGE) {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 12; ++i) await page.mouse.wheel(0, -600);
  await page.waitForTimeout(200);
}

async function press(page, label, at) {
  const b = await inView(page, label, at);
  await page.mouse.move(centre(b).x, centre(b).y);
  await page.waitForTimeout(60);
  await page.mouse.click(centre(b).x, centre(b).y);
  await page.waitForTimeout(60);
}

// Clicks the field and types one key at a time; a text area is left with Esc (Enter is a new line).
async function type(page, label, text, { leave = 'Enter', select = false, at } = {}) {
  const f = await inView(page, label, at);
  await page.mouse.click(f.x + Math.min(30, f.w / 2), centre(f).y); // a number's buttons are at its end
  await agentFocused(page, true);
  if (select) await page.keyboard.press('Control+a');
  for (const ch of text) {
    await page.keyboard.type(ch, { delay: 15 });
    await page.waitForTimeout(15);
  }
  await page.keyboard.press(leave);
  await agentFocused(page, false);
  await h.saved(page);
}

// A choice is the box right under its caption, named by it.
async function choose(page, caption, value, at) {
  const c = await inView(page, caption, at);
  const box = (await h.items(page)).find((i) => i.label === caption && i.interactive && i.y >= c.y - 60);
  assert.ok(box, `the choice under "${caption}"`);
  await page.mouse.click(centre(box).x, centre(box).y);
  await h.click(page, value);
  await h.saved(page);
}

async function importYear(page, go = h.click) {
  await go(page, 'Importera');
  const chooser = page.waitForEvent('filechooser');
  await go(page, 'Välj fil…');
  await (await chooser).setFiles(dataFile);
  await go(page, 'Importera 6 dokument');
  await h.saved(page);
}

// After a reload a quick click on a list row can come before the frame that sees the pointer over it.
async function openReview(page, title) {
  await h.click(page, 'Årlig genomgång');
  await press(page, title, LIST);
  await h.find(page, /^Bedömda krav: /);
}

async function assess(page, row, verdict, evidence) {
  await toTop(page, LIST);
  await press(page, row, LIST);
  await choose(page, 'Bedömning', verdict);
  if (evidence) await type(page, 'Underlag – vad visar att kravet är uppfyllt?', evidence, { leave: 'Escape' });
}

const EVIDENCE = [
  'Riskanalyser: 3', 'Med alla röda eller katastrofala risker hanterade: 2', 'Med röda eller katastrofala risker utan åtgärd: 1',
  'Planerade kontrolltillfällen: 4', 'Genomförda kontrolltillfällen: 1', 'Försenade kontrolltillfällen: 3',
  'Dokumenterade egenkontroller: 1', 'Följsamhet i de dokumenterade egenkontrollerna: 58 av 60 = 97 %',
  'Åtgärder: 4', 'Genomförda åtgärder: 3', 'Uppföljda åtgärder: 2', 'Genomförda utan uppföljning: 1',
  'Uppföljda samma dag som de genomfördes: 1', 'Försenade åtgärder: 1'];

test('on a laptop, a review with mixed verdicts and the year\'s numbers becomes a printed berättelse, and next year starts from it', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, context);
  await importYear(page);

  // A review for 2026 at the level of the förvaltning: its numbers come from every unit.
  await h.click(page, 'Årlig genomgång');
  await h.click(page, 'Ny årlig genomgång');
  await h.find(page, 'Nivå för genomgången');
  const TITLE = 'Årlig genomgång 2026 Socialnämnden';
  await type(page, 'Titel', TITLE, { select: true });
  await type(page, 'Enhet/verksamhet', 'Socialnämnden');
  await type(page, 'År', '2026', { select: true });
  await choose(page, 'Nivå för genomgången', 'Förvaltning');
  await h.find(page, 'Underlaget hämtas från alla enheters dokument för 2026.');
  await h.find(page, /^Kravmall: SOSFS 2011:9 .*, version 2026-1$/);
  await h.find(page, 'Bedömda krav: 0 av 23');
  let [review] = await reviews(page);
  assert.equal(review.body.niva, 'forvaltning');
  assert.equal(review.body.mallversion, '2026-1');
  assert.equal(review.body.krav.length, 23);

  // Every number of the year, as the documents give them.
  await h.click(page, 'Sammanfattning och beslut');
  for (const label of EVIDENCE) await inView(page, label);
  await h.shot(page, 'laptop-review-summary');
  await toTop(page);
  await h.click(page, 'Krav (23)');

  // 5 kap. 1 §: partly met; its numbers beside it, and the one falling short opens its analysis.
  await assess(page, /^5 kap\. 1 §: /, 'Uppfyller delvis', 'Tre riskanalyser; nattbemanningens röda risk saknar åtgärd.');
  await h.find(page, '5 kap. 1 § – Riskanalyser');
  await inView(page, 'Riskanalyser: 3');
  assert.equal(await h.has(page, 'Åtgärder: 4'), false, 'only the evidence that supports it');
  await h.shot(page, 'laptop-review-item');
  await press(page, 'Med röda eller katastrofala risker utan åtgärd: 1');
  await h.click(page, 'Riskanalys nattbemanning · Hemtjänst Norra');
  await h.find(page, 'Riskanalys nattbemanning');
  await h.find(page, /^Risk 1: /);
  // Tillbaka returns to the review where the person was, not to the list of analyses.
  await h.click(page, 'Tillbaka');
  await h.find(page, /^Bedömda krav: /);
  await h.find(page, '5 kap. 1 § – Riskanalyser');
  assert.equal(await h.has(page, 'Ny riskanalys'), false, 'not the list of analyses');

  await assess(page, /^5 kap\. 2 §: Egenkontroll görs/, 'Uppfyller inte', 'Tre av fyra planerade kontroller är inte gjorda.');
  await inView(page, 'Följsamhet i de dokumenterade egenkontrollerna: 58 av 60 = 97 %');
  await assess(page, /^3 kap\. 1 §: /, 'Uppfyller', 'Ledningssystemet fastställdes av nämnden i februari.');
  for (const label of ['Riskanalyser: 3', 'Planerade kontrolltillfällen: 4', 'Åtgärder: 4']) await inView(page, label);

  // Half-way the page is reloaded: every verdict and every key typed is there.
  await page.reload();
  await h.waitReady(page);
  [review] = await reviews(page);
  assert.deepEqual([item(review, '5 kap. 1 §').bedomning, item(review, '5 kap. 2 §', 'Egenkontroll görs').bedomning,
                    item(review, '3 kap. 1 §').bedomning], ['uppfyller_delvis', 'uppfyller_inte', 'uppfyller']);
  assert.equal(item(review, '3 kap. 1 §').underlag, 'Ledningssystemet fastställdes av nämnden i februari.');
  await openReview(page, TITLE);
  await h.find(page, 'Bedömda krav: 3 av 23 · Uppfyller: 1 · Uppfyller delvis: 1 · Uppfyller inte: 1');
  // Under way, the review's particulars are one line, every field a press away.
  await h.find(page, 'Nivå: Förvaltning · kravmallens version 2026-1');
  assert.equal(await h.has(page, 'Nivå för genomgången'), false, 'the level choice is folded away');
  await h.shot(page, 'laptop-review-compact');
  await h.click(page, 'Visa uppgifter om genomgången');
  await h.find(page, 'Nivå för genomgången');
  await h.find(page, /^Kravmall: SOSFS 2011:9 .*, version 2026-1$/);
  await h.click(page, 'Dölj uppgifterna');
  await h.find(page, 'Nivå: Förvaltning · kravmallens version 2026-1');
  await inView(page, '5 kap. 2 § · Uppfyller inte', LIST);

  await assess(page, /^4 kap\. 5 §: /, 'Ej tillämpligt');
  // 5 kap. 7 §: an action of its own in the shared editor; the follow-up it lacks is in the numbers.
  await assess(page, /^5 kap\. 7 §: /, 'Uppfyller delvis', 'En åtgärd saknar uppföljning.');
  await press(page, 'Genomförda utan uppföljning: 1');
  await h.find(page, 'Inför dubbelsignering av läkemedel');
  await openReview(page, TITLE);
  await press(page, 'Lägg till åtgärd');
  await type(page, 'Vad ska göras?', 'Följ upp varje genomförd åtgärd inom tre månader');
  [review] = await reviews(page);
  assert.equal(item(review, '5 kap. 7 §').atgarder[0].vad, 'Följ upp varje genomförd åtgärd inom tre månader');

  // The nämnd's summary: overall verdict, a focus area for next year made an action, the decision.
  await toTop(page);
  await h.click(page, 'Sammanfattning och beslut');
  await inView(page, 'Åtgärder: 5'); // the review's own action is one of the year's
  await choose(page, 'Förvaltningens samlade bedömning', 'Uppfyller delvis'); // the review's level
  await type(page, 'Nytt fokusområde', 'Riskanalyser i alla enheter', { leave: 'Escape' });
  await press(page, 'Lägg till fokusområdet');
  await h.saved(page);
  await press(page, 'Gör fokusområdet till en åtgärd (Fokusområde 1)');
  await h.find(page, '”Riskanalyser i alla enheter” är nu en åtgärd under SKR:s vägledning 2012.');
  await inView(page, 'Åtgärd under SKR:s vägledning 2012: Riskanalyser i alla enheter');
  // Reworded, the focus area keeps its action (known by id, not by its words): none is offered again.
  const FOCUS = 'Riskanalyser i alla enheter och verksamheter';
  await type(page, 'Fokusområde 1', FOCUS, { leave: 'Escape', select: true });
  assert.equal(await h.has(page, /^Gör fokusområdet till en åtgärd/), false, 'a reworded focus area is still an action');
  await inView(page, 'Åtgärd under SKR:s vägledning 2012: Riskanalyser i alla enheter');
  await press(page, 'Öppna åtgärden (Fokusområde 1)');
  // The requirement it is under opens beside the list (its help names the nämnd's focus areas).
  await h.find(page, /^Det här brukar visa att kravet är uppfyllt: Protokollsutdrag från nämnden med beslut om genomgången och fokusområdena/);
  // The action deleted there, the focus area may become one again (once).
  await press(page, 'Ta bort åtgärden');
  await h.saved(page);
  await toTop(page);
  await h.click(page, 'Sammanfattning och beslut');
  await press(page, 'Gör fokusområdet till en åtgärd (Fokusområde 1)');
  await h.find(page, `”${FOCUS}” är nu en åtgärd under SKR:s vägledning 2012.`);
  await inView(page, `Åtgärd under SKR:s vägledning 2012: ${FOCUS}`);
  assert.equal(await h.has(page, /^Gör fokusområdet till en åtgärd/), false, 'made once');
  await type(page, 'Beslutad av (nämnd eller utskott)', 'Socialnämnden');
  await type(page, 'Beslutsdatum', '2027-02-20');
  await type(page, 'Paragraf i protokollet (§)', '§ 14');
  [review] = await reviews(page);
  assert.deepEqual([review.body.helhetsbedomning, review.body.fokusomraden, review.body.beslutad_av,
                    review.body.beslutsdatum, review.body.paragraf],
                   ['uppfyller_delvis', [{ text: FOCUS, atgard: item(review, 'SKR:s vägledning 2012').atgarder[0].id }],
                    'Socialnämnden', '2027-02-20', '§ 14']);
  assert.equal(item(review, 'SKR:s vägledning 2012').atgarder.length, 1);
  assert.equal(item(review, 'SKR:s vägledning 2012').atgarder[0].vad, FOCUS);

  // The berättelse: the cover, one section's narrative, what is still missing.
  await toTop(page);
  await h.click(page, 'Kvalitetsberättelse');
  await h.find(page, 'Kvalitetsberättelse 2026');
  await h.find(page, /^\d+ punkter att komplettera$/);
  await type(page, 'Kommun', 'Exempelkommun');
  await type(page, 'Diarienummer', 'SN 2027/14');
  await type(page, 'Upprättad av', 'Eva Lind, kvalitetssamordnare');
  const NARRATIVE = 'Varje enhet gjorde en riskanalys inför sommaren.';
  await inView(page, 'Att komplettera: Planerad egenkontroll utan utfall: Social dokumentation 1 (jul)');
  await type(page, 'Förvaltningens arbete – Riskanalyser', NARRATIVE, { leave: 'Escape' });
  [review] = await reviews(page);
  assert.equal(review.body.berattelse.riskanalys, NARRATIVE);
  await h.shot(page, 'laptop-berattelse');

  // Printed to PDF by Chromium, pages to PNG, the text read back.
  await toTop(page);
  const dialogs = [];
  const popup = context.waitForEvent('page');
  await h.click(page, 'Skriv ut / spara som PDF');
  const report = await popup;
  report.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await report.waitForLoadState();
  assert.equal(await report.locator('img').count(), 0, 'the markup in a title is not an image');
  const pdf = join(h.SHOTS, 'berattelse.pdf');
  await report.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await report.close();
  const prefix = join(h.SHOTS, 'berattelse-page');
  for (const f of await readdir(h.SHOTS)) if (f.startsWith('berattelse-page')) await rm(join(h.SHOTS, f));
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
  const pages = (await readdir(h.SHOTS)).filter((f) => f.startsWith('berattelse-page') && f.endsWith('.png'));
  assert.ok(pages.length >= 12, `a cover, contents and a page per section (${pages.length} pages)`);
  // Case aside: the cover prints the title in capitals.
  const printed = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ').toLocaleLowerCase('sv');
  const expected = [
    'Kvalitetsberättelse 2026', TITLE, 'Exempelkommun', 'SN 2027/14', 'Eva Lind, kvalitetssamordnare', 'Innehåll', 'Sida 2',
    // every verdict given, and the ones not given
    'Bedömning: Uppfyller delvis', 'Bedömning: Uppfyller inte', 'Ej tillämpligt', 'Ej bedömt',
    // the requirements' table, and what was typed into it
    'Hänvisning', 'Underlag', '5 kap. 1 §', 'Ledningssystemet fastställdes av nämnden i februari.', NARRATIVE,
    // the risk analyses' table
    'Alla röda eller katastrofala risker hanterade', 'Riskanalys inför sommaren', 'Riskanalys nattbemanning', REVIEW_MARKUP_TITLE,
    '3 riskanalyser, varav 2 med alla röda eller katastrofala risker hanterade',
    // the egenkontroller's table
    'Följsamhet', 'Social dokumentation 1', 'Avvikelser 2', '58 av 60 = 97 %',
    // the actions' table with their follow-up
    'Klart senast', 'Inför dubbelsignering av läkemedel', 'Utbilda nattpersonalen i larmrutinen',
    'Ta fram en rutin för nyckelhantering', 'Alla har gått utbildningen.', 'Riskanalyser i alla enheter',
    // the decision
    'Beslut', 'Förvaltningens samlade bedömning', 'Förvaltningens arbete', '2027-02-20', '§ 14'];
  for (const text of expected)
    assert.ok(printed.includes(text.toLocaleLowerCase('sv')), `the printed berättelse holds "${text}"`);
  assert.match(printed, /bedömning: uppfyller(?! delvis| inte)/, 'the section whose requirements are met');
  assert.ok(!printed.includes('nämndens'), 'a förvaltning\'s berättelse names no nämnd as its author');
  assert.deepEqual(dialogs, []);

  // Downloaded as HTML: the same document, the markup escaped.
  const download = page.waitForEvent('download');
  await h.click(page, 'Ladda ned HTML');
  const file = await download;
  assert.equal(file.suggestedFilename(), `${TITLE}.html`);
  const saved = join(h.SHOTS, 'berattelse.html');
  await file.saveAs(saved);
  const html = await readFile(saved, 'utf8');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(html.includes('<img'), false);

  // Downloaded as Word, for the nämnd's secretary: pandoc reads back every heading, verdict and cell
  // (-s: with the document's title, which pandoc otherwise keeps as metadata).
  const wordDownload = page.waitForEvent('download');
  await h.click(page, 'Ladda ned Word (.docx)');
  const word = await wordDownload;
  assert.equal(word.suggestedFilename(), `${TITLE}.docx`);
  const docx = join(h.SHOTS, 'berattelse.docx');
  await word.saveAs(docx);
  const read = execFileSync('pandoc', ['-s', '-f', 'docx', '-t', 'plain', '--wrap=none', docx]).toString('utf8')
    .replace(/\s+/g, ' ').toLocaleLowerCase('sv');
  for (const text of expected.filter((t) => !/^Sida \d/.test(t) && t !== 'Innehåll'))
    assert.ok(read.includes(text.toLocaleLowerCase('sv')), `the Word file holds "${text}"`);
  assert.ok(read.includes('<img src=x onerror=alert(1)>'), 'the markup in a title is text in Word too');

  // Next year: a new review of the same förvaltning starts from this one.
  await h.click(page, 'Tillbaka till genomgången');
  await toTop(page);
  await h.click(page, 'Tillbaka');
  await h.click(page, 'Ny årlig genomgång');
  await h.find(page, 'Nivå för genomgången');
  await type(page, 'Enhet/verksamhet', 'Socialnämnden');
  await type(page, 'År', '2027', { select: true });
  assert.equal(await h.has(page, 'Utgå från förra årets genomgång'), false, 'not of another level');
  await choose(page, 'Nivå för genomgången', 'Förvaltning');
  await h.find(page, `Jämförs med förra årets genomgång: ${TITLE} (2026)`);
  await h.click(page, 'Utgå från förra årets genomgång');
  await h.find(page, `Genomgången utgår nu från ”${TITLE}”. Bedöm varje krav på nytt; förra årets bedömning står bredvid.`);
  await h.saved(page);
  const [last, next] = await reviews(page);
  assert.equal(next.year, 2027);
  assert.equal(next.body.foregaende, last.id);
  assert.ok(next.body.krav.every((k) => k.bedomning === 'ej_bedomt' && k.underlag === ''), 'verdicts are made anew');
  assert.equal(next.body.kommun, 'Exempelkommun');
  await toTop(page, LIST);
  await inView(page, /^5 kap\. 1 § · Ej bedömt \(förra året: Uppfyller delvis/, LIST);
  await assess(page, /^5 kap\. 1 §: /, 'Uppfyller');
  await inView(page, 'Bedömning förra året: Uppfyller delvis');
  await h.find(page, 'Underlag förra året: Tre riskanalyser; nattbemanningens röda risk saknar åtgärd.');
  await h.find(page, 'Ändrad bedömning: Uppfyller delvis förra året, Uppfyller i år.');
  await h.shot(page, 'laptop-review-next-year');
  assert.equal(await h.has(page, 'Utgå från förra årets genomgång'), false, 'started once');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('the review, a requirement and the berättelse fit a phone and a projector at 200 %', async () => {
  for (const [name, device] of [['phone', h.PHONE], ['projector', h.PROJECTOR]]) {
    const context = await env.browser.newContext(device);
    const page = await h.open(env, context);
    const touch = name === 'phone';
    const go = touch ? h.tap : h.click;
    const at = { x: page.viewportSize().width * 0.5, y: page.viewportSize().height * 0.6 };
    const bring = async (label) => {
      const b = await h.reveal(page, label, at, { touch });
      if (touch) await page.touchscreen.tap(centre(b).x, centre(b).y);
      else await page.mouse.click(centre(b).x, centre(b).y);
      await page.waitForTimeout(80);
    };
    const within = async (what) => {
      const width = page.viewportSize().width, height = page.viewportSize().height;
      for (const i of (await h.items(page)).filter((it) => it.label && it.y >= 0 && it.y < height))
        assert.ok(i.x + i.w <= width + 1, `${what}: "${i.label}" within the screen (${i.x}+${i.w} > ${width})`);
      if (touch) {
        // Targets wholly in the scrolled content: one cut by the top bar or the tabs is as tall as it shows.
        const all = await h.items(page);
        const pane = all.find((it) => /##content/.test(it.label));
        for (const i of all.filter((it) => it.interactive && it.y > pane.y + 1 && it.y + it.h < pane.y + pane.h - 1))
          assert.ok(i.h >= 44, `${what}: "${i.label}" is a 44 px target (${i.h})`);
      }
    };
    if (!touch) {
      await h.click(page, 'Inställningar');
      for (let z = 100; z < 200; z += 25) await h.click(page, '+');
      await h.find(page, '200 %');
    }
    await importYear(page, go);
    await go(page, touch ? 'Genomgång' : 'Årlig genomgång');
    await go(page, 'Ny årlig genomgång');
    await h.reveal(page, 'Nivå för genomgången', at, { touch });
    await h.shot(page, `${name}-review`);
    await within('the review');
    // Back to the top of what is shown: a finger drags the page down, the wheel rolls up.
    const top = async () => {
      for (let i = 0; i < 8; ++i) {
        if (touch) await h.drag(page, { x: 200, y: 250 }, { x: 200, y: 650 }, { steps: 12 });
        else { await page.mouse.move(at.x, at.y); await page.mouse.wheel(0, -600); }
      }
      await page.waitForTimeout(touch ? 900 : 200);
    };
    await bring(/^5 kap\. 1 §: /);
    await h.find(page, '5 kap. 1 § – Riskanalyser');
    await top();
    await h.find(page, 'Tillbaka till genomgången');
    await h.reveal(page, 'Riskanalyser: 3', at, { touch });
    await h.shot(page, `${name}-review-item`);
    await within('a requirement');
    await top();
    await bring('Tillbaka till genomgången');
    await bring('Kvalitetsberättelse');
    await h.find(page, /^Kvalitetsberättelse \d{4}$/);
    await h.shot(page, `${name}-berattelse`);
    await within('the berättelse');
    await h.reveal(page, 'Nämndens arbete – Egenkontroller', at, { touch });
    await h.shot(page, `${name}-berattelse-section`);
    await within('a section of the berättelse');
    assert.deepEqual(env.errors, []);
    await context.close();
  }
});
