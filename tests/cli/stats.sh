#!/usr/bin/env bash
# kvh stats: counts per kind, status and year, and actions per status, as text (sv/en) and as JSON.
# Usage: bash stats.sh /path/to/kvh /path/to/tests/data
set -u
KVH=$1 DATA=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$KVH" stats "$DATA/workspace_valid.json" >"$TMP/out" 2>"$TMP/err" || fail "stats exited $?"
cat >"$TMP/want" <<'TXT'
Dokument: 11
Per dokumenttyp:
  Riskanalyser:               3
  Egenkontrollplaner:         2
  Genomförda egenkontroller:  2
  Årliga genomgångar:         2
  Åtgärdsplaner:              2
Per status:
  Utkast:                     2
  Pågår:                      4
  Klar:                       4
  Arkiverad:                  1
Per år:
  2025:                       5
  2026:                       6
Åtgärder per status:
  Föreslagen:                 2
  Beslutad:                   1
  Pågår:                      2
  Genomförd:                  2
  Uppföljd:                   1
  Avbruten:                   0
TXT
diff -u "$TMP/want" "$TMP/out" >&2 || fail "Swedish stats differ"

"$KVH" stats --lang en "$DATA/workspace_valid.json" >"$TMP/out" || fail "English stats exited $?"
grep -qxF "Documents: 11" "$TMP/out" || fail "no English total: $(cat "$TMP/out")"
grep -qxF "  Risk analyses:              3" "$TMP/out" || fail "no English kind row: $(cat "$TMP/out")"

"$KVH" stats --json "$DATA/workspace_valid.json" >"$TMP/out" || fail "JSON stats exited $?"
cat >"$TMP/want" <<'JSON'
{
  "documents": 11,
  "per_kind": {
    "riskanalys": 3,
    "egenkontrollplan": 2,
    "egenkontroll": 2,
    "arlig_genomgang": 2,
    "atgardsplan": 2
  },
  "per_status": {
    "utkast": 2,
    "pagar": 4,
    "klar": 4,
    "arkiverad": 1
  },
  "per_year": {
    "2025": 5,
    "2026": 6
  },
  "per_action_status": {
    "foreslagen": 2,
    "beslutad": 1,
    "pagar": 2,
    "genomford": 2,
    "uppfoljd": 1,
    "avbruten": 0
  }
}
JSON
diff -u "$TMP/want" "$TMP/out" >&2 || fail "JSON stats differ"

# Files of format versions 1 and 2 (old statuses, åtgärdsplaner and egenkontroller as any JSON) count as
# the app reads them: the action of the utförd egenkontroll is one of the genomförda.
for old in workspace_format1.json workspace_format2.json; do
    "$KVH" stats --json "$DATA/$old" >"$TMP/old" || fail "stats of $old exited $?"
    diff -u "$TMP/want" "$TMP/old" >&2 || fail "stats of $old differ from the sample's"
done

# An invalid file has no statistics: errors and exit status 1, nothing on stdout.
"$KVH" stats --json "$DATA/invalid_fields.json" >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" -eq 1 ] || fail "stats of an invalid file exited $status, expected 1"
[ ! -s "$TMP/out" ] || fail "stats of an invalid file printed: $(cat "$TMP/out")"
grep -qxF "documents[3].body: ska vara ett objekt, men är en lista" "$TMP/err" || fail "error missing: $(cat "$TMP/err")"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "stats: ok"
