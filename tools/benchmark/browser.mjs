// The browser of the benchmark: the app served and Chromium started once, pages that record every
// IndexedDB write, and how a person finds, clicks and types into the app's drawn items.
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

let server = null;
export let browser = null;
export let url = null;

// Serves `dist` on a free port and starts Debian's Chromium with the flags the E2E tests use.
export async function startBrowser(dist) {
  server = await serve(dist, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function stopBrowser() {
  await browser?.close();
  server?.close();
}

export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };
export const DESKTOP = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };


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

export async function newPage(device = LAPTOP) {
  const context = await browser.newContext(device);
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

export const ready = (page) => page.waitForFunction(() => window.kvhTest && window.kvhTest.ready(), null, { timeout: 120000 });
// Until every edit is durably written; polled every animation frame.
export const durable = (page, timeout = 120000) =>
  page.waitForFunction(() => window.kvhTest.pendingSaves() === 0, null, { timeout, polling: 'raf' });
export const settle = (page, ms = 300) => page.waitForTimeout(ms);

export async function find(page, label, timeout = 20000) {
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
export async function click(page, label) {
  const i = await find(page, label);
  await page.mouse.move(i.x + i.w / 2, i.y + i.h / 2);
  await page.waitForTimeout(60);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(80);
}

// Reloads and waits for the first frame; returns kvhTest.firstFrameMs() (ms from navigation start).
export async function restart(page) {
  await page.reload();
  await ready(page);
  return page.evaluate(() => window.kvhTest.firstFrameMs());
}

// Until no frame has been drawn for `quietMs`.
export async function framesQuiet(page, quietMs = 150) {
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
export async function typeInto(page, field, count) {
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

// Rests the pointer on the first item matching `rowLabel` and turns the wheel `steps` times, 100 px a
// step at about 60 Hz, as a person scrolls a list: the frames drawn, the build ms of each, and the
// labels of the rows matching `rowLabel` in view afterwards.
export async function wheelOver(page, rowLabel, steps) {
  const row = await find(page, rowLabel);
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
  await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f0 = await page.evaluate(() => window.kvhTest.frames());
  for (let i = 0; i < steps; ++i) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  await settle(page);
  const log = await page.evaluate(() => window.kvhTest.takeFrameLog());
  const f1 = await page.evaluate(() => window.kvhTest.frames());
  const rows = (await page.evaluate(() => window.kvhTest.items())).map((i) => i.label).filter((l) => rowLabel.test(l));
  return { frames: f1 - f0, log, rows };
}
