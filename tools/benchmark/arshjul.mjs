// The årshjul of 60 planned checks, 12 of them done with 200 samples × 10 questions each
import { makeEgenkontrollPlan, makeEgenkontrollRun } from '../../tests/data/make_docs.mjs';
import { round, stats } from './stats.mjs';
import { newPage, settle, find, click, framesQuiet } from './browser.mjs';
import { seedWorkspace } from './seed.mjs';

// The wheel's facts are computed when the workspace or the day changes; a frame only draws them. The
// pointer moving over the wheel redraws it (its tooltip follows the nearest mark) every frame.
export async function arshjul(out) {
  const { context, page } = await newPage();
  const plan = makeEgenkontrollPlan(1, 60, 10);
  const runs = Array.from({ length: 12 }, (_, k) => makeEgenkontrollRun(k + 1, plan, k, 200));
  await seedWorkspace(page, [plan, ...runs], 'egenkontroll-60');
  await click(page, 'Egenkontroller');
  await framesQuiet(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  await click(page, plan.title); // the wheel's facts are computed here, from every run's answers
  await find(page, /^Kontroller \(60\)$/);
  await framesQuiet(page);
  const planOpen = await page.evaluate(() => window.kvhTest.takeFrameLog());
  await click(page, 'Årshjul');
  const mark = await find(page, /^Social dokumentation 1, januari: /);
  await framesQuiet(page);
  const open = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const wheel = (await page.evaluate(() => window.kvhTest.items())).filter((i) => /, \S+: \S/.test(i.label));
  const xs = wheel.map((i) => i.x), ys = wheel.map((i) => i.y);
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2);
  await settle(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f0 = await page.evaluate(() => window.kvhTest.frames());
  for (let i = 0; i < 120; ++i) {
    const t = i / 120 * 2 * Math.PI;
    await page.mouse.move((box.x0 + box.x1) / 2 + Math.cos(t) * (box.x1 - box.x0) * 0.4,
                          (box.y0 + box.y1) / 2 + Math.sin(t * 3) * (box.y1 - box.y0) * 0.4);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const log = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f1 = await page.evaluate(() => window.kvhTest.frames());
  out.arshjul = {
    budget: { frame_build_p95_ms: 4 }, viewport: '1366x768', planned_checks: 60, planned_months: 120,
    marks_in_view: wheel.length,
    runs: 12, samples_per_run: 200, questions: 10,
    plan_open_frame_build_ms: round(Math.max(...planOpen)), wheel_open_frame_build_ms: round(Math.max(...open)),
    pointer_moves: 120, frames: f1 - f0, frame_build_ms: stats(log),
  };
  await context.close();
}
