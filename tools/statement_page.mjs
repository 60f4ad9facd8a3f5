// Writes the tillgänglighetsredogörelse as plain web pages beside the app (tillganglighet.html in
// Swedish, accessibility.html in English), readable without JavaScript, WebAssembly or the canvas.
// The text is the message catalogue's (app/core/messages_ui.def): the a11y_statement_* and a11y_gap_*
// messages in the order they stand there, as the About screen draws them — `…_title` a heading, the
// gaps a list, the rest paragraphs (the E2E test holds both to the same text). Run by the web build:
// node statement_page.mjs DEF VERSION OUTDIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [def, version, out] = process.argv.slice(2);
const literal = '"((?:[^"\\\\]|\\\\.)*)"';
const line = new RegExp(`^KVH_MSG\\((a11y_(?:statement|gap)_\\w+),\\s*${literal},\\s*${literal}\\)`);
const unescape = (s) => JSON.parse(`"${s.replace(/\\'/g, "'")}"`);
const messages = readFileSync(def, 'utf8').split('\n').map((l) => l.match(line)).filter(Boolean)
  .map(([, key, sv, en]) => ({ key, sv: unescape(sv), en: unescape(en) }))
  .filter((m) => m.key !== 'a11y_statement_page'); // where this page is: said in the app, not on the page
if (messages.length < 10) throw new Error(`statement_page: only ${messages.length} statement messages in ${def}`);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Digg's address as a link; everything else as text.
const prose = (s) => escape(s).replace(/www\.digg\.se\/tdosanmalan/g, '<a href="https://www.digg.se/tdosanmalan">$&</a>');

function page(lang, other) {
  const body = [];
  let list = false;
  for (const m of messages) {
    const text = m[lang].replace('{0}', version);
    if (m.key.startsWith('a11y_gap_') !== list) {
      body.push(list ? '</ul>' : '<ul>');
      list = !list;
    }
    if (m.key === 'a11y_statement_title') body.push(`<h1>${escape(text)}</h1>`);
    else if (m.key.endsWith('_title')) body.push(`<h2>${escape(text)}</h2>`);
    else if (list) body.push(`<li>${prose(text)}</li>`);
    else body.push(`<p>${prose(text)}</p>`);
  }
  if (list) body.push('</ul>');
  const [title] = messages.filter((m) => m.key === 'a11y_statement_title').map((m) => m[lang]);
  const back = lang === 'sv' ? 'Till Kvalitetshjul' : 'To Kvalitetshjul';
  const switchTo = lang === 'sv' ? '<a href="accessibility.html" lang="en" hreflang="en">In English</a>'
                                 : '<a href="tillganglighet.html" lang="sv" hreflang="sv">På svenska</a>';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">
<meta name="color-scheme" content="light dark">
<title>${escape(title)} – Kvalitetshjul</title>
<link rel="stylesheet" href="statement.css">
</head>
<body>
<nav><a href="./">${back}</a> · ${switchTo}</nav>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

writeFileSync(join(out, 'tillganglighet.html'), page('sv'));
writeFileSync(join(out, 'accessibility.html'), page('en'));
