// Heap growth over 200 discrete edits of the 2,000-risk analysis
import { makeAnalysis } from '../../tests/data/make_docs.mjs';
import { stats } from './stats.mjs';
import { newPage, ready, durable, settle, restart, url } from './browser.mjs';
import { seedWorkspace, openAnalysis } from './seed.mjs';

// mallinfo().uordblks (bytes in use), not HEAPU8.length (which only grows). The document's own size:
// heap in use at the first frame with it stored, minus the same in an empty profile.
export async function heap(out) {
  const heapNow = (page) => page.evaluate(() => ({ used: window.kvhTest.heapUsed(), size: window.kvhTest.heapSize() }));
  const empty = await newPage();
  await empty.page.goto(url);
  await ready(empty.page);
  await restart(empty.page);
  await settle(empty.page, 500);
  const emptyHeap = await heapNow(empty.page);
  await empty.context.close();

  const { context, page } = await newPage();
  const doc = makeAnalysis(2000, 2000, 5);
  await seedWorkspace(page, [doc], 'analysis-2000');
  await settle(page, 500);
  const loaded = await heapNow(page);
  await openAnalysis(page, doc.title);
  await durable(page);
  await settle(page, 500);
  const before = await heapNow(page);
  // 200 score changes spread over the risks, each its own undo step and revision, saved after every
  // tenth (as the save queue's debounce gathers quick clicks; each save writes what is stored per edit).
  const ms = [];
  for (let i = 0; ms.length < 200; ++i) {
    const t = await page.evaluate(({ id, i }) =>
      window.kvhTest.setScore(id, (i * 37) % 2000, 1 + (i % 4), 1 + ((i >> 2) % 4), i % 2 === 1), { id: doc.id, i });
    if (t >= 0) ms.push(t);
    if (t >= 0 && ms.length % 10 === 0) {
      await page.evaluate(() => window.kvhTest.flush());
      await durable(page);
    }
  }
  await settle(page, 500);
  const after = await heapNow(page);
  out.heap = {
    budget: { growth_bytes: 2 * 1024 * 1024 },
    risks: 2000, edits: ms.length, edit_cpu_ms: stats(ms),
    empty_profile_used: emptyHeap.used, loaded_used: loaded.used,
    document_bytes_in_heap: loaded.used - emptyHeap.used,
    document_bytes_as_json: Buffer.byteLength(JSON.stringify(doc)),
    before_edits: before, after_edits: after,
    growth_bytes: after.used - before.used,
  };
  await context.close();
}
