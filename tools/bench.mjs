// The project's benchmark: figures for DESIGN.md's budgets, written to build/bench.json. Figures only:
// no pass/fail here. Each figure stands beside its budget and, where the budget is relative, beside
// its anchor measured in the same run (a raw IndexedDB put, a bare nlohmann parse, an empty profile).
//   transfer      raw and gzip size of each shipped file
//   start, idle   time to first frame, frames drawn per idle second
//   save          saving one edit with 10 / 1,000 / 10,000 documents, next to a raw IndexedDB put
//   edits         one keystroke and one score change at 20 and 2,000 risks × 5 actions: CPU of the UI's
//                 edit path, the frames a real keypress causes, bytes written, save time vs a raw put
//   heap          wasm heap in use over 200 score changes of the 2,000-risk analysis, and its own size
//   scroll        frame build while scrolling the 2,000-risk analysis with both matrices in view
//   register      the Åtgärder register over that analysis' 10,000 actions: frame build while scrolling
//                 it, and the frame that applies a filter, a search keystroke or a sort
//   import        a 10 MB exchange file, chosen → durable, next to a bare nlohmann parse of it
//   cold_start    start to first frame with that 10 MB workspace, next to an empty profile's
//   arshjul       the årshjul of a plan of 60 planned checks with 12 done runs of 200 samples × 10
//                 questions: frame build while the pointer moves over it, the frame that opens the plan
//                 (computing the wheel's facts from every answer) and the one that shows the wheel
//   egenkontroll_run  a run of 200 samples × 10 questions among 12 such runs and a plan of 60 checks:
//                 opening it (click → its results drawn), idle frames while it is open, and one
//                 answer keyed in its table → the results drawn again
//   oversikt      Översikt at 2,000 risks × 5 actions and a plan of 60 checks: the frame that opens it, frame
//                 build while the pointer moves over it; keypresses in an action's text in the risk editor
//   semantics     the accessibility layer with 2,000 risks listed: ms per frame that changed what it
//                 mirrors (scrolling), DOM elements kept (only what is drawn), and the DOM mutations of
//                 an idle second and of frames that change nothing (0 wanted)
// Headless Chromium draws with SwiftShader (software GL): frame_total_ms and save_durable_ms (which
// waits behind the frames the edit asks for) include that; every *build* figure and the edit CPU do not.
// `node tools/bench.mjs [section …]` runs only the named sections (transfer save edits heap scroll
// register import cold_start arshjul egenkontroll_run oversikt semantics); tools/bench runs them all.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { serve } from './serve.mjs';
import { exchangeFile, makeAnalysis, makeDoc, makeEgenkontrollPlan, makeEgenkontrollRun, makeWorkspaceDocs } from '../tests/data/make_docs.mjs';

const DIST = 'build/web/dist';
const DATA = resolve('build/bench-data'); // generated exchange files (setInputFiles needs a path)
mkdirSync(DATA, { recursive: true });
const only = new Set(process.argv.slice(2));
const wanted = (section) => only.size === 0 || only.has(section);
// Runs one section; a section that fails leaves its error in the output and the others still run.
async function run(section, fn) {
  if (!wanted(section)) return;
  try {
    await fn();
  } catch (e) {
    (out.errors ??= {})[section] = e.message;
    console.error(`bench: ${section} failed:`, e);
  }
}
const out = { date: new Date().toISOString(), transfer: {}, start: {}, idle: {}, save: [] };
const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };

// [SECTION] Statistics
const sorted = (a) => [...a].sort((x, y) => x - y);
const quantile = (a, q) => {
  if (!a.length) return null;
  const s = sorted(a);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (a) => quantile(a, 0.5);
const round = (x, d = 3) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const stats = (a) => ({ n: a.length, median: round(median(a)), p95: round(quantile(a, 0.95)), max: round(a.length ? Math.max(...a) : null) });
// Other work on the machine shows in every time below (p95 most): how busy it was, start and end.
out.machine = { cpus: cpus().length, model: cpus()[0]?.model, loadavg_start: loadavg().map((x) => round(x, 2)) };

// [SECTION] Transfer size
await run('transfer', async () => {
  let raw = 0, gz = 0;
  // Everything the app fetches: the files beside it and its assets (the risk library, the schema).
  const files = (dir, prefix = '') => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [[`${prefix}${name}`, path]];
  });
  for (const [name, path] of files(DIST)) {
    const bytes = readFileSync(path);
    const g = gzipSync(bytes, { level: 9 }).length;
    out.transfer[name] = { raw: bytes.length, gzip: g };
    raw += bytes.length; gz += g;
  }
  out.transfer_total = { raw, gzip: gz, budget_gzip: 500 * 1024 }; // DESIGN.md
});

