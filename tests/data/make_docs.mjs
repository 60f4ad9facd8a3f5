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
