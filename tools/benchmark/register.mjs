// The Åtgärder register over 10,000 actions (2,000 risks × 5): scrolling, filtering, sorting
import { makeAnalysis } from '../../tests/data/make_docs.mjs';
import { round, stats } from './stats.mjs';
import { newPage, settle, find, click, framesQuiet, wheelOver } from './browser.mjs';
import { seedWorkspace } from './seed.mjs';

// Each figure is the build time of the frames a step causes (the slowest is the one that filters or
// sorts the rows again); the rows themselves are made once, when the register is first shown.
export async function register(out) {
  const { context, page } = await newPage();
  const doc = makeAnalysis(2000, 2000, 5);
  await seedWorkspace(page, [doc], 'analysis-2000');
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  await click(page, 'Åtgärder');
  await find(page, /^Visar 10000 av 10000 åtgärder/, 60000);
  await settle(page);
  const open = await page.evaluate(() => window.kvhTest.takeFrameLog());
  // The frames of one step: from the click or key until nothing is drawn any more.
  const stepFrames = async (act, until) => {
    await framesQuiet(page);
    await page.evaluate(() => window.kvhTest.takeFrameLog());
    await act();
    await find(page, until, 30000);
    await framesQuiet(page);
    return Math.max(...(await page.evaluate(() => window.kvhTest.takeFrameLog())));
  };
  const filters = {};
  for (const [name, item, shown] of [['overdue', 'Försenade', /· Försenade$/], ['due_soon', 'Klart senast inom 30 dagar', /· Klart senast inom 30 dagar$/],
                                     ['open_finding', 'Med anmärkning', /· Med anmärkning$/], ['all', 'Visa: alla', /· Alla åtgärder$/]]) {
    await click(page, 'Visa');
    await find(page, item);
    filters[name] = round(await stepFrames(() => click(page, item), shown));
  }
  // A search typed key by key: each key filters all 10,000 rows again.
  const search = await find(page, 'Sök bland åtgärderna');
  await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
  const keys = [];
  let typed = '';
  for (const ch of 'rutin') {
    typed += ch;
    keys.push(await stepFrames(() => page.keyboard.press(ch), new RegExp(`Sökning: ”${typed}”$`)));
  }
  await page.keyboard.press('Control+a');
  keys.push(await stepFrames(() => page.keyboard.press('Backspace'), /· Alla åtgärder$/));
  await page.keyboard.press('Escape');
  const sorts = [];
  for (const header of ['Klart senast', 'Klart senast', 'Ansvarig', 'Källa'])
    sorts.push(await stepFrames(() => click(page, header), /^Visar /));
  // Scrolling the table with the wheel, as the risk list is scrolled above.
  const { frames, log, rows: last } = await wheelOver(page, /· Risk \d+, åtgärd \d+$/, 120);
  out.register = {
    budget: { frame_build_p95_ms: 4 }, viewport: '1366x768', actions: 10000, risks: 2000,
    first_open_frame_build_ms: round(Math.max(...open)),
    filter_frame_build_ms: { ...filters, ...stats(Object.values(filters)) },
    search_key_frame_build_ms: stats(keys),
    sort_frame_build_ms: stats(sorts),
    scroll: { wheel_steps: 120, frames, frame_build_ms: stats(log),
              rows_in_view_after: last.length ? `${last[0]} … ${last[last.length - 1]}` : null },
  };
  await context.close();
}
