#!/usr/bin/env bash
# kvh validate: exit status, and each error on stderr as "path: message" in the chosen language.
# Usage: bash validate.sh /path/to/kvh /path/to/tests/data
set -u
KVH=$1 DATA=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# run EXPECTED_STATUS ARGS…: runs kvh, keeps stdout/stderr in $TMP/out and $TMP/err
run() {
    local want=$1; shift
    "$KVH" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "kvh $* exited $got, expected $want; stderr: $(cat "$TMP/err")"
}
has_line() { grep -qxF -- "$2" "$TMP/$1" || fail "expected line in $1: $2 — got: $(cat "$TMP/$1")"; }
line_count() { [ "$(wc -l <"$TMP/$1")" -eq "$2" ] || fail "expected $2 lines in $1, got $(wc -l <"$TMP/$1")"; }

run 0 validate "$DATA/workspace_valid.json"
has_line out "$DATA/workspace_valid.json: giltig, 11 dokument"
line_count err 0

run 0 --lang en validate - <"$DATA/workspace_valid.json"
has_line out "-: valid, 11 documents"

# A file of format version 1 (participants' scores by place) is read as the app reads it.
run 0 validate "$DATA/workspace_format1.json"
has_line out "$DATA/workspace_format1.json: giltig, 11 dokument"

# A file of format version 2 (the actions' old statuses, åtgärdsplaner as any JSON) too.
run 0 validate "$DATA/workspace_format2.json"
has_line out "$DATA/workspace_format2.json: giltig, 11 dokument"
line_count err 0
line_count err 0

run 1 validate "$DATA/invalid_fields.json"
has_line err "documents[0].year: ska vara ett heltal, men är en text"
has_line err "documents[1].year: årtalet 1999 ligger utanför det tillåtna intervallet 2000–2100"
has_line err "documents[5].status: fältet saknas"
has_line err "$DATA/invalid_fields.json: ogiltig, 12 fel"
line_count err 13
line_count out 0

run 1 validate --lang=en "$DATA/invalid_fields.json"
has_line err "documents[4].title: is too long: 301 characters, at most 300 are allowed"
has_line err "$DATA/invalid_fields.json: invalid, 12 errors"

run 1 validate "$DATA/invalid_not_json.json"
has_line err "filen är inte giltig JSON: fel på rad 6, kolumn 1"

run 1 validate "$DATA/invalid_newer_version.json"
grep -q "^format_version: filen är skapad av en nyare version av Kvalitetshjul" "$TMP/err" ||
    fail "newer version not reported: $(cat "$TMP/err")"

run 1 validate "$DATA/invalid_many_errors.json"
has_line err "… och 10 fel till"
has_line err "$DATA/invalid_many_errors.json: ogiltig, 110 fel"

run 1 validate "$DATA/invalid_empty.json"
has_line err "filen är tom"

# Hostile nesting is refused with a message, not a crash.
python3 -c 'print("[" * 200000 + "]" * 200000)' >"$TMP/deep.json" 2>/dev/null ||
    printf '%*s' 200000 '' | tr ' ' '[' >"$TMP/deep.json"
run 1 validate "$TMP/deep.json"
has_line err "filen är nästlad i fler än 64 nivåer och kan inte läsas"

# A file over 64 MiB is refused with its real size (a sparse file: no disk space used).
truncate -s 200M "$TMP/huge.json"
run 1 validate "$TMP/huge.json"
has_line err "filen är för stor (200 MiB); högst 64 MiB kan läsas"

run 2 validate "$TMP/does-not-exist.json"
has_line err "kvh: kan inte läsa filen ”$TMP/does-not-exist.json”"
run 2 validate "$TMP"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "validate: ok"
