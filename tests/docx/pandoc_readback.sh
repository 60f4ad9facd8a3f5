#!/usr/bin/env bash
# The kvalitetsberättelse's Word file read back by pandoc (Debian's): a review of the sample
# workspace with every verdict, narratives, a decision and a title of HTML markup is drafted and
# written as .docx; the zip's CRCs and every XML part must check out (Python's zipfile and
# ElementTree: LibreOffice is not installed, so no schema validation), and pandoc must find every
# heading, every table cell and every text of the draft, with the markup as text.
# Usage: bash pandoc_readback.sh /path/to/write_berattelse /path/to/tests/data  (KEEP=1: keep the files)
set -u
WRITE=$1 DATA=$2
HERE=$(dirname "$0")
TMP=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
command -v pandoc >/dev/null || { echo "FAIL: pandoc is not installed (tools/setup installs it)" >&2; exit 1; }

REVIEW=237f0de0-5093-4ba9-b55e-e054438973ec # the sample's review of 2025, for the nämnd
EVIL='<img src=x onerror=alert(1)>'
/usr/bin/python3 - "$DATA/workspace_valid.json" "$TMP/export.json" "$REVIEW" "$EVIL" <<'PY' || exit 1
import json, sys, uuid
src, dst, review, evil = sys.argv[1:5]
with open(src, encoding="utf-8") as f:
    export = json.load(f)
doc = next(d for d in export["documents"] if d["id"] == review)
doc["title"] = evil
body = doc["body"]
# A control character, U+FFFE and U+FFFF, as a file of another tool may bring: XML 1.0 forbids them,
# so the parts below are well-formed only if the writer leaves them out.
body.update(kommun="Borås stad\u0001\uffff", diarienummer="SN 2026/17\ufffe", forfattare="Kvalitetsstrateg Anna Berg",
            beslutad_av="Socialnämnden", beslutsdatum="2026-03-18", paragraf="§ 42",
            helhetsbedomning="uppfyller_delvis")
body["berattelse"] = {"inledning": "Nämnden har under året följt upp ledningssystemet.",
                      "riskanalys": "Riskanalyser gjordes före varje större förändring.\nTvå enheter saknade analys."}
extra = dict(body["krav"][0], id=str(uuid.uuid4()), bedomning="ej_tillampligt", kommentar=evil,
             underlag="Gäller inte nämndens verksamhet.", atgarder=[])
body["krav"].append(extra)
with open(dst, "w", encoding="utf-8") as f:
    json.dump(export, f, ensure_ascii=False)
PY

"$WRITE" "$TMP/export.json" "$REVIEW" 2026-02-20 "$TMP/berattelse.docx" >"$TMP/expected.json" \
    || fail "write_berattelse exited $?"
pandoc -f docx -t json "$TMP/berattelse.docx" -o "$TMP/pandoc.json" || fail "pandoc (json) exited $?"
pandoc -f docx -t html "$TMP/berattelse.docx" -o "$TMP/pandoc.html" || fail "pandoc (html) exited $?"
pandoc -f docx -t plain "$TMP/berattelse.docx" -o "$TMP/pandoc.txt" || fail "pandoc (plain) exited $?"
/usr/bin/python3 "$HERE/check_readback.py" "$TMP/berattelse.docx" "$TMP/expected.json" "$TMP/pandoc.json" \
    "$TMP/pandoc.html" || fail "read-back checks"

# Anchors that do not depend on the draft: the sections' headings, every verdict, the decision.
for want in "Inledning och syfte" "Riskanalyser" "Fokusområden för nästa år" "Beslut" \
    "Uppfyller" "Uppfyller delvis" "Uppfyller inte" "Ej bedömt" "Ej tillämpligt" \
    "Bedömning: Uppfyller inte" "Socialnämnden" "§ 42" "$EVIL" "Kommun: Borås stad" "SN 2026/17"; do
    grep -qF -- "$want" "$TMP/pandoc.txt" || fail "pandoc's text lacks: $want"
done

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "pandoc_readback: ok"
