// Generates valid documents in the exchange format for tests and tools/bench: n action plans with
// predictable ids (…-000000000001), titles "Åtgärdsplan 1"… and a revision that validates.
export function makeDoc(i, fields = {}) {
  const hex = i.toString(16).padStart(12, '0');
  return { id: `00000000-0000-4000-8000-${hex}`, kind: 'atgardsplan', title: `Åtgärdsplan ${i}`, unit: 'Enhet',
           year: 2026, status: 'utkast', rev: '1-0123456789abcdef', revisions: [],
           created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', body: {}, ...fields };
}

export function exchangeFile(docs) {
  return JSON.stringify({ format: 'kvalitetshjul', format_version: 1, exported_at: '2026-11-23T10:00:00Z', documents: docs });
}

// [SECTION] Risk analyses and large workspaces (tools/bench)
// Deterministic: the same arguments give the same bytes on every machine. Text is realistic Swedish
// from the kind of risks a hemtjänst, LSS or HSL unit analyses; every value is valid per the app's
// rules (UUID v4 ids, scores 1–4 on the default 4×4 scale, dates YYYY-MM-DD that exist).

// mulberry32: a small seeded generator, enough for test data.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// UUID v4 ids, unique per generator: random hex with a running counter in the last group.
function uuids(rand) {
  let n = 0;
  const hex = (k) => Array.from({ length: k }, () => Math.floor(rand() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${(++n).toString(16).padStart(12, '0')}`;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const sentence = (rand, ...parts) => parts.map((p) => pick(rand, p)).join(' ');
const date = (rand, year) => {
  const m = 1 + Math.floor(rand() * 12), d = 1 + Math.floor(rand() * 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const WHO = ['Brukare', 'Brukare med demenssjukdom', 'Den enskilde', 'Boende på gruppbostaden', 'Brukare med trygghetslarm',
             'Patient i ordinärt boende', 'Brukare som har insatser kväll och natt'];
const WHAT = ['får fel läkemedel eller fel dos', 'faller i samband med förflyttning', 'får inte sin insats vid avtalad tid',
              'drabbas av trycksår', 'blir utan mat och dryck under längre tid', 'utsätts för våld eller hot',
              'får inte kontakt via trygghetslarmet', 'upplever att personalen inte känner till genomförandeplanen',
              'lämnas ensam längre än vad som är beslutat', 'får bristande munvård'];
const WHEN = ['under helger när ordinarie personal är ledig.', 'vid överlämning mellan dag- och kvällspass.',
              'när vikarier arbetar utan introduktion.', 'i samband med omorganisationen.', 'under sommarperioden.',
              'när flera larm kommer samtidigt.', 'efter utskrivning från slutenvården.'];
const CAUSE = ['Hög personalomsättning och många timanställda', 'Ofullständig dokumentation i verksamhetssystemet',
               'Rutinen för signeringslistor är inte känd av alla', 'Brist på tid för överlämning mellan passen',
               'Delegeringar förnyas inte i tid', 'Lång körsträcka mellan brukarna', 'Otydlig ansvarsfördelning mellan enheterna'];
const CAUSE2 = ['vilket gör att information faller bort.', 'och ingen följer upp att rutinen efterlevs.',
                'samt att avvikelser inte rapporteras.', 'vilket skapar stress i arbetsgruppen.',
                'och kunskapen om den enskildes behov är begränsad.'];
const HARM = ['Risk för allvarlig skada eller sjukhusvård.', 'Otrygghet och försämrad livskvalitet för den enskilde.',
              'Försämrat allmäntillstånd och ökat vårdbehov.', 'Kränkning av den enskildes integritet och självbestämmande.',
              'Smärta, oro och förlorat förtroende för verksamheten.'];
const ORG = ['Lex Sarah-utredning och anmälan till IVO kan bli aktuell.', 'Ökad arbetsbelastning och fler avvikelser.',
             'Förtroendet för verksamheten skadas.', 'Merarbete för sjuksköterska och enhetschef.',
             'Risk för vite eller kritik vid tillsyn.'];
const BARRIER = ['Signeringslistor för läkemedel och rutin för avvikelsehantering.', 'Introduktionsprogram för nyanställda och vikarier.',
                 'Genomförandeplaner som följs upp var sjätte månad.', 'Trygghetslarm med återuppringning inom tio minuter.',
                 'Skriftlig överlämning i verksamhetssystemet vid varje passbyte.', 'Riskbedömning enligt Senior alert vid inskrivning.'];
const CATEGORY = ['Läkemedel', 'Fall', 'Bemanning och kompetens', 'Kommunikation, överlämning och dokumentation',
                  'Våld och hot', 'Nutrition', 'Trycksår', 'Ledning och organisation'];
const DO = ['Ta fram en rutin för', 'Utbilda all personal i', 'Inför daglig kontroll av', 'Se över schemaläggningen för',
            'Genomför stickprov av', 'Tydliggör ansvaret för', 'Inför checklista för'];
const OBJ = ['läkemedelshantering och signering', 'överlämning mellan arbetspassen', 'förflyttningar med hjälpmedel',
             'dokumentation av insatser', 'hantering av trygghetslarm', 'introduktion av vikarier', 'munvård och nutrition'];
const ROLE = ['Enhetschef', 'Sjuksköterska', 'Kvalitetsombud', 'MAS', 'Samordnare', 'Verksamhetsutvecklare', 'Arbetsterapeut'];
const FOLLOW = ['', '', 'Rutinen är införd och känd av personalgruppen.', 'Stickprov visar att signeringar saknas mer sällan.',
                'Delvis genomförd; återstår att utbilda nattpersonalen.'];
const UNITS = ['Hemtjänst Norra', 'Hemtjänst Södra', 'Gruppbostad Björken', 'Vård- och omsorgsboendet Solgården',
               'Daglig verksamhet Verkstan', 'Korttidsboendet Ekbacken', 'Nattpatrullen'];
const STATUSES = ['planerad', 'pagar', 'klar', 'avbruten'];
const EFFECTS = ['ej_uppfoljd', 'effekt', 'delvis', 'ingen_effekt'];

function makeAction(rand, id, year) {
  const status = pick(rand, STATUSES), done = status === 'klar';
  return { id: id(), vad: `${sentence(rand, DO, OBJ)}.`, varfor: pick(rand, CAUSE), ansvarig: pick(rand, ROLE),
           klart_senast: date(rand, year), status, klart_datum: done ? date(rand, year) : '',
           uppfoljningsdatum: done ? date(rand, year + 1) : '', effekt: done ? pick(rand, EFFECTS) : 'ej_uppfoljd',
           uppfoljning: done ? pick(rand, FOLLOW) : '' };
}

function makeRisk(rand, id, year, actions) {
  const s = 1 + Math.floor(rand() * 4), k = 1 + Math.floor(rand() * 4);
  return { id: id(), beskrivning: sentence(rand, WHO, WHAT, WHEN), orsaker: sentence(rand, CAUSE, CAUSE2),
           konsekvens_individ: pick(rand, HARM), konsekvens_verksamhet: pick(rand, ORG), kategori: pick(rand, CATEGORY),
           sannolikhet: s, konsekvens: k, barriarer: pick(rand, BARRIER),
           atgarder: Array.from({ length: actions }, () => makeAction(rand, id, year)),
           rest_sannolikhet: Math.max(1, s - 1), rest_konsekvens: k, beslut: 'atgarda', beslutsmotivering: '', poang: [] };
}

// A riskanalys document with `risks` risks of `actions` actions each; `seed` picks ids and text.
export function makeAnalysis(seed, risks, actions = 5, fields = {}) {
  const rand = rng(seed * 7919 + 1), id = uuids(rand), year = 2026;
  return {
    id: id(), kind: 'riskanalys', title: `Riskanalys ${seed}: ${risks} risker`, unit: pick(rand, UNITS), year,
    status: 'pagar', rev: '1-0123456789abcdef', revisions: [],
    created: '2026-01-12T08:30:00Z', updated: '2026-01-19T14:05:00Z',
    body: {
      anledning: 'forandring', anledning_text: 'Verksamheten organiseras om; analysen görs innan förändringen genomförs.',
      datum: date(rand, year), fas: 'pagar',
      deltagare: [{ namn: 'Deltagare A', roll: 'Enhetschef' }, { namn: 'Deltagare B', roll: 'Undersköterska' },
                  { namn: 'Deltagare C', roll: 'Sjuksköterska' }, { namn: 'Deltagare D', roll: 'Kvalitetsombud' }],
      uppfoljningsdatum: date(rand, year + 1), beslutad_av: 'Enhetschef', beslutsdatum: date(rand, year),
      sammanfattning: 'Riskerna har bedömts vid en analysdag med personalgruppen.',
      risker: Array.from({ length: risks }, () => makeRisk(rand, id, year, actions)),
    },
    ...fields,
  };
}

// Documents for a workspace of about `bytes` bytes of UTF-8 as an exchange file: risk analyses of
// 20 risks × 5 actions (about 47 kB each) with an åtgärdsplan beside every fifth of them.
export function makeWorkspaceDocs(bytes = 10 * 1024 * 1024) {
  const docs = [], utf8 = new TextEncoder();
  let size = 0;
  for (let i = 1; size < bytes; ++i) {
    const doc = makeAnalysis(100000 + i, 20, 5);
    docs.push(doc);
    size += utf8.encode(JSON.stringify(doc)).length + 8;
    if (i % 5 === 0) {
      const plan = makeDoc(100000 + i);
      docs.push(plan);
      size += utf8.encode(JSON.stringify(plan)).length + 8;
    }
  }
  return docs;
}

// [SECTION] Egenkontroll: a plan and runs of its checks (tools/bench, E2E)
const CHECK_AREAS = ['Social dokumentation', 'Avvikelser', 'Läkemedel', 'Hygien', 'Privata medel', 'Nyckelhantering',
                     'Delegering', 'Genomförandeplaner', 'Mat och måltider', 'Klagomål och synpunkter'];

// An egenkontrollplan for 2026 with `checks` planned checks of `questions` questions each; check i is
// planned for two months six apart (i % 12 + 1 and the one half a year later). `fields` replaces the
// document's own.
export function makeEgenkontrollPlan(seed, checks, questions = 10, fields = {}) {
  const rand = rng(seed * 104729 + 3), id = uuids(rand);
  return {
    id: id(), kind: 'egenkontrollplan', title: `Egenkontrollplan ${seed}: ${checks} kontroller`, unit: pick(rand, UNITS),
    year: 2026, status: 'pagar', rev: '1-0123456789abcdef', revisions: [],
    created: '2026-01-12T08:30:00Z', updated: '2026-01-19T14:05:00Z',
    body: {
      faststalld_av: 'Enhetschef', faststalld_datum: '2026-01-15',
      kontroller: Array.from({ length: checks }, (_, i) => ({
        id: id(), omrade: `${CHECK_AREAS[i % CHECK_AREAS.length]} ${i + 1}`,
        vad: `Kontroll ${i + 1}: att dokumentationen är aktuell och följer rutinen`, syfte: 'Rutin för social dokumentation',
        metod: 'aktgranskning', urval: 200, frekvens: 'egna_manader', manader: [i % 12 + 1, (i + 6) % 12 + 1].sort((a, b) => a - b),
        ansvarig: 'Enhetschef', rapporteras_till: 'Nämnden', malniva: 100,
        fragor: Array.from({ length: questions }, (_, q) => ({ id: id(), text: `Fråga ${q + 1}: finns det som rutinen kräver?` })),
        atgarder: [], kvitterade: [], foregaende: '',
      })),
    },
    ...fields,
  };
}

// A run of check `index` of `plan` with `samples` samples answering every question, its period the
// check's first month. Answers: ja, but nej to the first question in every tenth sample (so a done run
// has an analysis); with `allYes` every answer ja. With `done` it is marked done on the period's last day.
export function makeEgenkontrollRun(seed, plan, index, samples, { done = true, allYes = false } = {}) {
  const rand = rng(seed * 15485863 + 5), id = uuids(rand);
  const check = plan.body.kontroller[index];
  const month = String(check.manader[0]).padStart(2, '0');
  const end = `2026-${month}-28`;
  return {
    id: id(), kind: 'egenkontroll', title: `Egenkontroll ${seed}: ${check.omrade}, ${samples} stickprov`, unit: plan.unit,
    year: 2026, status: done ? 'klar' : 'pagar', rev: '1-0123456789abcdef', revisions: [],
    created: '2026-01-12T08:30:00Z', updated: '2026-01-19T14:05:00Z',
    body: {
      plan: plan.id, kontroll: check.id, omrade: check.omrade, metod: check.metod,
      period_fran: `2026-${month}-01`, period_till: end, utford_av: 'Kvalitetsombud', malniva: 100,
      fragor: check.fragor,
      dragning: { fro: '', population: 0, fingeravtryck: '' },
      urval: Array.from({ length: samples }, (_, k) => ({
        id: id(), referens: `Akt ${seed}-${k + 1}`,
        svar: check.fragor.map((q, j) => ({ fraga: q.id, svar: !allYes && k % 10 === 0 && j === 0 ? 'nej' : 'ja', anteckning: '' })),
      })),
      fynd: done ? 'Några planer upprättades sent.' : '', analys: done ? 'Överlämningen mellan skift missades.' : '',
      slutsats: done ? 'Rutinen ses över.' : '', rapporterad_till: done ? 'Nämnden' : '', rapporterad_datum: done ? end : '',
      klar_datum: done ? end : '', atgarder: [],
    },
  };
}

// [SECTION] Årlig genomgång: a year of quality work to review (E2E)
// The documents of 2026 in two units, every figure of the review's evidence known: three risk
// analyses (two with no high risk, one titled with markup that must print as text; one whose red risk
// has no action), an egenkontrollplan of two checks planned in two months each, the first run in
// January (58 of 60 answers ja), and an åtgärdsplan whose four actions are done without follow-up,
// followed up the same day, followed up later, and overdue.
export const REVIEW_MARKUP_TITLE = '<img src=x onerror=alert(1)>';

export function makeReviewYear() {
  const low = (analysis) => {
    for (const r of analysis.body.risker) Object.assign(r, { sannolikhet: 1, konsekvens: 2, rest_sannolikhet: 1, rest_konsekvens: 2 });
    return analysis;
  };
  const calm = low(makeAnalysis(7001, 3, 0, { title: 'Riskanalys inför sommaren', unit: 'Hemtjänst Norra' }));
  const markup = low(makeAnalysis(7002, 2, 0, { title: REVIEW_MARKUP_TITLE, unit: 'Gruppbostad Björken' }));
  const red = low(makeAnalysis(7003, 2, 0, { title: 'Riskanalys nattbemanning', unit: 'Hemtjänst Norra' }));
  Object.assign(red.body.risker[0], { sannolikhet: 4, konsekvens: 3, rest_sannolikhet: 4, rest_konsekvens: 3 });
  const plan = makeEgenkontrollPlan(7004, 2, 3, { title: 'Egenkontrollplan Hemtjänst Norra 2026', unit: 'Hemtjänst Norra' });
  const run = makeEgenkontrollRun(7005, plan, 0, 20);
  const rand = rng(7006), id = uuids(rand);
  const action = (vad, status, fields) => ({
    id: id(), vad, varfor: 'Lex Sarah-utredningen visade att rutinen inte var känd', ansvarig: 'Enhetschef',
    klart_senast: '2026-05-01', status, klart_datum: '', uppfoljningsdatum: '', effekt: 'ej_bedomd', uppfoljning: '', ...fields,
  });
  const actions = makeDoc(7007, {
    id: id(), title: 'Åtgärdsplan efter lex Sarah', unit: 'Hemtjänst Norra',
    body: { atgarder: [
      action('Inför dubbelsignering av läkemedel', 'genomford', { klart_datum: '2026-04-10' }),
      action('Utbilda nattpersonalen i larmrutinen', 'uppfoljd',
             { klart_datum: '2026-05-02', uppfoljningsdatum: '2026-05-02', effekt: 'ja', uppfoljning: 'Alla har gått utbildningen.' }),
      action('Se över överlämningen mellan passen', 'uppfoljd',
             { klart_datum: '2026-03-01', uppfoljningsdatum: '2026-06-01', effekt: 'delvis', uppfoljning: 'Kvällspasset återstår.' }),
      action('Ta fram en rutin för nyckelhantering', 'beslutad', {}),
    ] },
  });
  return [calm, markup, red, plan, run, actions];
}
