// Accessibility as a screen reader and a keyboard meet it: axe-core finds no WCAG 2.1 A/AA fault on
// the main screens at phone and laptop size; every interactive item drawn has a node with a role and
// a name in Chromium's accessibility tree; an analysis is made, a risk added from the library, scored
// and given an action with only those nodes and the keyboard; Tab starts at the skip link and the focus ring is seen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';
import { context as axContext, axeViolations, axFind, axPress, tabTo } from './ax.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

const context = (size) => axContext(env, size);

// The accessibility tree's node for each interactive item of the last frame (found through its DOM
// element), and the items that have none or whose node has no role or no name.
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const byBackend = new Map(nodes.filter((n) => n.backendDOMNodeId).map((n) => [n.backendDOMNodeId, n]));
  const found = [], missing = [];
  for (const item of (await h.items(page)).filter((i) => i.interactive)) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-kvh-id="${item.id}"]` });
    const ax = nodeId ? byBackend.get((await cdp.send('DOM.describeNode', { nodeId })).node.backendNodeId) : undefined;
    const role = ax?.role?.value, name = ax?.name?.value?.trim();
    if (!ax || ax.ignored || !role || role === 'generic' || !name) missing.push({ label: item.label, role, name });
    else found.push({ role, name, backend: ax.backendDOMNodeId });
  }
  await cdp.detach();
  return { found, missing };
}

async function checkScreen(page, name) {
  await page.waitForTimeout(300);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${name}: axe found\n${JSON.stringify(violations, null, 2)}`);
  const { found, missing } = await axNodes(page);
  assert.deepEqual(missing, [], `${name}: interactive items without a role and a name in the accessibility tree`);
  assert.ok(found.length > 3, `${name}: ${found.length} interactive nodes`);
}

for (const [size, go, settings] of [['laptop', h.click, ['Inställningar']], ['phone', h.tap, ['Meny', 'Inställningar']]]) {
  test(`on a ${size}, the main screens have no WCAG 2.1 A/AA fault and every control has a role and a name`, async () => {
    const c = await context(size === 'laptop' ? h.LAPTOP : h.PHONE);
    const page = await h.open(env, c);
    await h.find(page, 'Översikt');
    await checkScreen(page, 'Översikt');
    await go(page, size === 'laptop' ? 'Riskanalyser' : 'Risker');
    await h.find(page, 'Ny riskanalys');
    await checkScreen(page, 'Riskanalyser');
    await go(page, 'Ny riskanalys');
    await h.find(page, 'Från riskbiblioteket');
    await checkScreen(page, 'en riskanalys');
    await go(page, 'Åtgärder');
    await h.find(page, /Åtgärdsregister|Åtgärder/);
    await checkScreen(page, 'Åtgärder');
    // The egenkontroll screens: the list, a new plan, a new run.
    await go(page, size === 'laptop' ? 'Egenkontroller' : 'Kontroller');
    await h.find(page, 'Ny egenkontrollplan');
    await checkScreen(page, 'Egenkontroller');
    await go(page, 'Ny egenkontrollplan');
    await h.find(page, 'Fastställd av');
    await checkScreen(page, 'en egenkontrollplan');
    await go(page, size === 'laptop' ? 'Egenkontroller' : 'Kontroller');
    await go(page, 'Dokumentera genomförd egenkontroll');
    await h.find(page, 'Område');
    await checkScreen(page, 'en utförd egenkontroll');
    await go(page, size === 'laptop' ? 'Årlig genomgång' : 'Genomgång');
    await page.waitForTimeout(300);
    await checkScreen(page, 'Årlig genomgång');
    for (const step of settings) await go(page, step);
    await h.find(page, 'Hög kontrast');
    await checkScreen(page, 'Inställningar');
    assert.deepEqual(env.errors, []);
    await c.close();
  });
}

// [SECTION] Keyboard and accessibility tree only

const analysis = async (page) => (await h.workspace(page)).documents.find((d) => d.kind === 'riskanalys');

