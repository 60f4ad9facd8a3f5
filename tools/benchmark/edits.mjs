// Edits at 20 and 2,000 risks: keystroke CPU, a real keypress's frames, bytes and save time
import { makeAnalysis } from '../../tests/data/make_docs.mjs';
import { quantile, median, round, stats } from './stats.mjs';
import { newPage, durable, find, click, framesQuiet, typeInto } from './browser.mjs';
import { seedWorkspace, openAnalysis } from './seed.mjs';

// One edit in the page (kvhBench.edit: a keystroke or a score change), handed to the store at
// once (as on page hide; the edit's frames and the save's are then the same ones) and waited for
// until durable: the transactions it took, the ms the hand-over itself took (serialising, starting
// the write), and the ms from the hand-over to the last transaction's completion.
async function editAndSave(page, edit) {
  const { mark, t0, handoff, edit_ms } = await page.evaluate((edit) => {
    const edit_ms = window.kvhBench.edit(edit);
    const mark = window.kvhBench.mark(), t0 = performance.now();
    window.kvhTest.flush();
    return { mark, t0, handoff: performance.now() - t0, edit_ms };
  }, edit);
  if (edit_ms < 0) throw new Error('bench: an edit was refused');
  await durable(page);
  const txs = await page.evaluate((mark) => window.kvhBench.since(mark), mark);
  return { mark, txs, handoff, ms: txs.length ? Math.max(...txs.map((t) => t.t1)) - t0 : null,
           bytes: txs.reduce((s, t) => s + t.bytes, 0) };
}

// `count` edits of `kind` on risks from `index` on, each saved at once: bytes per save, hand-over →
// complete, and raw puts of the same records, one transaction each — as the app asks for the frames a
// save asks for (the anchor: both wait behind the same drawing), and with nothing else going on.
async function savesOf(page, count, kind, id, index) {
  const first = await page.evaluate(() => window.kvhBench.mark());
  const saves = [];
  for (let i = 0; i < count; ++i) {
    await framesQuiet(page);
    saves.push(await editAndSave(page, { kind, id, index: kind === 'keystroke' ? index : index + i, i }));
  }
  await framesQuiet(page);
  const raw = await page.evaluate((mark) => window.kvhBench.rawPuts(mark, 3), first);
  const idle = await page.evaluate((mark) => window.kvhBench.rawPuts(mark), first);
  return { saves: saves.length, transactions_per_save: median(saves.map((s) => s.txs.length)),
           bytes_per_save: stats(saves.map((s) => s.bytes)), handoff_ms: stats(saves.map((s) => s.handoff)),
           save_ms: stats(saves.map((s) => s.ms)), raw_put_ms: stats(raw), raw_put_idle_ms: stats(idle),
           save_vs_raw: round(median(saves.map((s) => s.ms)) / median(raw), 2) };
}

export async function edits(out) {
  out.edits = { budget: { keystroke_cpu_ms: 1, bytes_per_edit: 8 * 1024, save_vs_raw_put: 1.5 } };
  for (const risks of [20, 2000]) {
    const { context, page } = await newPage();
    const doc = makeAnalysis(risks, risks, 5);
    await seedWorkspace(page, [doc], `analysis-${risks}`);
    await openAnalysis(page, doc.title);
    const mid = Math.floor(risks / 2);
    const r = { risks, actions_per_risk: 5, document_bytes: Buffer.byteLength(JSON.stringify(doc)) };

    // One keystroke through the UI's edit path (kvhTest.keystroke → ui::edit_analysis, typing), 200
    // in a row in the description of the middle risk: one burst, as typing is.
    const cpu = await page.evaluate(({ id, mid }) => {
      const ms = [];
      for (let i = 0; i < 200; ++i) ms.push(window.kvhTest.keystroke(id, mid, 'abcdefghij'[i % 10]));
      return ms;
    }, { id: doc.id, mid });
    if (cpu.some((x) => x < 0)) throw new Error('bench: a keystroke was refused');
    // The first edit after loading also hashes every item whose hash is not cached yet.
    r.keystroke_cpu_ms = { ...stats(cpu), first: round(cpu[0]), median_after_first: round(median(cpu.slice(1))),
                           p95_after_first: round(quantile(cpu.slice(1), 0.95)) };
    await durable(page);

    // Real keypresses in "Vad kan hända?" of risk 1: the build ms of the frames each one causes (the
    // key and its character reach ImGui a frame apart; the slowest frame is the one that edits).
    await click(page, /^Risk 1: /);
    await find(page, 'Vad kan hända?');
    // The caption above the field has the same label: the field is the taller one.
    const field = (await page.evaluate(() => window.kvhTest.items())).filter((i) => i.label === 'Vad kan hända?')
      .sort((a, b) => b.h - a.h)[0];
    const { maxFrame, keyFrames } = await typeInto(page, field, 200);
    r.keypress_frame_build_ms = { ...stats(maxFrame), frames_per_key: median(keyFrames), first: round(maxFrame[0]),
                                  slowest_at_key: maxFrame.indexOf(Math.max(...maxFrame)) + 1 };
    await durable(page);
    const typed = await page.evaluate((id) => JSON.parse(window.kvhTest.workspace()).documents.find((d) => d.id === id)
      .body.risker[0].beskrivning.length, doc.id);
    r.keypress_chars_landed = typed - doc.body.risker[0].beskrivning.length;

    // Bytes and save time of one keystroke and of one score change, each saved at once.
    r.save_keystroke = await savesOf(page, 20, 'keystroke', doc.id, mid);
    r.save_score = await savesOf(page, 20, 'score', doc.id, 0);
    out.edits[`risks_${risks}`] = r;
    await context.close();
  }
  const a = out.edits.risks_20, b = out.edits.risks_2000;
  if (a && b) out.edits.keystroke_cpu_2000_vs_20 = round(b.keystroke_cpu_ms.median / a.keystroke_cpu_ms.median, 2);
}
