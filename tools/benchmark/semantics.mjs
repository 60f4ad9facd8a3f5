// The semantics layer (app/platform/semantics_web.cpp, web/lib_semantics.js) with 2,000 risks
import { makeAnalysis } from '../../tests/data/make_docs.mjs';
import { round } from './stats.mjs';
import { DESKTOP, newPage, settle, find } from './browser.mjs';
import { seedWorkspace, openAnalysis } from './seed.mjs';

export async function semantics(out) {
  const { context, page } = await newPage(DESKTOP);
  const doc = makeAnalysis(2000, 2000, 5);
  await seedWorkspace(page, [doc], 'analysis-2000');
  await openAnalysis(page, doc.title);
  const row = await find(page, /^Risk 1: /);
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
  // Every DOM change anywhere in the page, counted from now on.
  await page.evaluate(() => {
    window.kvhBench.mutations = 0;
    new MutationObserver((list) => { window.kvhBench.mutations += list.length; })
      .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const sample = () => page.evaluate(() => ({ updates: window.kvhTest.semanticsUpdates(), ms: window.kvhTest.semanticsMs(),
    frames: window.kvhTest.frames(), mutations: window.kvhBench.mutations,
    elements: document.querySelectorAll('#kvh-semantics [data-kvh-id]').length }));
  const s0 = await sample();
  for (let i = 0; i < 60; ++i) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const s1 = await sample();
  await page.waitForTimeout(1000); // an idle second
  const s2 = await sample();
  await page.evaluate(() => window.kvhTest.requestFrames(30)); // frames in which nothing changes
  await settle(page, 800);
  const s3 = await sample();
  const changed = s1.updates - s0.updates;
  out.semantics = {
    viewport: '1920x1080', risks: 2000, wheel_steps: 60,
    scroll: { frames: s1.frames - s0.frames, changed_frames: changed,
              ms_per_changed_frame: changed ? round((s1.ms - s0.ms) / changed) : null,
              dom_mutations: s1.mutations - s0.mutations },
    dom_elements: s1.elements,
    idle_second: { frames: s2.frames - s1.frames, updates: s2.updates - s1.updates, dom_mutations: s2.mutations - s1.mutations },
    unchanged_frames: { frames: s3.frames - s2.frames, updates: s3.updates - s2.updates,
                        ms: round(s3.ms - s2.ms), dom_mutations: s3.mutations - s2.mutations },
  };
  await context.close();
}
