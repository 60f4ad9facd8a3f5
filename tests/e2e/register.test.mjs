// The Åtgärder register as people use it: actions written on risks in a risk analysis show up in the
// register, which is filtered to what is overdue and exported as a CSV for Excel holding just those;
// the overview's count opens the same list; on a phone a card's status is changed with a thumb (a
// refused change says why), and an action is closed with a follow-up verdict. Seen at phone, laptop
// and projector sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');

async function newAnalysis(page, touch) {
  const go = touch ? h.tap : h.click;
  await go(page, touch ? 'Risker' : 'Riskanalyser');
  await go(page, 'Ny riskanalys');
  await h.find(page, 'Från riskbiblioteket');
}

// A new risk with one action, its fields typed as a person does (a field left with Enter).
async function riskWithAction(page, where, fields) {
  const go = where.touch ? h.tap : h.click;
  await go(page, 'Ny risk');
  const heading = await h.find(page, /^Risk \d+ av \d+$/);
  // Down past the scores to the actions (on a phone a long way: the pickers are large), the wheel
  // over the risk editor's own pane.
  const at = where.touch ? { x: 200, y: 600 } : { x: centre(heading).x, y: 420 };
  const add = await h.reveal(page, 'Lägg till åtgärd', at, { touch: where.touch });
  if (where.touch) await page.touchscreen.tap(centre(add).x, centre(add).y);
  else await page.mouse.click(centre(add).x, centre(add).y);
  await h.find(page, 'Åtgärd 1: (inte beskriven)');
  for (const [label, text] of fields) {
    await h.focus(page, label, where.touch ? where : { ...where, pane: at });
    await page.keyboard.type(text);
    await h.leave(page);
  }
  await h.saved(page);
  return at;
}

async function importFile(page, path) {
  await h.click(page, 'Importera');
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles(path);
}

