// What issue 7 asked of the room, the phone and the library: on a projector at 200 % "N" puts the
// keyboard in the new risk's headline, which the back of the room can read, with every participant's
// scores in view; at 300 % the side bar stays; on a phone the matrix labels fit, a finger drags a
// marker to rescore it, "Ta bort" asks first and Ångra in the menu brings the document back; a
// library risk brings only the actions that were ticked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');
const agentFocused = (page) =>
  page.waitForFunction(() => document.activeElement?.id === 'kvh-text-agent', null, { timeout: 10000 });
const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });

async function zoomTo(page, percent) {
  await h.click(page, 'Inställningar');
  for (let z = 100; z < percent; z += 25) await h.click(page, '+');
  await h.find(page, `${percent} %`);
}

test('analysdag at 200 %: N then typing fills the new risk, its headline is large, all scores in view', async () => {
  const context = await env.browser.newContext(h.PROJECTOR);
  const page = await h.open(env, context);
  await zoomTo(page, 200);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  // A new analysis says what to do next, in a neutral tone, not what is wrong.
  await h.find(page, /^Så här går du vidare/);
  assert.equal(await h.has(page, 'Inga deltagare är angivna'), false);
  for (let i = 0; i < 4; ++i) {
    await h.reveal(page, 'Lägg till deltagare', { x: 1200, y: 700 });
    await h.click(page, 'Lägg till deltagare');
  }
  await h.saved(page);
  assert.equal((await analysis(page)).body.deltagare.length, 4);
  await h.shot(page, 'projector-participants'); // one framed row each: name, role, Välj roll…, Ta bort
  await page.mouse.move(1200, 700);
  await page.mouse.wheel(0, -3000); // back to the top of the analysis
  await h.click(page, 'Analysdag');
  await h.find(page, /^Analysen har inga risker än/);

  await page.keyboard.press('n');
  await h.find(page, 'Risk 1 av 1');
  await agentFocused(page);
  const said = 'Fall vid förflyttning';
  await page.keyboard.type(said);
  // Each key takes a frame or three of a 3840 × 2160 canvas drawn in software: give it time.
  for (let i = 0; i < 600 && (await analysis(page)).body.risker[0]?.beskrivning !== said; ++i)
    await page.waitForTimeout(100);
  await h.saved(page, { timeout: 60000 });
  assert.equal((await analysis(page)).body.risker[0].beskrivning, said, 'the typed words are the risk');

  const headline = await h.find(page, said);
  assert.ok(headline.h >= 48, `the headline is ${headline.h} CSS px high`);
  // Each participant's row and its buttons are on the screen, not below it.
  for (let p = 1; p <= 4; ++p) {
    const who = await h.find(page, `Deltagare ${p}`);
    assert.ok(who.y + who.h <= 1080, `Deltagare ${p} is in view (${who.y})`);
  }
  // The score buttons (the risk's own and four participants', 8 each), not the matrix' cell numbers.
  const buttons = (await h.items(page)).filter((i) => /^[1-4]$/.test(i.label) && i.h >= 44);
  assert.ok(buttons.length >= 5 * 8, `every score button is drawn (${buttons.length})`);
  for (const b of buttons) assert.ok(b.y + b.h <= 1080, `button ${b.label} in view (${b.y})`);
  await page.keyboard.press('Escape'); // leaves the text
  await page.keyboard.press('3');
  await page.keyboard.press('4');
  await h.find(page, 'Riskvärde 12 – röd (mycket hög risk)');
  await h.shot(page, 'projector-analysdag-headline');
  await page.keyboard.press('Escape');
  await h.find(page, 'Analysdag');

  // 300 %: 640 × 360 of room; the side bar stays, with Inställningar in reach.
  await h.click(page, 'Inställningar');
  for (let i = 0; i < 4; ++i) await h.click(page, '+');
  await h.find(page, '300 %');
  const settings = await h.find(page, 'Inställningar');
  assert.ok(settings.y + settings.h <= 1080, 'Inställningar is in view');
  assert.equal(await h.has(page, 'Kontroller'), false, 'not the phone tab bar');
  const minus = await h.find(page, '–');
  assert.ok(minus.y + minus.h <= 1080, 'the zoom buttons are reachable');
  await h.saved(page);
  const status = await h.find(page, 'Allt är sparat');
  assert.ok(status.y + status.h <= 1080, `the save state is in view (${status.y})`);
  await h.shot(page, 'projector-300');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone, the matrix labels fit, a marker is a 44 px target and a finger drag rescores it', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await h.tap(page, 'Risker');
  await h.tap(page, 'Ny riskanalys');
  await h.tap(page, 'Ny risk');
  const one = await h.reveal(page, '1 Mycket liten', { x: 200, y: 600 }, { touch: true });
  await page.touchscreen.tap(centre(one).x, centre(one).y);
  const mindre = await h.reveal(page, '1 Mindre', { x: 200, y: 600 }, { touch: true });
  await page.touchscreen.tap(centre(mindre).x, centre(mindre).y);
  await h.reveal(page, 'Riskvärde 1 – grön (låg risk)', { x: 200, y: 600 }, { touch: true });
  await h.saved(page);
  // Back up to the top with the finger, as a person would.
  for (let i = 0; i < 20 && !(await h.has(page, 'Tillbaka till analysen')); ++i) {
    await h.drag(page, { x: 200, y: 250 }, { x: 200, y: 600 }, { steps: 20 });
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(900);
  await h.tap(page, 'Tillbaka till analysen');

  const marker = await h.reveal(page, 'Risk 1', { x: 200, y: 500 }, { touch: true });
  assert.ok(marker.w >= 44 && marker.h >= 44, `the marker takes a finger (${marker.w}×${marker.h})`);
  // Each konsekvens level under the grid: its number, and its word whole or cut with "…" below it,
  // inside its column.
  const cell = await h.find(page, 'Ruta S1 K4');
  const under = (await h.items(page)).filter((i) => i.label && i.y >= cell.y + cell.h && i.y < cell.y + cell.h + 80 &&
    i.x >= cell.x - 1 && i.x + i.w <= cell.x + cell.w + 1);
  assert.deepEqual(under.map((i) => i.label).slice(0, 1), ['4'], `the number (${under.map((i) => i.label)})`);
  assert.ok(under[1] && ('Katastrofal'.startsWith(under[1].label.replace(/…$/, '')) || under[1].label === 'Katastrofal'),
    `then the word or its start with … (${under[1] && under[1].label})`);
  await page.touchscreen.tap(centre(under[0]).x, centre(under[0]).y);
  await h.find(page, '4 Katastrofal'); // the full words on a tap
  await h.shot(page, 'phone-matrix-label');
  const title = await h.find(page, 'Kvalitetshjul');
  await page.touchscreen.tap(centre(title).x, centre(title).y); // closes the explanation
  await page.waitForTimeout(200);

  const from = await h.find(page, 'Risk 1');
  const to = await h.find(page, 'Ruta S3 K4');
  await h.drag(page, centre(from), centre(to), { steps: 24, holdMs: 200 }); // a finger rests, then moves
  await h.saved(page);
  const risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [3, 4], 'the finger drag rescored the risk');
  await h.shot(page, 'phone-matrix-dragged');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('on a phone, Ta bort asks first and Ångra in the menu brings the document back', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await h.tap(page, 'Risker');
  await h.tap(page, 'Ny riskanalys');
  await h.tap(page, 'Tillbaka');
  const row = await h.find(page, /^Riskanalys 20\d\d$/);
  await h.drag(page, centre(row), centre(row), { steps: 1, holdMs: 700 });
  await h.tap(page, 'Ta bort');
  await h.find(page, 'Ta bort dokumentet?');
  await h.shot(page, 'phone-delete-question');
  await h.tap(page, 'Ta bort dokumentet');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 0);
  await h.tap(page, 'Meny');
  await h.shot(page, 'phone-menu-undo');
  await h.tap(page, 'Ångra: borttagning av dokument');
  await h.saved(page);
  assert.equal((await h.workspace(page)).documents.length, 1, 'Ångra in the menu restored it');
  await h.find(page, /^Riskanalys 20\d\d$/);
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('a library risk brings no action unless one is ticked', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Från riskbiblioteket');
  await h.find(page, 'Lägg till');
  let adds = (await h.items(page)).filter((i) => i.label === 'Lägg till');
  await page.mouse.click(centre(adds[0]).x, centre(adds[0]).y);
  await h.saved(page);
  let risks = (await analysis(page)).body.risker;
  assert.equal(risks.length, 1);
  assert.equal(risks[0].atgarder.length, 0, 'nothing ticked, no action');

  // Tick the first suggestion of the next risk: only that one comes along.
  adds = (await h.items(page)).filter((i) => i.label === 'Lägg till');
  // The ticks of the second risk lie between its first and second "Lägg till"; a tick is a small
  // square named by its action's text.
  const box = (await h.items(page)).find((i) => i.y > adds[0].y && i.y < adds[1].y && i.w < 60 && i.h >= 20 &&
    i.label.length > 10);
  assert.ok(box, 'the suggested actions are ticks');
  await page.mouse.click(centre(box).x, centre(box).y);
  await h.click(page, 'Lägg till med 1 åtgärd');
  await h.saved(page);
  risks = (await analysis(page)).body.risker;
  assert.equal(risks.length, 2);
  assert.deepEqual(risks[1].atgarder.map((a) => a.vad), [box.label], 'only the ticked action');
  await h.shot(page, 'laptop-library-ticked');
  assert.deepEqual(env.errors, []);
  await context.close();
});

test('every kind has a screen: none says it is coming, each offers its new document', async () => {
  const context = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, context);
  await h.click(page, 'Egenkontroller');
  await h.find(page, 'Ny egenkontrollplan');
  await h.find(page, 'Dokumentera genomförd egenkontroll');
  assert.equal(await h.has(page, /kommer i en senare version/), false);
  await h.click(page, 'Årlig genomgång');
  await h.find(page, 'Ny årlig genomgång');
  assert.equal(await h.has(page, /kommer i en senare version/), false);
  assert.equal((await h.workspace(page)).documents.length, 0);
  await context.close();
});

