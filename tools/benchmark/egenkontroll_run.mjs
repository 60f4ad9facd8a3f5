// Utförd egenkontroll: 200 samples × 10 questions, among 12 such runs and a plan of 60 checks
import { makeEgenkontrollPlan, makeEgenkontrollRun } from '../../tests/data/make_docs.mjs';
import { stats } from './stats.mjs';
import { newPage, durable, settle, find, click, framesQuiet } from './browser.mjs';
import { seedWorkspace } from './seed.mjs';

// Opening on a laptop: from the press on the list row to the first frame of its editor (all of it built).
// One answer at a phone's size (390 × 844, one sample at a time): from the press on Nej to the frame
// that shows the result counted again.
export async function egenkontroll_run(out) {
  const plan = makeEgenkontrollPlan(1, 60, 10);
  const runs = Array.from({ length: 12 }, (_, i) => makeEgenkontrollRun(i + 1, plan, i, 200, { allYes: i === 0, done: false }));
  const title = runs[0].title;
  const firstFrameWith = (label) => page.waitForFunction((label) => window.kvhTest.items().some((i) => i.label === label) ? performance.now() : null,
                                                        label, { timeout: 30000, polling: 'raf' }).then((h) => h.jsonValue());
  const { context, page } = await newPage();
  await seedWorkspace(page, [plan, ...runs], 'egenkontroll-12-runs');
  const opens = [], openBuilds = [];
  for (let k = 0; k < 5; ++k) {
    await click(page, 'Egenkontroller');
    const row = await find(page, title);
    await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
    await framesQuiet(page);
    await page.evaluate(() => window.kvhTest.takeFrameLog());
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.down();
    await page.mouse.up();
    opens.push((await firstFrameWith('Tillbaka')) - t0);
    await framesQuiet(page);
    openBuilds.push(Math.max(...(await page.evaluate(() => window.kvhTest.takeFrameLog()))));
    await click(page, 'Tillbaka');
  }
  // Frames while it is open and nothing changes (the pointer moving over it): nothing is computed again.
  await click(page, 'Egenkontroller');
  await click(page, title);
  await find(page, 'Tillbaka');
  await framesQuiet(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  for (let i = 0; i < 30; ++i) {
    await page.mouse.move(600 + (i % 2) * 40, 300);
    await page.waitForTimeout(16);
  }
  const idle = await page.evaluate(() => window.kvhTest.takeFrameLog());
  await click(page, 'Tillbaka');

  // The same page at a phone's size: the narrow layout answers one sample at a time.
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await click(page, 'Kontroller');
  await click(page, title);
  await find(page, 'Tillbaka');
  for (let i = 0; i < 40 && !(await page.evaluate(() => window.kvhTest.items().some((i) => i.label === 'Svara för stickproven' && i.y < 700))); ++i) {
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(50);
  }
  await click(page, 'Svara för stickproven');
  await find(page, 'Stickprov 1 av 200');
  const answers = [], answerBuilds = [];
  for (let k = 1; k <= 10; ++k) {
    const nej = await find(page, 'Nej');
    await page.mouse.move(nej.x + nej.w / 2, nej.y + nej.h / 2);
    await framesQuiet(page);
    await page.evaluate(() => window.kvhTest.takeFrameLog());
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.down();
    await page.mouse.up();
    answers.push((await firstFrameWith(`Alla frågor: ${2000 - k} av 2000 = ${Math.round((100 * (2000 - k)) / 2000)} %`)) - t0);
    await framesQuiet(page);
    answerBuilds.push(Math.max(...(await page.evaluate(() => window.kvhTest.takeFrameLog()))));
    await click(page, 'Nästa');
  }
  await durable(page);
  out.egenkontroll_run = {
    workspace: { runs: runs.length, samples: 200, questions: 10, plan_checks: 60 },
    open_laptop: { viewport: '1366x768', click_to_first_frame_ms: stats(opens), frame_build_max_ms: stats(openBuilds), idle_frame_build_ms: stats(idle) },
    answer_phone_size: { viewport: '390x844', press_to_result_ms: stats(answers), frame_build_max_ms: stats(answerBuilds) },
  };
  await context.close();
}