test('a risk analysis is made, a risk added from the library, scored and given an action with the accessibility tree and the keyboard alone', async () => {
  const c = await context(h.LAPTOP);
  const page = await h.open(env, c);
  await axPress(page, 'button', 'Riskanalyser');
  await h.shot(page, 'a11y-1-riskanalyser');
  await axPress(page, 'button', 'Ny riskanalys');
  await axFind(page, 'button', 'Från riskbiblioteket');
  // The title field: focusing it gives it the keyboard (the text agent, named for the field).
  await axPress(page, 'textbox', 'Titel', null);
  await h.agentFocused(page, true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Titel');
  await page.keyboard.type('Fallrisker på natten', { delay: 30 });
  // Tab goes on to the next field (the text agent, named for it), Esc leaves the fields.
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') !== 'Titel', null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await h.agentFocused(page, false);
  await h.saved(page);
  assert.equal((await analysis(page)).title, 'Fallrisker på natten');
  await h.shot(page, 'a11y-2-titel');
  await axPress(page, 'button', 'Från riskbiblioteket');
  await axFind(page, 'heading', 'Riskbiblioteket');
  await axPress(page, 'button', 'Lägg till');
  await h.shot(page, 'a11y-3-lagt-till');
  await axPress(page, 'button', 'Klar – till analysen');
  await h.saved(page);
  // The button that had the focus is gone with its screen: the focus is at the start of the new one.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Tillbaka', null, { timeout: 5000 });
  const doc = await analysis(page);
  assert.equal(doc.body.risker.length, 1, 'one risk from the library');
  assert.ok(doc.body.risker[0].beskrivning.length > 10, 'the library text came along');
  await h.shot(page, 'a11y-4-analysen');
  // Scored with the level pickers, an action added, all by Tab, Enter and the tree's nodes.
  await axPress(page, 'button', /^Risk 1: /);
  await axFind(page, 'heading', 'Risk 1 av 1');
  // The risk's parts are headings under it: a screen reader user moves by them (those on screen).
  const level = (node) => node.properties?.find((p) => p.name === 'level')?.value.value;
  assert.equal(level(await axFind(page, 'heading', 'Bedömning')), 3, 'a part of the risk, under its heading');
  await axPress(page, 'button', '3 Stor');
  await h.shot(page, 'a11y-5-sannolikhet');
  await tabTo(page, '4 Katastrofal');
  await page.keyboard.press('Enter');
  await h.saved(page);
  await h.shot(page, 'a11y-6-konsekvens');
  let risk = (await analysis(page)).body.risker[0];
  assert.deepEqual([risk.sannolikhet, risk.konsekvens], [3, 4], 'scored by keyboard');
  await tabTo(page, 'Lägg till åtgärd');
  await page.keyboard.press('Enter');
  await axFind(page, null, /^Åtgärd 1/);
  await axPress(page, 'textbox', 'Vad ska göras?', null);
  await h.agentFocused(page, true);
  await page.keyboard.type('Rutin för överlämning mellan passen', { delay: 20 });
  await h.shot(page, 'a11y-7-atgard');
  await page.keyboard.press('Escape');
  await h.agentFocused(page, false);
  await h.saved(page);
  risk = (await analysis(page)).body.risker[0];
  assert.equal(risk.atgarder.length, 1, 'one action');
  assert.equal(risk.atgarder[0].vad, 'Rutin för överlämning mellan passen');
  await h.shot(page, 'a11y-8-klar');
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('Tab starts at the skip link, which leads past the navigation; the focus ring and the DOM focus follow', async () => {
  const c = await context(h.LAPTOP);
  const page = await h.open(env, c);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kvh-skip');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoppa till innehållet');
  await h.shot(page, 'a11y-tab-skip-link');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset.kvhId ? { id: Number(el.dataset.kvhId), text: el.textContent || el.getAttribute('aria-label') } : null;
  });
  const first = await focused();
  assert.ok(first, 'the focus is on an item of the content');
  const side = await h.find(page, 'Inställningar'); // the side bar's last destination
  const start = (await h.items(page)).find((i) => i.id === first.id);
  assert.ok(start.x > side.x + side.w, `past the side bar: ${first.text} at x ${start.x}`);
  await h.shot(page, 'a11y-tab-content');
  // On in visual order through the content, and back.
  await page.keyboard.press('Tab');
  await page.waitForTimeout(150);
  const second = await focused();
  assert.ok(second && second.id !== first.id, `Tab moves on from ${first.text}`);
  const a = (await h.items(page)).find((i) => i.id === first.id), b = (await h.items(page)).find((i) => i.id === second.id);
  assert.ok(b.y > a.y + 2 || (Math.abs(b.y - a.y) <= 2 && b.x > a.x), 'to the next item in visual order');
  await h.shot(page, 'a11y-tab-ring');
  await page.keyboard.press('Shift+Tab');
  await page.waitForTimeout(150);
  assert.equal((await focused())?.id, first.id, 'Shift+Tab goes back');
  // Before the content, the side bar: its last item.
  await page.keyboard.press('Shift+Tab');
  await page.waitForTimeout(150);
  const before = await focused();
  const at = (await h.items(page)).find((i) => i.id === before?.id);
  assert.ok(at && at.x + at.w <= side.x + side.w + 1, `Shift+Tab from the content reaches the side bar: ${before?.text}`);
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('Tab reaches what lies below the fold: the content scrolls on and the focus ring goes with it', async () => {
  const c = await context(h.LAPTOP);
  const page = await h.open(env, c);
  await h.click(page, 'Riskanalyser');
  await h.click(page, 'Ny riskanalys');
  await h.click(page, 'Från riskbiblioteket');
  await h.find(page, 'Lägg till');
  const onFirstScreen = (await h.items(page)).filter((i) => i.label === 'Lägg till').length;
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Enter');
  let adds = 0;
  for (let i = 0; i < 40; ++i) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(60);
    if (await page.evaluate(() => document.activeElement?.textContent === 'Lägg till')) adds++;
  }
  assert.ok(adds > onFirstScreen + 2, `${adds} "Lägg till" reached by Tab, ${onFirstScreen} on the first screen`);
  await h.shot(page, 'a11y-tab-scrolled');
  assert.deepEqual(env.errors, []);
  await c.close();
});

test('an idle page sends nothing to the DOM, and frames that change nothing send nothing', async () => {
  const c = await context(h.LAPTOP);
  const page = await h.open(env, c);
  await h.find(page, 'Översikt');
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.kvhTest.semanticsUpdates());
  const framesBefore = await h.frames(page);
  await page.evaluate(() => window.kvhTest.requestFrames(10)); // frames with nothing new in them
  await page.waitForFunction((n) => window.kvhTest.frames() >= n, framesBefore + 10, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.kvhTest.semanticsUpdates()), before);
  await h.click(page, 'Riskanalyser');
  assert.ok((await page.evaluate(() => window.kvhTest.semanticsUpdates())) > before, 'a new screen is sent');
  await c.close();
});