// [SECTION] Browser, and what every page gets before the app loads
const server = await serve(DIST, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

// Runs in the page before any of its scripts (page.addInitScript): every IndexedDB put/add/delete is
// recorded per transaction (database, stores, the records, when the first request was made and
// when the transaction completed). Sizes are worked out only when asked (window.kvhBench.since), so
// the recording costs the app nothing measurable. Also when a file was chosen and a pointer released.
function instrumentPage() {
  const done = [];
  const open = new WeakMap();
  const record = (store, op, value, key) => {
    const tx = store.transaction;
    let r = open.get(tx);
    if (!r) {
      r = { db: tx.db.name, t0: performance.now(), t1: null, ok: null, ops: [] };
      open.set(tx, r);
      tx.addEventListener('complete', () => { r.t1 = performance.now(); r.ok = true; done.push(r); });
      tx.addEventListener('abort', () => { r.t1 = performance.now(); r.ok = false; done.push(r); });
    }
    r.ops.push({ op, store: store.name, key, value });
  };
  const P = IDBObjectStore.prototype;
  const put = P.put, add = P.add, del = P.delete;
  P.put = function (value, key) { record(this, 'put', value, key); return put.apply(this, arguments); };
  P.add = function (value, key) { record(this, 'add', value, key); return add.apply(this, arguments); };
  P.delete = function (key) { record(this, 'delete', undefined, key); return del.apply(this, arguments); };

  const utf8 = new TextEncoder();
  // Bytes of a value as stored: strings as UTF-8, binary as is, anything else as its JSON (roughly).
  const bytes = (v) => {
    if (v === undefined || v === null) return 0;
    if (typeof v === 'string') return utf8.encode(v).length;
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return v.byteLength;
    if (typeof Blob !== 'undefined' && v instanceof Blob) return v.size;
    try { return utf8.encode(JSON.stringify(v)).length; } catch { return 0; }
  };
  window.kvhBench = {
    // One keystroke in risk `index`'s description or one change of its residual scores, through the
    // UI's edit path: ms of CPU, or -1 when refused.
    edit: ({ kind, id, index, i }) => {
      if (kind === 'keystroke') return window.kvhTest.keystroke(id, index, 'klmnopqrst'[i % 10]);
      for (let j = 0; j < 16; ++j) { // the first score that differs from the risk's current one
        const t = window.kvhTest.setScore(id, index, 1 + ((i + j) % 4), 1 + (((i + j) >> 2) % 4), true);
        if (t >= 0) return t;
      }
      return -1;
    },
    fileChosenAt: null,
    pointerUpAt: null,
    mark: () => done.length,
    // Completed transactions of the app's database since mark `n`: ms, records and bytes written.
    since: (n) => done.slice(n).filter((r) => r.db !== 'kvh-bench-raw').map((r) => ({
      t0: r.t0, t1: r.t1, ok: r.ok, puts: r.ops.filter((o) => o.op !== 'delete').length,
      deletes: r.ops.filter((o) => o.op === 'delete').length,
      bytes: r.ops.reduce((s, o) => s + bytes(o.value) + bytes(typeof o.key === 'string' ? o.key : JSON.stringify(o.key)), 0),
    })),
    // The same records as the app's transactions since mark `n`, put again, one transaction each,
    // into a database of their own with the app's durability: ms from the first put to complete.
    // With `frames`, each put starts as the app asks for that many frames (as a save does: the
    // status it shows changes), so both wait behind the same drawing.
    rawPuts: async (n, frames = 0) => {
      const txs = done.slice(n).filter((r) => r.db !== 'kvh-bench-raw' && r.ok && r.ops.some((o) => o.op !== 'delete'));
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('kvh-bench-raw', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('records');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const times = [];
      for (const r of txs) {
        if (frames) await new Promise((ok) => setTimeout(ok, 200)); // the frames before have been drawn
        if (frames) window.kvhTest.requestFrames(frames);
        const t0 = performance.now();
        await new Promise((ok, fail) => {
          const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
          for (const o of r.ops) if (o.op !== 'delete') tx.objectStore('records').put(o.value, `${o.store}/${JSON.stringify(o.key)}`);
          tx.oncomplete = ok;
          tx.onabort = () => fail(tx.error);
          if (tx.commit) tx.commit();
        });
        times.push(performance.now() - t0);
      }
      db.close();
      return times;
    },
  };
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') window.kvhBench.fileChosenAt = performance.now();
  }, true);
  window.addEventListener('pointerup', () => { window.kvhBench.pointerUpAt = performance.now(); }, true);
}

