// Shared E2E machinery: serves build/web/dist on a free loopback port, starts Debian's Chromium
// through playwright-core, and finds ImGui widgets on the canvas through window.kvhTest.items().
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { serve } from '../../tools/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.KVH_DIST ?? join(ROOT, 'build', 'web', 'dist');
export const SHOTS = join(ROOT, 'build', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 };

export async function start() {
  const server = await serve(DIST, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader',
           '--enable-unsafe-swiftshader', '--disable-background-networking',
           '--disable-component-update', '--no-first-run'],
  });
  const requests = [];
  const errors = [];
  const stop = async () => { await browser.close(); await new Promise((ok) => server.close(ok)); };
  return { url, browser, requests, errors, stop };
}

// Opens the app in `context` and waits for its first frame after loading the workspace.
// Every request and page error is recorded: the app must not reach anything but its own files.
export async function open(env, context) {
  const page = await context.newPage();
  page.on('request', (r) => env.requests.push(r.url()));
  page.on('pageerror', (e) => env.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') env.errors.push(m.text()); });
  await page.goto(env.url);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.kvhTest && window.kvhTest.ready(), null, { timeout: 30000 });
}

export const items = (page) => page.evaluate(() => window.kvhTest.items());
export const workspace = async (page) => JSON.parse(await page.evaluate(() => window.kvhTest.workspace()));
export const frames = (page) => page.evaluate(() => window.kvhTest.frames());
export const pendingSaves = (page) => page.evaluate(() => window.kvhTest.pendingSaves());

// Waits until an item whose label matches (string: exact; RegExp: test) is drawn; returns it.
export async function find(page, label, { timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await items(page);
    const hit = all.find((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label));
    if (hit) return hit;
    if (Date.now() > deadline) {
      const seen = [...new Set(all.map((i) => i.label).filter(Boolean))].join(' | ');
      throw new Error(`no item "${label}" on screen; seen: ${seen}`);
    }
    await page.waitForTimeout(50);
  }
}

// A finger on the screen through the DevTools protocol (playwright's touchscreen only taps):
// from `from` to `to` in `steps` moves, optionally resting `holdMs` first (a long press).
export async function drag(page, from, to, { steps = 12, holdMs = 0 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  if (holdMs) await page.waitForTimeout(holdMs);
  for (let i = 1; i <= steps; ++i) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Scrolls the pane under `at` until `label` is drawn clear of the bottom `margin` (a phone's tab bar
// and confirmation), as a person would: the mouse wheel, or with `touch` a slow finger drag upwards;
// returns the item once the scrolling has settled.
export async function reveal(page, label, at, { touch = false, margin = touch ? 180 : 0 } = {}) {
  const bottom = page.viewportSize().height - margin;
  for (let i = 0; i < 30; ++i) {
    const seen = (await items(page)).find((it) => (label instanceof RegExp ? label.test(it.label) : it.label === label));
    if (seen && seen.y + seen.h <= bottom) {
      await page.waitForTimeout(touch ? 900 : 200); // inertia runs out before anyone aims
      return find(page, label);
    }
    if (touch) {
      await drag(page, at, { x: at.x, y: at.y - 250 }, { steps: 20 });
    } else {
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, 150);
    }
    await page.waitForTimeout(60);
  }
  return find(page, label);
}

export async function has(page, label) {
  const all = await items(page);
  return all.some((i) => (label instanceof RegExp ? label.test(i.label) : i.label === label));
}

const centre = (i) => ({ x: i.x + i.w / 2, y: i.y + i.h / 2 });

export async function click(page, label) {
  const c = centre(await find(page, label));
  await page.mouse.click(c.x, c.y);
  await page.waitForTimeout(60);
}

export async function tap(page, label) {
  const c = centre(await find(page, label));
  await page.touchscreen.tap(c.x, c.y);
  await page.waitForTimeout(60);
}

// Waits until every edit is durably written to IndexedDB, and every key sent has become an edit:
// ImGui takes about one key a frame, and playwright types faster than SwiftShader draws frames.
export async function saved(page, { timeout = 10000 } = {}) {
  await page.waitForFunction(() => (window.kvhTest.inputQueued?.() ?? 0) === 0 && window.kvhTest.pendingSaves() === 0, null, { timeout });
}

export const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

// [SECTION] Fields as a person reaches them (moved here from typing.test.mjs, which shares them)
// Scrolls (a finger on a phone, the wheel over `pane` on a laptop) until `label` rests wholly between
// the top bar and the tab bar; returns the last item of that name: a field's caption above it carries
// the same name, so that is the field. What is out of view is not drawn: ahead first, then back
// (`back`: the other way round).
export async function field(page, label, { touch, pane, back: behind = false }) {
  const [top, bottom] = touch ? [130, 720] : [40, 728];
  const visible = async () => {
    const last = (await items(page)).filter((i) => i.label === label).at(-1);
    return last && last.y >= top && last.y + last.h <= bottom ? last : undefined;
  };
  for (let i = 0; i < 24; ++i) {
    if (await visible()) {
      await page.waitForTimeout(touch ? 900 : 200); // inertia runs out before anyone aims
      const hit = await visible();
      if (hit) return hit;
    }
    const seen = (await items(page)).find((it) => it.label === label);
    const back = seen ? seen.y < top : behind !== i >= 8;
    if (touch) {
      await drag(page, { x: 200, y: back ? 300 : 600 }, { x: 200, y: back ? 550 : 350 }, { steps: 20 });
    } else {
      await page.mouse.move(pane.x, pane.y);
      await page.mouse.wheel(0, back ? -150 : 150);
    }
    await page.waitForTimeout(60);
  }
  throw new Error(`"${label}" not brought into view`);
}

// The hidden text agent has the browser's focus exactly while a field has the keyboard: typing sent
// before that would be lost, as it would be for a person typing before the keyboard is up.
export const agentFocused = (page, yes, timeout = 30000) =>
  page.waitForFunction((yes) => (document.activeElement?.id === 'kvh-text-agent') === yes, yes, { timeout });

export async function focus(page, label, where) {
  // Another field still has the keyboard (Tab moved it there): Esc leaves it, keeping its text. An
  // Esc in the very frame the field is activated is not seen by it: then once more.
  for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id === 'kvh-text-agent')); ++i) {
    await page.keyboard.press('Escape');
    await agentFocused(page, false, 3000).catch(() => {});
  }
  const f = await field(page, label, where);
  if (where.touch) await page.touchscreen.tap(centre(f).x, centre(f).y);
  else await page.mouse.click(centre(f).x, centre(f).y);
  await agentFocused(page, true);
}

export async function leave(page) {
  await page.keyboard.press('Enter');
  await agentFocused(page, false);
}
