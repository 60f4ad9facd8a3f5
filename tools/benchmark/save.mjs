// Start-up, idle frames, save latency by workspace size
import { makeDoc } from '../../tests/data/make_docs.mjs';
import { median } from './stats.mjs';
import { newPage, durable, click, restart } from './browser.mjs';
import { seedLayout1 } from './seed.mjs';

export async function save(out) {
  for (const n of [10, 1000, 10000]) {
    const { context, page } = await newPage();
    await seedLayout1(page, Array.from({ length: n }, (_, i) => makeDoc(i)));
    const start = await restart(page);
    // The Åtgärder screen lists every document of this workspace: the heaviest frame it can draw.
    await click(page, 'Åtgärder');
    await page.waitForTimeout(300);
    // Five edits of one document; each is timed from the edit to its durable write.
    const mark = await page.evaluate(() => window.kvhBench.mark());
    const samples = [];
    for (let i = 0; i < 5; ++i) samples.push(await page.evaluate(() => window.kvhTest.timeSave()));
    const rawPut = await page.evaluate((mark) => window.kvhBench.rawPuts(mark), mark);
    // Frame cost with this workspace: the list of Åtgärder holds every document.
    const frameSamples = [];
    for (let i = 0; i < 5; ++i) {
      await page.evaluate(() => window.kvhTest.timeSave());
      await page.waitForTimeout(100);
      frameSamples.push(await page.evaluate(() => window.kvhTest.frameMs()));
    }
    out.save.push({ documents: n, first_frame_ms: start,
                    save_handoff_ms_median: median(samples.map((s) => s.handoff)),
                    save_durable_ms_median: median(samples.map((s) => s.durable)),
                    raw_idb_put_ms_median: median(rawPut),
                    frame_build_ms_median: median(frameSamples.map((f) => f.build)),
                    frame_total_ms_median: median(frameSamples.map((f) => f.total)) });
    if (n === 10) {
      out.start = { first_frame_ms: start };
      await page.waitForTimeout(500);
      const f0 = await page.evaluate(() => window.kvhTest.frames());
      await page.waitForTimeout(3000);
      const f1 = await page.evaluate(() => window.kvhTest.frames());
      out.idle = { frames_per_idle_second: (f1 - f0) / 3 };
    }
    await context.close();
  }
}
