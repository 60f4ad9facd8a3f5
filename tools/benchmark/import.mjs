// Import of a 10 MB exchange file, next to a bare nlohmann parse of it, and cold start with that workspace,
// next to an empty profile's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchangeFile, makeWorkspaceDocs } from '../../tests/data/make_docs.mjs';
import { median, round } from './stats.mjs';
import { newPage, ready, click, restart, url } from './browser.mjs';
import { DATA, importThroughApp, seedWorkspace } from './seed.mjs';

// Made once, on first use, for both sections.
let docs = null;
const workspace = () => (docs ??= makeWorkspaceDocs(10 * 1024 * 1024));

export async function import_file(out) {
  const workspaceDocs = workspace();
  const path = join(DATA, 'workspace-10mb.json');
  const text = exchangeFile(workspaceDocs);
  writeFileSync(path, text);
  const { context, page } = await newPage();
  await page.goto(url);
  await ready(page);
  const t = await importThroughApp(page, path);
  const parse = await page.evaluate((text) => {
    const runs = [];
    for (let i = 0; i < 3; ++i) runs.push(window.kvhTest.parseMs(text));
    const t0 = performance.now();
    JSON.parse(text);
    return { runs, js_json_parse_ms: performance.now() - t0 };
  }, text);
  if (parse.runs.some((r) => !r || !r.ok)) throw new Error('bench: the bare parse failed');
  const bare = median(parse.runs.map((r) => r.parse));
  const app = (t.preview - t.chosen) + (t.durable - t.confirmed);
  out.import = {
    budget: { ms: 1000, vs_bare_parse: 3 },
    file_bytes: Buffer.byteLength(text), documents: workspaceDocs.length, preview: t.label,
    chosen_to_preview_ms: round(t.preview - t.chosen, 1),
    confirm_to_durable_ms: round(t.durable - t.confirmed, 1),
    of_which_confirm_to_first_write_ms: round(t.first_write - t.confirmed, 1),
    of_which_writes_ms: round(t.durable - t.first_write, 1),
    chosen_to_durable_ms: round(app, 1), // both steps, without the time the bench takes to click
    transactions: t.transactions, bytes_written: t.bytes,
    bare_parse_ms: round(bare, 1), bare_parse_runs_ms: parse.runs.map((r) => r.parse), bare_free_ms: round(median(parse.runs.map((r) => r.free)), 1),
    js_json_parse_ms: round(parse.js_json_parse_ms, 1),
    vs_bare_parse: round(app / bare, 2),
  };
  await context.close();
}

// Starts 2–6 of each profile (reloads); the first start after seeding is not measured.
export async function cold_start(out) {
  const workspaceDocs = workspace();
  const starts = async (page) => { const s = []; for (let i = 0; i < 5; ++i) s.push(await restart(page)); return s; };
  const empty = await newPage();
  await empty.page.goto(url);
  await ready(empty.page);
  const emptyStarts = await starts(empty.page);
  await empty.context.close();
  const { context, page } = await newPage();
  await seedWorkspace(page, workspaceDocs, 'workspace-10mb');
  const fullStarts = await starts(page);
  const docs = await page.evaluate(() => JSON.parse(window.kvhTest.workspace()).documents.length);
  await context.close();
  out.cold_start = {
    budget: { ms: 500, vs_empty: 1.3 },
    documents: docs, workspace_file_bytes: Buffer.byteLength(exchangeFile(workspaceDocs)),
    empty_second_start_ms: round(emptyStarts[0], 1), empty_starts_ms: emptyStarts.map((x) => round(x, 1)),
    workspace_second_start_ms: round(fullStarts[0], 1), workspace_starts_ms: fullStarts.map((x) => round(x, 1)),
    empty_median_ms: round(median(emptyStarts), 1), workspace_median_ms: round(median(fullStarts), 1),
    vs_empty: round(median(fullStarts) / median(emptyStarts), 2),
  };
}
