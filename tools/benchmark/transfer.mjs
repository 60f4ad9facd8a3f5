// Transfer size: what a first start of the app fetches (the page, its service worker and what that
// worker caches, the libraries of assets/), each file's raw and gzip size; the budget is on their
// sum. Files beside the app that a start does not fetch (the accessibility statement as plain pages,
// the file format's schema, the description of the random draw) are listed apart, not counted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { url, newPage, ready } from './browser.mjs';

export async function transfer(out, dist) {
  // The service worker is not registered under automation (boot.js), and a headless browser does not
  // ask for the manifest: a person's browser fetches both (the worker then the shell files again).
  const fetched = new Set(['sw.js', 'manifest.webmanifest']);
  const { context, page } = await newPage();
  context.on('request', (r) => {
    if (r.url().startsWith(url)) fetched.add(decodeURIComponent(new URL(r.url()).pathname.slice(1)) || 'index.html');
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await context.close();

  const files = (dir, prefix = '') => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [[`${prefix}${name}`, path]];
  });
  let raw = 0, gz = 0;
  out.transfer_beside = {};
  for (const [name, path] of files(dist)) {
    const bytes = readFileSync(path);
    const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    if (!fetched.has(name)) {
      out.transfer_beside[name] = size;
      continue;
    }
    out.transfer[name] = size;
    raw += size.raw;
    gz += size.gzip;
  }
  const missing = [...fetched].filter((name) => !out.transfer[name] && !name.startsWith('kvh-generation'));
  if (missing.length) out.transfer_not_in_dist = missing;
  out.transfer_total = { raw, gzip: gz, budget_gzip: 500 * 1024 }; // DESIGN.md
}