async function newPage(device = LAPTOP) {
  const context = await browser.newContext(device);
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

const ready = (page) => page.waitForFunction(() => window.kvhTest && window.kvhTest.ready(), null, { timeout: 120000 });
// Until every edit is durably written; polled every animation frame.
const durable = (page, timeout = 120000) =>
  page.waitForFunction(() => window.kvhTest.pendingSaves() === 0, null, { timeout, polling: 'raf' });
const settle = (page, ms = 300) => page.waitForTimeout(ms);

async function find(page, label, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await page.evaluate(() => window.kvhTest.items());
    const hit = all.find((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label));
    if (hit) return hit;
    if (Date.now() > deadline)
      throw new Error(`bench: no item "${label}" on screen; seen: ${[...new Set(all.map((i) => i.label))].join(' | ')}`);
    await page.waitForTimeout(50);
  }
}
// As a person clicks: the pointer rests on the item first (rows that allow overlap only take a press
// when they were hovered the frame before), then presses and releases.
async function click(page, label) {
  const i = await find(page, label);
  await page.mouse.move(i.x + i.w / 2, i.y + i.h / 2);
  await page.waitForTimeout(60);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(80);
}

// Reloads and waits for the first frame; returns kvhTest.firstFrameMs() (ms from navigation start).
async function restart(page) {
  await page.reload();
  await ready(page);
  return page.evaluate(() => window.kvhTest.firstFrameMs());
}

// [SECTION] Seeding: the one place that knows how a workspace gets into storage
// The storage layout is the app's business and changes (records of an older layout migrate on the
// first start), so every measured start is a later one: seed, start once, then measure.

// As a user does: Importera → the file input the app uses → "Importera N dokument" → durable. Returns
// when each step happened (ms, page clock): file chosen, preview drawn, confirm released, last write.
async function importThroughApp(page, path) {
  await click(page, 'Importera');
  await page.evaluate(() => { window.kvhBench.fileChosenAt = null; });
  const mark = await page.evaluate(() => window.kvhBench.mark());
  await page.setInputFiles('input[type=file]', path);
  // The preview, looked for on every animation frame.
  const preview = await page.waitForFunction(() => {
    const hit = window.kvhTest.items().find((i) => /^Importera \d+ dokument$/.test(i.label));
    return hit ? { label: hit.label, at: performance.now() } : null;
  }, null, { timeout: 120000, polling: 'raf' }).then((h) => h.jsonValue()).catch(async (e) => {
    await page.screenshot({ path: join(DATA, 'import-failed.png') });
    throw new Error(`bench: no preview for ${path} (see ${join(DATA, 'import-failed.png')}): ${e.message}`);
  });
  await click(page, preview.label);
  await durable(page);
  await settle(page, 100);
  return page.evaluate(({ mark, preview }) => {
    const txs = window.kvhBench.since(mark);
    return { chosen: window.kvhBench.fileChosenAt, preview: preview.at, confirmed: window.kvhBench.pointerUpAt,
             first_write: txs.length ? Math.min(...txs.map((t) => t.t0)) : null,
             durable: txs.length ? Math.max(...txs.map((t) => t.t1)) : null,
             transactions: txs.length, bytes: txs.reduce((s, t) => s + t.bytes, 0), label: preview.label };
  }, { mark, preview });
}

// A workspace holding `docs`: imported through the app, then started once.
async function seedWorkspace(page, docs, name) {
  const path = join(DATA, `${name}.json`);
  writeFileSync(path, exchangeFile(docs));
  await page.goto(url);
  await ready(page);
  const timing = await importThroughApp(page, path);
  await restart(page); // the first start after seeding (would migrate an older layout)
  return timing;
}

