// Reflow and text size (WCAG 1.4.10, 1.4.4): at 320 CSS px wide (a 1280 px screen at 400 %), at
// 200 % browser zoom on a laptop and a projector, and with the app's own text size at 200 %, every
// main screen and a document of each kind is laid out in the width there is: no window's content is
// wider than the window (nothing cut off at the right, nothing to scroll sideways).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const SIZES = {
  'narrow-320': { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  'laptop-200pct': { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
  'projector-200pct': { viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 },
};
// The screens, each by the name of its button in the side bar and in a phone's tab bar, the view
// of it to pick where it has two (a phone shows the register and the plans apart), and the document
// opened from it (null: the screen itself).
const SCREENS = [
  [['Översikt'], null, null],
  [['Riskanalyser', 'Risker'], null, 'Riskanalys inför ny organisation av nattpatrullen'],
  [['Egenkontroller', 'Kontroller'], null, 'Egenkontrollplan 2026'],
  [['Egenkontroller', 'Kontroller'], null, 'Journalgranskning fall och trycksår'],
  [['Årlig genomgång', 'Genomgång'], null, 'Årlig genomgång av ledningssystemet 2025'],
  [['Åtgärder'], /^Åtgärdsplaner \(\d+\)$/, 'Åtgärdsplan efter lex Sarah-utredning om uteblivna insatser'],
  [['Åtgärder'], /^Alla åtgärder \(\d+\)$/, null],
  [['Inställningar'], null, null],
  [['Om Kvalitetshjul'], null, null],
];

// To a screen as a person gets there: its button in the side bar (scrolled to, while a confirmation
// at the side bar's foot leaves less room) or in a phone's tab bar, else through the menu.
// ImGui counts the blank where a wrapped line breaks in the text's width: up to 2 px past the edge is
// that, nothing cut off.
const SLACK = 2;

async function go(page, names) {
  for (const name of names) if (await h.has(page, name)) return h.click(page, name);
  if (!(await h.has(page, 'Meny'))) {
    const side = await h.find(page, 'Översikt');
    return h.click(page, (await h.reveal(page, names[0], { x: side.x + 10, y: side.y + side.h })).label);
  }
  await h.click(page, 'Meny');
  for (const name of names) if (await h.has(page, name)) return h.click(page, name);
  throw new Error(`no way to ${names[0]}`);
}

async function importSample(page) {
  await go(page, ['Importera']);
  const chooser = page.waitForEvent('filechooser');
  await h.click(page, 'Välj fil…');
  await (await chooser).setFiles('tests/data/workspace_valid.json');
  await h.click(page, (await h.find(page, /^Importera \d+ dokument$/)).label);
  await h.saved(page);
}

// What in window `w` reaches past its right edge, by name: an item has its name only while it is on
// screen, so the window is scrolled through from top to bottom with the wheel, and back.
async function pastEdge(page, w) {
  const found = new Set();
  const named = async () => ((await page.evaluate(() => window.kvhTest.cutOff())).find((x) => x.window === w.window)?.items ?? []);
  const pane = (await h.items(page)).find((i) => i.label === w.window.replace(/^##/, ''));
  const at = pane ? { x: pane.x + pane.w / 2, y: pane.y + pane.h / 2 } : { x: page.viewportSize().width / 2, y: page.viewportSize().height / 2 };
  let steps = 0;
  for (let last = ''; steps < 80; ++steps) {
    for (const item of await named()) if (!item.startsWith('#')) found.add(item);
    const seen = (await h.items(page)).map((it) => `${it.label}@${it.y}`).join();
    if (seen === last) break;
    last = seen;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(120);
  }
  for (; steps > 0; --steps) await page.mouse.wheel(0, -200);
  await page.waitForTimeout(300);
  return found.size ? [...found] : w.items;
}

// Each screen: the windows whose content is wider than they are, with a screenshot to look at.
async function tour(page, size, device) {
  const cut = [];
  for (const [names, view, doc] of SCREENS) {
    await go(page, names);
    if (view && (await h.has(page, view))) await (device.hasTouch ? h.tap : h.click)(page, view);
    if (doc) {
      const touch = !!device.hasTouch;
      const row = await h.reveal(page, doc, { x: page.viewportSize().width / 2, y: page.viewportSize().height / 2 }, { touch });
      if (touch) {
        await h.tap(page, row.label);
      } else {
        await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2); // a row opens as a hovered click
        await page.waitForTimeout(300);
        await h.click(page, row.label);
      }
      await h.find(page, 'Tillbaka');
    }
    await page.waitForTimeout(300);
    await h.shot(page, `reflow-${size}-${(doc ?? names[0]).split(' ')[0].toLowerCase()}`);
    for (const w of await page.evaluate(() => window.kvhTest.cutOff()))
      if (w.over > SLACK) cut.push({ screen: doc ?? names[0], what: `${w.window} ${w.over} px too wide: ${(await pastEdge(page, w)).join(' | ')}` });
    if (doc) await (device.hasTouch ? h.tap : h.click)(page, 'Tillbaka');
  }
  return cut;
}

for (const [size, device] of Object.entries(SIZES)) {
  test(`at ${size}, every main screen and a document of each kind fit the width without anything cut off`, async () => {
    const c = await env.browser.newContext(device);
    const page = await h.open(env, c);
    await importSample(page);
    const cut = await tour(page, size, device);
    assert.deepEqual(cut, []);
    assert.deepEqual(env.errors, []);
    await c.close();
  });
}

test('with the app\'s own text size at 200 % on a laptop, every main screen still fits the width', async () => {
  const c = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, c);
  await importSample(page);
  await go(page, ['Inställningar']);
  for (let i = 0; i < 4; ++i) await h.click(page, '+'); // spoken as "Större text"
  await h.find(page, '200 %');
  const cut = await tour(page, 'laptop-text-200', h.LAPTOP);
  assert.deepEqual(cut, []);
  assert.deepEqual(env.errors, []);
  await c.close();
});
