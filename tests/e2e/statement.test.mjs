// The accessibility statement as plain web pages beside the app: read without JavaScript, found from
// the page shown when the app cannot start, free of WCAG faults, in Swedish and English, and word for
// word what the About screen says (both are made from the message catalogue).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';
import { context, noViolations } from './ax.mjs';

let env;
before(async () => { env = await h.start(); });
after(async () => { await env.stop(); });

// The headings, paragraphs and list items of a statement page, in order, as [tag, text].
const blocks = (page) => page.evaluate(() => Array.from(document.querySelectorAll('main > *, main li'))
  .filter((e) => e.tagName !== 'UL').map((e) => [e.tagName, e.textContent]));

test('the statement is a plain page in Swedish and English, read without JavaScript, reached from the page that says the app needs it', async () => {
  const c = await env.browser.newContext({ ...h.PHONE, javaScriptEnabled: false });
  const page = await c.newPage();
  await page.goto(env.url);
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await page.waitForURL(/tillganglighet\.html$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  const sv = await blocks(page);
  assert.deepEqual(sv.filter(([t]) => t === 'H1' || t === 'H2').map(([, x]) => x),
    ['Tillgänglighetsredogörelse', 'Hur tillgänglig är appen?', 'Det här fungerar', 'Innehåll som inte är tillgängligt',
     'Hur vi testat appen', 'Rapportera brister', 'Tillsyn']);
  const gaps = sv.filter(([t]) => t === 'LI').map(([, x]) => x);
  assert.equal(gaps.length, 3, 'three known gaps');
  for (const gap of gaps) {
    assert.match(gap, /\(WCAG \d\.\d\.\d/, `a criterion: ${gap}`);
    assert.match(gap, /Planeras att åtgärdas senast den \d+ \w+ 2027\.$/, `a planned date: ${gap}`);
  }
  assert.match(sv.at(-1)[1], /^Redogörelsen gjordes den 2 december 2026 och uppdaterades senast den \d+ \w+ 2026\. Den gäller version \d+\.\d+\.\d+\.$/);
  assert.equal(await page.getAttribute('a[href="https://www.digg.se/tdosanmalan"]', 'href'), 'https://www.digg.se/tdosanmalan');
  await page.screenshot({ path: `${h.SHOTS}/statement-page-phone.png`, fullPage: true });
  await page.getByRole('link', { name: 'In English' }).click();
  await page.waitForURL(/accessibility\.html$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const en = await blocks(page);
  assert.equal(en.length, sv.length, 'the same parts in English');
  assert.equal(en[0][1], 'Accessibility statement');
  assert.match(en.filter(([t]) => t === 'LI').map(([, x]) => x).join('\n'), /Planned to be fixed by 31 December 2027/);
  await c.close();

  // axe needs script: the same pages in a context that runs it (the pages themselves have none).
  const a = await context(env, h.LAPTOP);
  const check = await a.newPage();
  for (const name of ['tillganglighet.html', 'accessibility.html']) {
    await check.goto(env.url + name);
    await noViolations(check, name);
  }
  await check.emulateMedia({ colorScheme: 'dark' });
  await noViolations(check, 'accessibility.html, dark');
  await check.screenshot({ path: `${h.SHOTS}/statement-page-laptop-dark.png` });
  await a.close();
});

test('the About screen says word for word what the statement page says, and where the page is', async () => {
  const c = await env.browser.newContext(h.LAPTOP);
  const page = await h.open(env, c);
  await h.click(page, 'Om Kvalitetshjul');
  await h.find(page, 'Tillgänglighetsredogörelse');
  const seen = new Set();
  await page.mouse.move(900, 500);
  for (let i = 0; i < 16; ++i) {
    for (const item of await h.items(page)) seen.add(item.label);
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(80);
  }
  for (const item of await h.items(page)) seen.add(item.label);
  const c2 = await env.browser.newContext({ javaScriptEnabled: false });
  const plain = await c2.newPage();
  await plain.goto(env.url + 'tillganglighet.html');
  const missing = (await blocks(plain)).map(([, x]) => x).filter((x) => !seen.has(x));
  assert.deepEqual(missing, [], 'every heading, paragraph and gap of the page is on the About screen');
  assert.ok([...seen].some((l) => /tillganglighet\.html/.test(l)), 'the About screen says where the page is');
  await c2.close();
  assert.deepEqual(env.errors, []);
  await c.close();
});
