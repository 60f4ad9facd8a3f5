// Copies the app's own web files (web/*.html, *.css, *.js but the lib_*.js that Emscripten links
// in, the manifest and the icon) into dist, without what is there for the people who maintain them:
// whole-line comments of JS, comments of CSS and HTML, indentation and blank lines. A first start
// fetches these files, and they count in the transfer budget (tools/benchmark/transfer.mjs).
//
// Does not: touch a line with code on it (a trailing comment stays), or rename anything; JS and CSS
// that need more than that are not written here.
// Usage: node tools/copy_web.mjs WEB_DIR DIST_DIR
import { readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const [web, dist] = process.argv.slice(2);
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const lean = {
  '.js': (t) => lines(t).filter((l) => !l.startsWith('//')).join('\n') + '\n',
  '.css': (t) => lines(t.replace(/\/\*[\s\S]*?\*\//g, '')).join('\n') + '\n',
  '.html': (t) => lines(t.replace(/<!--[\s\S]*?-->/g, '')).join('\n') + '\n',
};
for (const name of readdirSync(web)) {
  if (name.startsWith('lib_') || !/\.(html|css|js|webmanifest|svg)$/.test(name)) continue;
  const ext = name.slice(name.lastIndexOf('.'));
  if (lean[ext]) writeFileSync(join(dist, name), lean[ext](readFileSync(join(web, name), 'utf8')));
  else copyFileSync(join(web, name), join(dist, name));
}
