// Frame build while scrolling the 2,000-risk analysis, list and both matrices in view
import { makeAnalysis } from '../../tests/data/make_docs.mjs';
import { stats } from './stats.mjs';
import { DESKTOP, newPage, find, wheelOver } from './browser.mjs';
import { seedWorkspace, openAnalysis } from './seed.mjs';

export async function scroll(out) {
  const { context, page } = await newPage(DESKTOP);
  const doc = makeAnalysis(2000, 2000, 5);
  await seedWorkspace(page, [doc], 'analysis-2000');
  await openAnalysis(page, doc.title);
  await find(page, /^Ruta S\d K\d$/); // the matrices are drawn beside the list
  const { frames, log, rows: last } = await wheelOver(page, /^Risk \d+: /, 120);
  out.scroll = { budget: { frame_build_p95_ms: 4 }, viewport: '1920x1080', risks: 2000, wheel_steps: 120,
                 frames, frame_build_ms: stats(log),
                 rows_in_view_after: last.length ? `${last[0].split(':')[0]} … ${last[last.length - 1].split(':')[0]}` : null };
  await context.close();
}
