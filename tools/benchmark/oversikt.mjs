// Översikt and the action editor at 2,000 risks × 5 actions, beside a plan of 60 checks
import { makeAnalysis, makeEgenkontrollPlan } from '../../tests/data/make_docs.mjs';
import { round, stats } from './stats.mjs';
import { DESKTOP, newPage, durable, settle, find, click, framesQuiet, typeInto } from './browser.mjs';
import { seedWorkspace, openAnalysis } from './seed.mjs';

// Översikt: the frame that opens it (the heat map, the counts and the årshjul's lists from the facts
// index), and frame build while the pointer moves over it. The action editor: real keypresses in
// "Vad ska göras?" of risk 1's first action, the build ms of the frames each one causes.
export async function oversikt(out) {
  const { context, page } = await newPage(DESKTOP);
  const doc = makeAnalysis(2000, 2000, 5);
  const plan = makeEgenkontrollPlan(1, 60, 10);
  await seedWorkspace(page, [doc, plan], 'oversikt-2000');
  await click(page, 'Riskanalyser');
  await framesQuiet(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  await click(page, 'Översikt');
  await find(page, /^Försenade åtgärder: \d+$/);
  await framesQuiet(page);
  const open = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f0 = await page.evaluate(() => window.kvhTest.frames());
  for (let i = 0; i < 120; ++i) {
    await page.mouse.move(300 + (i % 40) * 35, 150 + Math.floor(i / 40) * 250);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const hover = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f1 = await page.evaluate(() => window.kvhTest.frames());

  await openAnalysis(page, doc.title);
  await click(page, /^Risk 1: /);
  // The risk's first action, scrolled into view in the editor; its field is the taller of the two
  // items of that name (the caption above it has the same label).
  const editor = await find(page, 'Vad kan hända?');
  let field;
  for (let i = 0; i < 40; ++i) {
    field = (await page.evaluate(() => window.kvhTest.items())).filter((x) => x.label === 'Vad ska göras?')
      .sort((a, b) => b.h - a.h)[0];
    if (field && field.y > 0 && field.y + field.h < 1000) break;
    await page.mouse.move(editor.x + editor.w / 2, 500);
    await page.mouse.wheel(0, 200);
    await framesQuiet(page);
  }
  const { maxFrame } = await typeInto(page, field, 100);
  await durable(page);
  const typed = await page.evaluate((id) => JSON.parse(window.kvhTest.workspace()).documents.find((d) => d.id === id)
    .body.risker[0].atgarder[0].vad.length, doc.id);
  out.oversikt = {
    budget: { frame_build_p95_ms: 4 }, viewport: '1920x1080', risks: 2000, actions: 10000, planned_checks: 60,
    open_frame_build_ms: round(Math.max(...open)), pointer_moves: 120, frames: f1 - f0, frame_build_ms: stats(hover),
    action_keypress_frame_build_ms: stats(maxFrame), action_chars_landed: typed - doc.body.risker[0].atgarder[0].vad.length,
  };
  await context.close();
}