// `docs` written straight into IndexedDB as layout 1 (database version 1, one JSON text per document
// in "documents"), before the app has opened the database (from a page of the same origin that is not
// the app), then started once. Fast for 10,000 documents; a newer app migrates them on that start.
async function seedLayout1(page, docs) {
  await page.goto(`${url}bench-seed`);
  await page.evaluate((docs) => new Promise((ok, fail) => {
    const req = indexedDB.open('kvalitetshjul', 1);
    req.onupgradeneeded = () => { req.result.createObjectStore('documents'); req.result.createObjectStore('meta'); };
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('documents', 'readwrite');
      for (const d of docs) tx.objectStore('documents').put(JSON.stringify(d), d.id);
      tx.oncomplete = () => { req.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), docs);
  await page.goto(url);
  await ready(page);
  await restart(page);
}

// Opens the analysis titled `title` from the Riskanalyser screen.
async function openAnalysis(page, title) {
  await click(page, 'Riskanalyser');
  await click(page, title);
  await find(page, /^Risk 1: /);
  await settle(page);
}

// [SECTION] Start-up, idle frames, save latency by workspace size
await run('save', async () => {
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
});

// [SECTION] Edits at 20 and 2,000 risks: keystroke CPU, a real keypress's frames, bytes and save time
// Until no frame has been drawn for `quietMs`.
async function framesQuiet(page, quietMs = 150) {
  for (let last = -1; ;) {
    const now = await page.evaluate(() => window.kvhTest.frames());
    if (now === last) return;
    last = now;
    await page.waitForTimeout(quietMs);
  }
}

// Clicks into `field` (an item), goes to the end of its text and presses `count` letter keys one at a
// time as a person types: for each key, the build ms of the slowest frame it caused and how many
// frames it caused (the key and its character reach ImGui a frame apart).
async function typeInto(page, field, count) {
  await page.mouse.move(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForTimeout(60);
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.press('Control+End');
  await settle(page);
  const maxFrame = [], keyFrames = [];
  for (let i = 0; i < count; ++i) {
    const f0 = await page.evaluate(() => { window.kvhTest.takeFrameLog(); return window.kvhTest.frames(); });
    await page.keyboard.press('abcdefghij'[i % 10]);
    await page.waitForFunction((f0) => window.kvhTest.frames() > f0, f0, { polling: 'raf', timeout: 30000 });
    await framesQuiet(page, 120);
    const log = await page.evaluate(() => window.kvhTest.takeFrameLog());
    maxFrame.push(Math.max(...log));
    keyFrames.push(log.length);
  }
  return { maxFrame, keyFrames };
}

// One edit in the page (kvhBench.edit: a keystroke or a score change), handed to the store at
// once (as on page hide; the edit's frames and the save's are then the same ones) and waited for
// until durable: the transactions it took, the ms the hand-over itself took (serialising, starting
// the write), and the ms from the hand-over to the last transaction's completion.
async function editAndSave(page, edit) {
  const { mark, t0, handoff, edit_ms } = await page.evaluate((edit) => {
    const edit_ms = window.kvhBench.edit(edit);
    const mark = window.kvhBench.mark(), t0 = performance.now();
    window.kvhTest.flush();
    return { mark, t0, handoff: performance.now() - t0, edit_ms };
  }, edit);
  if (edit_ms < 0) throw new Error('bench: an edit was refused');
  await durable(page);
  const txs = await page.evaluate((mark) => window.kvhBench.since(mark), mark);
  return { mark, txs, handoff, ms: txs.length ? Math.max(...txs.map((t) => t.t1)) - t0 : null,
           bytes: txs.reduce((s, t) => s + t.bytes, 0) };
}

// `count` edits of `kind` on risks from `index` on, each saved at once: bytes per save, hand-over →
// complete, and raw puts of the same records, one transaction each — as the app asks for the frames a
// save asks for (the anchor: both wait behind the same drawing), and with nothing else going on.
async function savesOf(page, count, kind, id, index) {
  const first = await page.evaluate(() => window.kvhBench.mark());
  const saves = [];
  for (let i = 0; i < count; ++i) {
    await framesQuiet(page);
    saves.push(await editAndSave(page, { kind, id, index: kind === 'keystroke' ? index : index + i, i }));
  }
  await framesQuiet(page);
  const raw = await page.evaluate((mark) => window.kvhBench.rawPuts(mark, 3), first);
  const idle = await page.evaluate((mark) => window.kvhBench.rawPuts(mark), first);
  return { saves: saves.length, transactions_per_save: median(saves.map((s) => s.txs.length)),
           bytes_per_save: stats(saves.map((s) => s.bytes)), handoff_ms: stats(saves.map((s) => s.handoff)),
           save_ms: stats(saves.map((s) => s.ms)), raw_put_ms: stats(raw), raw_put_idle_ms: stats(idle),
           save_vs_raw: round(median(saves.map((s) => s.ms)) / median(raw), 2) };
}

await run('edits', async () => {
  out.edits = { budget: { keystroke_cpu_ms: 1, bytes_per_edit: 8 * 1024, save_vs_raw_put: 1.5 } };
  for (const risks of [20, 2000]) {
    const { context, page } = await newPage();
    const doc = makeAnalysis(risks, risks, 5);
    await seedWorkspace(page, [doc], `analysis-${risks}`);
    await openAnalysis(page, doc.title);
    const mid = Math.floor(risks / 2);
    const r = { risks, actions_per_risk: 5, document_bytes: Buffer.byteLength(JSON.stringify(doc)) };

    // One keystroke through the UI's edit path (kvhTest.keystroke → ui::edit_analysis, typing), 200
    // in a row in the description of the middle risk: one burst, as typing is.
    const cpu = await page.evaluate(({ id, mid }) => {
      const ms = [];
      for (let i = 0; i < 200; ++i) ms.push(window.kvhTest.keystroke(id, mid, 'abcdefghij'[i % 10]));
      return ms;
    }, { id: doc.id, mid });
    if (cpu.some((x) => x < 0)) throw new Error('bench: a keystroke was refused');
    // The first edit after loading also hashes every item whose hash is not cached yet.
    r.keystroke_cpu_ms = { ...stats(cpu), first: round(cpu[0]), median_after_first: round(median(cpu.slice(1))),
                           p95_after_first: round(quantile(cpu.slice(1), 0.95)) };
    await durable(page);

    // Real keypresses in "Vad kan hända?" of risk 1: the build ms of the frames each one causes (the
    // key and its character reach ImGui a frame apart; the slowest frame is the one that edits).
    await click(page, /^Risk 1: /);
    await find(page, 'Vad kan hända?');
    // The caption above the field has the same label: the field is the taller one.
    const field = (await page.evaluate(() => window.kvhTest.items())).filter((i) => i.label === 'Vad kan hända?')
      .sort((a, b) => b.h - a.h)[0];
    const { maxFrame, keyFrames } = await typeInto(page, field, 200);
    r.keypress_frame_build_ms = { ...stats(maxFrame), frames_per_key: median(keyFrames), first: round(maxFrame[0]),
                                  slowest_at_key: maxFrame.indexOf(Math.max(...maxFrame)) + 1 };
    await durable(page);
    const typed = await page.evaluate((id) => JSON.parse(window.kvhTest.workspace()).documents.find((d) => d.id === id)
      .body.risker[0].beskrivning.length, doc.id);
    r.keypress_chars_landed = typed - doc.body.risker[0].beskrivning.length;

    // Bytes and save time of one keystroke and of one score change, each saved at once.
    r.save_keystroke = await savesOf(page, 20, 'keystroke', doc.id, mid);
    r.save_score = await savesOf(page, 20, 'score', doc.id, 0);
    out.edits[`risks_${risks}`] = r;
    await context.close();
  }
  const a = out.edits.risks_20, b = out.edits.risks_2000;
  if (a && b) out.edits.keystroke_cpu_2000_vs_20 = round(b.keystroke_cpu_ms.median / a.keystroke_cpu_ms.median, 2);
});

// [SECTION] Heap growth over 200 discrete edits of the 2,000-risk analysis
// mallinfo().uordblks (bytes in use), not HEAPU8.length (which only grows). The document's own size:
// heap in use at the first frame with it stored, minus the same in an empty profile.
await run('heap', async () => {
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
});

// [SECTION] Frame build while scrolling the 2,000-risk analysis, list and both matrices in view
await run('scroll', async () => {
  const { context, page } = await newPage(DESKTOP);
  const doc = makeAnalysis(2000, 2000, 5);
  await seedWorkspace(page, [doc], 'analysis-2000');
  await openAnalysis(page, doc.title);
  await find(page, /^Ruta S\d K\d$/); // the matrices are drawn beside the list
  const row = await find(page, /^Risk 1: /);
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f0 = await page.evaluate(() => window.kvhTest.frames());
  for (let i = 0; i < 120; ++i) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const log = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f1 = await page.evaluate(() => window.kvhTest.frames());
  const last = (await page.evaluate(() => window.kvhTest.items())).filter((i) => /^Risk \d+: /.test(i.label)).map((i) => i.label);
  out.scroll = { budget: { frame_build_p95_ms: 4 }, viewport: '1920x1080', risks: 2000, wheel_steps: 120,
                 frames: f1 - f0, frame_build_ms: stats(log),
                 rows_in_view_after: last.length ? `${last[0].split(':')[0]} … ${last[last.length - 1].split(':')[0]}` : null };
  await context.close();
});

// [SECTION] The semantics layer (app/platform/semantics_web.cpp, web/lib_semantics.js) with 2,000 risks
await run('semantics', async () => {
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
});

// [SECTION] The Åtgärder register over 10,000 actions (2,000 risks × 5): scrolling, filtering, sorting
// Each figure is the build time of the frames a step causes (the slowest is the one that filters or
// sorts the rows again); the rows themselves are made once, when the register is first shown.
await run('register', async () => {
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
  const row = await find(page, /· Risk \d+, åtgärd \d+$/);
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f0 = await page.evaluate(() => window.kvhTest.frames());
  for (let i = 0; i < 120; ++i) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const log = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f1 = await page.evaluate(() => window.kvhTest.frames());
  const last = (await page.evaluate(() => window.kvhTest.items())).filter((i) => /· Risk \d+, åtgärd \d+$/.test(i.label)).map((i) => i.label);
  out.register = {
    budget: { frame_build_p95_ms: 4 }, viewport: '1366x768', actions: 10000, risks: 2000,
    first_open_frame_build_ms: round(Math.max(...open)),
    filter_frame_build_ms: { ...filters, ...stats(Object.values(filters)) },
    search_key_frame_build_ms: stats(keys),
    sort_frame_build_ms: stats(sorts),
    scroll: { wheel_steps: 120, frames: f1 - f0, frame_build_ms: stats(log),
              rows_in_view_after: last.length ? `${last[0]} … ${last[last.length - 1]}` : null },
  };
  await context.close();
});

// [SECTION] Import of a 10 MB exchange file, next to a bare nlohmann parse of it
const workspaceDocs = (wanted('import') || wanted('cold_start')) ? makeWorkspaceDocs(10 * 1024 * 1024) : null;
await run('import', async () => {
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
});

// [SECTION] Cold start with the 10 MB workspace, next to an empty profile's
// Starts 2–6 of each profile (reloads); the first start after seeding is not measured.
await run('cold_start', async () => {
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
});

// [SECTION] The årshjul of 60 planned checks, 12 of them done with 200 samples × 10 questions each
// The wheel's facts are computed when the workspace or the day changes; a frame only draws them. The
// pointer moving over the wheel redraws it (its tooltip follows the nearest mark) every frame.
await run('arshjul', async () => {
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
});

// [SECTION] Översikt and the action editor at 2,000 risks × 5 actions, beside a plan of 60 checks
// Översikt: the frame that opens it (the heat map, the counts and the årshjul's lists from the facts
// index), and frame build while the pointer moves over it. The action editor: real keypresses in
// "Vad ska göras?" of risk 1's first action, the build ms of the frames each one causes.
await run('oversikt', async () => {
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
});

// [SECTION] Utförd egenkontroll: 200 samples × 10 questions, among 12 such runs and a plan of 60 checks
// Opening on a laptop: from the press on the list row to the first frame of its editor (all of it built).
// One answer at a phone's size (390 × 844, one sample at a time): from the press on Nej to the frame
// that shows the result counted again.
await run('egenkontroll_run', async () => {
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
});

// [SECTION] Output
out.machine.loadavg_end = loadavg().map((x) => round(x, 2));
await browser.close();
server.close();
writeFileSync('build/bench.json', JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