test('on a phone, the confirmation moves away from the field being edited', async () => {
  const context = await env.browser.newContext(h.PHONE);
  const page = await h.open(env, context);
  await h.tap(page, 'Risker');
  await h.tap(page, 'Ny riskanalys');
  const toast = await h.find(page, /skapades\.$/);
  const dateField = async () => (await h.items(page)).filter((i) => i.label === 'Datum för analysen' && i.h >= 44).at(-1);
  let field = await dateField();
  // The page coasts on after a fling: its place is read once no frame has been drawn for a while, or
  // a loaded machine would tap where the field was a moment ago.
  const still = async () => {
    for (let last = -1, now = await h.frames(page); now !== last; last = now, now = await h.frames(page))
      await page.waitForTimeout(250);
  };
  for (let i = 0; i < 6 && (!field || field.y + field.h > toast.y - 20); ++i) {
    await h.drag(page, { x: 200, y: 550 }, { x: 200, y: 400 }, { steps: 10 });
    await still();
    field = await dateField();
  }
  await page.touchscreen.tap(field.x + 30, field.y + field.h / 2);
  await page.waitForFunction(() => document.activeElement?.id === 'kvh-text-agent', null, { timeout: 10000 });
  // The on-screen keyboard takes 340 px: the field is kept in view just above it, where the
  // confirmation sat.
  await page.setViewportSize({ width: 390, height: 504 });
  await page.waitForTimeout(500);
  const all = await h.items(page);
  const moved = all.find((i) => /skapades\.$/.test(i.label));
  field = all.filter((i) => i.label === 'Datum för analysen' && i.h >= 44).at(-1);
  assert.ok(moved, 'the confirmation is still shown');
  assert.ok(field.y + field.h <= 504, 'the field is in view');
  assert.ok(moved.y + moved.h + 12 <= field.y || moved.y >= field.y + field.h + 12,
    `it does not cover the field (${moved.y}–${moved.y + moved.h} vs ${field.y}–${field.y + field.h})`);
  await h.shot(page, 'phone-toast-away');
  await context.close();
});
