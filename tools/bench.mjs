// The project's benchmark: figures for DESIGN.md's budgets, written to build/bench.json. Figures only:
// no pass/fail here. Each figure stands beside its budget and, where the budget is relative, beside
// its anchor measured in the same run (a raw IndexedDB put, a bare nlohmann parse, an empty profile).
//   transfer      raw and gzip size of each file a first start fetches (and, apart, those it does not)
//   start, idle   time to first frame, frames drawn per idle second
//   save          saving one edit with 10 / 1,000 / 10,000 documents, next to a raw IndexedDB put
//   edits         one keystroke and one score change at 20 and 2,000 risks × 5 actions: CPU of the UI's
//                 edit path, the frames a real keypress causes, bytes written, save time vs a raw put
//   heap          wasm heap in use over 200 score changes of the 2,000-risk analysis, and its own size
//   scroll        frame build while scrolling the 2,000-risk analysis with both matrices in view
//   register      the Åtgärder register over that analysis' 10,000 actions: frame build while scrolling
//                 it, and the frame that applies a filter, a search keystroke or a sort
//   import        a 10 MB exchange file, chosen → durable, next to a bare nlohmann parse of it
//   cold_start    start to first frame with that 10 MB workspace, next to an empty profile's
//   arshjul       the årshjul of a plan of 60 planned checks with 12 done runs of 200 samples × 10
//                 questions: frame build while the pointer moves over it, the frame that opens the plan
//                 (computing the wheel's facts from every answer) and the one that shows the wheel
//   egenkontroll_run  a run of 200 samples × 10 questions among 12 such runs and a plan of 60 checks:
//                 opening it (click → its results drawn), idle frames while it is open, and one
//                 answer keyed in its table → the results drawn again
//   oversikt      Översikt at 2,000 risks × 5 actions and a plan of 60 checks: the frame that opens it, frame
//                 build while the pointer moves over it; keypresses in an action's text in the risk editor
//   semantics     the accessibility layer with 2,000 risks listed: ms per frame that changed what it
//                 mirrors (scrolling), DOM elements kept (only what is drawn), and the DOM mutations of
//                 an idle second and of frames that change nothing (0 wanted)
// Headless Chromium draws with SwiftShader (software GL): frame_total_ms and save_durable_ms (which
// waits behind the frames the edit asks for) include that; every *build* figure and the edit CPU do not.
// `node tools/bench.mjs [section …]` runs only the named sections (transfer save edits heap scroll
// register import cold_start arshjul egenkontroll_run oversikt semantics); tools/bench runs them all.
// Each section is a file of tools/benchmark/ with the same name; browser.mjs, seed.mjs and stats.mjs are
// what they share.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { round } from './benchmark/stats.mjs';
import { startBrowser, stopBrowser } from './benchmark/browser.mjs';
import { transfer } from './benchmark/transfer.mjs';
import { save } from './benchmark/save.mjs';
import { edits } from './benchmark/edits.mjs';
import { heap } from './benchmark/heap.mjs';
import { scroll } from './benchmark/scroll.mjs';
import { register } from './benchmark/register.mjs';
import { import_file, cold_start } from './benchmark/import.mjs';
import { arshjul } from './benchmark/arshjul.mjs';
import { oversikt } from './benchmark/oversikt.mjs';
import { egenkontroll_run } from './benchmark/egenkontroll_run.mjs';
import { semantics } from './benchmark/semantics.mjs';

const DIST = 'build/web/dist';
// In the order they run; the name is the one given on the command line and the key in bench.json.
const sections = { transfer: (o) => transfer(o, DIST), save, edits, heap, scroll, semantics, register, import: import_file, cold_start, arshjul, oversikt, egenkontroll_run };
const only = new Set(process.argv.slice(2));
const wanted = (section) => only.size === 0 || only.has(section);
for (const name of only) if (!sections[name]) throw new Error(`bench: no section "${name}"`);

const out = { date: new Date().toISOString(), transfer: {}, start: {}, idle: {}, save: [] };
// Other work on the machine shows in every time (p95 most): how busy it was, start and end.
out.machine = { cpus: cpus().length, model: cpus()[0]?.model, loadavg_start: loadavg().map((x) => round(x, 2)) };

// Runs one section; a section that fails leaves its error in the output and the others still run.
async function run(name, fn) {
  if (!wanted(name)) return;
  try {
    await fn();
  } catch (e) {
    (out.errors ??= {})[name] = e.message;
    console.error(`bench: ${name} failed:`, e);
  }
}

if (Object.keys(sections).some(wanted)) {
  await startBrowser(DIST);
  for (const [name, fn] of Object.entries(sections)) await run(name, () => fn(out));
  await stopBrowser();
}

out.machine.loadavg_end = loadavg().map((x) => round(x, 2));
writeFileSync('build/bench.json', JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
