// What the accessibility E2E tests share: axe-core run in the page, Chromium's accessibility tree
// (CDP Accessibility.getFullAXTree) searched as a screen reader user would, and the semantics
// layer's DOM read back.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core is injected as an inline script, which the app's Content-Security-Policy forbids.
export const context = (env, size) => env.browser.newContext({ ...size, bypassCSP: true });

export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }))), WCAG);
}

export async function noViolations(page, name) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${name}: axe found\n${JSON.stringify(violations, null, 2)}`);
}

export async function tree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored);
}

const matches = (name, n) => (name instanceof RegExp ? name.test(n.name?.value ?? '') : n.name?.value === name);

// The node of `role` (null: any) named `name` (string: exact; RegExp), as a screen reader user would
// reach it; waits for it.
export async function axFind(page, role, name, { timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const nodes = await tree(page);
    const hit = nodes.find((n) => (!role || n.role?.value === role) && matches(name, n));
    if (hit) return hit;
    if (Date.now() > deadline) {
      const seen = nodes.filter((n) => !role || n.role?.value === role).map((n) => `${n.role?.value} ${n.name?.value}`).join(' | ');
      throw new Error(`no ${role} "${name}" in the accessibility tree; there are: ${seen}`);
    }
    await page.waitForTimeout(100);
  }
}

// Moves the focus to the node (as a screen reader does), then presses `key` (null: none).
export async function axPress(page, role, name, key = 'Enter') {
  const node = await axFind(page, role, name);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId });
  await cdp.detach();
  if (key) await page.keyboard.press(key);
  await page.waitForTimeout(150);
}

// The element with the DOM focus, as the semantics layer has it.
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || !el.dataset || !el.dataset.kvhId) return { tag: el?.tagName, id: el?.id };
  return { id: Number(el.dataset.kvhId), tag: el.tagName, role: el.getAttribute('role'),
           name: el.getAttribute('aria-label') || el.textContent, value: el.value,
           dialog: el.closest('[role=dialog],[role=listbox]')?.getAttribute('aria-label') ?? null };
});

export async function press(page, key, times = 1) {
  for (let i = 0; i < times; ++i) {
    await page.keyboard.press(key);
    await page.waitForTimeout(120);
  }
}

// Tab (Shift+Tab with `back`) until the element with the focus is named `name`, as a keyboard user
// goes down a screen (what is below the fold comes into view on the way).
export async function tabTo(page, name, { back = false, max = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < max; ++i) {
    await press(page, back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (name instanceof RegExp ? name.test(f.name ?? '') : f.name === name) return f;
    seen.push(f.name ?? f.tag);
  }
  throw new Error(`${max} Tabs did not reach "${name}": ${seen.join(' | ')}`);
}