test('on a laptop, actions on risks are in the register, filtered to overdue, exported as just those rows', async () => {
  const context = await env.browser.newContext({ ...h.LAPTOP, acceptDownloads: true });
  const page = await h.open(env, context);
  await newAnalysis(page, false);
  const pane = centre(await h.find(page, 'Från riskbiblioteket'));
  const where = { touch: false, pane };
  const late = day(-1), later = day(60);
  const editor = await riskWithAction(page, where, [['Vad ska göras?', 'Inför dubbelkontroll av läkemedel'],
    ['Vilken orsak riktar sig åtgärden mot?', 'Signeringar saknades; två avvikelser'], ['Ansvarig', 'Anna Berg'],
    ['Klart senast', late]]);
  const back = await h.field(page, 'Tillbaka till analysen', { ...where, pane: editor, back: true });
  await page.mouse.click(centre(back).x, centre(back).y);
  await h.find(page, /^Risk 1: /);
  await riskWithAction(page, where, [['Vad ska göras?', 'Utbilda nattpersonalen'], ['Ansvarig', 'Bo Ek'],
    ['Klart senast', later]]);
  const doc = await analysis(page);
  assert.deepEqual(doc.body.risker.map((r) => r.atgarder[0].klart_senast), [late, later]);

  await h.click(page, 'Åtgärder');
  await h.find(page, 'Inför dubbelkontroll av läkemedel');
  await h.find(page, 'Utbilda nattpersonalen');
  await h.find(page, 'Visar 2 av 2 åtgärder · Alla åtgärder');
  await h.click(page, 'Visa');
  await h.click(page, 'Försenade');
  await h.find(page, 'Visar 1 av 2 åtgärder · Försenade');
  assert.equal(await h.has(page, 'Utbilda nattpersonalen'), false, 'the other action is filtered away');
  await h.shot(page, 'laptop-register');

  const download = page.waitForEvent('download');
  await h.click(page, 'Exportera CSV');
  const file = await download;
  assert.equal(file.suggestedFilename(), `atgarder-${day(0)}.csv`);
  const path = join(h.SHOTS, 'register.csv');
  await file.saveAs(path);
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines.at(-1), '', 'every row ends with CRLF');
  assert.equal(lines[0], 'Dokument;Dokumenttyp;Enhet;År;Plats i dokumentet;Åtgärd;Orsak som åtgärden riktar sig mot;' +
    'Nivå;Typ av åtgärd;Ansvarig;Klart senast;Status;Varför avbruten;Genomförd (datum);Uppföljningsdatum;Effekt;' +
    'Vad uppföljningen visade;Att åtgärda');
  assert.equal(lines.length, 3, 'the header and the one filtered row');
  assert.equal(lines[1], `${doc.title};Riskanalys;;${doc.year};Risk 1, åtgärd 1;Inför dubbelkontroll av läkemedel;` +
    `"Signeringar saknades; två avvikelser";;;Anna Berg;${late};Föreslagen;;;;;;Försenad`);
  assert.ok(bytes.indexOf(Buffer.from('läkemedel', 'utf8')) > 3, 'å ä ö as UTF-8');

  // The source opens the analysis at its risk, with the action in view.
  await h.click(page, `${doc.title} · Risk 1, åtgärd 1`);
  await h.find(page, 'Åtgärd 1: Inför dubbelkontroll av läkemedel');

  // The overview counts the same one, and its number opens the same list.
  await h.click(page, 'Översikt');
  await h.find(page, 'Försenade åtgärder: 1');
  await h.find(page, 'Ruta S1 K1: 0 risker');
  await h.shot(page, 'laptop-overview');
  await h.click(page, 'Försenade åtgärder: 1');
  await h.find(page, 'Visar 1 av 2 åtgärder · Försenade');

  // The same workspace on a projector.
  const saved = join(h.SHOTS, 'register-workspace.json');
  await writeFile(saved, await page.evaluate(() => window.kvhTest.workspace()));
  const big = await env.browser.newContext(h.PROJECTOR);
  const wall = await h.open(env, big);
  await importFile(wall, saved);
  await h.click(wall, 'Importera 1 dokument');
  await h.saved(wall);
  await h.click(wall, 'Åtgärder');
  await h.find(wall, 'Utbilda nattpersonalen');
  await h.shot(wall, 'projector-register');
  await h.click(wall, 'Översikt');
  await h.find(wall, 'Försenade åtgärder: 1');
  await h.shot(wall, 'projector-overview');
  await big.close();
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone, a card\'s status is changed with a thumb, a refusal says why, a verdict closes it', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await newAnalysis(page, true);
  const where = { touch: true };
  await riskWithAction(page, where, [['Vad ska göras?', 'Dubbelkontroll vid läkemedelsgivning'],
    ['Vilken orsak riktar sig åtgärden mot?', 'Signeringslistan följdes inte']]);
  await h.tap(page, 'Åtgärder');
  await h.find(page, 'Alla åtgärder (1)');
  await h.find(page, 'Dubbelkontroll vid läkemedelsgivning');

  // Avbruten needs a reason: without one the change is refused, and the dialog says why.
  await h.tap(page, 'Status: Föreslagen');
  await h.find(page, 'Ändra status');
  await h.tap(page, 'Avbruten');
  await h.find(page, 'Skäl till att åtgärden avbryts');
  await h.tap(page, 'Avbryt åtgärden');
  await h.find(page, 'Ändringen gjordes inte: ange varför åtgärden avbryts.');
  await h.shot(page, 'phone-register-refused');
  await h.tap(page, 'Stäng');
  assert.equal((await analysis(page)).body.risker[0].atgarder[0].status, 'foreslagen');

  // One tap on the card opens the action where it lives.
  const doc = await analysis(page);
  await h.tap(page, `${doc.title} · Risk 1, åtgärd 1`);
  await h.find(page, 'Risk 1 av 1');
  await h.tap(page, 'Åtgärder');

  await h.tap(page, 'Status: Föreslagen');
  await h.tap(page, 'Pågår');
  await h.find(page, 'Status: Pågår');
  await h.saved(page);
  assert.equal((await analysis(page)).body.risker[0].atgarder[0].status, 'pagar');

  // Uppföljd only with a verdict on the effect: asked for, and the follow-up dated today.
  await h.tap(page, 'Status: Pågår');
  await h.tap(page, 'Uppföljd');
  await h.find(page, /^Vilken effekt hade åtgärden\?/);
  await h.shot(page, 'phone-register-verdict');
  await h.tap(page, 'Delvis');
  await h.find(page, 'Status: Uppföljd');
  await h.saved(page);
  const action = (await analysis(page)).body.risker[0].atgarder[0];
  assert.equal(action.status, 'uppfoljd');
  assert.equal(action.effekt, 'delvis');
  assert.equal(action.uppfoljningsdatum, day(0));
  await h.shot(page, 'phone-register');

  await page.reload();
  await h.waitReady(page);
  await h.shot(page, 'phone-overview');
  await h.reveal(page, 'Uppföljda: 1', { x: 200, y: 600 }, { touch: true }); // the start screen counts it
  await h.tap(page, 'Åtgärder');
  await h.find(page, 'Status: Uppföljd');
  await h.tap(page, 'Filter');
  await h.find(page, 'Dokumenttyp');
  await h.shot(page, 'phone-register-filters');
  assert.deepEqual(env.errors, []);
  await context.close();
});
