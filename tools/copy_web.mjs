// Puts what a browser fetches beside Emscripten's output in dist, made as small as it can be without
// changing what it does: the app's own web files (web/*.html, *.css, *.js but the lib_*.js that
// Emscripten links in, the manifest and the icon) without comments, indentation and blank lines, their
// JS and Emscripten's kvh.js minified by terser (local names shortened, dead code dropped), and the
// libraries of assets/ as JSON without indentation (the schema stays as people read it). A first
// start fetches these files, and they count in the transfer budget (tools/benchmark/transfer.mjs).
//
// Does not: rename a property or a global (window.kvhTest, Module's keys and the wasm's imports keep
// their names), or change a JSON value; files of other kinds are copied as they are.
// Usage: node tools/copy_web.mjs WEB_DIR ASSETS_DIR DIST_DIR
import { readdirSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const [web, assets, dist] = process.argv.slice(2);
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const js = async (t) => {
  const out = await minify(t, { ecma: 2020, compress: { passes: 2 }, mangle: true });
  return out.code + '\n';
};
const lean = {
  '.js': js,
  '.css': (t) => lines(t.replace(/\/\*[\s\S]*?\*\//g, '')).join('\n') + '\n',
  '.html': (t) => lines(t.replace(/<!--[\s\S]*?-->/g, '')).join('\n') + '\n',
  '.json': (t) => JSON.stringify(JSON.parse(t)),
};

async function copy(from, to, name) {
  const ext = name.endsWith('.schema.json') ? '' : name.slice(name.lastIndexOf('.'));
  if (lean[ext]) writeFileSync(join(to, name), await lean[ext](readFileSync(join(from, name), 'utf8')));
  else copyFileSync(join(from, name), join(to, name));
}

for (const name of readdirSync(web))
  if (!name.startsWith('lib_') && /\.(html|css|js|webmanifest|svg)$/.test(name)) await copy(web, dist, name);
mkdirSync(join(dist, 'assets'), { recursive: true });
for (const name of readdirSync(assets)) await copy(assets, join(dist, 'assets'), name);
// Emscripten's own output, in place: linked again, it is written whole again.
writeFileSync(join(dist, 'kvh.js'), await js(readFileSync(join(dist, 'kvh.js'), 'utf8')));
